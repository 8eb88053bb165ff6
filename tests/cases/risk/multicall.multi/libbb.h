/* busybox's shape: one binary, many commands (applets). */
int tar_main(int argc, char **argv);
int man_main(int argc, char **argv);
int xopen_for_update(const char *name);
