/* locks.c - lock calls and lock file names; see locks.h. */
#include "locks.h"

#include <ctype.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "follow.h"

static const struct {
    const char *name;
    LockAct act;
} memory_locks[] = {
    {"pthread_mutex_lock", LOCK_ACQUIRE},      {"pthread_mutex_timedlock", LOCK_ACQUIRE},
    {"pthread_mutex_clocklock", LOCK_ACQUIRE}, {"pthread_mutex_trylock", LOCK_TRY},
    {"pthread_mutex_unlock", LOCK_RELEASE},    {"pthread_rwlock_rdlock", LOCK_ACQUIRE},
    {"pthread_rwlock_wrlock", LOCK_ACQUIRE},   {"pthread_rwlock_timedrdlock", LOCK_ACQUIRE},
    {"pthread_rwlock_timedwrlock", LOCK_ACQUIRE}, {"pthread_rwlock_tryrdlock", LOCK_TRY},
    {"pthread_rwlock_trywrlock", LOCK_TRY},    {"pthread_rwlock_unlock", LOCK_RELEASE},
    {"pthread_spin_lock", LOCK_ACQUIRE},       {"pthread_spin_trylock", LOCK_TRY},
    {"pthread_spin_unlock", LOCK_RELEASE},     {"mtx_lock", LOCK_ACQUIRE},
    {"mtx_timedlock", LOCK_ACQUIRE},           {"mtx_trylock", LOCK_TRY},
    {"mtx_unlock", LOCK_RELEASE},              {NULL, LOCK_NONE},
};

/* The value struct flock `key`'s l_type was last given before (block,
 * index), looking back along single predecessors; -1 if unknown. */
static int flock_type_before(const Function *fn, int block, int index, const char *key)
{
    char field[300];
    if (strlen(key) > 280)
        return -1;
    const char *k = key[0] == '&' ? key + 1 : key;
    for (int steps = 0; steps < 1000; steps++) {
        const Block *blk = fn->blocks[block];
        for (int i = index - 1; i >= 0; i--) {
            const Ins *ins = &blk->ins[i];
            if (ins->kind != INS_ASSIGN || ins->dst.kind != OPND_LVALUE)
                continue;
            snprintf(field, sizeof field, "%s.l_type", k);
            if (!strcmp(ins->dst.key, field) || !strcmp(ins->dst.key + (ins->dst.key[0] == '*'),
                                                          field))
                return ins->src.has_ival ? (int)ins->src.ival : -1;
            snprintf(field, sizeof field, "%s->l_type", k);
            if (!strcmp(ins->dst.key, field))
                return ins->src.has_ival ? (int)ins->src.ival : -1;
            if (!strcmp(ins->dst.key, k))
                return -1;   /* struct flock fl = {...}: not followed */
        }
        if (blk->npred != 1)
            return -1;
        block = blk->pred[0];
        index = fn->blocks[block]->nins;
    }
    return -1;
}

LockCall lock_call(const Function *fn, int block, int index)
{
    const Ins *ins = &fn->blocks[block]->ins[index];
    LockCall none = {LOCK_NONE, LOBJ_MEMORY, -1, false};
    if (ins->kind != INS_CALL || !ins->call.callee || ins->call.kind != CALLEE_EXTERNAL ||
        ins->call.nargs < 1)
        return none;
    const char *n = ins->call.callee;
    const Call *c = &ins->call;
    for (int i = 0; memory_locks[i].name; i++)
        if (!strcmp(n, memory_locks[i].name))
            return (LockCall){memory_locks[i].act, LOBJ_MEMORY, 0, false, strstr(n, "rdlock") != NULL};
    if (!strcmp(n, "close") || !strcmp(n, "_close"))
        return (LockCall){LOCK_RELEASE, LOBJ_FILE, 0};
    if (c->nargs < 2 || !c->args[1].has_ival)
        return none;
    long long op = c->args[1].ival;
    if (!strcmp(n, "flock")) {
        if (op & LOCK_UN)
            return (LockCall){LOCK_RELEASE, LOBJ_FILE, 0};
        if (op & (LOCK_EX | LOCK_SH))
            return (LockCall){op & LOCK_NB ? LOCK_TRY : LOCK_ACQUIRE, LOBJ_FILE, 0, false,
                              !(op & LOCK_EX)};
        return none;
    }
    if (!strcmp(n, "lockf") || !strcmp(n, "lockf64")) {
        if (op == F_ULOCK)
            return (LockCall){LOCK_RELEASE, LOBJ_FILE, 0};
        if (op == F_LOCK || op == F_TLOCK)
            return (LockCall){op == F_LOCK ? LOCK_ACQUIRE : LOCK_TRY, LOBJ_FILE, 0};
        return none;
    }
    if (!strcmp(n, "fcntl") || !strcmp(n, "fcntl64")) {
        bool wait = op == F_SETLKW || op == F_OFD_SETLKW;
        if (!wait && op != F_SETLK && op != F_OFD_SETLK)
            return none;
        int type = -1;
        if (c->nargs > 2 && (c->args[2].kind == OPND_ADDR || c->args[2].kind == OPND_LVALUE))
            type = flock_type_before(fn, block, index, c->args[2].key);
        if (type == F_UNLCK)
            return (LockCall){LOCK_RELEASE, LOBJ_FILE, 0, false};
        return (LockCall){wait ? LOCK_ACQUIRE : LOCK_TRY, LOBJ_FILE, 0, type < 0 && !wait,
                          type == F_RDLCK};
    }
    return none;
}

