/* lock-order: the same two locks taken in opposite orders on two paths of
 * the translation unit; reported once per pair, on the later second
 * acquisition, with notes on the other path. */
#include <pthread.h>

pthread_mutex_t accounts = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t journal = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t stats = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t cache = PTHREAD_MUTEX_INITIALIZER;

void deposit(void) {
  pthread_mutex_lock(&accounts);                        // NOTE[lock-order "the opposite order: 'accounts' acquired here, in deposit()"]
  pthread_mutex_lock(&journal);                         // NOTE[lock-order "then 'journal' acquired while 'accounts' is held"]
  pthread_mutex_unlock(&journal);
  pthread_mutex_unlock(&accounts);
}

void audit(void) {
  pthread_mutex_lock(&journal);                         // NOTE[lock-order "'journal' acquired here"]
  pthread_mutex_lock(&accounts);                        // WARNING[lock-order "'accounts' acquired while 'journal' is held, but deposit() takes them in the opposite order"]
  pthread_mutex_unlock(&accounts);
  pthread_mutex_unlock(&journal);
}

/* Same order everywhere: fine. */
void count_a(void) {
  pthread_mutex_lock(&stats);
  pthread_mutex_lock(&cache);                           // no-warning
  pthread_mutex_unlock(&cache);
  pthread_mutex_unlock(&stats);
}

void count_b(void) {
  pthread_mutex_lock(&stats);
  pthread_mutex_lock(&cache);                           // no-warning
  pthread_mutex_unlock(&cache);
  pthread_mutex_unlock(&stats);
}

/* Released before the next: no nesting, no order. */
void one_at_a_time(void) {
  pthread_mutex_lock(&cache);
  pthread_mutex_unlock(&cache);
  pthread_mutex_lock(&stats);                           // no-warning
  pthread_mutex_unlock(&stats);
}
