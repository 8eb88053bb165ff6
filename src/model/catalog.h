/* catalog.h - lookup in the catalogue of file functions (functions.def). */
#ifndef FSRACE_CATALOG_H
#define FSRACE_CATALOG_H
#include <stdbool.h>

typedef enum Group {
    G_ACCESS,       /* access(): permission or existence */
    G_STAT,         /* stat(): type, owner, size, times */
    G_LINK,         /* readlink(): is it a symlink, where to */
    G_RESOLVE,      /* realpath(): canonical name */
    G_OPEN,         /* open(), creat(), fopen(), opendir() */
    G_CREATE,       /* mkdir(), mknod(), mkfifo(): make a new name */
    G_MODIFY,       /* chmod(), chown(), truncate(), utime() */
    G_NAMESPACE,    /* rename(), link(), unlink(), remove() */
    G_ENTER,        /* chdir(), chroot() */
    G_EXEC,         /* execve() and friends */
    G_MOUNT,        /* mount(), umount() */
} Group;

/* SOCKNAME: the path argument is a struct sockaddr * whose sun_path (an
 * AF_UNIX socket's name) is the name; no other rule sees such a row. */
enum Role { CHECK = 1, USE = 2, OPEN = 4, NEWNAME = 8, NEWNAME2 = 16, SOCKNAME = 32 };
typedef enum FlagKind { F_NONE, F_OPEN, F_FOPEN, F_AT } FlagKind;
typedef enum ResultKind { RES_STATUS, RES_FD, RES_FILE, RES_DIR, RES_PATH, RES_SIZE } ResultKind;

enum { WHEN_MAX = 8 };
struct Operand;

typedef struct FileFunc {
    const char *name;
    Group group;
    int roles;          /* CHECK | USE | OPEN | NEWNAME | NEWNAME2 */
    int path, path2;    /* argument indexes, -1 when absent */
    int dirfd, dirfd2;
    int flags;
    FlagKind flagkind;
    int out;
    ResultKind result;
    const char *fix;    /* advice for a racy use; NULL for pure checks */
    /* Set only for a program function summarised as a check or use
     * (analysis/summary.h): the flags or mode its inner call always uses,
     * and that inner call, for notes. */
    bool has_fixed_flags;
    long long fixed_flags;
    const char *fixed_mode;
    const char *inner_name;     /* the libc function at the end of the chain */
    bool existence_only;        /* a check whose answer is only "it exists" */
    bool guard;                 /* a check that exits when it fails: its caller
                                 * goes on only if it passed (die_if_link()) */
    const char *inner_file;
    unsigned inner_line, inner_col;
    int name_part;              /* 1 + the index of another argument that makes up
                                 * the name with path (check_perms(root, "data")
                                 * acts on root/data); 0: none */
    long long flags_set;        /* bits the inner call always adds to the flags
                                 * argument (open(p, flags | O_NOFOLLOW)) */
    int by_name_without;        /* 1 + the index of a descriptor argument: the
                                 * wrapper acts by name only when it is negative
                                 * (fd >= 0 ? fsetxattr(fd..) : lsetxattr(p..)) */
    /* The effect happens at a call only for some constant values of one
     * argument: quick_check_ok(FT_REG, ...) runs its `case FT_REG` only,
     * cupsFileOpen(name, "r") its `case 'r'` (analysis/selector.h). */
    int when_arg;               /* 1 + that argument's index; 0: always happens */
    bool when_first_char;       /* the argument is a string; its first character counts */
    int when_n;                 /* constants the function compares it with */
    long long when_vals[WHEN_MAX];
    unsigned when_runs;         /* bit i: happens when the argument is when_vals[i];
                                 * bit when_n: when it is any other value */
    bool when_bits;             /* when_vals are masks the function tests the
                                 * argument's bits with (flags & doCHOWN): bit
                                 * 2i of when_runs, happens with mask i's bits
                                 * all set; bit 2i + 1, with them all clear */
    const struct Operand *global;   /* a summary's effect on a global variable
                                     * rather than an argument (path -1): the
                                     * name the call checks or uses at every
                                     * call (check_config() reads config_path) */
    int replaced_by;            /* 1 + the index of an argument naming a file the
                                 * wrapper rename()s over path (xrename(tmp, name));
                                 * 0: none */
    bool replaces;              /* the wrapper writes its own temporary and
                                 * rename()s it over path (replace.h) */
    bool up_to_date;            /* a link check that compares where the link
                                 * points with what it should (rsync's
                                 * quick_check_ok(FT_SYMLINK, ...)) */
    /* A use that runs after the wrapper itself gave the rights up (screen's
     * Panic(): setuid(own_uid), then chmod()): the call that did, and
     * where; NULL when the use runs with the caller's rights. */
    const char *dropped_by;
    const char *drop_file;
    unsigned drop_line, drop_col;
    bool walks;                 /* a use that opens a directory and acts on its
                                 * entries (analysis/walks.h), not only lists it */
    bool changes_by_fd;         /* an open, read-only or not, whose descriptor the
                                 * wrapper changes the file through (fsetflags():
                                 * ioctl(fd, FS_IOC_SETFLAGS), fchmod()) */
} FileFunc;

/* The catalogue entry for a libc function name, or NULL. */
const FileFunc *catalog_find(const char *name);
/* All entries, for --list-functions and documentation. */
const FileFunc *catalog_all(int *n);

#endif
