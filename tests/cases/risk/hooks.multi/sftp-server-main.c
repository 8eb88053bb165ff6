// ARGS: --min-risk low
/* sftp-server's main() lives in a file of its own. */
int sftp_server_main(int request, const char *name);

int main(int argc, char **argv) {
  return argc > 2 ? sftp_server_main(argv[1][0], argv[2]) : 0;
}
