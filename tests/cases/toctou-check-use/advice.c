/* toctou-check-use: the advice fits what the use means to do with the
 * file. "Create it with O_CREAT|O_EXCL" only where the program creates
 * (an existence check found nothing); an append, an overwrite or a
 * permission check needs another remedy, and each is named. All risk
 * levels are shown: the advice is the point here, not the ranking. */
// ARGS: --min-risk low
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* Creation: nothing there, so make it, exclusively. */
FILE *create_if_absent(const char *p) {
  if (access(p, F_OK) == 0)                     // NOTE[toctou-check-use]
    return NULL;
  return fopen(p, "w");                         // WARNING[toctou-check-use "create it with open(O_CREAT|O_EXCL) (fopen mode \"wx\")"]
}

/* A permission check (the set-user-ID pattern): let the kernel check. */
FILE *overwrite_if_writable(const char *p) {
  if (access(p, W_OK) == 0)                     // NOTE[toctou-check-use]
    return fopen(p, "w");                       // WARNING[toctou-check-use "drop privileges (seteuid(getuid())) and open it"]
  return NULL;
}

FILE *append_if_writable(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return NULL;
  return fopen(p, "ab");                        // WARNING[toctou-check-use "handle EACCES"]
}

/* An append after stat(): the file is meant to exist and grow; O_EXCL
 * would make the second run fail. */
FILE *append_log(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0 && !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return NULL;
  return fopen(p, "a");                         // WARNING[toctou-check-use "open it once with O_APPEND|O_NOFOLLOW (for a stream, fdopen() that descriptor), then fstat() the descriptor and check what stat() checked"]
}

int append_fd(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || st.st_uid != getuid())  // NOTE[toctou-check-use]
    return -1;
  return open(p, O_WRONLY | O_APPEND | O_CREAT, 0600);   // WARNING[toctou-check-use "O_APPEND|O_NOFOLLOW"]
}

/* An overwrite of a file whose attributes were checked: open without
 * truncating, check the descriptor, then truncate. */
FILE *overwrite_regular(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return NULL;
  return fopen(p, "w");                         // WARNING[toctou-check-use "open it first with O_NOFOLLOW and without O_CREAT|O_TRUNC, fstat() the descriptor and check what stat() checked, then ftruncate() it"]
}

/* An overwrite of a file an existence check found: creating exclusively
 * would always fail there. */
int overwrite_existing(const char *p) {
  if (access(p, F_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return open(p, O_WRONLY | O_TRUNC);           // WARNING[toctou-check-use "without O_CREAT|O_TRUNC"]
}

/* A write without truncation. */
int update_in_place(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || st.st_size < 16)     // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDWR);                       // WARNING[toctou-check-use "open it once with O_NOFOLLOW, fstat() the descriptor and check what stat() checked, then use the descriptor"]
}

/* A read: open once, check the descriptor. */
int read_regular(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDONLY);                     // WARNING[toctou-check-use "open the file once and use fstat() on the descriptor"]
}
