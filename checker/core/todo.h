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

#endif
