/* Not an attack, but the rule every submission meets: only the header's functions may be
 * global. A global helper (or variable) could replace a name the checker uses, so the file is
 * rejected with the fix in the message.
 * Lesson: 1
 * Expect: defines the global name square, which is not a function of derivatives.h: make it static
 */
#include "derivatives.h"

#include <math.h>

double square(double x) { return x * x; }

double d_sin_t_squared(double t) { return 2 * t * cos(square(t)); }
double derivative_forward(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double derivative_central(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double central_difference_step(double x) { WB_TODO(); return 0; }
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad) { WB_TODO(); }
void grad_xy2_plus_x2y(double x, double y, double grad[2]) { WB_TODO(); }
void grad_log_quadratic(double x, double y, double grad[2]) { WB_TODO(); }
void grad_xy_yz_zx(const double v[3], double grad[3]) { WB_TODO(); }
void hessian_x3_plus_2xy3(double x, double y, double H[4]) { WB_TODO(); }
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n) { WB_TODO(); return 0; }
