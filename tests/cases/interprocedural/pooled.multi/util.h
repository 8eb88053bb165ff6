/* util.h - file helpers defined in util.c, used in main.c */
#ifndef UTIL_H
#define UTIL_H
#include <stdio.h>

int file_exists(const char *p);
int is_regular(const char *p);
int write_file(const char *p, const char *data);
FILE *xfopen(const char *p, const char *mode);
int log_line(const char *msg);

#endif
