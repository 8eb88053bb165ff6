/* Every combination of present and absent for-loop parts: libclang lists
 * only the present ones, so each must be told apart correctly. */
int g(int);

void all_parts(void) { for (int i = 0; i < 3; i++) g(i); }
void no_init(int i) { for (; i < 3; i++) g(i); }
void no_cond(void) { for (int i = 0;; i++) { if (g(i)) break; } }
void no_inc(void) { for (int i = 0; i < 3;) i = g(i); }
void only_cond(int x) { for (; x;) x = g(x); }
void only_init(void) { for (int x = 1;;) { if (g(x)) return; } }
void only_inc(int i) { for (;; i++) { if (g(i)) return; } }
void forever(void) { for (;;) g(0); }
