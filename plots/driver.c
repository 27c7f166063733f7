/* driver.c: the shared part of the plot drivers (see driver.h). */
#include "driver.h"

#include "check.h"
#include "todo.h"

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
    words[strcspn(words, ".,\n(")] = '\0';
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
        fprintf(stderr, "usage: %s OUTPUT-FOLDER\n", argv[0]);
        exit(2);
    }
    *labels = plot_open(argv[1], "labels.gp");
    return argv[1];
}

/* Appends text, with '_' as '\_' so that gnuplot's enhanced text shows it as it is. */
static void append_escaped(char *out, size_t size, const char *text)
{
    size_t len = strlen(out);
    for (; *text && len + 3 < size; text++) {
        if (*text == '_')
            out[len++] = '\\';
        out[len++] = *text;
    }
    out[len] = '\0';
}

void plot_finish(const char *dir, FILE *labels)
{
    FILE *missing = plot_open(dir, "missing.txt");
    char names[512] = "", plain[512] = "";
    size_t shown = 0;
    for (size_t i = 0; i < wb_todo_count(); i++) {
        fprintf(missing, "%s is not written yet, so your curves that need it are missing.\n",
                wb_todo_at(i));
        append_escaped(names, sizeof names, shown ? ", " : "");
        append_escaped(names, sizeof names, wb_todo_at(i));
        if (strlen(plain) + strlen(wb_todo_at(i)) + 3 < sizeof plain)
            strcat(strcat(plain, shown ? ", " : ""), wb_todo_at(i));
        shown++;
    }
    char failed_names[512] = "", failed_plain[512] = "";
    for (size_t i = 0; i < wb_failed_count(); i++) {
        const char *why, *f = wb_failed_at(i, &why);
        fprintf(missing, "%s did not complete (%s), so your curves that need it are missing.\n",
                f, why);
        append_escaped(failed_names, sizeof failed_names, i ? ", " : "");
        append_escaped(failed_names, sizeof failed_names, f);
        if (strlen(failed_plain) + strlen(f) + 3 < sizeof failed_plain)
            strcat(strcat(failed_plain, i ? ", " : ""), f);
    }
    fprintf(labels, "yours = 'yours'\n");
    char note[1200] = "", note_plain[1200] = "";
    if (names[0]) {
        snprintf(note, sizeof note, "Not written yet: %s", names);
        snprintf(note_plain, sizeof note_plain, "Not written yet: %s", plain);
    }
    if (failed_names[0]) {
        size_t k = strlen(note), kp = strlen(note_plain);
        snprintf(note + k, sizeof note - k, "%sCrashed or stopped: %s", k ? "; " : "", failed_names);
        snprintf(note_plain + kp, sizeof note_plain - kp, "%sCrashed or stopped: %s", kp ? "; " : "",
                 failed_plain);
    }
    if (note[0]) {
        fprintf(labels, "missing_note = '%s (your curves are missing)'\n", note);
        fprintf(labels, "missing_note_plain = '%s (your curves are missing)'\n", note_plain);
    } else {
        fprintf(labels, "missing_note = ''\nmissing_note_plain = ''\n");
    }
    fclose(missing);
    fclose(labels);
}
