/* goto forwards and backwards, cleanup labels, indirect goto. */
int g(int);

int cleanup(int x) {
  int r = -1;
  if (g(x) < 0)
    goto out;
  if (g(x + 1) < 0)
    goto out;
  r = 0;
out:
  return r;
}

int backwards(int x) {
again:
  x = g(x);
  if (x > 0)
    goto again;
  return x;
}

int indirect(int x) {
  static void *targets[] = {&&one, &&two};
  goto *targets[x & 1];
one:
  return 1;
two:
  return 2;
}
