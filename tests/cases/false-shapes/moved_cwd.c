// ARGS: --min-risk low
/* A relative name after chdir() to another directory names another file
 * (at 3.1.16 atd.c:358: lstat() of the job in the jobs directory, then
 * chdir() to the spool and unlink() of the output file of the same name). */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define ATSPOOL_DIR "/var/spool/cron/atspool"

int run_file(const char *filename)
{
  struct stat lbuf;
  if (chdir("/var/spool/cron/atjobs") != 0)
    exit(1);
  if (lstat(filename, &lbuf) == -1)
    exit(1);
  if (S_ISLNK(lbuf.st_mode))
    exit(1);
  unlink(filename);   // WARNING[toctou-symlink-check]
  if (chdir(ATSPOOL_DIR) < 0)
    exit(1);
  unlink(filename);   // no-warning
  return open(filename, O_RDWR | O_CREAT | O_EXCL, S_IWUSR | S_IRUSR);
}

/* Twins: a daemon entering "/" keeps an absolute name's file, and so does
 * any chdir() for a name known to be absolute. */
int daemon_start(const char *config)
{
  struct stat st;
  if (stat(config, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  if (chdir("/") != 0)
    return -1;
  return open(config, O_RDWR);   // WARNING[toctou-check-use]
}

int absolute_literal(void)
{
  struct stat st;
  if (stat("/var/spool/x/state", &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  if (chdir("/var/spool/x") != 0)
    return -1;
  return open("/var/spool/x/state", O_RDWR);   // WARNING[toctou-check-use]
}

/* util-linux switch_root: entering the name itself, then using the name
 * again, takes it to be absolute. */
int move_root(const char *newroot)
{
  struct stat st;
  if (stat(newroot, &st) != 0 || !S_ISDIR(st.st_mode))
    return -1;
  if (chdir(newroot))   // WARNING[toctou-check-use]
    return -1;
  return chmod(newroot, 0755);   // WARNING[toctou-check-use]
}
