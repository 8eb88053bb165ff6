/* insecure-temp-file: predictable names in directories every user can
 * write, created without O_EXCL; files in a mkdtemp() directory are safe.
 * Decision: O_CREAT without O_EXCL is the bug, with or without O_NOFOLLOW
 * (the other user can still create the file first and keep it open, or
 * hard-link it). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int fixed_name_in_tmp(void) {
  return open("/tmp/app.log", O_WRONLY | O_CREAT | O_APPEND, 0644);   // WARNING[insecure-temp-file "open() creates \"/tmp/app.log\" in a shared directory without O_EXCL"]
}

int fixed_name_in_tmp_excl(void) {
  return open("/tmp/app.log", O_WRONLY | O_CREAT | O_EXCL, 0644);     // no-warning
}

FILE *pid_in_name(void) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/app.%d", getpid());
  return fopen(path, "w");                              // WARNING[insecure-temp-file "/tmp/app.*"]
}

FILE *pid_in_name_x(void) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/app.%d", getpid());
  return fopen(path, "wx");                             // no-warning
}

int tmpdir_from_environment(void) {
  const char *dir = getenv("TMPDIR");
  if (!dir)
    dir = "/tmp";
  char path[256];
  snprintf(path, sizeof path, "%s/app-cache", dir);
  return open(path, O_RDWR | O_CREAT, 0600);            // WARNING[insecure-temp-file "/app-cache\")"]
}

int inside_mkdtemp_directory(void) {
  char dir[] = "/tmp/appXXXXXX";
  if (!mkdtemp(dir))
    return -1;
  char path[256];
  snprintf(path, sizeof path, "%s/data", dir);
  return open(path, O_RDWR | O_CREAT, 0600);            // no-warning
}

FILE *p_tmpdir_strcat(void) {
  char path[256];
  strcpy(path, P_tmpdir);
  strcat(path, "/report.txt");
  return fopen(path, "w");                              // WARNING[insecure-temp-file "/tmp/report.txt"]
}

FILE *read_a_file_in_tmp(void) {
  return fopen("/tmp/app.conf", "r");                   // no-warning
}

int var_tmp_with_nofollow(void) {
  return open("/var/tmp/app.state", O_RDWR | O_CREAT | O_NOFOLLOW, 0600);   // WARNING[insecure-temp-file "without O_EXCL"]
}

int home_directory_file(void) {
  return open("/home/app/.state", O_RDWR | O_CREAT, 0600);   // no-warning
}

int dev_shm_name(void) {
  char path[64];
  snprintf(path, sizeof path, "/dev/shm/app-%ld", (long)time(NULL));
  return open(path, O_RDWR | O_CREAT, 0600);            // WARNING[insecure-temp-file "/dev/shm/app-*"]
}

/* A random part: nobody can take the name in advance (still better with
 * O_EXCL, but not this rule's). */
int random_name(void) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/app.%ld", random());
  return open(path, O_RDWR | O_CREAT, 0600);            // no-warning
}

FILE *mkdtemp_result_pointer(void) {
  char tmpl[] = "/tmp/appXXXXXX";
  char *d = mkdtemp(tmpl);
  if (!d)
    return NULL;
  char path[256];
  snprintf(path, sizeof path, "%s/out.txt", d);
  return fopen(path, "w");                              // no-warning
}

FILE *mkstemp_then_reopen(void) {
  char tmpl[] = "/tmp/appXXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0)
    return NULL;
  close(fd);
  return fopen(tmpl, "w");                              // no-warning
}

FILE *tmpdir_default_in_one_branch(const char *opt) {
  char path[256];
  if (opt)
    snprintf(path, sizeof path, "%s/out.txt", opt);
  else
    snprintf(path, sizeof path, "/tmp/out.txt");
  return fopen(path, "w");                              // WARNING[insecure-temp-file]
}

FILE *user_chosen_directory(const char *dir) {
  char path[256];
  snprintf(path, sizeof path, "%s/out.txt", dir);
  return fopen(path, "w");                              // no-warning
}

/* A log appended to: O_EXCL would fail on the second run, so the advice is
 * to check what the descriptor reached; a truncating create gets mkstemp(). */
FILE *append_log_in_tmp(void) {
  return fopen("/var/tmp/app.log", "a");                // WARNING[insecure-temp-file "fstat() the descriptor: use it only if it is a regular file you own (st_uid) with one link"]
}

int truncate_in_tmp(void) {
  return open("/tmp/app.out", O_WRONLY | O_CREAT | O_TRUNC, 0644);   // WARNING[insecure-temp-file "use mkstemp()"]
}
