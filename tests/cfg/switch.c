/* switch with fall-through, default in the middle, no default, several
 * labels on one statement, break, and a loop inside a case. */
int g(int);

int fallthrough(int x) {
  int r = 0;
  switch (x) {
  case 1:
    r = 1;
  case 2:
    r += 2;
    break;
  default:
    r = -1;
    break;
  case 3:
  case 4:
    r = 34;
  }
  return r;
}

int no_default(int x) {
  switch (g(x)) {
  case 0:
    return 0;
  case 1:
    x++;
    break;
  }
  return x;
}

int loop_in_case(int x) {
  switch (x) {
  case 1:
    while (x < 10) {
      if (x == 5)
        break;  /* leaves the loop, not the switch */
      x++;
    }
    return x;
  }
  return -1;
}
