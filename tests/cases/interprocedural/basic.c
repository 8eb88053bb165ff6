// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: the program's own functions as checks and uses. A check
 * wrapper returns the outcome of a check on its argument; a use wrapper
 * operates on its argument by name. A call of either pairs like the libc
 * call inside it, with notes on the wrapper call and inside the wrappers. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;                     // NOTE[toctou-check-use "file_exists() checks its argument with stat() here"]
}

static int can_write(const char *p) {
  return access(p, W_OK) == 0;                  // NOTE[toctou-check-use "can_write() checks its argument with access() here"]
}

static void write_file(const char *p, const char *data) {
  FILE *f = fopen(p, "w");                      // NOTE[toctou-check-use "write_file() uses its argument with fopen() here"]
  if (!f)
    return;
  fputs(data, f);
  fclose(f);
}

static int remove_file(const char *p) {
  return unlink(p);                             // NOTE[toctou-check-use "remove_file() uses its argument with unlink() here"]
}

/* The example of the documentation: both sides are wrappers. */
void exists_then_write(const char *path, const char *data) {
  if (file_exists(path))                        // NOTE[toctou-check-use "'path' checked here by file_exists()"]
    write_file(path, data);                     // WARNING[toctou-check-use "write_file() of 'path' after file_exists() checked it"]
}

/* A check wrapper, then a libc use. */
int writable_then_fopen(const char *path, const char *data) {
  if (!can_write(path))                         // NOTE[toctou-check-use "'path' checked here by can_write()"]
    return -1;
  FILE *f = fopen(path, "a");                   // WARNING[toctou-check-use "fopen() of 'path' after can_write() checked it"]
  if (!f)
    return -1;
  fputs(data, f);
  return fclose(f);
}

/* A libc check, then a use wrapper. */
void regular_then_write(const char *path, const char *data) {
  struct stat st;
  if (stat(path, &st) == 0 && S_ISREG(st.st_mode))   // NOTE[toctou-check-use "'path' checked here by stat()"]
    write_file(path, data);                     // WARNING[toctou-check-use "write_file() of 'path' after stat() checked it"]
}

/* A libc check, then a use wrapper that removes. */
int access_then_remove_file(const char *path) {
  if (access(path, W_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  return remove_file(path);                     // WARNING[toctou-check-use "remove_file() of 'path' after access()"]
}

/* Two wrappers again, through a ternary. */
int writable_then_remove(const char *path) {
  return can_write(path) ? remove_file(path) : -1;   // WARNING[toctou-check-use "remove_file() of 'path' after can_write()"]
}

/* The wrapper's result is ignored: it decides nothing. */
void check_ignored(const char *path, const char *data) {
  file_exists(path);                            // no-warning
  write_file(path, data);                       // no-warning
}

/* A use wrapper with no check before it. */
void just_write(const char *path, const char *data) {
  write_file(path, data);                       // no-warning
}

/* The check wrapper on a field path, the use wrapper on the same one. */
struct job {
  char *path;
  const char *text;
};

void job_write(struct job *j) {
  if (file_exists(j->path))                     // NOTE[toctou-check-use "'j->path' checked here by file_exists()"]
    write_file(j->path, j->text);               // WARNING[toctou-check-use "write_file() of 'j->path'"]
}

/* The same element of argv at both calls. */
int argv_element(char **argv) {
  if (!can_write(argv[1]))
    return 1;
  return remove_file(argv[1]);                  // WARNING[toctou-check-use "remove_file() of 'argv[1]'"]
}

/* A check wrapper, then a libc chmod in a loop over the names. */
void chmod_all(char **names, int n) {
  for (int i = 0; i < n; i++) {
    const char *p = names[i];
    if (file_exists(p))
      chmod(p, 0600);                           // WARNING[toctou-check-use "chmod() of 'p' after file_exists()"]
  }
}

/* Waiting for a lock file to go away, then creating it by name. */
int wait_then_take(const char *lock) {
  while (file_exists(lock))                     // NOTE[toctou-check-use "'lock' checked here by file_exists()"]
    sleep(1);
  return open(lock, O_WRONLY | O_CREAT, 0600);  // WARNING[toctou-check-use "open() of 'lock' after file_exists()"]
}

/* The same, creating it exclusively: safe. */
int wait_then_take_excl(const char *lock) {
  while (file_exists(lock))
    sleep(1);
  return open(lock, O_WRONLY | O_CREAT | O_EXCL, 0600);   // no-warning
}
