/* while, do-while, for with break and continue; nested loops. */
int g(int);

int while_loop(int n) {
  int s = 0;
  while (n > 0) {
    if (n == 5)
      break;
    if (n & 1) {
      n--;
      continue;
    }
    s += g(n);
    n--;
  }
  return s;
}

int do_loop(int n) {
  do {
    if (n == 3)
      continue;
    n = g(n);
  } while (n > 0);
  return n;
}

int nested(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < i; j++) {
      if (j == 2)
        break;
      s += j;
    }
  return s;
}
