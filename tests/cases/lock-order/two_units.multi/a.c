/* lock-order is per translation unit: opposite orders in two files are a
 * known gap. */
#include <pthread.h>

extern pthread_mutex_t left, right;

void left_then_right(void) {
  pthread_mutex_lock(&left);
  pthread_mutex_lock(&right);                           // MISSING[lock-order]
  pthread_mutex_unlock(&right);
  pthread_mutex_unlock(&left);
}
