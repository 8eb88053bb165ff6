/* Two threads that only read-lock an rwlock do not wait on each other:
 * an inversion needs a mode that conflicts on both locks (ntfs-3g fuse.c:
 * tree_lock is only ever rdlock'ed). The same orders with a write lock on
 * each side still deadlock. */
#include <pthread.h>

struct tree { pthread_rwlock_t tree_lock; pthread_rwlock_t names; };

/* readers on both locks: no deadlock */
void read_a_then_b(struct tree *t) {
  pthread_rwlock_rdlock(&t->tree_lock);
  pthread_rwlock_rdlock(&t->names);
  pthread_rwlock_unlock(&t->names);
  pthread_rwlock_unlock(&t->tree_lock);
}

void read_b_then_a(struct tree *t) {
  pthread_rwlock_rdlock(&t->names);
  pthread_rwlock_rdlock(&t->tree_lock);   // no-warning: readers share both locks
  pthread_rwlock_unlock(&t->tree_lock);
  pthread_rwlock_unlock(&t->names);
}

/* one side reads a lock the other side only reads: still no wait there */
pthread_mutex_t big = PTHREAD_MUTEX_INITIALIZER;
pthread_rwlock_t shared_only = PTHREAD_RWLOCK_INITIALIZER;

void mutex_then_read(void) {
  pthread_mutex_lock(&big);
  pthread_rwlock_rdlock(&shared_only);
  pthread_rwlock_unlock(&shared_only);
  pthread_mutex_unlock(&big);
}

void read_then_mutex(void) {
  pthread_rwlock_rdlock(&shared_only);
  pthread_mutex_lock(&big);   // no-warning: both threads only read shared_only
  pthread_mutex_unlock(&big);
  pthread_rwlock_unlock(&shared_only);
}

/* the real twin: a writer on one side waits for the reader on the other */
pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
pthread_rwlock_t table = PTHREAD_RWLOCK_INITIALIZER;

void log_then_write(void) {
  pthread_mutex_lock(&log_mu);
  pthread_rwlock_wrlock(&table);
  pthread_rwlock_unlock(&table);
  pthread_mutex_unlock(&log_mu);
}

void read_then_log(void) {
  pthread_rwlock_rdlock(&table);
  pthread_mutex_lock(&log_mu);   // WARNING[lock-order]
  pthread_mutex_unlock(&log_mu);
  pthread_rwlock_unlock(&table);
}
