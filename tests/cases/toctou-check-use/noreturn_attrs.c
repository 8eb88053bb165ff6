// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: whether a function returns comes from clang's view of
 * its declaration, never from the text around it (issue 11, A2). An
 * attribute macro at the end of one declaration, next to a noreturn one,
 * must not make it noreturn: code after its call is reachable. */
#include <string.h>
#include <unistd.h>

#define ATTR_MALLOC __attribute__((__malloc__))
#define ATTR_NORETURN __attribute__((__noreturn__))
extern _Noreturn void die(const char *why);
char *xdup(const char *) ATTR_MALLOC;
void logmsg(const char *) ATTR_NORETURN;   /* really never returns */
#define ATTR_COLD __attribute__((__cold__))
void warn_once(const char *) ATTR_COLD;
[[noreturn]] void die23(void);

/* xdup() returns: the unlink after it is a use of the checked name. */
int after_malloc_attr(char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  char *copy = xdup(p);
  (void)copy;
  return unlink(p);                             // WARNING[toctou-check-use]
}

/* warn_once() (cold, not noreturn) returns too. */
int after_cold(char *p) {
  if (access(p, W_OK) == 0) {                   // NOTE[toctou-check-use]
    warn_once("removing");
    return unlink(p);                           // WARNING[toctou-check-use]
  }
  return -1;
}

/* Safe twins: code after a call that really never returns is unreachable,
 * so nothing there is reported. */
int after_die(char *p) {
  if (access(p, W_OK) == 0) {
    die("exists");
    unlink(p);                                  // no-warning
  }
  return -1;
}

int after_die23(char *p) {
  if (access(p, W_OK) == 0) {
    die23();
    unlink(p);                                  // no-warning
  }
  return -1;
}

int after_macro_noreturn(char *p) {
  if (access(p, W_OK) == 0) {
    logmsg("exists");
    unlink(p);                                  // no-warning
  }
  return -1;
}
