/* todo.c: the record of stub placeholders reached (see lessons/workbook.h, WB_TODO). */
#include "todo.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

enum { MAX_REACHED = 64 };
static const char *reached[MAX_REACHED];
static size_t n_reached;

void wb_todo(const char *function)
{
    if (wb_todo_reached(function) || n_reached == MAX_REACHED)
        return;
    reached[n_reached++] = function;
}

bool wb_todo_reached(const char *function)
{
    for (size_t i = 0; i < n_reached; i++)
        if (strcmp(reached[i], function) == 0)
            return true;
    return false;
}

const char *wb_todo_first(void) { return n_reached ? reached[0] : NULL; }

void wb_todo_reset(void) { n_reached = 0; }

size_t wb_todo_count(void) { return n_reached; }

const char *wb_todo_at(size_t i) { return i < n_reached ? reached[i] : NULL; }

enum { MAX_FAILED = 32 };
static struct {
    const char *function;
    char why[160];
} failed[MAX_FAILED];
static size_t n_failed;

void wb_todo_failed(const char *function, const char *why)
{
    for (size_t i = 0; i < n_failed; i++)
        if (strcmp(failed[i].function, function) == 0)
            return;
    if (n_failed == MAX_FAILED)
        return;
    failed[n_failed].function = function;
    snprintf(failed[n_failed].why, sizeof failed[n_failed].why, "%s", why);
    n_failed++;
}

size_t wb_failed_count(void) { return n_failed; }

const char *wb_failed_at(size_t i, const char **why)
{
    if (i >= n_failed)
        return NULL;
    *why = failed[i].why;
    return failed[i].function;
}

bool wb_missing(const char *function)
{
    if (wb_todo_reached(function))
        return true;
    for (size_t i = 0; i < n_failed; i++)
        if (strcmp(failed[i].function, function) == 0)
            return true;
    return false;
}
