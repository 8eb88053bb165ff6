/* lock-order: fcntl() locks set up with an initializer, transitive calls,
 * C11 mutexes, a pair reported once however often it occurs. */
#include <fcntl.h>
#include <pthread.h>
#include <threads.h>
#include <unistd.h>

/* struct flock fl = {...}: its l_type is not followed. F_SETLKW waits, so
 * it is taken to acquire; F_SETLK may be a lock or an unlock: ignored. */
void init_list_index_then_data(void) {
  int i = open("/srv/app/idx2", O_RDWR);
  int d = open("/srv/app/dat2", O_RDWR);
  struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
  struct flock un = {.l_type = F_UNLCK, .l_whence = SEEK_SET};
  fcntl(i, F_SETLKW, &lk);                              // NOTE[lock-order]
  fcntl(d, F_SETLKW, &lk);                              // NOTE[lock-order]
  fcntl(d, F_SETLK, &un);
  fcntl(i, F_SETLK, &un);
}

void init_list_data_then_index(void) {
  int d = open("/srv/app/dat2", O_RDWR);
  int i = open("/srv/app/idx2", O_RDWR);
  struct flock lk = {.l_type = F_RDLCK, .l_whence = SEEK_SET};
  fcntl(d, F_SETLKW, &lk);                              // NOTE[lock-order]
  fcntl(i, F_SETLKW, &lk);                              // WARNING[lock-order "\"/srv/app/idx2\""]
  close(i);
  close(d);
}

pthread_mutex_t outer = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t inner = PTHREAD_MUTEX_INITIALIZER;

static void leaf(void) {
  pthread_mutex_lock(&inner);                           // NOTE[lock-order "in leaf()"]
  pthread_mutex_unlock(&inner);
}

static void middle(void) {
  leaf();
}

void outer_then_inner_via_two_calls(void) {
  pthread_mutex_lock(&outer);                           // NOTE[lock-order]
  middle();                                             // NOTE[lock-order "(by middle())"]
  pthread_mutex_unlock(&outer);
}

void inner_then_outer(void) {
  pthread_mutex_lock(&inner);                           // NOTE[lock-order]
  pthread_mutex_lock(&outer);                           // WARNING[lock-order "'outer' acquired while 'inner' is held"]
  pthread_mutex_unlock(&outer);
  pthread_mutex_unlock(&inner);
}

/* The same inversion again: the pair is reported once, above. */
void inner_then_outer_again(void) {
  pthread_mutex_lock(&inner);
  pthread_mutex_lock(&outer);                           // no-warning
  pthread_mutex_unlock(&outer);
  pthread_mutex_unlock(&inner);
}

mtx_t m1, m2;

void c11_one_two(void) {
  mtx_lock(&m1);                                        // NOTE[lock-order]
  mtx_lock(&m2);                                        // NOTE[lock-order]
  mtx_unlock(&m2);
  mtx_unlock(&m1);
}

void c11_two_one(void) {
  mtx_lock(&m2);                                        // NOTE[lock-order]
  mtx_lock(&m1);                                        // WARNING[lock-order "'m1' acquired while 'm2' is held"]
  mtx_unlock(&m1);
  mtx_unlock(&m2);
}

/* Released and taken again in the other order: no nesting. */
void release_then_reverse(void) {
  mtx_lock(&m1);
  mtx_unlock(&m1);
  mtx_lock(&m2);
  mtx_unlock(&m2);
  mtx_lock(&m1);                                        // no-warning
  mtx_unlock(&m1);
}

/* Variable indexes: which lock is not known. */
pthread_mutex_t shard[8];

void shards(int x, int y) {
  pthread_mutex_lock(&shard[x]);
  pthread_mutex_lock(&shard[y]);                        // no-warning
  pthread_mutex_unlock(&shard[y]);
  pthread_mutex_unlock(&shard[x]);
}
