/* A call with no arguments whose result is stored (`trans = conf_begin();`,
 * a "result fill" to names.c) must not be read as a buffer fill when the
 * risk asks whether a parameter holds a listed name: it crashed the worker
 * on nfs-utils support/nfs/conffile.c (the file was "not analysed"). */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int conf_begin(void)
{
  static int seq = 0;
  return ++seq;
}

static int load_file(const char *conf_file)
{
  struct stat st;
  if (stat(conf_file, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open(conf_file, O_RDWR);   // WARNING[toctou-check-use risk=medium]
}

int conf_load(const char *path)
{
  int trans;
  trans = conf_begin();
  return load_file(path) + trans;
}
