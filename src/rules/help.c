/* help.c - each rule's help, src/rules/help/ID.md, compiled in: what
 * --explain prints and SARIF's help.markdown carries (the Makefile turns
 * the files into rule_help.h, one string literal each). */
#include <string.h>

#include "rules.h"

static const struct {
    const char *id;
    const char *markdown;
} rule_helps[] = {
#define RULE_HELP(id, text) {id, text},
#include "rule_help.h"
#undef RULE_HELP
};

const char *rules_help_markdown(const char *id)
{
    for (size_t i = 0; i < sizeof rule_helps / sizeof rule_helps[0]; i++)
        if (!strcmp(rule_helps[i].id, id))
            return rule_helps[i].markdown;
    return NULL;
}
