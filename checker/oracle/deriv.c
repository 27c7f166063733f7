/* deriv.c: derivatives by gsl_deriv_central and difference quotients in long double. */
#include "oracle.h"

#include <float.h>
#include <gsl/gsl_deriv.h>
#include <math.h>
#include <stdlib.h>

static double initial_step(double x) { return 1e-3 * fmax(1.0, fabs(x)); }

typedef struct {
    wb_scalar_fn f;
    void *params;
} scalar_closure;

static double call_scalar(double x, void *p)
{
    const scalar_closure *c = p;
    return c->f(x, c->params);
}

oracle_estimate oracle_derivative(wb_scalar_fn f, void *params, double x)
{
    scalar_closure c = {f, params};
    gsl_function F = {call_scalar, &c};
    oracle_estimate e;
    gsl_deriv_central(&F, x, initial_step(x), &e.value, &e.abserr);
    return e;
}

/* f along coordinate i, the others held at x: the partial derivative's one-variable view. */
typedef struct {
    wb_vector_fn f;
    void *params;
    const double *x;
    size_t n, i;
} partial_closure;

enum { MAX_COORDINATES = 16 };

static double along_coordinate(double t, void *p)
{
    const partial_closure *c = p;
    double y[MAX_COORDINATES];
    for (size_t k = 0; k < c->n; k++)
        y[k] = c->x[k];
    y[c->i] = t;
    return c->f(y, c->n, c->params);
}

oracle_estimate oracle_partial(wb_vector_fn f, void *params, const double *x, size_t n, size_t i)
{
    if (n > MAX_COORDINATES) /* a checker bug, not a student's: fail loudly, never overflow */
        abort();
    partial_closure c = {f, params, x, n, i};
    gsl_function F = {along_coordinate, &c};
    oracle_estimate e;
    gsl_deriv_central(&F, x[i], initial_step(x[i]), &e.value, &e.abserr);
    return e;
}

/* df/dx_i as a function of coordinate j, by a fixed-step central difference along x_i. */
typedef struct {
    wb_vector_fn f;
    void *params;
    const double *x;
    size_t n, i, j;
} second_closure;

/* (f(.. x_i + h ..) - f(.. x_i - h ..)) / (2h) in long double, y holding the other coordinates. */
static long double central_along(const second_closure *c, double *y, double h)
{
    double xi = y[c->i];
    y[c->i] = xi + h;
    long double up = c->f(y, c->n, c->params);
    y[c->i] = xi - h;
    long double down = c->f(y, c->n, c->params);
    y[c->i] = xi;
    return (up - down) / (2.0L * (long double)h);
}

static double partial_along(double t, void *p)
{
    const second_closure *c = p;
    double y[MAX_COORDINATES];
    for (size_t k = 0; k < c->n; k++)
        y[k] = c->x[k];
    y[c->j] = t;
    /* Richardson: (4 D(h/2) - D(h)) / 3 cancels the h^2 term of the central difference D. */
    double h = 1e-2 * fmax(1.0, fabs(y[c->i]));
    return (double)((4.0L * central_along(c, y, h / 2) - central_along(c, y, h)) / 3.0L);
}

double oracle_second_partial(wb_vector_fn f, void *params, const double *x, size_t n, size_t i,
                             size_t j)
{
    if (n > MAX_COORDINATES)
        abort();
    second_closure c = {f, params, x, n, i, j};
    gsl_function F = {partial_along, &c};
    double value, abserr;
    gsl_deriv_central(&F, x[j], initial_step(x[j]), &value, &abserr);
    return value;
}

double oracle_forward_difference(wb_scalar_fn f, void *params, double x, double h)
{
    long double up = f(x + h, params), here = f(x, params);
    return (double)((up - here) / (long double)h);
}

double oracle_central_difference(wb_scalar_fn f, void *params, double x, double h)
{
    long double up = f(x + h, params), down = f(x - h, params);
    return (double)((up - down) / (2.0L * (long double)h));
}

double oracle_difference_roundoff(wb_scalar_fn f, void *params, double x, double h)
{
    double scale = fmax(fmax(fabs(f(x + h, params)), fabs(f(x - h, params))), fabs(f(x, params)));
    return 4.0 * DBL_EPSILON * scale / h;
}

double oracle_central_step(double x) { return cbrt(DBL_EPSILON) * fmax(1.0, fabs(x)); }

double oracle_wavy(const double *x, size_t n, void *params)
{
    (void)params;
    double s = 0.0, prod = 1.0;
    for (size_t i = 0; i < n; i++) {
        s += sin((double)(i + 1) * x[i]);
        prod *= 1.0 + x[i] * x[i] / 4.0;
    }
    return s + prod;
}

double oracle_second_difference(wb_scalar_fn f, void *params, double x, double h)
{
    long double up = f(x + h, params), here = f(x, params), down = f(x - h, params);
    long double hl = h;
    return (double)((up - 2.0L * here + down) / (hl * hl));
}
