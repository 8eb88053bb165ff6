// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, three files: the races, between a check wrapper of
 * checks.c and a use wrapper of io.c. */
#include <fcntl.h>

#include "fs.h"

int writable_then_remove(const char *path) {
  if (!can_write(path))                         // NOTE[toctou-check-use "'path' checked here by can_write()"]
    return -1;
  return remove_file(path);                     // WARNING[toctou-check-use "remove_file() of 'path' after can_write() checked it"]
}

int writable_then_save(const char *path, const char *text) {
  if (!can_write(path))
    return -1;
  return save_text(path, text);                 // WARNING[toctou-check-use "save_text() of 'path' after can_write() checked it"]
}

int writable_file_then_save(const char *path, const char *text) {
  if (writable_file(path))                      // NOTE[toctou-check-use "'path' checked here by writable_file()"]
    return save_text(path, text);               // WARNING[toctou-check-use "save_text() of 'path' after writable_file() checked it"]
  return -1;
}

int not_link_then_save(const char *path, const char *text) {
  if (is_symlink(path))                         // NOTE[toctou-symlink-check "'path' checked here by is_symlink()"]
    return -1;
  return save_text(path, text);                 // WARNING[toctou-symlink-check "save_text() of 'path' after is_symlink() checked it"]
}

int not_link_then_open_nofollow(const char *path) {
  if (is_symlink(path))
    return -1;
  return open_with(path, O_WRONLY | O_NOFOLLOW);   // no-warning
}

int not_link_then_open_plain(const char *path) {
  if (is_symlink(path))
    return -1;
  return open_with(path, O_WRONLY);             // WARNING[toctou-symlink-check "open_with() of 'path' after is_symlink()"]
}

int writable_then_create_excl(const char *path) {
  if (can_write(path))
    return -1;
  return open_with(path, O_WRONLY | O_CREAT | O_EXCL);   // no-warning
}

int different_names(const char *a, const char *b) {
  if (!can_write(a))
    return -1;
  return remove_file(b);                        // no-warning
}
