/* Attack: NaN in every result and every output element, hoping that comparisons with NaN
 * (always false) let a check through. The checker tests for NaN first.
 * Lesson: 1
 * Expect: NaN
 */
#include "derivatives.h"

#include <math.h>

double derivative_forward(wb_scalar_fn f, void *params, double x, double h) { return NAN; }
double derivative_central(wb_scalar_fn f, void *params, double x, double h) { return NAN; }
double central_difference_step(double x) { return NAN; }
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad)
{
    for (size_t i = 0; i < n; i++)
        grad[i] = NAN;
}
void grad_xy2_plus_x2y(double x, double y, double grad[2]) { grad[0] = grad[1] = NAN; }
void grad_log_quadratic(double x, double y, double grad[2]) { grad[0] = grad[1] = NAN; }
void grad_xy_yz_zx(const double v[3], double grad[3]) { grad[0] = grad[1] = grad[2] = NAN; }
void hessian_x3_plus_2xy3(double x, double y, double H[4]) { H[0] = H[1] = H[2] = H[3] = NAN; }
double d_sin_t_squared(double t) { return NAN; }
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n) { return NAN; }
