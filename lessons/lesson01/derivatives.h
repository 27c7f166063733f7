/*
 * Lesson 1: derivatives and partial derivatives (미분, 편미분).
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in derivatives.c.
 */
#ifndef LESSON01_DERIVATIVES_H
#define LESSON01_DERIVATIVES_H

#include <stddef.h>

#include "workbook.h"

/* The forward difference (f(x + h) - f(x)) / h: an estimate of f'(x) with error O(h). */
double derivative_forward(wb_scalar_fn f, void *params, double x, double h);

/* The central difference (f(x + h) - f(x - h)) / (2h): an estimate of f'(x) with error O(h^2). */
double derivative_central(wb_scalar_fn f, void *params, double x, double h);

/*
 * A good step h for derivative_central at x. The truncation error grows like h^2 and the
 * round-off error like eps/h (eps = DBL_EPSILON); they balance near h = cbrt(eps) * max(1, |x|).
 */
double central_difference_step(double x);

/*
 * The gradient of f at x[0..n-1] by central differences with step h, written into grad[0..n-1]:
 * grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2h).
 * x is changed during the call (one coordinate at a time) and must be exactly as it was when
 * the function returns.
 */
void gradient_central(wb_vector_fn f, void *params, double *x /* [n] */, size_t n, double h, double *grad /* [n] */);

/* f(x, y) = x y^2 + x^2 y:  grad = (f_x, f_y) = (y^2 + 2xy, 2xy + x^2). */
void grad_xy2_plus_x2y(double x, double y, double grad[2]);

/* f(x, y) = ln(x^2 + 2xy - y^2), defined where x^2 + 2xy - y^2 > 0:  grad = (f_x, f_y). */
void grad_log_quadratic(double x, double y, double grad[2]);

/* f(x, y, z) = xy + yz + zx at v = (x, y, z):  grad = (f_x, f_y, f_z). */
void grad_xy_yz_zx(const double v[3], double grad[3]);

/* f(x, y) = x^3 + 2xy^3:  the Hessian [[f_xx, f_xy], [f_yx, f_yy]], row-major in H[0..3]. */
void hessian_x3_plus_2xy3(double x, double y, double H[4]);

/* The chain rule: d/dt sin(t^2). */
double d_sin_t_squared(double t);

/*
 * The gradient check: how far an analytic gradient is from a numerical one,
 * max_i |a_i - n_i| / max(|a_i| + |n_i|, GRADCHECK_TINY).  0 when they agree exactly.
 */
#define GRADCHECK_TINY 1e-12
double gradcheck_rel_error(const double *analytic /* [n] */, const double *numeric /* [n] */, size_t n);

/* ---- the notes' optimization problem, derivative rules and higher derivatives ------------- */

/*
 * The optimization problem solved numerically: start at x0 and take `steps` steps
 * x <- x - lr * f'(x), with f'(x) from derivative_central with the step
 * central_difference_step(x). Returns the last x. (Analytically, y = (x - 2)^2 + 2 has
 * y' = 2(x - 2) = 0 at x = 2; the numerical answer must come close to it.)
 */
double descend_1d(wb_scalar_fn f, void *params, double x0, double lr, size_t steps);

/* 직접 해보기 (the notes' exercises): write each derivative by the rules, not numerically. */
/* d/dx ln x = 1/x  (x > 0) */
double d_ln_x(double x);
/* d/dx ln(x^3)  (x > 0) */
double d_ln_x_cubed(double x);
/* d/dx e^{4x} */
double d_exp_4x(double x);
/* d/dx x e^{3x} */
double d_x_exp_3x(double x);
/* d/dx e^x / (1 + e^x) */
double d_exp_over_one_plus_exp(double x);

/* The second derivative by the second central difference: (f(x+h) - 2f(x) + f(x-h)) / h^2. */
double second_derivative_central(wb_scalar_fn f, void *params, double x, double h);

/* 직접 해보기, second partials: each Hessian row-major, H[i*n + j] = d/dx_j (df/dx_i). */
/* f(x1, x2, x3) = 2 x1^3 x2 + 5 x3^4 x2 at v = (x1, x2, x3):  H is 3x3. */
void hessian_2x1cube_x2_plus_5x3quad_x2(const double v[3], double H[9]);
/* f(x, y, z) = x - sqrt(y^2 + z^2) at v = (x, y, z), where y^2 + z^2 > 0:  H is 3x3. */
void hessian_x_minus_norm_yz(const double v[3], double H[9]);
/* f(x, y) = x ln y, where y > 0:  H = [[f_xx, f_xy], [f_yx, f_yy]]. */
void hessian_x_ln_y(double x, double y, double H[4]);

#endif
