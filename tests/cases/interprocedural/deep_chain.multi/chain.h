/* chain.h - a check and a use, each passed down through one file per level */
#ifndef CHAIN_H
#define CHAIN_H
int check1(const char *p);
int check2(const char *p);
int check3(const char *p);
int check4(const char *p);
int check5(const char *p);
int use1(const char *p);
int use2(const char *p);
int use3(const char *p);
int use4(const char *p);
int use5(const char *p);
#endif
