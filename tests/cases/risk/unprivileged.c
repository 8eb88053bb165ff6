// ARGS: --min-risk low
/* The risk of a finding and its reasons, in a program that shows no sign of
 * privilege: where the name lives, what the use does, what the check
 * tested. Every level is shown (--min-risk low) so each reason can be
 * asserted; default.c shows what the default leaves out. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* place raises: /tmp; use raises: chmod() follows a link */
int tmp_chmod(void) {
  struct stat st;
  if (stat("/tmp/app.sock", &st) == 0 && S_ISSOCK(st.st_mode))
    return chmod("/tmp/app.sock", 0666);   // WARNING[toctou-check-use risk=high because="in a directory every user can write"]
  return -1;
}

/* place lowers, decisively: a fixed name under /etc */
int etc_chmod(void) {
  struct stat st;
  if (stat("/etc/app.conf", &st) == 0 && st.st_uid == 0)
    return chmod("/etc/app.conf", 0644);   // WARNING[toctou-check-use risk=low because="under /etc/, which only root can write"]
  return -1;
}

/* place raises: a name from a directory listing */
void listed(DIR *d) {
  struct dirent *e;
  struct stat st;
  while ((e = readdir(d)) != NULL)
    if (lstat(e->d_name, &st) == 0 && !S_ISLNK(st.st_mode))
      chmod(e->d_name, 0600);               // WARNING[toctou-symlink-check risk=high because="directory listing"]
}

/* place raises: a name from the environment */
int from_env(void) {
  const char *p = getenv("APP_STATE");
  struct stat st;
  if (p && stat(p, &st) == 0 && S_ISREG(st.st_mode))
    return open(p, O_WRONLY | O_TRUNC);    // WARNING[toctou-check-use risk=high because="environment"]
  return -1;
}

/* place raises: a directory the program makes writable by others */
int spool(void) {
  struct stat st;
  mkdir("/srv/spool", 01777);
  if (stat("/srv/spool/job", &st) == 0 && S_ISREG(st.st_mode))
    return open("/srv/spool/job", O_WRONLY); // WARNING[toctou-check-use risk=high because="makes /srv/spool writable by others"]
  return -1;
}

/* nothing shows that anyone else can reach the name: medium only when the
 * use and the check both raise it */
int own_file(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0 && st.st_uid == getuid())
    return chmod(p, 0600);                 // WARNING[toctou-check-use risk=medium because="tested the owner, mode or type"]
  return -1;
}

/* use lowers: reads only */
int own_read(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
    return open(p, O_RDONLY);              // WARNING[toctou-check-use risk=low because="only reads the file"]
  return -1;
}

/* use lowers: unlink() does not follow a final link */
int own_unlink(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
    return unlink(p);                      // WARNING[toctou-check-use risk=low because="does not follow a final symbolic link"]
  return -1;
}

/* check lowers: size and times only */
int stale(const char *p) {
  struct stat st;
  if (stat("/tmp/app.cache", &st) == 0 && st.st_mtime < 1000)
    return open("/tmp/app.cache", O_WRONLY | O_TRUNC); // WARNING[toctou-check-use risk=medium because="tested only size or times"]
  return -1;
}

/* check lowers, decisively: existence only, and the use does not create */
int exists_then_write(void) {
  if (access("/tmp/app.pid", F_OK) != 0)
    return -1;
  return open("/tmp/app.pid", O_RDWR);     // WARNING[toctou-check-use risk=low because="only asked whether the name exists"]
}

/* ...but a creating use after "does not exist" stays (privileged.c has
 * the toctou-check-use twin; in /tmp insecure-temp-file takes it) */
FILE *exists_then_create(void) {
  if (access("/tmp/app.out", F_OK) == 0)
    return NULL;
  return fopen("/tmp/app.out", "w");       // WARNING[insecure-temp-file risk=high because="in a directory every user can write"]
}
