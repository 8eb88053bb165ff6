/* fingerprint.c - a finding's identity across commits, for baselines and
 * GitHub's partialFingerprints. It hashes what the finding is about (rule,
 * function, the code of the use and check lines with whitespace and
 * comments removed), never line numbers, so inserting an unrelated line
 * above keeps it, while editing the racy line changes it. Findings with
 * the same hash in one file are told apart by a ":N" occurrence count, as
 * GitHub's primaryLocationLineHash does. */
#include <stdint.h>
#include <stdio.h>

#include "../rules/rules.h"
#include "../util/strmap.h"
#include "report.h"

/* FNV-1a, 64 bits: short, and stable across machines and versions. */
static const uint64_t fnv_offset = 14695981039346656037ULL;
static const uint64_t fnv_prime = 1099511628211ULL;

static uint64_t hash_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * fnv_prime;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = hash_byte(h, (unsigned char)*s);
    return hash_byte(h, 0);   /* separator: "ab"+"c" differs from "a"+"bc" */
}

/* Skip a string or character literal starting at line[i]; index after it. */
static size_t literal_end(const char *line, size_t len, size_t i)
{
    char quote = line[i++];
    while (i < len && line[i] != quote)
        i += line[i] == '\\' ? 2 : 1;
    return i < len ? i + 1 : len;
}

/* Hash one source line's code: no whitespace, no comments (a comment may
 * be edited, or gain an fsrace-ignore, without the code changing). */
static uint64_t hash_code(uint64_t h, const char *line, size_t len)
{
    size_t i = 0;
    while (i < len) {
        char c = line[i];
        if (c == '/' && i + 1 < len && line[i + 1] == '/')
            break;
        if (c == '/' && i + 1 < len && line[i + 1] == '*') {
            size_t j = i + 2;
            while (j + 1 < len && !(line[j] == '*' && line[j + 1] == '/'))
                j++;
            i = j + 2;
        } else if (c == '"' || c == '\'') {
            size_t end = literal_end(line, len, i);
            for (; i < end; i++)
                h = hash_byte(h, (unsigned char)line[i]);
        } else {
            if (c != ' ' && c != '\t' && c != '\f' && c != '\v' && c != '\r')
                h = hash_byte(h, (unsigned char)c);
            i++;
        }
    }
    return hash_byte(h, 0);
}

static uint64_t hash_line(uint64_t h, SrcLoc loc)
{
    size_t len = 0;
    const char *text = source_line(loc.file, loc.line, &len);
    return text ? hash_code(h, text, len) : hash_str(h, "<unreadable>");
}

static uint64_t finding_hash(const Finding *f)
{
    uint64_t h = hash_str(fnv_offset, f->rule->id);
    h = hash_str(h, f->function ? f->function : "");
    h = hash_line(h, f->loc);
    for (int k = 0; k < f->nnotes; k++)
        h = hash_line(h, f->notes[k].loc);
    return h;
}

void fingerprints_compute(Reported *items, int n)
{
    StrMap seen = {0};
    char key[FINGERPRINT_SIZE + 4096];
    for (int i = 0; i < n; i++) {
        uint64_t h = finding_hash(items[i].f);
        snprintf(key, sizeof key, "%016llx %s", (unsigned long long)h, items[i].f->loc.file);
        int count = 0;
        strmap_get(&seen, key, &count);
        strmap_put(&seen, key, ++count);
        snprintf(items[i].fingerprint, FINGERPRINT_SIZE, "%016llx:%d", (unsigned long long)h,
                 count);
    }
    strmap_free(&seen);
}
