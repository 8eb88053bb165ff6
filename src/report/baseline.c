/* baseline.c - writing and reading baseline files:
 *   {"fsrace_baseline": 1, "tool": {...}, "findings": [
 *     {"fingerprint": "0123456789abcdef:1", "file": "src/a.c",
 *      "rule": "...", "function": "...", "line": 5, "message": "..."}]}
 * A finding is known when the baseline has its file and fingerprint; the
 * line and message are only there for people reading the file. */
#include "baseline.h"

#include <stdio.h>
#include <string.h>

#include "../rules/rules.h"
#include "../util/json_read.h"
#include "../util/regular_file.h"
#include "../version.h"

enum { MAX_BASELINE_MIB = 64 };

static void put_key(StrBuf *key, const char *file, const char *fingerprint)
{
    key->len = 0;
    sb_puts(key, file);
    sb_putc(key, '\n');
    sb_puts(key, fingerprint);
}

void baseline_format(StrBuf *out, const Report *r)
{
    sb_puts(out, "{\"fsrace_baseline\": 1, \"tool\": {\"name\": \"fsrace\", \"version\": \""
                 FSRACE_VERSION "\"},\n \"findings\": [");
    bool first = true;
    for (int i = 0; i < r->n; i++) {
        const Reported *it = &r->items[i];
        if (it->suppressed)
            continue;
        sb_puts(out, first ? "\n  {\"fingerprint\": " : ",\n  {\"fingerprint\": ");
        first = false;
        sb_json_string(out, it->fingerprint);
        sb_puts(out, ", \"file\": ");
        sb_json_string(out, it->f->loc.file);
        sb_puts(out, ", \"rule\": ");
        sb_json_string(out, it->f->rule->id);
        sb_puts(out, ", \"function\": ");
        sb_json_string(out, it->f->function ? it->f->function : "");
        sb_printf(out, ", \"line\": %u,\n   \"message\": ", it->f->loc.line);
        sb_json_string(out, it->f->message);
        sb_puts(out, "}");
    }
    sb_puts(out, "\n ]}\n");
}


static const char *add_entries(const JsonValue *doc, Baseline *b)
{
    const JsonValue *version = json_get(doc, "fsrace_baseline");
    const JsonValue *list = json_get(doc, "findings");
    if (!version || version->kind != JSON_NUMBER || version->number != 1)
        return "not an fsrace baseline (version 1)";
    if (!list || list->kind != JSON_ARRAY)
        return "\"findings\" is not a list";
    StrBuf key = {0};
    for (int i = 0; i < list->n; i++) {
        const JsonValue *fp = json_get(list->items[i], "fingerprint");
        const JsonValue *file = json_get(list->items[i], "file");
        if (!fp || fp->kind != JSON_STRING || !file || file->kind != JSON_STRING) {
            sb_free(&key);
            return "an entry lacks \"fingerprint\" or \"file\"";
        }
        put_key(&key, file->string, fp->string);
        strmap_put(&b->keys, sb_str(&key), 1);
    }
    sb_free(&key);
    return NULL;
}

const char *baseline_load(const char *path, Baseline *b)
{
    FileBytes text = {0};
    const char *why = regular_file_read(path, MAX_BASELINE_MIB, &text);
    if (!why) {
        Arena a = {0};
        const char *syntax;
        const JsonValue *doc = json_parse(&a, text.data, text.size, &syntax);
        static char message[128];   /* only the main thread reads baselines */
        snprintf(message, sizeof message, "not valid JSON: %s", syntax ? syntax : "");
        why = doc ? add_entries(doc, b) : message;
        arena_free(&a);
    }
    file_bytes_free(&text);
    return why;
}

bool baseline_has(const Baseline *b, const Reported *r)
{
    StrBuf key = {0};
    put_key(&key, r->f->loc.file, r->fingerprint);
    int v;
    bool found = strmap_get(&b->keys, sb_str(&key), &v);
    sb_free(&key);
    return found;
}

void baseline_free(Baseline *b)
{
    strmap_free(&b->keys);
}
