/*
 * workbook.h: the few types every lesson shares.
 *
 * Conventions (all lessons): double precision; a vector is a `double *` plus a `size_t`
 * length; a matrix is row-major with explicit rows and cols. The caller allocates every
 * output, so your code never calls malloc. Logarithms are natural unless a name says _bits.
 */
#ifndef WORKBOOK_H
#define WORKBOOK_H

#include <stddef.h>

/* A function of one variable, f(x), with optional parameters passed through. */
typedef double (*wb_scalar_fn)(double x, void *params);

/* A function of n variables, f(x[0..n-1]). */
typedef double (*wb_vector_fn)(const double *x /* [n] */, size_t n, void *params);

/* Writes the gradient of a function of n variables at x into grad[0..n-1]. */
typedef void (*wb_gradient_fn)(const double *x /* [n] */, size_t n, void *params, double *grad /* [n] */);

/* An objective to minimise: its value, its gradient and their shared parameters. */
typedef struct {
    wb_vector_fn f;
    wb_gradient_fn grad;
    void *params;
} wb_objective;

/*
 * The stubs you start from call WB_TODO() so that the checker can tell you which functions
 * are still unwritten. Delete the call when you write the body.
 */
void wb_todo(const char *function);
#define WB_TODO() wb_todo(__func__)

#endif
