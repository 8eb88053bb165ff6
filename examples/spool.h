/* spool.h - a tiny print spooler, written with the usual file races. */
#ifndef SPOOL_H
#define SPOOL_H
#include <stdio.h>

struct job {
    const char *owner;
    const char *path;       /* file the user asked to print */
};

int spool_submit(const struct job *j, const char *spool_dir);
FILE *settings_open(const char *path);
int settings_save(const char *path, const char *text);
int rotate_log(const char *log, const char *old);
int make_private(const char *path);

#endif
