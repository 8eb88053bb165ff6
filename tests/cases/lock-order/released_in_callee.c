/* lock-order: a callee that releases its caller's lock before it takes
 * another does not take the other one while the caller's is held
 * (ntfs-3g libfuse-lite/fuse_lowlevel.c:1002, find_interrupted(): unlock
 * f->lock, lock curr->lock, lock f->lock again). */
#include <pthread.h>

struct req { pthread_mutex_t lock; struct req *next; int interrupted; };
struct ll { pthread_mutex_t lock; struct req list; };

static int find_interrupted(struct ll *f, struct req *want)
{
  for (struct req *curr = f->list.next; curr != &f->list; curr = curr->next) {
    if (curr == want) {
      pthread_mutex_unlock(&f->lock);
      pthread_mutex_lock(&curr->lock);
      pthread_mutex_lock(&f->lock);
      curr->interrupted = 1;
      pthread_mutex_unlock(&f->lock);
      pthread_mutex_unlock(&curr->lock);
      pthread_mutex_lock(&f->lock);
      return 1;
    }
  }
  return 0;
}

void do_interrupt(struct ll *f, struct req *r)
{
  pthread_mutex_lock(&f->lock);
  find_interrupted(f, r);                               // no-warning
  pthread_mutex_unlock(&f->lock);
}

/* The twin: a callee that takes curr->lock with the caller's f->lock still
 * held, against find_interrupted()'s curr->lock -> f->lock. */
static void mark_interrupted(struct req *curr)
{
  pthread_mutex_lock(&curr->lock);
  curr->interrupted = 1;
  pthread_mutex_unlock(&curr->lock);
}

void do_mark(struct ll *f)
{
  pthread_mutex_lock(&f->lock);                         // NOTE[lock-order]
  mark_interrupted(f->list.next);                       // WARNING[lock-order]
  pthread_mutex_unlock(&f->lock);
}
