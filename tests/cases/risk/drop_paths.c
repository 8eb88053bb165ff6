// ARGS: --min-risk low
/* Cause 7 of issue 10, the privilege state along the path (GNU screen,
 * procmail, snap-confine in the triage of 2026-12-03): a drop is a drop
 * when the id it sets holds getuid() through a variable, when a project's
 * wrapper does it (screen's xseteuid(real_uid), procmail's setids() to the
 * recipient), and when it happens inside the callee before the use
 * (screen's Panic()); a drop on a path that ends the program lowers
 * nothing after the call. Each false shape is low; each twin that keeps
 * the rights where the use runs is high. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static uid_t own_uid;           /* the real user's id, from main() */
static uid_t multi_uid;         /* the real user's, or another user's */
static uid_t recipient;         /* another user's */
static int tty_mode = 0620;
static char *attach_tty;

/* screen's xseteuid(): sets the effective user id to its argument */
static void xseteuid(uid_t euid) {
  if (seteuid(euid) == 0)
    return;
  if (seteuid(0) || seteuid(euid))
    abort();
}

/* screen's Panic(): gives the rights up for good, then restores the tty */
static void panic(void) {
  if (setuid(own_uid))
    xseteuid(own_uid);
  chmod(attach_tty, tty_mode);
  exit(1);
}

/* the same without the drop: chmod() runs with the program's rights */
static void panic_as_root(void) {
  chmod(attach_tty, tty_mode);
  exit(1);
}

void check_tty(void) {
  struct stat st;
  attach_tty = ttyname(0);
  if (!attach_tty || stat(attach_tty, &st))
    return;
  if (!S_ISCHR(st.st_mode))
    panic();                               // WARNING[toctou-check-use risk=low because="panic() uses it after setuid() gave the rights up"]
}

void check_tty_root(void) {
  struct stat st;
  attach_tty = ttyname(0);
  if (!attach_tty || stat(attach_tty, &st))
    return;
  if (!S_ISCHR(st.st_mode))
    panic_as_root();                       // WARNING[toctou-check-use risk=high because="calls set"]
}

/* screen's secopen(): the open runs with the real user's rights */
static int secopen(const char *name, int flags) {
  xseteuid(own_uid);
  int fd = open(name, flags);
  xseteuid(0);
  return fd;
}

int open_line(const char *arg) {
  if (access(arg, R_OK | W_OK) == -1)
    return -1;
  return secopen(arg, O_RDWR);             // WARNING[toctou-check-use risk=low because="secopen() uses it after xseteuid() gave the rights up"]
}

/* the wrapper called with another id than the real one keeps the rights */
int open_line_root(const char *arg) {
  if (access(arg, R_OK | W_OK) == -1)
    return -1;
  xseteuid(0);
  return open(arg, O_RDWR);                // WARNING[toctou-check-use risk=high because="calls set"]
}

/* a local that holds getuid() */
int write_as_user(const char *p) {
  uid_t me = getuid();
  if (access(p, W_OK) != 0)
    return -1;
  if (seteuid(me) != 0)
    return -1;
  return open(p, O_WRONLY);                // WARNING[toctou-check-use risk=low because="after seteuid() gave the rights up"]
}

/* procmail's setids(): for good to the recipient, whose rights it then has */
static void setids(void) {
  if (setgid(0) || setuid(recipient))
    _exit(1);
}

int fix_mode(const char *box) {
  struct stat st;
  if (lstat(box, &st) || st.st_uid != recipient || S_ISLNK(st.st_mode))
    return -1;
  setids();
  return chmod(box, 0600);                 // WARNING[toctou-symlink-check risk=low because="after setids() gave the rights up"]
}

int fix_mode_root(const char *box) {
  struct stat st;
  if (lstat(box, &st) || st.st_uid != recipient || S_ISLNK(st.st_mode))
    return -1;
  return chmod(box, 0600);                 // WARNING[toctou-symlink-check risk=high because="calls set"]
}

/* snap-confine's sc_do_mount(): the drop happens only before dying */
static void die_as_user(void) {
  if (setuid(own_uid))
    abort();
  exit(1);
}

static int checked_chmod(const char *p, int fail) {
  if (fail)
    die_as_user();
  return chmod(p, 0644);
}

int set_mode_twice(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  checked_chmod(p, 0);                     // WARNING[toctou-symlink-check risk=high because="calls set"]
  return chmod(p, 0640);                   // WARNING[toctou-symlink-check risk=high because="calls set"]
}

void attach_as(uid_t user) {
  multi_uid = user;
}

int main(int argc, char **argv) {
  own_uid = multi_uid = getuid();         /* screen.c:652 */
  recipient = (uid_t)atoi(argv[1]);
  if (argc < 3)
    return 1;
  attach_as(recipient);
  check_tty();
  check_tty_root();
  open_line(argv[2]);
  open_line_root(argv[2]);
  fix_mode_root(argv[2]);
  set_mode_twice(argv[2]);
  /* write_as_user() keeps the rights given up: what main() calls after it
   * runs as the user (program_rights.c), so the twins come first */
  write_as_user(argv[2]);
  return fix_mode(argv[2]);
}
