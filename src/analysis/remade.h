/* remade.h - a name the program creates again between a check and a use
 * (busybox tar: lstat() of dst_name for an up-to-date test, then
 * mkdir()/mknod()/open(O_CREAT) of it, then chown() by name): the use acts
 * on what the creation made, whatever the check tested.
 *
 * Asked for every finding of a function, so the calls that make a name
 * are listed once per function, by the name's key: a sweep of the
 * function per finding made N findings cost N^2. */
#ifndef FSRACE_REMADE_H
#define FSRACE_REMADE_H
#include "sites.h"

typedef struct Remade Remade;

/* The function's calls that create the name they are given (a creation,
 * an open that creates), by key, in program order. */
Remade *remade_index(Arena *a, const Function *fn);

/* The first such call on the use's name, other than the check and the
 * use, that runs after the check and before the use on some path
 * (*made: that call). */
bool remade_between(Arena *a, const Remade *x, const Site *check, const Site *use, Site *made);

#endif
