/* driver.c: the shared part of the plot drivers (see driver.h). */
#include "driver.h"

#include "check.h"
#include "i18n.h"
#include "todo.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A call of the student's code that could not complete (remote.c): noted, and the figure is
   drawn without that function's curves. The reason's first words are enough for a label. */
void wb_remote_failed(const wb_call *call, const char *why)
{
    /* "timeout    your code did not return within 1 s, and ...": the words after the keyword
       column, up to the first comma or full stop */
    const char *p = why;
    const char *gap = strstr(p, "  ");
    if (gap && gap - p < 14)
        p = gap + strspn(gap, " ");
    char words[160];
    snprintf(words, sizeof words, "%s", p);
    size_t len = strcspn(words, ".,\n(");
    while (len > 0 && words[len - 1] == ' ')
        len--;
    words[len] = '\0';
    wb_todo_failed(call->function, words);
    fprintf(stderr, "%s: %s\n", call->text, why);
}

FILE *plot_open(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    return f;
}

const char *plot_start(int argc, char *argv[], FILE **labels)
{
    if (argc != 2) {
        fprintf(stderr, _("usage: %s OUTPUT-FOLDER\n"), argv[0]);
        exit(2);
    }
    *labels = plot_open(argv[1], "labels.gp");
    return argv[1];
}

/* ---- which figure draws which function -------------------------------------------------------- */

enum { MAX_FIGURES = 16, MAX_USES = 24 };
static struct {
    const char *name;
    const char *uses[MAX_USES];
    size_t n_uses;
} figures[MAX_FIGURES];
static size_t n_figures;

static _Noreturn void driver_bug(const char *what, const char *name)
{
    fprintf(stderr, "plot driver: %s: %s\n", what, name);
    exit(1);
}

void plot_uses_list(const char *figure, const char *const *functions)
{
    bool ok = figure && (isalpha((unsigned char)figure[0]) || figure[0] == '_');
    for (const char *c = figure; ok && *c; c++)
        ok = isalnum((unsigned char)*c) || *c == '_';
    if (!ok)
        driver_bug("a figure's name must be a gnuplot identifier", figure ? figure : "(null)");
    size_t k = 0;
    while (k < n_figures && strcmp(figures[k].name, figure) != 0)
        k++;
    if (k == n_figures) {
        if (n_figures == MAX_FIGURES)
            driver_bug("too many figures", figure);
        figures[n_figures++].name = figure;
    }
    for (; *functions; functions++) {
        bool known = false;
        for (size_t i = 0; i < figures[k].n_uses && !known; i++)
            known = strcmp(figures[k].uses[i], *functions) == 0;
        if (known)
            continue;
        if (figures[k].n_uses == MAX_USES)
            driver_bug("too many functions for one figure", figure);
        figures[k].uses[figures[k].n_uses++] = *functions;
    }
}

static bool failed(const char *function)
{
    const char *why;
    for (size_t i = 0; i < wb_failed_count(); i++)
        if (strcmp(wb_failed_at(i, &why), function) == 0)
            return true;
    return false;
}

const char *plot_status(const char *function)
{
    if (failed(function))
        return _("crashed or stopped");
    return wb_todo_reached(function) ? _("not written yet") : NULL;
}

/* ---- the notes -------------------------------------------------------------------------------- */

/* A note in lines of at most about `width` characters, broken between its words. */
typedef struct {
    char text[2048];
    size_t line; /* the length of the current line */
    size_t width;
} note;

static void note_word(note *n, const char *word)
{
    size_t len = strlen(n->text), w = wb_display_width(word);
    if (len > 0 && n->line + 1 + w > n->width) {
        if (len + 1 < sizeof n->text)
            strcat(n->text, "\n");
        n->line = 0;
    } else if (len > 0 && len + 1 < sizeof n->text) {
        strcat(n->text, " ");
        n->line++;
    }
    if (strlen(n->text) + strlen(word) < sizeof n->text)
        strcat(n->text, word);
    n->line += w;
}

/* "Not written yet: a, b; Crashed or stopped: c (your curves are missing)", or "" when no
   name is given; names[0..n_missing) are stubs, the rest failed. */
static void compose(note *n, const char *const *names, size_t n_missing, size_t n_names)
{
    char word[256];
    n->text[0] = '\0';
    n->line = 0;
    for (size_t i = 0; i < n_names; i++) {
        const char *head = i == 0 && n_missing > 0 ? _("Not written yet: ")
                           : i == n_missing        ? _("Crashed or stopped: ")
                                                   : "";
        const char *tail = i + 1 == n_names ? "" : i + 1 == n_missing ? ";" : ",";
        snprintf(word, sizeof word, "%s%s%s", head, names[i], tail);
        note_word(n, word);
    }
    if (n_names > 0)
        note_word(n, _("(your curves are missing)"));
}

