// ARGS: --min-risk low
/* Issue 10, cause 8 (procmail src/foldinfo.c:112/113 mkmaildir()): the
 * helper gets the buffer and a pointer into it from its caller
 * (mkmaildir(buf, strchr(buf, '\0'))); each strcpy() through the pointer
 * makes the buffer name another directory, so the second mkdir() is not
 * of the directory the first made. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* procmail's trymkdir(): the directory as it is, fixed, or made */
static int make_dir(const char *dir, uid_t uid) {
  struct stat st;
  if (stat(dir, &st) == 0)
    return S_ISDIR(st.st_mode) && !chown(dir, uid, (gid_t)-1);   // WARNING[toctou-check-use]
  return mkdir(dir, 0700) == 0;
}

static int make_maildir(char *buffer, char *tail) {
  return (strcpy(tail, "/new"), make_dir(buffer, 1000)) &&
         (strcpy(tail, "/cur"), make_dir(buffer, 1000)) &&   // no-warning
         (strcpy(tail, "/tmp"), make_dir(buffer, 1000));     // no-warning
}

int deliver(char *buf) {
  char *end = strchr(buf, '\0');
  return make_maildir(buf, end);
}

/* Real twin: the helper's second buffer is another one; the name in
 * buffer stays the same and is made, then changed by name. */
static int make_logged(char *buffer, char *log) {
  strcpy(log, "made");
  if (!make_dir(buffer, 1000))   // NOTE[name-after-create]
    return 0;
  strcpy(log, "again");
  return make_dir(buffer, 1000);   // WARNING[name-after-create]
}

int deliver_logged(char *buf) {
  char log[16];
  return make_logged(buf, log);
}
