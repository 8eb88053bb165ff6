/* rotate.c - log rotation and permissions. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spool.h"

/* Racy: refuses symlinks with lstat(), then renames by name. */
int rotate_log(const char *log, const char *old)
{
    struct stat st;
    if (lstat(log, &st) != 0 || S_ISLNK(st.st_mode))
        return -1;
    return rename(log, old);
}

/* Racy: the owner is checked by name, then the mode is changed by name. */
int make_private(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && st.st_uid == getuid())
        return chmod(path, 0600);
    return -1;
}
