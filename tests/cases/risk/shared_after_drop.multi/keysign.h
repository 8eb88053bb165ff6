struct passwd;
void permanently_set_uid(struct passwd *pw);
int read_config(const char *path);
