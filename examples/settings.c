/* settings.c - reading and writing a settings file. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spool.h"

/* Racy: the file is checked by name, then opened by name. */
FILE *settings_open(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return NULL;
    return fopen(path, "r");
}

/* Safe: open once, then inspect the descriptor. */
int settings_save(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return -1;
    }
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n < 0 ? -1 : 0;
}
