/*
 * todo.h: which stub placeholders ran. Shared by the checker and the plot drivers, so both can
 * say "not written yet" instead of showing a wrong number.
 */
#ifndef WB_TODO_H
#define WB_TODO_H

#include <stdbool.h>
#include <stddef.h>

void wb_todo(const char *function);
bool wb_todo_reached(const char *function);
const char *wb_todo_first(void);
void wb_todo_reset(void);
/* The stubs reached so far, in the order first reached. */
size_t wb_todo_count(void);
const char *wb_todo_at(size_t i);

/* A function whose call could not complete (a crash, a timeout...), with why: the plot
   drivers draw no curve of the student's for it, and say so. */
void wb_todo_failed(const char *function, const char *why);
size_t wb_failed_count(void);
const char *wb_failed_at(size_t i, const char **why);

/* Whether the student's function has no usable result: still a stub, or failed. */
bool wb_missing(const char *function);

#endif
