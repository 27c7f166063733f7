/*
 * oracle.h: the checker's own answers, computed with GSL, or where GSL has no routine with an
 * independent implementation in long double. Nothing here calls or copies solution code.
 * The plot drivers use the same functions for the reference curves.
 */
#ifndef WB_ORACLE_H
#define WB_ORACLE_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "workbook.h"

/* ---- derivatives (lesson 1) ----------------------------------------------------------- */

/* A numerical result with GSL's estimate of its absolute error. */
typedef struct {
    double value;
    double abserr;
} oracle_estimate;

/* f'(x) by gsl_deriv_central (5-point rule, step chosen from an initial 1e-3*max(1,|x|)). */
oracle_estimate oracle_derivative(wb_scalar_fn f, void *params, double x);

/* df/dx_i at x by gsl_deriv_central on the i-th coordinate (n <= 16; more aborts). */
oracle_estimate oracle_partial(wb_vector_fn f, void *params, const double *x, size_t n, size_t i);

/* d/dx_j (df/dx_i): gsl_deriv_central along x_j of a fixed-step derivative along x_i: central
   differences with h = 1e-2 max(1, |x_i|) and h/2, combined by Richardson extrapolation, in long
   double. A fixed inner step keeps the inner derivative a smooth function of x_j (an adaptive one
   would not); its error is O(h^4) (zero for polynomials of degree up to 4) plus a rounding of
   about eps |f| / h. */
double oracle_second_partial(wb_vector_fn f, void *params, const double *x, size_t n, size_t i,
                             size_t j);

/* The difference quotients, with f evaluated in double and the quotient in long double:
   forward (f(x+h) - f(x)) / h, central (f(x+h) - f(x-h)) / (2h). */
double oracle_forward_difference(wb_scalar_fn f, void *params, double x, double h);
double oracle_central_difference(wb_scalar_fn f, void *params, double x, double h);

/* A test function of n variables in which every coordinate matters differently:
   f(x) = sum_i sin((i+1) x_i) + prod_i (1 + x_i^2 / 4). */
double oracle_wavy(const double *x, size_t n, void *params);

/* An error bound for a difference quotient computed in double: each f value carries a
   rounding error of about eps*|f|, and the quotient divides it by the step. */
double oracle_difference_roundoff(wb_scalar_fn f, void *params, double x, double h);

/* The step that balances truncation (h^2) against round-off (eps/h): cbrt(eps)*max(1,|x|). */
double oracle_central_step(double x);

/* The second central difference (f(x+h) - 2 f(x) + f(x-h)) / h^2, f in double and the
   quotient in long double. Its rounding is about 4 eps |f| / h^2. */
double oracle_second_difference(wb_scalar_fn f, void *params, double x, double h);

/* ---- gradient descent (lesson 2) -------------------------------------------------------- */

/* The six-hump camelback J(t) = (4 - 2.1 t1^2 + t1^4/3) t1^2 + t1 t2 + (-4 + 4 t2^2) t2^2. */
double oracle_camelback(const double theta[2]);
double oracle_camelback_fn(const double *x, size_t n, void *params);
/* Its gradient by gsl_deriv_central, component by component. */
void oracle_camelback_grad(const double theta[2], double grad[2], double abserr[2]);

/* A convex quadratic f(x) = 1/2 x'Ax - b'x with A symmetric positive definite (row-major). */
typedef struct {
    size_t n;
    double A[16];
    double b[4];
} oracle_quadratic;

/* A random quadratic of dimension n <= 4 whose curvatures (eigenvalues of A) lie in
   [lo, hi]; A = Q diag(lambda) Q' with Q from a QR factorisation (gsl_linalg_QR). */
oracle_quadratic oracle_quadratic_random(gsl_rng *rng, size_t n, double lo, double hi);
double oracle_quadratic_value(const double *x, size_t n, void *q);
void oracle_quadratic_grad(const double *x, size_t n, void *q, double *grad);
/* The largest eigenvalue of A (gsl_eigen_symm): gradient descent diverges for lr > 2/L. */
double oracle_quadratic_curvature(const oracle_quadratic *q);
/* The same with its unit eigenvector v (gsl_eigen_symmv). */
double oracle_quadratic_top_direction(const oracle_quadratic *q, double *v);

/* The minimiser by gsl_multimin (vector_bfgs2), started at x0, where its line search stalls
   finished by gsl_multiroot (hybrids) on grad = 0; returns GSL's status. */
int oracle_minimize(const wb_objective *obj, const double *x0, size_t n, double *xmin);

/* Gradient descent as specified in lesson 2, in long double:
   for k = 0 .. max_steps-1: g = grad(x_k); stop if ||g|| <= tol; x_{k+1} = x_k - lr*g.
   Writes the points x_0..x_steps into traj (rows of n) and returns steps. */
size_t oracle_gd_run(const wb_objective *obj, const double *x0, size_t n, double lr,
                     size_t max_steps, double tol, double *traj);

/* Lesson 2's noisy_descent_1d, replayed on a clone of rng (rng itself is not advanced):
   x <- x - lr dfdx(x) + e_k, e_k = gsl_ran_gaussian(clone, sigma_k), sigma_k = noise (1 - k/steps).
   The variants make a named mistake instead: ORACLE_NOISE_CONSTANT (sigma_k = noise),
   ORACLE_NOISE_TIMES_LR (x <- x - lr (dfdx(x) - e_k)). */
enum { ORACLE_NOISE_ANNEALED = 0, ORACLE_NOISE_CONSTANT = 1, ORACLE_NOISE_TIMES_LR = 2 };
double oracle_noisy_descent_1d(wb_scalar_fn dfdx, void *params, double x0, double lr, size_t steps,
                               double noise, const gsl_rng *rng, int variant);

/* The minimiser of f on [lo, hi] near guess (f(guess) below f(lo) and f(hi)), by gsl_min's Brent
   method to 1e-10. */
double oracle_minimize_1d(wb_scalar_fn f, void *params, double lo, double guess, double hi);

#endif
