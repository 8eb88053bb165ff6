// ARGS: --min-risk low
/* A PAM module's entry point is a sign of privilege by its name alone:
 * this file calls no file function, yet the pre-filter must parse it. */
int refresh_store(const char *user);

int pam_sm_open_session(void *pamh, int flags, int argc, const char **argv) {
  (void)pamh, (void)flags;
  return argc > 0 ? refresh_store(argv[0]) : 0;
}
