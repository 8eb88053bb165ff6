#include <pthread.h>

pthread_mutex_t left = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t right = PTHREAD_MUTEX_INITIALIZER;

void right_then_left(void) {
  pthread_mutex_lock(&right);
  pthread_mutex_lock(&left);                            // MISSING[lock-order]
  pthread_mutex_unlock(&left);
  pthread_mutex_unlock(&right);
}
