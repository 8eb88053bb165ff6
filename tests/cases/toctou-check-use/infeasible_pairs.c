// ARGS: --min-risk low
/* Issue 10, cause 9: pairs no path can take. A pointer or flag set to a
 * constant on the check's branch and tested before the use, and a loop
 * that cannot go round again, each next to its feasible twin. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

struct handle;
struct handle *lookup(const char *p);

/* the check on the branch that sets h = NULL, the use under if (h) */
int cleared_on_check_branch(const char *p, int by_name) {
  struct handle *h;
  struct stat st;
  if (by_name) {
    h = NULL;
    if (stat(p, &st) != 0)
      return -1;
  } else {
    h = lookup(p);
  }
  if (h && S_ISREG(st.st_mode))
    return chmod(p, 0600);                 // no-warning
  return 0;
}

int set_on_check_branch(const char *p, int by_name) {
  struct handle *h;
  struct stat st;
  if (by_name) {
    h = lookup(p);
    if (stat(p, &st) != 0)                 // NOTE[toctou-check-use]
      return -1;
  } else {
    h = NULL;
  }
  if (h && S_ISREG(st.st_mode))
    return chmod(p, 0600);                 // WARNING[toctou-check-use]
  return 0;
}

/* a flag set on the checking branch, tested later */
int flag_says_checked(const char *p, int careful) {
  int checked = 0;
  if (careful) {
    if (access(p, W_OK) != 0)
      return -1;
    checked = 1;
  }
  if (!checked)
    return open(p, O_WRONLY);              // no-warning
  return -1;
}

int flag_twin(const char *p, int careful) {
  int checked = 0;
  if (careful) {
    if (access(p, W_OK) != 0)              // NOTE[toctou-check-use]
      return -1;
    checked = 1;
  }
  if (checked)
    return open(p, O_WRONLY);              // WARNING[toctou-check-use]
  return -1;
}

/* a do/while that cannot run twice: the use before the check in the body
 * would follow it only on a second round */
int once(const char *p) {
  int again = 0;
  struct stat st;
  do {
    if (again)
      chmod(p, 0600);                      // no-warning
    if (stat(p, &st) != 0)
      return -1;
  } while (again);
  return 0;
}

int twice(const char *p) {
  int again = 0;
  struct stat st;
  do {
    if (again)
      chmod(p, 0600);                      // WARNING[toctou-check-use]
    if (stat(p, &st) != 0)                 // NOTE[toctou-check-use]
      return -1;
    again = !again;
  } while (again);
  return 0;
}

/* a variable tested twice, unchanged between: the removal runs only when
 * it is non-zero, the change by name only when it is zero (curl's
 * tool_operate.c: unlink() of a partial file, then setfiletime()) */
int finish(const char *out, int result, int keep_time) {
  struct stat st;
  if (result && stat(out, &st) == 0 && S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    unlink(out);                           // WARNING[toctou-check-use "unlink()"]
  if (!result && keep_time)
    return chmod(out, 0644);               // no-warning
  return result;
}

int finish_twin(const char *out, int result, int keep_time) {
  struct stat st;
  if (result && stat(out, &st) == 0 && S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    unlink(out);                           // WARNING[toctou-check-use "unlink()"] NOTE[name-after-create]
  if (result && keep_time)
    return chmod(out, 0644);               // WARNING[name-after-create]
  return result;
}

/* An ordered test of a descriptor (busybox tftp.c): the server branch
 * opens the file and returns if that failed, so local_fd >= 0 after it;
 * the client's create-on-first-block runs only while local_fd == -1,
 * never after that open. */
int transfer(const char *local_file, int server, int get) {
  int local_fd = -1;
  if (server) {
    local_fd = open(local_file, get ? (O_WRONLY | O_TRUNC | O_CREAT) : O_RDONLY, 0666);
    if (local_fd < 0)
      return -1;
  }
  if (get) {
    if (local_fd == -1) {
      local_fd = STDOUT_FILENO;
      if (local_file)
        local_fd = open(local_file, O_WRONLY | O_TRUNC | O_CREAT, 0666);   // no-warning
    }
    write(local_fd, "x", 1);
  }
  return 0;
}

/* the twin: a failed probe (local_fd <= -1 stays possible) is followed by
 * the creating fallback */
int transfer_twin(const char *local_file, int server, int get) {
  int local_fd = -1;
  if (server) {
    local_fd = open(local_file, O_RDONLY);   // NOTE[toctou-check-use]
    if (local_fd < 0 && !get)
      return -1;
  }
  if (get) {
    if (local_fd == -1) {
      local_fd = STDOUT_FILENO;
      if (local_file)
        local_fd = open(local_file, O_WRONLY | O_TRUNC | O_CREAT, 0666);   // WARNING[toctou-check-use]
    }
    write(local_fd, "x", 1);
  }
  return 0;
}

/* x > c and x <= c, and a value known below a bound */
int bounded(const char *p, int n) {
  struct stat st;
  int level = n;
  if (level > 2)
    return -1;
  if (stat(p, &st) != 0)
    return -1;
  if (level == 5)
    return chmod(p, 0600);                 // no-warning
  if (level <= 2 && S_ISREG(st.st_mode))
    return chmod(p, 0644);                 // WARNING[toctou-check-use]
  return 0;
}
