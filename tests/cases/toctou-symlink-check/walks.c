// CFLAGS: -D_GNU_SOURCE
/* *at() calls protect the directory part only, and directory walks are
 * link checks: after fstatat(AT_SYMLINK_NOFOLLOW), the lstat() fts_read()
 * or nftw(FTW_PHYS) made, or readdir()'s d_type, a use of the same name
 * that follows a link there is a race (chown -R, rm -r, spool clean-up). */
#include <dirent.h>
#include <fcntl.h>
#include <fts.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The directory descriptor pins the directory, not the name in it. */
int at_chown(int dfd, const char *name, uid_t uid) {
  struct stat st;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)   // NOTE[toctou-symlink-check "'name' checked here by fstatat()"]
    return -1;
  if (S_ISLNK(st.st_mode))
    return 0;
  return fchownat(dfd, name, uid, (gid_t)-1, 0);           // WARNING[toctou-symlink-check "protects only the directory part"]
}

int at_open(int dfd, const char *name) {
  struct stat st;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return openat(dfd, name, O_RDWR | O_TRUNC);              // WARNING[toctou-symlink-check "openat() of 'name' after fstatat()"]
}

int at_times(int dfd, const char *name) {
  struct stat st;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && st.st_uid == getuid())   // NOTE[toctou-symlink-check]
    return utimensat(dfd, name, NULL, 0);                  // WARNING[toctou-symlink-check "utimensat()"]
  return -1;
}

/* chown -R: fts looked with lstat() (FTS_PHYSICAL) and said "regular". */
void chown_tree(char **roots, uid_t uid) {
  FTS *fts = fts_open(roots, FTS_PHYSICAL, NULL);
  FTSENT *ent;
  while ((ent = fts_read(fts)) != NULL) {                  // NOTE[toctou-symlink-check "checked here by fts_read()"]
    switch (ent->fts_info) {
    case FTS_SL:
      continue;
    case FTS_F:
      chown(ent->fts_accpath, uid, (gid_t)-1);             // WARNING[toctou-symlink-check "chown() of 'ent->fts_accpath' after fts_read()"]
      break;
    default:
      break;
    }
  }
  fts_close(fts);
}

/* The stat buffer fts filled, tested. */
void private_root_files(char **roots) {
  FTS *fts = fts_open(roots, FTS_PHYSICAL, NULL);
  FTSENT *ent;
  while ((ent = fts_read(fts)) != NULL)                    // NOTE[toctou-symlink-check]
    if (ent->fts_statp->st_uid == 0)
      chmod(ent->fts_path, 0600);                          // WARNING[toctou-symlink-check "chmod() of 'ent->fts_path'"]
  fts_close(fts);
}

/* nftw() hands its callback a checked name and stat buffer. */
static uid_t new_owner;
static int fix_owner(const char *fpath, const struct stat *sb, int type, struct FTW *ftw) {   // NOTE[toctou-symlink-check "'fpath' checked here by nftw()"]
  (void)ftw;
  if (type == FTW_F && sb->st_uid != new_owner)
    chmod(fpath, 0640);                                    // WARNING[toctou-symlink-check "chmod() of 'fpath' after nftw()"]
  return 0;
}

int fix_tree(const char *dir) { return nftw(dir, fix_owner, 16, FTW_PHYS); }

/* A spool clean-up: readdir() said "regular file", then by a joined path
 * and relative to dirfd() of the stream. */
void clean_spool(const char *dir, uid_t uid) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  struct dirent *e;
  char path[4096];
  while ((e = readdir(d)) != NULL) {                       // NOTE[toctou-symlink-check "'e->d_name' checked here by readdir()"]
    if (e->d_type != DT_REG)
      continue;
    fchownat(dirfd(d), e->d_name, uid, (gid_t)-1, 0);      // WARNING[toctou-symlink-check "fchownat() of 'e->d_name' after readdir()"]
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    chmod(path, 0600);                                     // WARNING[toctou-symlink-check "chmod() of 'path' after readdir()"]
  }
  closedir(d);
}

/* ---- safe forms ---------------------------------------------------- */

int at_nofollow(int dfd, const char *name, uid_t uid) {
  struct stat st;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || S_ISLNK(st.st_mode))
    return -1;
  return fchownat(dfd, name, uid, (gid_t)-1, AT_SYMLINK_NOFOLLOW);   // no-warning
}

int at_open_nofollow(int dfd, const char *name) {
  struct stat st;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return openat(dfd, name, O_RDWR | O_NOFOLLOW);           // no-warning
}

/* unlinkat() removes the link itself, it follows nothing. */
int at_unlink(int dfd, const char *name) {
  struct stat st;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || S_ISDIR(st.st_mode))
    return -1;
  return unlinkat(dfd, name, 0);                           // no-warning
}

/* Another directory descriptor, the same name. */
int at_other_dir(int dfd, int other, const char *name, uid_t uid) {
  struct stat st;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || S_ISLNK(st.st_mode))
    return -1;
  return fchownat(other, name, uid, (gid_t)-1, 0);         // no-warning
}

/* The walk's check decides nothing: every entry is treated alike. */
void chmod_everything(char **roots) {
  FTS *fts = fts_open(roots, FTS_PHYSICAL, NULL);
  FTSENT *ent;
  while ((ent = fts_read(fts)) != NULL)
    chmod(ent->fts_accpath, 0600);                         // no-warning
  fts_close(fts);
}

/* Through the descriptor, with the walk's answer compared (POS35-C). */
static int fix_by_fd(const char *fpath, const struct stat *sb, int type, struct FTW *ftw) {
  (void)ftw;
  struct stat now;
  if (type != FTW_F)
    return 0;
  int fd = open(fpath, O_RDONLY | O_NOFOLLOW);             // no-warning
  if (fd < 0)
    return 0;
  if (fstat(fd, &now) == 0 && now.st_ino == sb->st_ino && now.st_dev == sb->st_dev)
    fchmod(fd, 0640);
  close(fd);
  return 0;
}

int fix_tree_by_fd(const char *dir) { return nftw(dir, fix_by_fd, 16, FTW_PHYS); }

/* Recursing into a directory readdir() listed (a reader): not reported. */
void list_tree(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char path[4096];
  while (d && (e = readdir(d)) != NULL) {
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (e->d_type == DT_DIR && e->d_name[0] != '.')
      list_tree(path);                                     // no-warning
  }
  if (d)
    closedir(d);
}

/* The entries fts_children() returns, each checked like fts_read()'s. */
void children(FTS *fts) {
  for (FTSENT *c = fts_children(fts, 0); c; c = c->fts_link)   // NOTE[toctou-symlink-check "checked here by fts_children()"]
    if (c->fts_info == FTS_F)
      chmod(c->fts_accpath, 0600);                         // WARNING[toctou-symlink-check "chmod() of 'c->fts_accpath'"]
}

/* ---- known gaps ---------------------------------------------------- */

/* scandir() fills an array of entries: namelist[i]->d_type is not followed. */
void scan_spool(const char *dir) {
  struct dirent **names;
  char path[4096];
  int n = scandir(dir, &names, NULL, alphasort);
  for (int i = 0; i < n; i++) {
    if (names[i]->d_type != DT_REG)
      continue;
    snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
    chmod(path, 0600);                                     // MISSING[toctou-symlink-check]
  }
  free(names);
}

