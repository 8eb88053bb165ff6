/* Calls that never return end their block with an edge to exit. */
#include <stdlib.h>
#include <unistd.h>
#include <err.h>
#include <assert.h>

_Noreturn void die(const char *msg);
__attribute__((noreturn)) void fatal(int code);
#define FAIL(m) die(m)

int check_exit(int x) { if (x < 0) exit(1); return x; }
int check_underscore_exit(int x) { if (x < 0) _exit(1); return x; }
int check_abort(int x) { if (!x) abort(); return x; }
int check_err(int x) { if (x) err(1, "x"); else errx(2, "y"); }
int check_unreachable(int x) { switch (x) { case 0: return 0; default: __builtin_unreachable(); } }
int check_c11(int x) { if (x) die("c11"); return 0; }
int check_gnu(int x) { if (x) fatal(3); return 0; }
int check_macro(int x) { if (x) FAIL("macro"); return 0; }
int check_assert(int x) { assert(x > 0); return x; }

/* An attribute macro after a declaration that follows a noreturn one:
 * strdup_or_null() returns (issue 11, A2). */
#define ATTR_MALLOC __attribute__((__malloc__))
extern _Noreturn void die2(void);
char *strdup_or_null(const char *) ATTR_MALLOC;
char *check_dup(const char *s) { char *d = strdup_or_null(s); if (!d) die2(); return d; }
