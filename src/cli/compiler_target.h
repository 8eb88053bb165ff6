/* compiler_target.h - the target a cross compiler's name implies. */
#ifndef FSRACE_COMPILER_TARGET_H
#define FSRACE_COMPILER_TARGET_H

#include <stdbool.h>

#include "../util/arena.h"

/* "--target=TRIPLE" when compiler (a path or name, as argument 0 of a
 * compile database entry) is a cross compiler such as
 * "arm-linux-gnueabihf-gcc-12"; NULL for a native or unknown name. */
const char *compiler_target(Arena *a, const char *compiler);

/* Does arg choose the target itself (--target=, -target, --target)? */
bool names_target(const char *arg);

#endif
