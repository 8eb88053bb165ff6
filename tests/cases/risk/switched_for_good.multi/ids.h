#include <sys/types.h>
void set_ugid(uid_t uid, gid_t gid);
void set_eugid(uid_t euid, gid_t egid);
void walk_queue(const char *path);
void walk_queue_as_root(const char *path);
