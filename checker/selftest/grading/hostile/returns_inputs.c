/* Attack: return the inputs (x for a derivative, the point for a gradient, the analytic
 * gradient's first element for the relative error), hoping some check compares loosely.
 * Lesson: 1
 * Expect: expected
 */
#include "derivatives.h"

double derivative_forward(wb_scalar_fn f, void *params, double x, double h) { return x; }
double derivative_central(wb_scalar_fn f, void *params, double x, double h) { return x; }
double central_difference_step(double x) { return x; }
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad)
{
    for (size_t i = 0; i < n; i++)
        grad[i] = x[i];
}
void grad_xy2_plus_x2y(double x, double y, double grad[2]) { grad[0] = x; grad[1] = y; }
void grad_log_quadratic(double x, double y, double grad[2]) { grad[0] = x; grad[1] = y; }
void grad_xy_yz_zx(const double v[3], double grad[3]) { grad[0] = v[0]; grad[1] = v[1]; grad[2] = v[2]; }
void hessian_x3_plus_2xy3(double x, double y, double H[4]) { H[0] = x; H[1] = y; H[2] = y; H[3] = x; }
double d_sin_t_squared(double t) { return t; }
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n) { return n ? analytic[0] : 0; }
