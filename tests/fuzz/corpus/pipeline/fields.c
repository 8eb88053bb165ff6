/* lock-order: fields reached through pointers are one lock per field
 * path, whatever the pointer (a->mu in one function, b->mu in another). */
#include <pthread.h>

struct queue {
  pthread_mutex_t head_lock;
  pthread_mutex_t tail_lock;
  int n;
};

void push(struct queue *q) {
  pthread_mutex_lock(&q->tail_lock);                    // NOTE[lock-order]
  pthread_mutex_lock(&q->head_lock);                    // NOTE[lock-order]
  q->n++;
  pthread_mutex_unlock(&q->head_lock);
  pthread_mutex_unlock(&q->tail_lock);
}

void pop(struct queue *other) {
  pthread_mutex_lock(&other->head_lock);                // NOTE[lock-order "'other->head_lock' acquired here"]
  pthread_mutex_lock(&other->tail_lock);                // WARNING[lock-order "'other->tail_lock' acquired while 'other->head_lock' is held"]
  other->n--;
  pthread_mutex_unlock(&other->tail_lock);
  pthread_mutex_unlock(&other->head_lock);
}

/* Local mutexes: each function's own, never the same lock as another's. */
void local_a(void) {
  pthread_mutex_t x = PTHREAD_MUTEX_INITIALIZER, y = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&x);
  pthread_mutex_lock(&y);                               // no-warning
  pthread_mutex_unlock(&y);
  pthread_mutex_unlock(&x);
}

void local_b(void) {
  pthread_mutex_t x = PTHREAD_MUTEX_INITIALIZER, y = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&y);
  pthread_mutex_lock(&x);                               // no-warning
  pthread_mutex_unlock(&x);
  pthread_mutex_unlock(&y);
}

/* Mutex pointers passed in: not known to be the same across functions. */
void by_pointer_a(pthread_mutex_t *m1, pthread_mutex_t *m2) {
  pthread_mutex_lock(m1);
  pthread_mutex_lock(m2);                               // no-warning
  pthread_mutex_unlock(m2);
  pthread_mutex_unlock(m1);
}

void by_pointer_b(pthread_mutex_t *m1, pthread_mutex_t *m2) {
  pthread_mutex_lock(m2);
  pthread_mutex_lock(m1);                               // no-warning
  pthread_mutex_unlock(m1);
  pthread_mutex_unlock(m2);
}
