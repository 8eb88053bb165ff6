/* fuzz_input.h - the fuzzer's bytes as a file the code under test can
 * open by name: an anonymous memory file, named /proc/self/fd/N (a
 * regular file, as fsrace's readers require), rewritten for each input. */
#ifndef FSRACE_FUZZ_INPUT_H
#define FSRACE_FUZZ_INPUT_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* The name of a file holding exactly data[0..size). */
static inline const char *fuzz_file(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char name[64];
    if (fd < 0) {
        fd = memfd_create("fsrace-fuzz", 0);
        if (fd < 0)
            abort();
        snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    return name;
}

#endif
