int swap_uids(void);
int swap_uids_back(void);
void fs_as_user(void);
