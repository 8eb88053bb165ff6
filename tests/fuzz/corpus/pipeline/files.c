/* lock-order: locks on files (flock, lockf, fcntl), named by the file the
 * descriptor was opened by, and lock files (O_EXCL, link(), unlink()). */
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

void spool_then_queue(void) {
  int s = open("/var/spool/app/spool.db", O_RDWR);
  int q = open("/var/spool/app/queue.db", O_RDWR);
  flock(s, LOCK_EX);                                    // NOTE[lock-order]
  flock(q, LOCK_EX);                                    // NOTE[lock-order]
  flock(q, LOCK_UN);
  flock(s, LOCK_UN);
  close(q);
  close(s);
}

void queue_then_spool(void) {
  int q = open("/var/spool/app/queue.db", O_RDWR);
  int s = open("/var/spool/app/spool.db", O_RDWR);
  flock(q, LOCK_SH);                                    // NOTE[lock-order]
  flock(s, LOCK_EX);                                    // WARNING[lock-order "\"/var/spool/app/spool.db\" acquired while \"/var/spool/app/queue.db\" is held"]
  close(s);
  close(q);
}

/* LOCK_NB cannot wait: no deadlock. */
void queue_then_try_spool(void) {
  int q = open("/var/spool/app/queue.db", O_RDWR);
  int s = open("/var/spool/app/spool.db", O_RDWR);
  flock(q, LOCK_EX);
  if (flock(s, LOCK_EX | LOCK_NB) != 0) {               // no-warning
    close(q);
    return;
  }
  close(s);
  close(q);
}

/* close() releases: taken one after the other. */
void one_after_the_other(void) {
  int q = open("/var/spool/app/queue.db", O_RDWR);
  lockf(q, F_LOCK, 0);
  close(q);
  int s = open("/var/spool/app/spool.db", O_RDWR);
  lockf(s, F_LOCK, 0);                                  // no-warning
  close(s);
}

void fcntl_index_then_data(void) {
  int i = open("/srv/app/index", O_RDWR);
  int dfd = open("/srv/app/data", O_RDWR);
  struct flock fl;
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 0;
  fcntl(i, F_SETLKW, &fl);                              // NOTE[lock-order]
  fcntl(dfd, F_SETLKW, &fl);                            // NOTE[lock-order]
  fl.l_type = F_UNLCK;
  fcntl(dfd, F_SETLK, &fl);
  fcntl(i, F_SETLK, &fl);
  close(dfd);
  close(i);
}

void fcntl_data_then_index(void) {
  int dfd = open("/srv/app/data", O_RDWR);
  int i = open("/srv/app/index", O_RDWR);
  struct flock fl;
  fl.l_type = F_RDLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 0;
  fcntl(dfd, F_SETLKW, &fl);                            // NOTE[lock-order]
  fcntl(i, F_SETLKW, &fl);                              // WARNING[lock-order]
  close(i);
  close(dfd);
}

/* Lock files: taken by O_EXCL creation, released by unlink(). */
static void take(const char *lock) {
  while (open(lock, O_CREAT | O_EXCL | O_WRONLY, 0644) < 0)
    sleep(1);
}

void lockfiles_a_then_b(void) {
  int a = open("/var/lock/a.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);   // NOTE[lock-order]
  int b = open("/var/lock/b.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);   // NOTE[lock-order]
  close(b);
  close(a);
  unlink("/var/lock/b.lock");
  unlink("/var/lock/a.lock");
}

void lockfiles_b_then_a(void) {
  int b = open("/var/lock/b.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);   // NOTE[lock-order]
  int a = open("/var/lock/a.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);   // WARNING[lock-order "\"/var/lock/a.lock\" acquired while \"/var/lock/b.lock\" is held"]
  close(a);
  close(b);
  unlink("/var/lock/a.lock");
  unlink("/var/lock/b.lock");
}

void lockfiles_released_between(void) {
  take("/var/lock/c.lock");
  unlink("/var/lock/c.lock");
  int d = open("/var/lock/d.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);   // no-warning
  close(d);
  unlink("/var/lock/d.lock");
}
