/*
 * dataset.h: the one loader of the workbook's datasets (the CSV files in datasets/, described in
 * datasets/README.md).
 *
 * A dataset file is a plain CSV: one header line of column names, then one line per example with
 * exactly as many comma-separated numbers as the header has names. In the workbook's files the
 * last column is the class label (0, 1, ...). Blank space around a field and Windows line ends
 * are accepted; quotes, empty fields, blank lines and non-finite numbers (nan, inf) are not.
 *
 * This is trusted checker code (used by the suites and the plot drivers), so it allocates; the
 * student's functions never see anything but the caller-allocated arrays it fills.
 */
#ifndef WB_ORACLE_DATASET_H
#define WB_ORACLE_DATASET_H

#include <stddef.h>

typedef struct {
    size_t rows;    /* examples (data lines; the header is not counted) */
    size_t cols;    /* fields per line, as in the header */
    double *values; /* rows x cols, row-major */
    char **names;   /* the header's cols column names */
} dataset;

/*
 * Reads the CSV file at path into *d. Returns 0, or -1 on any bad input: then *d is empty (all
 * zero: nothing to free) and error holds one line "path:line:column: what is wrong" (line and
 * column count from 1; a file that cannot be opened is "path: cannot open: reason").
 */
int dataset_load(const char *path, dataset *d, char *error, size_t error_size);

/* Frees what dataset_load allocated and empties *d. Safe on an empty dataset. */
void dataset_free(dataset *d);

/*
 * Copies the features (every column but the last) into X (rows x (cols - 1), row-major) and the
 * last column, the label, into y (rows). The caller allocates both.
 */
void dataset_split(const dataset *d, double *X, double *y);

/* The path of a file in the datasets folder: $WB_DATASETS/name, or datasets/name (the workbook's
   commands run from the repository's root). Returns buf. */
const char *dataset_path(const char *name, char *buf, size_t size);

#endif
