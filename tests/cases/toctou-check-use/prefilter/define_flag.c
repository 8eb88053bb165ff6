// ARGS: --min-risk low
/* A macro defined on the command line (-DNAME=body) names the calls. */
// CFLAGS: -DPROBE=access -DOPEN_FOR_READING(p)=open(p,O_RDONLY)
#include <fcntl.h>
#include <unistd.h>

int flagged(const char *path)
{
    if (PROBE(path, R_OK) == 0)                  // NOTE[toctou-check-use]
        return OPEN_FOR_READING(path);           // WARNING[toctou-check-use]
    return -1;
}

/* struct tags and members named like file functions are not calls: this
 * function alone would not be parsed. */
struct stat;
struct ops { int (*open)(const char *); };
int member(struct ops *o, const char *p) { return o->open(p); }   // no-warning
