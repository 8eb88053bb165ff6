/* lockfile-nfs is off by default. */
#include <fcntl.h>

int excl_lock(void) {
  return open("/var/lock/app.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);   // no-warning
}
