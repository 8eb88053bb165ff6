/* if, if/else, else-if chains, nested ifs, empty branches. */
int g(int);

int if_only(int x) {
  if (x > 0)
    x = g(x);
  return x;
}

int if_else(int x) {
  if (x)
    g(1);
  else
    g(2);
  return 0;
}

int else_if(int x) {
  if (x == 1)
    return 10;
  else if (x == 2)
    return 20;
  else
    return 30;
}

void empty_branches(int x) {
  if (x) {
  } else {
  }
}
