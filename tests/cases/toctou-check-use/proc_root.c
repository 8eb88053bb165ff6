// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: /proc/<pid>/root/... and /proc/<pid>/cwd/... (also
 * under /proc/self and /proc/<pid>/task/<tid>) reach into another
 * process's file system: a container's root, a user's working directory.
 * They are ordinary names that process can replace, not kernel-owned
 * objects (issue 11, A4). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* A container manager copying a file out of the container's root. */
int copy_from_container(pid_t pid, const char *name) {
  char path[4096];
  struct stat st;
  snprintf(path, sizeof path, "/proc/%d/root/%s", (int)pid, name);
  if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return open(path, O_RDONLY);                  // WARNING[toctou-symlink-check]
}

/* The same through a thread's directory, and the process's cwd. */
int chown_in_cwd(pid_t pid, pid_t tid) {
  char path[4096];
  struct stat st;
  snprintf(path, sizeof path, "/proc/%d/task/%d/cwd/core", (int)pid, (int)tid);
  if (stat(path, &st) != 0 || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  return chown(path, 1000, 1000);               // WARNING[toctou-check-use]
}

/* Literal names under /proc/self/root and /proc/self/cwd. */
int self_root(void) {
  if (access("/proc/self/root/tmp/report", W_OK) != 0)   // NOTE[toctou-check-use]
    return -1;
  return open("/proc/self/root/tmp/report", O_WRONLY);   // WARNING[toctou-check-use]
}

int self_cwd(void) {
  if (access("/proc/self/cwd/out.log", W_OK) != 0)   // NOTE[toctou-check-use]
    return -1;
  return open("/proc/self/cwd/out.log", O_WRONLY);   // WARNING[toctou-check-use]
}

/* Safe twins: the kernel's own files of a process stay kernel-owned,
 * including names that only start like root or cwd. */
int proc_status(pid_t pid) {
  char path[64];
  struct stat st;
  snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open(path, O_RDONLY);                  // no-warning
}

int proc_rootfs_like(void) {
  if (access("/proc/self/cwdx", R_OK) != 0)
    return -1;
  return open("/proc/self/cwdx", O_RDONLY);     // no-warning
}
