/* lock-order: a field through a pointer is one lock per struct type and
 * field path. f->lock of a struct fs and d->lock of a struct dh are two
 * mutexes (ntfs-3g libfuse-lite/fuse.c:2219: 'f->lock' of struct fuse and
 * 'dh->lock' of struct fuse_dh were taken for one lock). */
#include <pthread.h>

struct fs { pthread_mutex_t lock; pthread_mutex_t tree_lock; };
struct dh { pthread_mutex_t lock; };

static void fill(struct fs *f)
{
  pthread_mutex_lock(&f->tree_lock);
  pthread_mutex_unlock(&f->tree_lock);
}

void do_readdir(struct fs *f, struct dh *d)
{
  pthread_mutex_lock(&d->lock);
  fill(f);                                              // no-warning
  pthread_mutex_unlock(&d->lock);
}

void do_create(struct fs *f)
{
  pthread_mutex_lock(&f->tree_lock);
  pthread_mutex_lock(&f->lock);                         // no-warning
  pthread_mutex_unlock(&f->lock);
  pthread_mutex_unlock(&f->tree_lock);
}

/* The real twin: the same struct type through two differently named
 * pointers is the same pair of locks, in opposite orders. */
void do_rename(struct fs *a)
{
  pthread_mutex_lock(&a->lock);                         // NOTE[lock-order]
  fill(a);                                              // WARNING[lock-order]
  pthread_mutex_unlock(&a->lock);
}