/* Writes `name = "..."`: the note as a gnuplot string. For the PNG (enhanced text), each line in
   bold and '_' as '\_'; for the terminal, as it is. */
static void write_note(FILE *labels, const char *name, const char *text, bool enhanced)
{
    fprintf(labels, "%s = \"", name);
    bool line_start = true;
    for (const char *c = text; *c; c++) {
        if (enhanced && line_start)
            fputs("{/:Bold ", labels);
        line_start = false;
        if (*c == '\n') {
            fputs(enhanced ? "}\\n" : "\\n", labels);
            line_start = true;
        } else if (*c == '_' && enhanced)
            fputs("\\\\_", labels);
        else if (*c == '"' || *c == '\\')
            fprintf(labels, "\\%c", *c);
        else
            fputc(*c, labels);
    }
    if (enhanced && text[0])
        fputc('}', labels);
    fputs("\"\n", labels);
}

/* The figure's (or with figure NULL, the lesson's) note in both forms. */
static void write_notes(FILE *labels, const char *figure, const char *const *uses, size_t n_uses)
{
    const char *names[MAX_USES + 128];
    size_t n = 0, n_missing;
    for (size_t i = 0; i < n_uses; i++)
        if (!failed(uses[i]) && wb_todo_reached(uses[i]))
            names[n++] = uses[i];
    n_missing = n;
    for (size_t i = 0; i < n_uses; i++)
        if (failed(uses[i]))
            names[n++] = uses[i];
    char var[160];
    note png = {.width = 120}, plain = {.width = 100};
    compose(&png, names, n_missing, n);
    compose(&plain, names, n_missing, n);
    snprintf(var, sizeof var, "missing_note%s%s", figure ? "_" : "", figure ? figure : "");
    write_note(labels, var, png.text, true);
    snprintf(var, sizeof var, "missing_note_plain%s%s", figure ? "_" : "", figure ? figure : "");
    write_note(labels, var, plain.text, false);
}

/* "in camelback and parabola", or "that need it" for a function no figure names. */
static void figures_of(const char *function, char *out, size_t size)
{
    size_t count = 0, len;
    out[0] = '\0';
    for (size_t k = 0; k < n_figures; k++)
        for (size_t i = 0; i < figures[k].n_uses; i++)
            if (strcmp(figures[k].uses[i], function) == 0)
                count++;
    size_t seen = 0;
    for (size_t k = 0; k < n_figures; k++)
        for (size_t i = 0; i < figures[k].n_uses; i++) {
            if (strcmp(figures[k].uses[i], function) != 0)
                continue;
            len = strlen(out);
            snprintf(out + len, size - len, "%s%s.png",
                     seen == 0 ? _("in ") : seen + 1 == count ? _(" and ") : ", ", figures[k].name);
            seen++;
        }
    if (count == 0)
        snprintf(out, size, "%s", _("that need it"));
}

void plot_finish(const char *dir, FILE *labels)
{
    /* the lesson's missing functions: every stub reached and every failure, in that order */
    const char *all[128];
    size_t n_all = 0;
    for (size_t i = 0; i < wb_todo_count() && n_all < 64; i++)
        if (!failed(wb_todo_at(i)))
            all[n_all++] = wb_todo_at(i);
    const char *why;
    for (size_t i = 0; i < wb_failed_count() && n_all < 128; i++)
        all[n_all++] = wb_failed_at(i, &why);

    FILE *missing = plot_open(dir, "missing.txt");
    char where[512];
    for (size_t i = 0; i < n_all; i++) {
        figures_of(all[i], where, sizeof where);
        if (failed(all[i])) {
            for (size_t k = 0; k < wb_failed_count(); k++)
                if (strcmp(wb_failed_at(k, &why), all[i]) == 0)
                    break;
            fprintf(missing, _("%s did not complete (%s), so your curves %s are missing.\n"),
                    all[i], why, where);
        } else
            fprintf(missing, _("%s is not written yet, so your curves %s are missing.\n"), all[i],
                    where);
    }
    fclose(missing);

    /* The lesson's note: for a driver that names no figure's functions. */
    write_notes(labels, NULL, all, n_all);
    if (n_figures > 0)
        fprintf(labels, "missing_by_figure = 1\n");
    for (size_t k = 0; k < n_figures; k++)
        write_notes(labels, figures[k].name, figures[k].uses, figures[k].n_uses);
    fclose(labels);
}
