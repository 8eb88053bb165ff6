// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* A daemon started as root: it hands files to other users and switches to
 * a user from the password file, but nothing shows that its real and
 * effective ids differ. access() then asks with the ids the use runs
 * with, so the check decides nothing a swap could abuse (issue 10, Part
 * 2). setid_access.c is the set-user-ID twin. */
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

int give_away(const char *name, uid_t uid, gid_t gid) {
  return chown(name, uid, gid);            /* root, not set-ID */
}

int become(const struct passwd *pw) {
  return setgid(pw->pw_gid) || setuid(pw->pw_uid);   /* a daemon switching to a user */
}

int serve_page(const char *page) {
  if (access(page, R_OK) != 0)
    return -1;
  return open(page, O_RDONLY);             // WARNING[toctou-check-use risk=low because="not that it is set-user-ID"]
}

int append_log(const char *log) {
  if (access(log, W_OK) != 0)
    return -1;
  return open(log, O_WRONLY | O_APPEND);   // WARNING[toctou-check-use risk=low because="not that it is set-user-ID"]
}

/* ...but "may I write here?" before creating the file is no question
 * about rights either: the use creates, which the program believes new */
FILE *create_report(const char *name) {
  if (access(name, W_OK) == 0)
    return NULL;
  return fopen(name, "w");                 // WARNING[toctou-check-use risk=high because="not that it is set-user-ID"]
}

/* eaccess() asks with the effective ids, whatever the program is */
int open_config(const char *conf) {
  if (eaccess(conf, W_OK) != 0)
    return -1;
  return open(conf, O_WRONLY);             // WARNING[toctou-check-use risk=low because="eaccess() asks with the effective ids"]
}
