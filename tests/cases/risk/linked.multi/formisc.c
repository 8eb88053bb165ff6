/* formail's own logging and buffer (procmail has misc.c's nlog()). */
#include <stddef.h>
#include <stdio.h>

void nlog(const char *a) { fputs(a, stderr); }

void loadbuf(const char *text, size_t len) { fwrite(text, 1, len, stdout); }
