/*
 * Lesson 10: Hessians, critical points and Newton steps. Write each function's body; the
 * comment above it gives the formula. Check your work with `make check lesson10`.
 */
#include "newton.h"

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <string.h>

/*
 * H_ii = (f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h^2
 * H_ij = H_ji = (f(x + h e_i + h e_j) - f(x + h e_i - h e_j) - f(x - h e_i + h e_j)
 *               + f(x - h e_i - h e_j)) / (4 h^2)
 * restoring every x[i] afterwards; h <= 0: H all NaN
 */
void hessian_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *H)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/*
 * lambda = the eigenvalues of H;  zero when |lambda| <= CRITICAL_ZERO_RTOL * max |lambda|
 * some > 0 and some < 0: saddle;  all > 0: minimum;  all < 0: maximum;  else degenerate
 */
critical_kind classify_critical_point(const double *H, size_t n, double *work)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return CRITICAL_INVALID;
}

/*
 * n == 0 or a non-finite entry in H or g: NEWTON_INVALID, nothing written
 * H = L L' (Cholesky), then L L' delta = -g;  no Cholesky factor: delta = -g
 */
int newton_step(const double *H, const double *g, size_t n, double *delta, double *work)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return NEWTON_OK;
}

/*
 * for k < max_steps: g = grad f(x_k); stop if ||g|| <= tol;
 *   x_{k+1} = x_k + damping * delta   (H delta = -g, H positive definite)
 *   x_{k+1} = x_k - fallback_lr * g   (H not positive definite)
 *   stop, returning k                 (NEWTON_INVALID: g or H not finite)
 */
size_t newton_run(const wb_objective *obj, hessian_fn hessian, double *x, size_t n,
                  newton_options opt, double *work, double *trajectory)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/*
 * rho = 1 / (y's),  u = Hinv y:
 * Hinv <- Hinv - rho (s u' + u s') + (rho^2 y'u + rho) s s'
 * skipped when y's <= 0, when rho is not finite, or when a new entry would not be finite
 */
int bfgs_update(double *Hinv, const double *s, const double *y, size_t n, double *work)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return BFGS_UPDATED;
}

/* gap = lambda f(x) + (1 - lambda) f(y) - f(lambda x + (1 - lambda) y) */
double convexity_gap(wb_vector_fn f, void *params, const double *x, const double *y, size_t n,
                     double lambda, double *mix)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* PSD: no eigenvalue below -CRITICAL_ZERO_RTOL * max_k |lambda_k| (gsl_eigen_symm on a copy) */
int hessian_is_psd(const double *H, size_t n, double *work)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return -1;
}
