/* lxc-copy: its only id change runs in a user namespace */
#include <fcntl.h>
#include <unistd.h>

int userns_exec(int (*fn)(void *), void *data);
int storage_destroy_wrapper(void *data);

static int write_pidfile(const char *pidfile) {
  if (access(pidfile, W_OK) == 0)
    return -1;
  return open(pidfile, O_WRONLY | O_TRUNC);   // WARNING[toctou-check-use risk=low because="nothing shows it is"]
}

int main(int argc, char **argv) {
  if (userns_exec(storage_destroy_wrapper, NULL) < 0 || argc < 2)
    return 1;
  return write_pidfile(argv[1]) < 0;
}
