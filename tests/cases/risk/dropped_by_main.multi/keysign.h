struct passwd;
void permanently_set_uid(struct passwd *pw);
int read_config(const char *path);
int fix_mode(const char *path);
int fix_mode_as_root(const char *path);
int fix_mode_twice(const char *path);
