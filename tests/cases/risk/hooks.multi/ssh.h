/* openssh's shape: a library calls a hook that each program defines. */
void sshfatal(const char *why);
void cleanup_exit(int status);
