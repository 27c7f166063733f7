/* Attack (of the lesson, not of the grader): let GSL compute the derivative. GSL is what the
 * checker compares with; a lesson file may only call the C and maths libraries.
 * Lesson: 1
 * Expect: calls GSL.s gsl_deriv_central
 */
#include "derivatives.h"

#include <gsl/gsl_deriv.h>
#include <gsl/gsl_math.h>

typedef struct { wb_scalar_fn f; void *params; } wrapped;

static double call(double x, void *p)
{
    wrapped *w = p;
    return w->f(x, w->params);
}

double derivative_central(wb_scalar_fn f, void *params, double x, double h)
{
    wrapped w = {f, params};
    gsl_function F = {call, &w};
    double result, error;
    gsl_deriv_central(&F, x, h, &result, &error);
    return result;
}

double derivative_forward(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double central_difference_step(double x) { WB_TODO(); return 0; }
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad) { WB_TODO(); }
void grad_xy2_plus_x2y(double x, double y, double grad[2]) { WB_TODO(); }
void grad_log_quadratic(double x, double y, double grad[2]) { WB_TODO(); }
void grad_xy_yz_zx(const double v[3], double grad[3]) { WB_TODO(); }
void hessian_x3_plus_2xy3(double x, double y, double H[4]) { WB_TODO(); }
double d_sin_t_squared(double t) { WB_TODO(); return 0; }
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n) { WB_TODO(); return 0; }
