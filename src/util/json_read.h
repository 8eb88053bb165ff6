/* json_read.h - a small strict JSON parser for the files fsrace reads back
 * (baselines). Values live in an arena; nesting is limited so that a
 * hostile file cannot exhaust the stack. */
#ifndef FSRACE_JSON_READ_H
#define FSRACE_JSON_READ_H
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef enum JsonKind {
    JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT
} JsonKind;

typedef struct JsonValue JsonValue;
struct JsonValue {
    JsonKind kind;
    bool boolean;
    double number;
    const char *string;     /* JSON_STRING: UTF-8, NUL-terminated */
    JsonValue **items;      /* JSON_ARRAY elements, JSON_OBJECT values */
    const char **keys;      /* JSON_OBJECT keys */
    int n, cap;
};

/* The document, or NULL with *error set (a short static description). */
JsonValue *json_parse(Arena *a, const char *text, size_t len, const char **error);
/* Same, also telling where parsing stopped (the error's byte offset). */
JsonValue *json_parse_at(Arena *a, const char *text, size_t len, const char **error,
                         size_t *offset);
/* Line and column (from 1, in bytes) of a byte offset in text. */
void json_position(const char *text, size_t offset, unsigned *line, unsigned *col);
/* obj[key] when obj is an object holding key, else NULL. */
const JsonValue *json_get(const JsonValue *obj, const char *key);

#endif
