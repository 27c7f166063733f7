/* dataset.c: the CSV loader of the workbook's datasets (see dataset.h). */
#include "dataset.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What is being read: the file, the current line, and what has been loaded so far. */
typedef struct {
    const char *path;
    FILE *file;
    char *line;
    size_t line_cap;
    size_t line_no;
    dataset d;
    size_t cap; /* doubles allocated in d.values */
    char *error;
    size_t error_size;
} reader;

__attribute__((format(printf, 3, 4))) static int fail_at(reader *r, size_t column, const char *fmt, ...)
{
    int k = snprintf(r->error, r->error_size, "%s:%zu:%zu: ", r->path, r->line_no, column);
    if (k >= 0 && (size_t)k < r->error_size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->error + k, r->error_size - (size_t)k, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Reads the next line without its line end ("\n" or "\r\n"); returns its length or -1 at EOF. */
static long next_line(reader *r)
{
    ssize_t len = getline(&r->line, &r->line_cap, r->file);
    if (len < 0)
        return -1;
    r->line_no++;
    while (len > 0 && (r->line[len - 1] == '\n' || r->line[len - 1] == '\r'))
        r->line[--len] = '\0';
    return (long)len;
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* The field that starts at s: its first and one-past-last non-blank characters, and where the
   next field starts (NULL after the last one). */
static const char *field_end(const char *s, const char **first, const char **last)
{
    const char *comma = strchr(s, ',');
    const char *end = comma ? comma : s + strlen(s);
    while (s < end && is_blank(*s))
        s++;
    const char *e = end;
    while (e > s && is_blank(e[-1]))
        e--;
    *first = s;
    *last = e;
    return comma ? comma + 1 : NULL;
}

/* The header: one name per column. */
static int read_header(reader *r)
{
    long len = next_line(r);
    if (len < 0) {
        r->line_no = 1;
        return fail_at(r, 1, "the file is empty: expected a header line of column names");
    }
    size_t n = 1;
    for (const char *c = r->line; *c; c++)
        n += *c == ',';
    r->d.names = calloc(n, sizeof *r->d.names);
    if (!r->d.names)
        return fail_at(r, 1, "out of memory");
    const char *s = r->line;
    for (size_t k = 0; k < n; k++) {
        const char *first, *last, *next = field_end(s, &first, &last);
        if (first == last)
            return fail_at(r, (size_t)(first - r->line) + 1, "column %zu of the header has no name", k + 1);
        r->d.names[k] = strndup(first, (size_t)(last - first));
        if (!r->d.names[k])
            return fail_at(r, 1, "out of memory");
        r->d.cols = k + 1;
        s = next;
    }
    return 0;
}

/* Room for one more row of cols doubles. */
static int reserve_row(reader *r)
{
    size_t need = (r->d.rows + 1) * r->d.cols;
    if (need <= r->cap)
        return 0;
    size_t cap = r->cap ? 2 * r->cap : 64 * r->d.cols;
    double *v = realloc(r->d.values, cap * sizeof *v);
    if (!v)
        return -1;
    r->d.values = v;
    r->cap = cap;
    return 0;
}

/* Parses field k, whose text is [first, last) (blanks trimmed), as one finite number into *out.
   An error points at the text, or at the field's start s when the field is empty. */
static int parse_number(reader *r, const char *s, const char *first, const char *last, size_t k,
                        double *out)
{
    size_t column = (size_t)(first - r->line) + 1;
    int width = (int)(last - first < 24 ? last - first : 24);
    if (first == last)
        return fail_at(r, (size_t)(s - r->line) + 1, "field %zu is empty (expected a number)", k + 1);
    if (*first == '"' || *first == '\'')
        return fail_at(r, column, "field %zu is quoted: the loader reads plain numbers only", k + 1);
    char *end;
    double v = strtod(first, &end);
    if (end != last)
        return fail_at(r, column, "field %zu is not a number: \"%.*s\"", k + 1, width, first);
    if (!isfinite(v)) /* nan, inf, or too large for a double */
        return fail_at(r, column, "field %zu is not a finite number: \"%.*s\"", k + 1, width, first);
    *out = v;
    return 0;
}

/* One data line of exactly cols numbers, appended to d.values. */
static int read_row(reader *r)
{
    if (reserve_row(r) != 0)
        return fail_at(r, 1, "out of memory");
    double *row = r->d.values + r->d.rows * r->d.cols;
    const char *s = r->line;
    size_t k = 0;
    while (s) {
        const char *first, *last, *next = field_end(s, &first, &last);
        if (k == r->d.cols)
            return fail_at(r, (size_t)(s - r->line) + 1,
                           "too many fields: the header has %zu columns", r->d.cols);
        if (parse_number(r, s, first, last, k, &row[k]) != 0)
            return -1;
        k++;
        s = next;
    }
    if (k < r->d.cols)
        return fail_at(r, strlen(r->line) + 1, "only %zu fields: the header has %zu columns", k,
                       r->d.cols);
    r->d.rows++;
    return 0;
}

/* The data lines. Blank lines are allowed only at the end of the file. */
static int read_rows(reader *r)
{
    size_t blank_line = 0;
    long len;
    while ((len = next_line(r)) >= 0) {
        const char *c = r->line;
        while (is_blank(*c))
            c++;
        if (*c == '\0') {
            if (!blank_line)
                blank_line = r->line_no;
            continue;
        }
        if (blank_line) {
            r->line_no = blank_line;
            return fail_at(r, 1, "an empty line between data lines");
        }
        if (read_row(r) != 0)
            return -1;
    }
    if (r->d.rows == 0) {
        r->line_no = 2;
        return fail_at(r, 1, "no data lines after the header");
    }
    return 0;
}

int dataset_load(const char *path, dataset *d, char *error, size_t error_size)
{
    reader r = {.path = path, .error = error, .error_size = error_size};
    *d = (dataset){0};
    if (error_size > 0)
        error[0] = '\0';
    r.file = fopen(path, "r");
    if (!r.file) {
        snprintf(error, error_size, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    int status = read_header(&r);
    if (status == 0)
        status = read_rows(&r);
    free(r.line);
    fclose(r.file);
    if (status != 0) {
        dataset_free(&r.d);
        return -1;
    }
    *d = r.d;
    return 0;
}

void dataset_free(dataset *d)
{
    if (d->names)
        for (size_t k = 0; k < d->cols; k++)
            free(d->names[k]);
    free(d->names);
    free(d->values);
    *d = (dataset){0};
}

void dataset_split(const dataset *d, double *X, double *y)
{
    size_t features = d->cols - 1;
    for (size_t i = 0; i < d->rows; i++) {
        memcpy(X + i * features, d->values + i * d->cols, features * sizeof *X);
        y[i] = d->values[i * d->cols + features];
    }
}

const char *dataset_path(const char *name, char *buf, size_t size)
{
    const char *dir = getenv("WB_DATASETS");
    snprintf(buf, size, "%s/%s", dir && *dir ? dir : "datasets", name);
    return buf;
}
