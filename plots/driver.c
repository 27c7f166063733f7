/* driver.c: the shared part of the plot drivers (see driver.h). */
#include "driver.h"

#include "todo.h"

#include <stdlib.h>
#include <string.h>

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
    for (size_t i = 0; i < wb_todo_count(); i++) {
        fprintf(missing, "%s is not written yet, so your curves that need it are missing.\n",
                wb_todo_at(i));
        append_escaped(names, sizeof names, i ? ", " : "");
        append_escaped(names, sizeof names, wb_todo_at(i));
        if (strlen(plain) + strlen(wb_todo_at(i)) + 3 < sizeof plain)
            strcat(strcat(plain, i ? ", " : ""), wb_todo_at(i));
    }
    fprintf(labels, "yours = 'yours'\n");
    if (names[0]) {
        fprintf(labels, "missing_note = 'Not written yet: %s (your curves are missing)'\n", names);
        fprintf(labels, "missing_note_plain = 'Not written yet: %s (your curves are missing)'\n", plain);
    } else {
        fprintf(labels, "missing_note = ''\nmissing_note_plain = ''\n");
    }
    fclose(missing);
    fclose(labels);
}
