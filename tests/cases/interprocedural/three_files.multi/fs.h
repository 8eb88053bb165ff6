/* fs.h - checks in checks.c, uses in io.c and raw.c, races in main.c */
#ifndef FS_H
#define FS_H
#include <stddef.h>

/* checks.c */
int can_write(const char *p);
int is_symlink(const char *p);
int writable_file(const char *p);

/* io.c */
int save_text(const char *p, const char *text);
int remove_file(const char *p);
int open_with(const char *p, int flags);

/* raw.c */
int write_all(const char *p, const void *buf, size_t n);

#endif
