/* return forms, statement expressions, comma expressions, constant
 * conditions (while (1), do ... while (0)), dead code after return. */
int g(int);

#define SWAP(a, b) do { int t_ = a; a = b; b = t_; } while (0)

int stmt_expr(int x) {
  int y = ({ int t = g(x); t + 1; });
  return y;
}

int comma(int x) {
  return g(x), g(x + 1);
}

int swap_macro(int a, int b) {
  SWAP(a, b);
  return a - b;
}

int endless(int x) {
  while (1) {
    if (g(x))
      return x;
  }
}

void dead_code(int x) {
  return;
  g(x);
}

void void_return(int x) {
  if (x)
    return;
  g(x);
}
