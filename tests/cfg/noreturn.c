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
