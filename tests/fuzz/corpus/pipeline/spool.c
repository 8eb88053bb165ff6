/* spool.c - copies a user's file into the spool directory. The daemon
 * runs as root, so it asks access() whether the *user* may read the file:
 * the textbook time-of-check/time-of-use race. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "spool.h"

static int copy_fd(int in, int out)
{
    char buf[4096];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)n) != n)
            return -1;
    return n < 0 ? -1 : 0;
}

int spool_submit(const struct job *j, const char *spool_dir)
{
    char dest[512];
    if (access(j->path, R_OK) != 0) {         /* check: may the user read it? */
        perror(j->path);
        return -1;
    }
    int in = open(j->path, O_RDONLY);         /* use: by name, again (racy) */
    if (in < 0)
        return -1;
    snprintf(dest, sizeof dest, "%s/%s.job", spool_dir, j->owner);
    /* Safe: creation fails if the name exists, and never follows a link. */
    int out = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
    if (out < 0) {
        close(in);
        return -1;
    }
    int rc = copy_fd(in, out);
    close(in);
    close(out);
    return rc;
}
