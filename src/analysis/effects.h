/* effects.h - what a catalogued call does to the file it names: whether a
 * use only reads it, truncates it or refuses a final symbolic link, and
 * what a check learns (only that the name exists?). Shared by the
 * check->use rules and the risk ranking. */
#ifndef FSRACE_EFFECTS_H
#define FSRACE_EFFECTS_H
#include <stdbool.h>

#include "sites.h"

/* Open flags of the call (creat() as O_CREAT|O_WRONLY|O_TRUNC); *known is
 * false when they are not a constant. */
long long effect_open_flags(const Site *use, bool *known);
/* Opens only to read (O_RDONLY without O_CREAT/O_TRUNC, fopen "r"),
 * opendir(), chdir(): the file is not changed. */
bool effect_read_only(const Site *use);
/* Empties the file: O_TRUNC, fopen "w". */
bool effect_truncates(const Site *use);
/* Refuses a final symbolic link: O_NOFOLLOW, AT_SYMLINK_NOFOLLOW,
 * umount2()'s UMOUNT_NOFOLLOW. */
bool effect_refuses_links(const Site *use);
/* lchown(), lutimes(), lsetxattr(): changes the name itself, a link
 * there included, without following it. */
bool effect_changes_link_itself(const Site *use);
/* mkdir(d), then lchown(d): whatever is at d by then is what changes,
 * and nothing the program learnt can be betrayed. A symbolic link planted
 * there is itself changed; the kernel refuses a user a hard link to
 * another's file (Linux's protected_hardlinks); a file the swapper made
 * changes hands, which it could arrange anyway (pam_timestamp: mkdir,
 * then lchown to root). mknod() and symlink() are not: the new node or
 * link itself is what matters. */
bool effect_new_dir_changed_itself(const Site *made, const Site *use);
/* A check of link-ness: lstat(), readlink(), AT_SYMLINK_NOFOLLOW. */
bool effect_checks_links(const Site *check);
/* Does the function test the stat buffer `buf` for a symbolic link
 * (S_ISLNK(buf.st_mode), (buf.st_mode & S_IFMT) == S_IFLNK)? Only a look
 * that does not follow links can see one: the check was a link check,
 * whatever wrapper made it (util-linux's mnt_safe_lstat()). */
bool effect_tests_link_type(const Function *fn, const char *buf);
/* access(p, F_OK), faccessat(d, p, F_OK): only whether the name exists
 * (a wrapper's mode argument is its own business). */
bool effect_access_exists_only(const Site *check);
/* eaccess(), euidaccess(), faccessat(..., AT_EACCESS): asks with the
 * effective ids, the ones the use runs with, not the real user's. */
bool effect_access_effective_ids(const Site *check);
/* realpath() whose answer is only tested for NULL, used as a name
 * (opened, stat()ed) and freed, never compared or printed: it asked only
 * whether the name resolves (util-linux fstrim, libfuse's mtab helper). */
bool effect_resolved_unread(Arena *a, const Function *fn, const Site *check);
/* readlink() whose target is compared with what the link should point
 * to (strcmp), or a helper summarised as one: an up-to-date test of a
 * link the program made, not a question of whether it is a link (rsync
 * keeps a link that already points right, else replaces it). */
bool effect_compares_target(const Function *fn, const Site *check);
/* Does the call only pass values on, testing nothing: a fill
 * (snprintf(opts, n, "rootmode=%o", st.st_mode & S_IFMT), libfuse), or a
 * file function (fchmod(fd, st.st_mode & 0644) of the program's own
 * temporary, ssh-keygen)? */
bool effect_passes_on(const Ins *ins);
/* A stat() (buffer buf) whose answer decides nothing: its buffer is never
 * read after it, or read only to be passed on (copied into an option
 * string); or, given the use, not read on any path from the check to it
 * (libfuse fusermount: lstat(mnt, st), and where root runs it, the
 * mountpoint is pinned without a look at st). Only its success or failure
 * decided: it asked whether the name exists. */
bool effect_stat_unread(Arena *a, const Function *fn, const Site *check, const char *buf,
                        const Site *use);
/* A check that learns only whether the name exists: access(F_OK), a
 * function summarised as such, a stat() whose buffer decides nothing
 * (for the use, if one is given), a realpath() whose answer is not
 * looked at. */
bool effect_existence_only(Arena *a, const Function *fn, const Site *check, const Site *use);
/* Does the program read, after the check, who owns the file or how many
 * names it has (st_uid, st_gid, st_nlink of the check's stat buffer)?
 * O_NOFOLLOW does not keep that answer true: it refuses a link, not a
 * regular file of someone else's put in its place. */
bool effect_learns_owner(Arena *a, const Function *fn, const Site *check);

#endif
