/* walk.h - helpers that recurse into each other across two files */
#ifndef WALK_H
#define WALK_H
int probe_a(const char *p, int depth);
int probe_b(const char *p, int depth);
int purge_a(const char *p, int depth);
int purge_b(const char *p, int depth);
int visit_a(const char *p, int depth);
int visit_b(const char *p, int depth);
#endif
