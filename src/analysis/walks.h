/* walks.h - checks made by directory walks (model/entries.def): the entry
 * fts_read() or readdir() returns, and the arguments nftw() gives its
 * callback, are names the walk has already looked at. A walk check is a
 * check the check->use engine pairs like any other. */
#ifndef FSRACE_WALKS_H
#define FSRACE_WALKS_H
#include "sites.h"

enum { WALK_MAX_NAMES = 2, WALK_MAX_SEEDS = 3 };

typedef struct WalkCheck {
    Site site;                          /* the walk call, or the callback's entry */
    FileFunc func;                      /* how the engine sees it (group G_STAT) */
    Operand names[WALK_MAX_NAMES];      /* storage naming the entry */
    int nnames;
    const char *seeds[WALK_MAX_SEEDS];  /* what the walk learnt: stat buffer, type */
    int nseeds;
    const char *buf;                    /* the stat buffer, or NULL */
    bool links;                         /* the walk did not follow links */
    const Operand *dir;                 /* readdir(): the DIR * the name is in */
    Ins entry;                          /* a callback's entry, for notes */
} WalkCheck;

/* The walk checks of function fn, in an array from the arena (*count of
 * them): entries returned by the calls in it, and its own parameters if
 * the unit passes it to nftw(). */
WalkCheck *walks_of(Arena *a, const Function *fn, const int *idom, int *count);

/* The later calls on the entry's name: by any name the walk gave, and for
 * readdir(), *at() calls on dirfd() of its stream and paths joined from
 * the name; all of them, in an array from the arena. */
Site *walks_uses(Arena *a, const Function *fn, const WalkCheck *w, int *n);

/* Does fn list a directory (readdir()) and act on the entries: change,
 * write, run or remove one by name, walk one that way in turn, or hand an
 * entry to a function pointer? (A helper that only compares or prints the
 * names lists; one that acts recurses into what its name leads to.) */
bool walks_act_on_entries(Arena *a, const Function *fn, const int *idom);

/* Before the rules run on a translation unit: note the functions it passes
 * to nftw()/ftw() as callbacks (per thread, like summary_set_current). */
void walks_scan_unit(Function *const *fns, int n);

#endif
