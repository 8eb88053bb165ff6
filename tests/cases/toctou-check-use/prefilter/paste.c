// ARGS: --min-risk low
/* A name made by token pasting (##) never appears whole in the file: the
 * pre-filter counts a macro that pastes a parameter as a possible call. */
#include <fcntl.h>
#include <unistd.h>
#define CAT(a, b) a##b

int paste(const char *path)
{
    if (CAT(ac, cess)(path, R_OK) == 0)          // NOTE[toctou-check-use]
        return CAT(op, en)(path, O_RDONLY);      // WARNING[toctou-check-use]
    return -1;
}
