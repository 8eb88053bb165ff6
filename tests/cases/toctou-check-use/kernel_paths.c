// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: names of kernel-owned objects ("/", "/proc/...",
 * "/sys/...", "/dev/...") cannot be replaced by another unprivileged
 * process, so checking then using them is not reported. "/dev/shm/" and
 * "/dev/mqueue/" are world-writable and stay reported, as does anything that
 * merely starts with the same letters. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* The root directory. */
int root_dir(void) {
  struct stat st;
  if (stat("/", &st) != 0 || st.st_uid != 0)
    return -1;
  return chdir("/");                            // no-warning
}

/* A /proc file. */
int proc_status(void) {
  struct stat st;
  if (stat("/proc/self/status", &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open("/proc/self/status", O_RDONLY);   // no-warning
}

/* A writable /proc/sys knob. */
int proc_sys_knob(void) {
  if (access("/proc/sys/vm/drop_caches", W_OK) != 0)
    return -1;
  return open("/proc/sys/vm/drop_caches", O_WRONLY);   // no-warning
}

/* A /sys attribute. */
FILE *sysfs_attribute(void) {
  if (access("/sys/kernel/mm/transparent_hugepage/enabled", W_OK) != 0)
    return NULL;
  return fopen("/sys/kernel/mm/transparent_hugepage/enabled", "w");   // no-warning
}

/* A device node. */
int dev_null(void) {
  struct stat st;
  if (stat("/dev/null", &st) != 0 || !S_ISCHR(st.st_mode))
    return -1;
  return open("/dev/null", O_RDWR);             // no-warning
}

/* A /proc name built by snprintf() from a format starting with "/proc/". */
int proc_pid_built(int pid) {
  char a[64], b[64];
  snprintf(a, sizeof a, "/proc/%d/status", pid);
  if (access(a, R_OK) != 0)
    return -1;
  snprintf(b, sizeof b, "/proc/%d/status", pid);
  return open(b, O_RDONLY);                     // no-warning
}

/* The same, one buffer. */
FILE *proc_pid_cmdline(int pid) {
  char buf[64];
  snprintf(buf, sizeof buf, "/proc/%d/cmdline", pid);
  if (access(buf, R_OK) != 0)
    return NULL;
  return fopen(buf, "r");                       // no-warning
}

/* /dev/shm is a world-writable tmpfs: as racy as /tmp. */
int dev_shm(void) {
  if (access("/dev/shm/app.lock", F_OK) == 0)   // NOTE[lockfile-race]
    return -1;
  return open("/dev/shm/app.lock", O_WRONLY | O_CREAT, 0600);   // WARNING[lockfile-race]
}

/* /dev/mqueue is world-writable too. */
int dev_mqueue(void) {
  struct stat st;
  if (stat("/dev/mqueue/jobs", &st) != 0 || st.st_uid != getuid())   // NOTE[toctou-check-use]
    return -1;
  return unlink("/dev/mqueue/jobs");            // WARNING[toctou-check-use]
}

/* "/process/..." is not "/proc/...". */
int not_proc(void) {
  if (access("/process/data", W_OK) != 0)       // NOTE[toctou-check-use]
    return -1;
  return unlink("/process/data");               // WARNING[toctou-check-use]
}

/* "/system/..." is not "/sys/...". */
int not_sys(void) {
  struct stat st;
  if (stat("/system/app.conf", &st) != 0 || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  return chmod("/system/app.conf", 0644);       // WARNING[toctou-check-use]
}

/* snprintf() into /tmp: a user-writable place. */
int tmp_built(int pid) {
  char a[64], b[64];
  snprintf(a, sizeof a, "/tmp/app.%d", pid);
  if (access(a, F_OK) == 0)                     // NOTE[insecure-temp-file]
    return -1;
  snprintf(b, sizeof b, "/tmp/app.%d", pid);
  return creat(b, 0600);                        // WARNING[insecure-temp-file]
}

/* A format that only contains "/proc/" after a user-controlled prefix. */
int proc_under_root(const char *root, int pid) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s/proc/%d/status", root, pid);
  if (access(buf, W_OK) != 0)                   // NOTE[toctou-check-use]
    return -1;
  return truncate(buf, 0);                      // WARNING[toctou-check-use]
}

/* util-linux lscpu: the /sys path is a constant array, not a literal. */
static const char dmi_tables[] = "/sys/firmware/dmi/tables/DMI";
long dmi_size(char *out) {
  struct stat st;
  if (stat(dmi_tables, &st) != 0)
    return -1;
  int fd = open(dmi_tables, O_RDONLY);          // no-warning
  if (fd < 0)
    return -1;
  long n = read(fd, out, (size_t)st.st_size);
  close(fd);
  return n;
}

/* The same with a shared directory: a constant array is its literal. */
static const char spool_file[] = "/tmp/spool.dat";
int spool_chmod(void) {
  struct stat st;
  if (stat(spool_file, &st) != 0 || st.st_uid != getuid())   // NOTE[toctou-check-use]
    return -1;
  return chmod(spool_file, 0600);               // WARNING[toctou-check-use "chmod() of '\"/tmp/spool.dat\"'"]
}
