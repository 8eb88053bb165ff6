/* lxc's storage_destroy_wrapper(): root inside the new user namespace */
#include <unistd.h>

int storage_destroy_wrapper(void *data) {
  (void)data;
  if (setgid(0) < 0 || setuid(0) < 0)
    return -1;
  return 0;
}

/* a switch to root outside any namespace: the sign start/ shows */
int become_root(void) {
  return setgid(0) || setuid(0) ? -1 : 0;
}
