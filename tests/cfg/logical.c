/* Short-circuit && || ! and ?: (also GNU x ?: y) in conditions and as
 * values; comma in conditions. */
int g(int);

void and_or(int a, int b, int c) {
  if (a && (b || c))
    g(1);
}

void negation(int a, int b) {
  if (!(a && b))
    g(2);
}

void ternary_cond(int a, int b, int c) {
  if (a ? b : c)
    g(3);
}

void elvis_cond(int a, int b) {
  if (g(a) ?: b)
    g(4);
}

int values(int a, int b) {
  int x = a && g(b);
  int y = a ? g(1) : g(2);
  int z = g(a) ?: b;
  return x + y + z;
}

void comma_cond(int a) {
  if (g(a), a > 1)
    g(5);
}
