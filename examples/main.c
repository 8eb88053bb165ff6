/* main.c - spoold FILE: submits FILE as a print job. spoold is installed
 * set-user-id root, so it reads files for users who run it. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "spool.h"

enum { LP_GID = 7 };

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: spoold FILE\n");
        return 2;
    }
    if (setgid(LP_GID) != 0) {         /* jobs belong to the lp group */
        perror("setgid");
        return 1;
    }
    struct job j = {getenv("USER") ? getenv("USER") : "nobody", argv[1]};
    FILE *f = settings_open("/etc/spoold.conf");
    if (f)
        fclose(f);
    if (spool_submit(&j, "/var/spool/spoold") != 0)
        return 1;
    make_private(argv[1]);
    return rotate_log("/var/log/spoold.log", "/var/log/spoold.log.1") == 0 ? 0 : 1;
}
