// ARGS: --min-risk low
#include <stdlib.h>
#include <sys/stat.h>

int refresh_store(const char *user) {
  struct stat st;
  const char *name = getenv("STORE");
  (void)user;
  if (stat(name, &st) == 0 && S_ISREG(st.st_mode))
    return chmod(name, 0600);   // WARNING[toctou-check-use risk=high because="a PAM module"]
  return 0;
}
