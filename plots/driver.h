/*
 * driver.h: what every lesson's plot driver shares. A driver writes its data files into a
 * folder, then plot_finish() writes labels.gp (read by plots/common.gp: missing_note for the
 * PNGs, missing_note_plain for the terminal) and missing.txt (shown by `make plots`), naming
 * the student's functions that are still stubs.
 */
#ifndef WB_PLOT_DRIVER_H
#define WB_PLOT_DRIVER_H

#include <stdio.h>

/* Opens dir/name for writing, or exits with a message. */
FILE *plot_open(const char *dir, const char *name);

/* Parses argv (one argument: the output folder) and opens labels.gp; returns the folder. */
const char *plot_start(int argc, char *argv[], FILE **labels);

/* Writes the note about unwritten functions and closes labels.gp. */
void plot_finish(const char *dir, FILE *labels);

#endif
