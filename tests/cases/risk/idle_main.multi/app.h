void enter_group_of(const char *user);
int save_state(void);
