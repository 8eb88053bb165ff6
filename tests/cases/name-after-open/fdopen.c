// CFLAGS: -D_GNU_SOURCE
// ARGS: --min-risk low
/* name-after-open through a stream wrapped around the descriptor: the
 * descriptor mkstemp() returned lives on in the FILE that fdopen() made,
 * so a by-name call while that stream is still in use acts on whatever
 * the name means now (cronie's CVE-2010-0424: crontab -e reset the times
 * of its temporary file with utime() by name, as root, while editing it
 * through the stream). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <utime.h>

static char Filename[64];
static FILE *NewCrontab;

/* utime() by name while the stream over mkstemp()'s descriptor is in use. */
int edit_by_name(void) {
  struct utimbuf times = {0, 0};
  int t = mkstemp(Filename);                       // NOTE[name-after-open]
  if (t == -1)
    return -1;
  if (!(NewCrontab = fdopen(t, "r+")))
    return -1;
  fputs("# crontab\n", NewCrontab);
  utime(Filename, &times);                         // WARNING[name-after-open "use futimens() on 't'"]
  rewind(NewCrontab);
  return fclose(NewCrontab);
}

/* The descriptor form on the stream's descriptor. */
int edit_by_descriptor(void) {
  struct timespec times[2] = {{0, 0}, {0, 0}};
  int t = mkstemp(Filename);
  if (t == -1)
    return -1;
  if (!(NewCrontab = fdopen(t, "r+")))
    return -1;
  fputs("# crontab\n", NewCrontab);
  futimens(fileno(NewCrontab), times);             // no-warning
  rewind(NewCrontab);
  return fclose(NewCrontab);
}

/* A directory stream over an opened directory: chmod() by name while
 * reading it through fdopendir(). */
#include <dirent.h>
int scan_then_chmod(const char *dir) {
  int fd = open(dir, O_RDONLY | O_DIRECTORY);      // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d)
    return -1;
  chmod(dir, 0755);                                // WARNING[name-after-open]
  while (readdir(d))
    ;
  return closedir(d);
}

/* The stream is closed before the by-name call: nothing is open. */
int closed_then_chmod(const char *dir) {
  int fd = open(dir, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d)
    return -1;
  while (readdir(d))
    ;
  closedir(d);
  return chmod(dir, 0755);                         // no-warning
}
