// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Wrappers that act by name only when another pointer argument (a context)
 * is NULL: util-linux's ul_path_* functions, which use a /sys directory
 * descriptor when given one. Callers pass the context, so the by-name
 * branch is not the wrapper's effect (from the triage of util-linux). */
#include <fcntl.h>
#include <unistd.h>

struct ctx { int dirfd; };

static int ctx_access(struct ctx *c, const char *p) {
  if (!c)
    return access(p, F_OK);
  return faccessat(c->dirfd, p, F_OK, 0);
}

static int ctx_open(struct ctx *c, const char *p) {
  return c ? openat(c->dirfd, p, O_WRONLY | O_TRUNC) : open(p, O_WRONLY | O_TRUNC);
}

int rescan(struct ctx *sys) {
  if (ctx_access(sys, "rescan") != 0)
    return -1;
  return ctx_open(sys, "rescan");               // no-warning
}

/* A NULL test of the name itself does not make the effect conditional. */
static int checked_open(const char *p) {
  if (!p)
    return -1;
  return open(p, O_WRONLY | O_TRUNC);           // NOTE[toctou-check-use "checked_open() uses its argument with open() here"]
}

int rescan_by_name(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return checked_open(p);                       // WARNING[toctou-check-use "checked_open() of 'p' after access()"]
}