/* ---- lock file names ----------------------------------------------- */

/* Lock files are told by whole parts of their name, never by a substring:
 * "app.lock", "LCK..ttyS0", "lockfile", "db-lck" are lock files,
 * "test-faillock-state.conf" and "block.img" are not. A part is what lies
 * between separators ('.', '-', '_', '/' and, in identifiers, a change
 * to upper case: lockPath). */
static bool lock_part(const char *s, size_t n)
{
    static const char *const parts[] = {"lock", "locks", "lck", "lockfile", "lockfiles",
                                        "lockpath", "lockname", "lockfn", NULL};
    for (int i = 0; parts[i]; i++)
        if (n == strlen(parts[i]) && !strncasecmp(s, parts[i], n))
            return true;
    return false;
}

static bool separates(const char *s, size_t i, bool camel)
{
    return (s[i] && strchr("./-_", s[i])) ||
           (camel && i > 0 && isupper((unsigned char)s[i]) && islower((unsigned char)s[i - 1]));
}

/* Does s[0..n) have a part that names a lock? */
static bool has_lock_part(const char *s, size_t n, bool camel)
{
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n || separates(s, i, camel);
        if (!end)
            continue;
        if (lock_part(s + start, i - start))
            return true;
        start = i < n && isupper((unsigned char)s[i]) && !strchr("./-_", s[i]) ? i : i + 1;
    }
    return false;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && !strncasecmp(s + n - k, suffix, k);
}

static LockName name_kind(const char *s, size_t n)
{
    if (has_lock_part(s, n, false) || !strncmp(s, "LCK..", 5))
        return LOCKNAME_LOCK;
    if (ends_with(s, n, ".pid"))
        return LOCKNAME_PID;
    return LOCKNAME_NO;
}

/* A file in a directory of locks: /var/lock/x, /run/lock/subsys/x. */
static bool in_lock_dir(const char *text)
{
    const char *base = shape_basename(text);
    return base > text && has_lock_part(text, (size_t)(base - text), false);
}

/* The last component of an access path: "lock_path" in "c->lock_path". */
static LockName identifier_kind(const char *key)
{
    if (!key || key[0] == '"' || key[0] == '%')
        return LOCKNAME_NO;
    const char *last = key;
    for (const char *p = key; *p; p++)
        if (*p == '.' || *p == '>' || *p == '*')
            last = p + 1;
    size_t n = strcspn(last, "['");
    if (has_lock_part(last, n, true))
        return LOCKNAME_LOCK;
    for (size_t i = 0; i + 3 <= n; i++)
        if (!strncasecmp(last + i, "pid", 3) && i + 3 < n &&
            (!strncasecmp(last + i + 3, "file", 4) || !strncasecmp(last + i + 3, "_file", 5) ||
             !strncasecmp(last + i + 3, "path", 4) || !strncasecmp(last + i + 3, "_path", 5)))
            return LOCKNAME_PID;
    return LOCKNAME_NO;
}

LockName lockname_of(const Shapes *s, const Operand *path)
{
    LockName best = identifier_kind(path->kind == OPND_LVALUE ? path->key : NULL);
    for (int i = 0; i < s->n && best != LOCKNAME_LOCK; i++) {
        const char *base = shape_basename(s->item[i].text);
        LockName k = in_lock_dir(s->item[i].text) ? LOCKNAME_LOCK : name_kind(base, strlen(base));
        if (k == LOCKNAME_LOCK || (k == LOCKNAME_PID && best == LOCKNAME_NO))
            best = k;
    }
    return best;
}

/* ---- is a lock file's descriptor locked? ----------------------------- */

bool handle_locked(Arena *a, const Function *fn, int block, int index, bool *escapes)
{
    Follow f = follow_handle(a, fn, block, index, 64);
    *escapes = f.escapes;
    for (int i = 0; i < f.n; i++) {
        LockCall lc = lock_call(fn, f.calls[i].block, f.calls[i].index);
        if (lc.obj == LOBJ_FILE && lc.arg == f.calls[i].arg &&
            (lc.act == LOCK_ACQUIRE || lc.act == LOCK_TRY))
            return true;
    }
    return false;
}
