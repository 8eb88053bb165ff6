// fsrace-ignore-function[*]: whole function
static int
g(const char *p)   /* fsrace-ignore-function[toctou-*]: globs? */
{
    return open(p, 0); /* fsrace-ignore[toctou-check-use]
                          spanning lines */
}
