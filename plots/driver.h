/*
 * driver.h: what every lesson's plot driver shares. A driver writes its data files into a
 * folder, says with plot_uses() which of the student's functions each figure draws, then
 * plot_finish() writes labels.gp (read by plots/common.gp) and missing.txt (shown by
 * `make plots`). labels.gp holds, for each figure FIG, missing_note_FIG (enhanced text, for the
 * PNG) and missing_note_plain_FIG (plain text, for the terminal): the functions of that figure
 * that are still stubs or that crashed or were stopped, and only those.
 */
#ifndef WB_PLOT_DRIVER_H
#define WB_PLOT_DRIVER_H

#include <stdio.h>

/* Opens dir/name for writing, or exits with a message. */
FILE *plot_open(const char *dir, const char *name);

/* Parses argv (one argument: the output folder) and opens labels.gp; returns the folder. */
const char *plot_start(int argc, char *argv[], FILE **labels);

/*
 * plot_uses("fd_error", "derivative_forward", "derivative_central"): the figure
 * plots/lessonNN/fd_error.gp draws curves of these functions of the student's, so its note
 * names those of them that are missing. Name the functions whose absence removes curves of the
 * figure (the ones the driver tests with wb_missing() for its data). Call it before
 * plot_finish(), as often as needed; the figure's name is its script's, a gnuplot identifier.
 */
#define plot_uses(figure, ...) plot_uses_list((figure), (const char *const[]){__VA_ARGS__, NULL})
void plot_uses_list(const char *figure, const char *const *functions);

/* What a figure shows in place of a value of the student's function: NULL when the function
   ran, else "not written yet" or "crashed or stopped". */
const char *plot_status(const char *function);

/* Writes the figures' notes about missing functions and closes labels.gp. */
void plot_finish(const char *dir, FILE *labels);

#endif
