/* dump.c - stable text form of a function's CFG, for --dump-cfg and the
 * golden tests in tests/cfg. One block per paragraph:
 *
 *   B3 (if.then) preds: B2
 *     7:5  %1 = call access(p, 4)
 *     branch 7:9 (%1 == 0) -> B4, B5
 */
#include "ir.h"

static void dump_operand(FILE *out, const Operand *o)
{
    switch (o->kind) {
    case OPND_NONE: fputs("-", out); break;
    case OPND_INT: fprintf(out, "%lld", o->ival); break;
    case OPND_ADDR: fprintf(out, "&%s", o->key); break;
    case OPND_LVALUE:
    case OPND_TEMP:
    case OPND_STRING: fputs(o->key, out); break;
    case OPND_EXPR:
        fprintf(out, "(%s)", o->text ? o->text : "?");
        if (o->nreads) {
            fputs("{", out);
            for (int i = 0; i < o->nreads; i++)
                fprintf(out, "%s%s", i ? "," : "", o->reads[i]);
            fputs("}", out);
        }
        break;
    }
}

static void dump_ins(FILE *out, const Ins *ins)
{
    fprintf(out, "    %u:%u  ", ins->loc.line, ins->loc.col);
    if (ins->dst.kind != OPND_NONE) {
        dump_operand(out, &ins->dst);
        fputs(" = ", out);
    }
    if (ins->kind == INS_ASSIGN) {
        dump_operand(out, &ins->src);
    } else {
        const Call *c = &ins->call;
        fprintf(out, "call%s %s(", c->noreturn ? " noreturn" : "",
                c->callee ? c->callee : "<indirect>");
        for (int i = 0; i < c->nargs; i++) {
            if (i)
                fputs(", ", out);
            dump_operand(out, &c->args[i]);
        }
        fputs(")", out);
        if (c->kind == CALLEE_DEFINED)
            fputs(" [defined]", out);
    }
    fputs("\n", out);
}

static void dump_succ_list(FILE *out, const Block *b)
{
    for (int i = 0; i < b->nsucc; i++)
        fprintf(out, "%sB%d", i ? ", " : "", b->succ[i]);
}

static void dump_term(FILE *out, const Block *b)
{
    switch (b->term) {
    case TERM_EXIT: return;
    case TERM_GOTO:
        fputs("    goto ", out);
        break;
    case TERM_BRANCH:
        fprintf(out, "    branch %u:%u ", b->term_loc.line, b->term_loc.col);
        dump_operand(out, &b->cond);
        fputs(" -> ", out);
        break;
    case TERM_SWITCH:
        fprintf(out, "    switch %u:%u ", b->term_loc.line, b->term_loc.col);
        dump_operand(out, &b->cond);
        fputs(" ->", out);
        for (int i = 0; i < b->nsucc; i++)
            fprintf(out, "%s %s: B%d", i ? "," : "", b->case_labels[i], b->succ[i]);
        fputs("\n", out);
        return;
    case TERM_RETURN:
        fputs("    return ", out);
        dump_operand(out, &b->cond);
        fputs(" -> ", out);
        break;
    case TERM_NORETURN:
        fputs("    noreturn -> ", out);
        break;
    }
    dump_succ_list(out, b);
    fputs("\n", out);
}

void ir_dump_function(FILE *out, const Function *fn)
{
    fprintf(out, "function %s %u:%u%s\n", fn->name, fn->loc.line, fn->loc.col,
            fn->incomplete ? " (incomplete)" : "");
    for (int i = 0; i < fn->nblocks; i++) {
        const Block *b = fn->blocks[i];
        fprintf(out, "  B%d (%s)", b->id, b->label);
        if (b->npred) {
            fputs(" preds:", out);
            for (int p = 0; p < b->npred; p++)
                fprintf(out, " B%d", b->pred[p]);
        }
        fputs("\n", out);
        for (int k = 0; k < b->nins; k++)
            dump_ins(out, &b->ins[k]);
        dump_term(out, b);
    }
    fputs("\n", out);
}
