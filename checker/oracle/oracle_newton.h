/*
 * oracle_newton.h: the checker's answers for lesson 10 (Hessians, critical points, Newton
 * steps, BFGS). Eigen-decompositions by gsl_eigen_symmv, linear solves and determinants by
 * gsl_linalg_LU, positive definiteness by gsl_linalg_cholesky_decomp1, critical points by
 * gsl_multiroot; the difference quotients, the test functions' derivatives, the BFGS update and
 * Newton's method in long double. Nothing here calls or copies solution code. (Named
 * oracle_newton, not newton, so that it never shadows the lesson's own newton.h.)
 */
#ifndef WB_ORACLE_NEWTON_H
#define WB_ORACLE_NEWTON_H

#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stddef.h>

#include "workbook.h"

/* The largest dimension these routines accept (their scratch space is on the stack). */
enum { ORACLE_NEWTON_MAX_N = 6 };

/* ---- linear algebra (row-major n x n matrices) ----------------------------------------------- */

/* Eigenvalues of a symmetric A in ascending order, by gsl_eigen_symmv (+ gsl_eigen_symmv_sort);
   with evec != NULL, the unit eigenvectors as its columns. */
void oracle_eigen_symm(const double *A, size_t n, double *eval, double *evec);

/* A = Q diag(lambda) Q' with Q orthogonal, from the QR factorisation of a Gaussian matrix;
   exactly symmetric. */
void oracle_symmetric_with_eigenvalues(gsl_rng *rng, const double *lambda, size_t n, double *A);

/* x = A^-1 b by gsl_linalg_LU_decomp and gsl_linalg_LU_solve. */
void oracle_solve(const double *A, const double *b, size_t n, double *x);

/* A^-1 by gsl_linalg_LU_invert. */
void oracle_inverse(const double *A, size_t n, double *Ainv);

/* det A by gsl_linalg_LU_det. */
double oracle_determinant(const double *A, size_t n);

/* Whether the Cholesky factorisation A = L L' exists (gsl_linalg_cholesky_decomp1). */
bool oracle_positive_definite(const double *A, size_t n);

/* y = A x, accumulated in long double. */
void oracle_matvec(const double *A, const double *x, size_t n, double *y);

/* How many eigenvalues are positive, negative and "zero": |lambda| <= rtol * max_k |lambda_k|
   counts as zero (all of them when every eigenvalue is 0). */
typedef struct {
    size_t positive, negative, zero;
} oracle_inertia;

oracle_inertia oracle_inertia_of(const double *eval, size_t n, double rtol);

/* ---- numerical Hessians ---------------------------------------------------------------------- */

/*
 * The Hessian by second differences with step h, f evaluated in double at the same points a
 * double-precision implementation uses, the quotients formed in long double:
 *   H_ii = (f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h^2
 *   H_ij = (f(x + h e_i + h e_j) - f(x + h e_i - h e_j) - f(x - h e_i + h e_j)
 *           + f(x - h e_i - h e_j)) / (4 h^2)
 * roundoff[i*n + j] bounds the effect of the rounding of f's values: 4 eps sum |f_k| / denominator.
 */
void oracle_hessian_quotients(wb_vector_fn f, void *params, const double *x, size_t n, double h,
                              double *H, double *roundoff);

/* ---- test functions, with exact derivatives in long double ----------------------------------- */

/* Rosenbrock's function (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
double oracle_rosenbrock(const double *x, size_t n, void *params);
void oracle_rosenbrock_grad(const double *x, size_t n, void *params, double *grad);
void oracle_rosenbrock_hessian(const double *x, size_t n, void *params, double *H);

/* The camelback (oracle_camelback_fn in oracle.h): its gradient and Hessian by the formulas
   grad = (8 t1 - 8.4 t1^3 + 2 t1^5 + t2, t1 - 8 t2 + 16 t2^3),
   H = [[8 - 25.2 t1^2 + 10 t1^4, 1], [1, -8 + 48 t2^2]]. */
void oracle_camelback_gradient(const double *x, size_t n, void *params, double *grad);
void oracle_camelback_hessian(const double *x, size_t n, void *params, double *H);

/* The convex quadratic of oracle.h (1/2 x'Ax - b'x): its Hessian is A. */
void oracle_quadratic_hessian(const double *x, size_t n, void *params, double *H);

/* The critical points (grad = 0) of the camelback in [-2.5, 2.5] x [-1.5, 1.5], found by
   gsl_multiroot (hybridsj, Jacobian = the Hessian) from a grid of starts, polished and without
   duplicates, sorted by t1 then t2. Returns how many were found (at most max). */
size_t oracle_camelback_critical_points(double (*points)[2], size_t max);

/* The critical points of the Optimization blog post's f(x) = x cos(pi x) in [lo, hi], by gsl_root (brent) on
   f'(x) = cos(pi x) - pi x sin(pi x) in each sign change over 300 intervals; with
   f''(x) = -2 pi sin(pi x) - pi^2 x cos(pi x) at each. Returns how many (at most max). */
size_t oracle_x_cos_pi_x_critical_points(double lo, double hi, double *x, double *f2, size_t max);

/* ---- quasi-Newton and Newton ----------------------------------------------------------------- */

/* The BFGS update of an inverse Hessian in its product form, in long double:
   out = (I - rho s y') Hinv (I - rho y s') + rho s s',  rho = 1 / (y's). */
void oracle_bfgs_update(const double *Hinv, const double *s, const double *y, size_t n,
                        double *out);

/*
 * Newton's method as lesson 10 specifies it, x kept in long double:
 *   for k = 0 .. max_steps-1: g = grad(x_k); stop if ||g|| <= tol; H = hessian(x_k);
 *     an entry of g or H not finite:  stop, returning k (x stays x_k)
 *     H positive definite (Cholesky): x_{k+1} = x_k + damping * delta, delta = -H^-1 g (LU solve)
 *     otherwise:                      x_{k+1} = x_k - fallback_lr * g
 * Writes x_0 .. x_steps into traj (rows of n) and returns steps.
 */
size_t oracle_newton_run(const wb_objective *obj,
                         void (*hessian)(const double *x, size_t n, void *params, double *H),
                         const double *x0, size_t n, size_t max_steps, double tol,
                         double damping, double fallback_lr, double *traj);

/* The saddle f(x, y) = x^2 - y^2 of the notes (the Optimization blog post), its gradient and its Hessian. */
double oracle_saddle(const double *x, size_t n, void *params);
void oracle_saddle_grad(const double *x, size_t n, void *params, double *g);
void oracle_saddle_hessian(const double *x, size_t n, void *params, double *H);

#endif
