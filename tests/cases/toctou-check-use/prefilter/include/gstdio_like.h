/* A library header that maps its names onto libc by macro, as glib's
 * gstdio.h does on Unix (#define g_stat stat). */
#include <fcntl.h>
#include <sys/stat.h>
#define lib_stat stat
#define lib_open open
#define CHECKED_OPEN(p) lib_open((p), O_RDONLY)
