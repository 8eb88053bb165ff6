/* call_places.h - a function's calls by source place, so that finding the
 * call a finding or note points at costs the calls at that place, not a
 * scan of the function (risk assessment asks once per finding and note). */
#ifndef FSRACE_CALL_PLACES_H
#define FSRACE_CALL_PLACES_H
#include "../ir/ir.h"

typedef struct CallPlaces CallPlaces;

CallPlaces *call_places(Arena *a, const Function *fn);
/* The calls at loc, in program order (block by block): start with
 * *cursor = -1; each call sets *block and *index and returns true, until
 * false. */
bool call_places_next(const CallPlaces *cp, SrcLoc loc, int *cursor, int *block, int *index);

#endif
