// ARGS: --min-risk low
/* A PAM module runs inside privileged programs (login, sudo, sshd). */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int pam_sm_open_session(void *pamh, int flags, int argc, const char **argv) {
  struct stat st;
  (void)pamh, (void)flags, (void)argc;
  if (stat(argv[0], &st) == 0 && S_ISREG(st.st_mode))
    return chmod(argv[0], 0600);           // WARNING[toctou-check-use risk=high because="a PAM module"]
  return 0;
}
