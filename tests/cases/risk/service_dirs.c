// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* A service's own directory (risk.c service_dirs[]): under /var/spool/ or
 * /var/cache/, root makes one directory per service and only root and the
 * service's user write in it (at 3.1.16's /var/spool/cron/atjobs is
 * daemon:daemon 1770; at and atd run as that user or root). A name there
 * ranks low: a check-then-use nobody else can race. Relative names count
 * too when every chdir() of the unit goes to such a literal directory
 * (at's list_jobs(): chdir(ATJOB_DIR), opendir("."), stat(), unlink()):
 * the entry listed is in the spool, not wherever the user stood. The twin
 * walks a directory it is given: the listing raises, the program is
 * privileged, high. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define JOB_DIR "/var/spool/demo/jobs"

int main(void) {
  return seteuid(getuid());
}

void remove_jobs(uid_t user) {
  struct dirent *de;
  struct stat st;
  if (chdir(JOB_DIR) != 0)
    return;
  DIR *d = opendir(".");
  while (d && (de = readdir(d))) {
    if (stat(de->d_name, &st) != 0 || st.st_uid != user)   // NOTE[toctou-check-use]
      continue;
    unlink(de->d_name);   // WARNING[toctou-check-use risk=low because="relative names resolve in /var/spool/demo/jobs"]
  }
}

/* A job file passed on by its entry's name is as relative as the entry. */
static void run_job(const char *name) {
  struct stat st;
  if (lstat(name, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return;
  unlink(name);   // WARNING[toctou-symlink-check risk=low because="which only root and the service's own user write"]
}

void run_jobs(void) {
  struct dirent *de;
  DIR *d = opendir(".");
  while (d && (de = readdir(d)))
    run_job(de->d_name);
}

long next_job(void) {
  struct stat st;
  if (stat(JOB_DIR "/.SEQ", &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  int fd = open(JOB_DIR "/.SEQ", O_WRONLY);   // WARNING[toctou-check-use risk=low because="'/var/spool/demo/jobs/.SEQ' is under /var/spool/"]
  return fd;
}

/* Twin: the entries of a directory the caller names are under whatever
 * directory that is. */
void remove_in(const char *dir, uid_t user) {
  struct dirent *de;
  struct stat st;
  char path[4096];
  DIR *d = opendir(dir);
  while (d && (de = readdir(d))) {
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    if (stat(path, &st) != 0 || st.st_uid != user)   // NOTE[toctou-check-use]
      continue;
    chmod(path, 0600);   // WARNING[toctou-check-use risk=high because="directory listing"]
  }
}

/* Twin: the mail spool is no service's own directory. Users' mail agents
 * make their dot-locks in it, and a mailbox swapped for a link while root
 * delivers is the classic race: the name does not lower. */
int deliver(const char *user_box) {
  struct stat st;
  if (lstat("/var/spool/mail/demo", &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  (void)user_box;
  return open("/var/spool/mail/demo", O_WRONLY | O_APPEND);   // WARNING[toctou-symlink-check risk=medium]
}
