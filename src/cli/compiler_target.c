/* compiler_target.c - the target a cross compiler's name implies.
 * A compile database written for a cross build names its compiler
 * "arm-linux-gnueabihf-gcc" (or "aarch64-linux-gnu-clang-19"); the
 * compiler driver, and clang-tidy reading the same database, take the
 * prefix as the target. libclang parses for the host unless told, which
 * changes type sizes and the predefined macros (__arm__, __aarch64__) and
 * so which code is seen. Only a prefix whose architecture clang knows is
 * taken: a prefix like "my-gcc" is a name, not a target. */
#include <ctype.h>
#include <string.h>

#include "compiler_target.h"
#include "../util/path.h"

/* Length of name without a trailing "-12" or "-19.1" version. */
static size_t without_version(const char *name, size_t n)
{
    size_t i = n;
    while (i > 0 && (isdigit((unsigned char)name[i - 1]) || name[i - 1] == '.'))
        i--;
    return (i < n && i > 0 && name[i - 1] == '-') ? i - 1 : n;
}

/* Length of the prefix before a driver name ("-gcc", "-clang", ...), or 0. */
static size_t before_driver(const char *name, size_t n)
{
    static const char *const drivers[] = {"gcc", "cc", "clang", "g++", "c++", "clang++",
                                          "cpp", NULL};
    for (int i = 0; drivers[i]; i++) {
        size_t d = strlen(drivers[i]);
        if (n > d + 1 && name[n - d - 1] == '-' && !strncmp(name + n - d, drivers[i], d))
            return n - d - 1;
    }
    return 0;
}

/* Does the triple's first component name an architecture clang knows? */
static bool known_arch(const char *triple, size_t n)
{
    static const char *const arches[] = {
        "x86_64", "i386", "i486", "i586", "i686", "arm", "armv", "armeb", "thumb",
        "aarch64", "arm64", "mips", "powerpc", "ppc", "riscv32", "riscv64", "s390x",
        "sparc", "loongarch64", "m68k", "hexagon", "avr", "msp430", "xtensa", "wasm32",
        "wasm64", "csky", "or1k", "sh", "alpha", "hppa", "ia64", NULL};
    const char *dash = memchr(triple, '-', n);
    if (!dash)
        return false;                 /* a triple has at least arch-os */
    size_t arch = (size_t)(dash - triple);
    for (int i = 0; arches[i]; i++) {
        size_t k = strlen(arches[i]);
        if (arch >= k && !strncmp(triple, arches[i], k))
            return true;
    }
    return false;
}

const char *compiler_target(Arena *a, const char *compiler)
{
    const char *name = path_last(compiler);
    size_t n = strlen(name);
    if (n > 4 && !strcmp(name + n - 4, ".exe"))
        n -= 4;
    size_t prefix = before_driver(name, without_version(name, n));
    if (!prefix || !known_arch(name, prefix))
        return NULL;
    char *flag = arena_alloc(a, prefix + sizeof "--target=");
    memcpy(flag, "--target=", 9);
    memcpy(flag + 9, name, prefix);
    flag[9 + prefix] = '\0';
    return flag;
}

bool names_target(const char *arg)
{
    return !strncmp(arg, "--target=", 9) || !strcmp(arg, "-target") ||
           !strcmp(arg, "--target");
}
