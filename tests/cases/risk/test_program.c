// ARGS: --min-risk low
/* A file named test_*.c (or *_test.c, or in a directory test/ or tests/)
 * is part of a test program (risk.c test_program_file()): it works on the
 * files the test made for itself and runs with the rights of whoever runs
 * the tests (libfuse test/test_syscalls.c: creat() a file in the test
 * directory, lstat() it to assert its type, then use it). Even a /tmp
 * name ranks low there; the same function in a program is high
 * (default.c tmp_pid()). */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int check_type(const char *testfile) {
  struct stat st;
  if (lstat(testfile, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return chmod(testfile, 0600);            // WARNING[toctou-symlink-check risk=low because="part of a test program"]
}

int tmp_pid(void) {
  struct stat st;
  if (stat("/tmp/app.pid", &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open("/tmp/app.pid", O_RDWR);     // WARNING[toctou-check-use risk=low because="part of a test program"]
}
