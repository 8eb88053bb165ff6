/* lock-order: try-locks, rwlocks, paths of one function, locks taken in
 * called functions. */
#include <pthread.h>
#include <stdbool.h>

pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
pthread_rwlock_t table = PTHREAD_RWLOCK_INITIALIZER;
pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t c = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t d = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t e = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t f = PTHREAD_MUTEX_INITIALIZER;

void a_then_b(void) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);                               // no-warning
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
}

/* The opposite order, but b by try-lock: it cannot wait, so no deadlock;
 * the standard way out. */
void b_then_try_a(void) {
  pthread_mutex_lock(&b);
  if (pthread_mutex_trylock(&a) != 0) {                 // no-warning
    pthread_mutex_unlock(&b);
    return;
  }
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
}

/* Held after a successful try-lock: what follows is ordered after it. */
void try_c_then_d(void) {
  if (pthread_mutex_trylock(&c) == 0) {
    pthread_mutex_lock(&d);                             // NOTE[lock-order]
    pthread_mutex_unlock(&d);
    pthread_mutex_unlock(&c);
  }
}

void d_then_c(void) {
  pthread_mutex_lock(&d);
  pthread_mutex_lock(&c);                               // WARNING[lock-order "try_c_then_d()"]
  pthread_mutex_unlock(&c);
  pthread_mutex_unlock(&d);
}

/* The failure side of a try-lock holds nothing. */
void try_failed(void) {
  if (pthread_mutex_trylock(&e) != 0) {
    pthread_mutex_lock(&f);                             // no-warning
    pthread_mutex_unlock(&f);
    return;
  }
  pthread_mutex_unlock(&e);
}

void f_then_e(void) {
  pthread_mutex_lock(&f);
  pthread_mutex_lock(&e);                               // no-warning
  pthread_mutex_unlock(&e);
  pthread_mutex_unlock(&f);
}

/* rwlocks count; a lock taken inside a called function counts at the call. */
static void write_log(void) {
  pthread_mutex_lock(&log_mu);                          // NOTE[lock-order "acquired here, in write_log()"]
  pthread_mutex_unlock(&log_mu);
}

void update_row(void) {
  pthread_rwlock_wrlock(&table);                        // NOTE[lock-order]
  write_log();                                          // NOTE[lock-order]
  pthread_rwlock_unlock(&table);
}

void log_table_size(void) {
  pthread_mutex_lock(&log_mu);                          // NOTE[lock-order]
  pthread_rwlock_rdlock(&table);                        // WARNING[lock-order "'table' acquired while 'log_mu' is held"]
  pthread_rwlock_unlock(&table);
  pthread_mutex_unlock(&log_mu);
}

pthread_mutex_t g = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t h = PTHREAD_MUTEX_INITIALIZER;

/* Two paths of one function. */
void both_orders(bool flip) {
  if (flip) {
    pthread_mutex_lock(&h);                             // NOTE[lock-order]
    pthread_mutex_lock(&g);                             // NOTE[lock-order]
  } else {
    pthread_mutex_lock(&g);                             // NOTE[lock-order]
    pthread_mutex_lock(&h);                             // WARNING[lock-order "another path of this function"]
  }
  pthread_mutex_unlock(&h);
  pthread_mutex_unlock(&g);
}
