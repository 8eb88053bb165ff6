// ARGS: --min-risk low
#include <stdlib.h>
#include <sys/stat.h>

#include "app.h"

int save_state(void) {
  struct stat st;
  const char *name = getenv("STATE");
  if (stat(name, &st) == 0 && S_ISREG(st.st_mode))
    return chmod(name, 0600);   // WARNING[toctou-check-use risk=high because="calls initgroups()"]
  return 0;
}
