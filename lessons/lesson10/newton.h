/*
 * Lesson 10: Hessians, critical points and Newton steps (헤시안, 임계점, 뉴턴 방법).
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in newton.c.
 *
 * Matrices are n x n, row-major: H[i * n + j] is row i, column j. The caller allocates every
 * output and every scratch array (`work`); your code never calls malloc.
 *
 * You may use GSL's linear algebra here (the grader allows exactly these names):
 * gsl_eigen_*, gsl_linalg_*, gsl_matrix_*, gsl_vector_*, gsl_permutation_* and
 * gsl_set_error_handler*. Every lesson that takes a gsl_rng may call gsl_rng_* and gsl_ran_*.
 */
#ifndef LESSON10_NEWTON_H
#define LESSON10_NEWTON_H

#include <stddef.h>

#include "workbook.h"

/* Writes the Hessian of a function of n variables at x into H (n x n, row-major). */
typedef void (*hessian_fn)(const double *x /* [n] */, size_t n, void *params, double *H /* [n * n] */);

/*
 * The Hessian of f at x[0..n-1] by central second differences with step h, into H:
 *   H_ii = (f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h^2
 *   H_ij = (f(x + h e_i + h e_j) - f(x + h e_i - h e_j) - f(x - h e_i + h e_j)
 *           + f(x - h e_i - h e_j)) / (4 h^2)                      for i != j,
 * computed once for i < j and copied to H_ji, so that H is exactly symmetric.
 * Both have an error O(h^2); round-off grows like eps |f| / h^2, so h near 1e-4 * max(1, |x|)
 * is a good choice. x is changed during the call and must be exactly as it was afterwards.
 * h <= 0 (or NaN) is invalid: every entry of H is set to NaN and f is not called.
 */
void hessian_central(wb_vector_fn f, void *params, double *x /* [n] */, size_t n, double h, double *H /* [n * n] */);

/* What the eigenvalues of the Hessian at a critical point (grad f = 0) say about it. */
typedef enum {
    CRITICAL_INVALID = -1,   /* n == 0, or an entry of H is not finite */
    CRITICAL_MINIMUM = 1,    /* every eigenvalue > 0: a local minimum (극소점) */
    CRITICAL_MAXIMUM = 2,    /* every eigenvalue < 0: a local maximum (극대점) */
    CRITICAL_SADDLE = 3,     /* some > 0 and some < 0: a saddle point (안장점) */
    CRITICAL_DEGENERATE = 4, /* otherwise: some are zero and the rest share a sign; the second-
                                derivative test cannot decide */
} critical_kind;

/* An eigenvalue with |lambda| <= CRITICAL_ZERO_RTOL * max_k |lambda_k| counts as zero. */
#define CRITICAL_ZERO_RTOL 1e-6

/* The scratch space classify_critical_point needs: a copy of H and the n eigenvalues. */
#define CLASSIFY_WORK(n) ((n) * (n) + (n))

/*
 * Classifies a critical point by the signs of the eigenvalues of its (symmetric) Hessian H,
 * with CRITICAL_ZERO_RTOL deciding what counts as zero. "Some > 0 and some < 0" is a saddle
 * even when other eigenvalues are zero. work has room for CLASSIFY_WORK(n) doubles; H is not
 * changed. (gsl_eigen_symm computes the eigenvalues; it destroys its input, hence the copy.)
 */
critical_kind classify_critical_point(const double *H /* [n * n] */, size_t n, double *work /* [CLASSIFY_WORK(n)] */);

/* What newton_step reports. */
#define NEWTON_OK 0
#define NEWTON_NOT_POSITIVE_DEFINITE 1
#define NEWTON_INVALID (-1) /* n == 0, or an entry of H or g is not finite: no step at all */

/* The scratch space newton_step needs: a copy of H to factorise in place. */
#define NEWTON_STEP_WORK(n) ((n) * (n))

/*
 * The Newton step: solves H delta = -g for delta (a linear solve, e.g. by the Cholesky
 * factorisation H = L L'; never by forming H^-1), and returns NEWTON_OK.
 * When H is not positive definite (the Cholesky factorisation does not exist), -H^-1 g is not
 * a descent direction: the function writes delta = -g instead (the gradient-descent direction)
 * and returns NEWTON_NOT_POSITIVE_DEFINITE.
 * When n == 0, or an entry of H or g is NaN or an infinity, there is no step to take: the
 * function returns NEWTON_INVALID and writes nothing (check this first: a NaN passes the
 * factorisation's positivity tests, so H = [[NaN, 0], [0, 1]] would come back "positive
 * definite" with delta all NaN; and GSL aborts the program on a 0 x 0 matrix).
 * H and g are not changed; work has room for NEWTON_STEP_WORK(n) doubles.
 */
int newton_step(const double *H /* [n * n] */, const double *g /* [n] */, size_t n, double *delta /* [n] */, double *work /* [NEWTON_STEP_WORK(n)] */);

/* The settings of newton_run. */
typedef struct {
    size_t max_steps; /* at most this many updates */
    double tol;       /* stop as soon as ||grad f(x_k)|| <= tol (the Euclidean norm) */
    double damping;   /* alpha in (0, 1]: x <- x + alpha * delta; 1 is the full Newton step */
    double fallback_lr; /* where H is not positive definite: x <- x - fallback_lr * grad (>= 0) */
} newton_options;

/* The scratch space newton_run needs: grad, H, delta and newton_step's work. */
#define NEWTON_RUN_WORK(n) (2 * (n) * (n) + 2 * (n))

/* newton_run's result for invalid options. */
#define NEWTON_RUN_INVALID ((size_t)-1)

/*
 * Newton's method from x (n coordinates) on obj, with the Hessian from `hessian` (called with
 * obj->params), written back into x:
 *   for k = 0, 1, ..., max_steps - 1:
 *       g = grad f(x_k);  stop if ||g|| <= tol
 *       H = hessian(x_k);  newton_step(H, g, n, delta, ...)
 *       NEWTON_OK:                     x_{k+1} = x_k + damping * delta
 *       NEWTON_NOT_POSITIVE_DEFINITE:  x_{k+1} = x_k - fallback_lr * g
 *       NEWTON_INVALID:                stop here: x stays x_k (g or H has a NaN or an infinity)
 * Returns the number of updates made (0 when x_0 already meets the tolerance, max_steps when
 * it never did, k when it stopped at an invalid step: x and the trajectory never receive a NaN
 * from a non-finite gradient or Hessian). trajectory receives x_0, x_1, ..., one row of n per
 * point: it has room for (max_steps + 1) rows, and rows 0 .. steps are written. work has room
 * for NEWTON_RUN_WORK(n) doubles. Options with damping outside (0, 1] or a negative fallback_lr are invalid: the
 * function returns NEWTON_RUN_INVALID and writes nothing (x stays as it was).
 */
size_t newton_run(const wb_objective *obj, hessian_fn hessian, double *x /* [n] */, size_t n,
                  newton_options opt, double *work /* [NEWTON_RUN_WORK(n)] */, double *trajectory /* [(opt.max_steps + 1) * n] */);

/* What bfgs_update reports. */
#define BFGS_UPDATED 0
#define BFGS_SKIPPED 1

/*
 * The BFGS update of an approximate inverse Hessian (유사 뉴턴 방법), in place: with the step
 * s = x_{k+1} - x_k and the change of gradient y = g_{k+1} - g_k, rho = 1 / (y's),
 *   Hinv <- (I - rho s y') Hinv (I - rho y s') + rho s s'
 *         = Hinv - rho (s u' + u s') + (rho^2 y'u + rho) s s',   u = Hinv y.
 * The new matrix satisfies the secant condition Hinv y = s and stays symmetric (and positive
 * definite when it was). work has room for n doubles (for u). Returns BFGS_UPDATED.
 * Hinv is left as it is and it returns BFGS_SKIPPED when y's <= 0 or is NaN (the curvature
 * condition fails), when rho = 1 / (y's) is not a finite double (y's below 1 / DBL_MAX, about
 * 5.6e-309: s = y = (1e-160, 0) gives y's = 1e-320 > 0 but rho = inf), or when an entry of the
 * updated matrix would not be finite (an overflow, or a NaN or an infinity in s, y or Hinv):
 * compute every new entry before writing any. An update never puts a NaN or an infinity into
 * Hinv.
 */
int bfgs_update(double *Hinv /* [n * n] */, const double *s /* [n] */, const double *y /* [n] */, size_t n, double *work /* [n] */);

/* ---- convexity (볼록) ---------------------------------------------------------------------- */

/*
 * How far f lies below its chord between x and y at the mixing weight lambda in [0, 1]:
 *   gap = lambda f(x) + (1 - lambda) f(y) - f(lambda x + (1 - lambda) y).
 * f is convex exactly when the gap is >= 0 for every x, y and lambda. mix is scratch space for
 * the point lambda x + (1 - lambda) y (n doubles).
 */
double convexity_gap(wb_vector_fn f, void *params, const double *x /* [n] */, const double *y /* [n] */,
                     size_t n, double lambda, double *mix /* [n] */);

/*
 * Whether the symmetric matrix H is positive semi-definite: 1 when every eigenvalue is >= 0,
 * counting |lambda| <= CRITICAL_ZERO_RTOL * max_k |lambda_k| as zero, 0 otherwise, and -1 when
 * n == 0 or an entry of H is not finite. A twice-differentiable f is convex on a region exactly
 * when its Hessian is positive semi-definite at every point of it (f'' >= 0 in one variable).
 * work has room for CLASSIFY_WORK(n) doubles; H is not changed.
 */
int hessian_is_psd(const double *H /* [n * n] */, size_t n, double *work /* [CLASSIFY_WORK(n)] */);

#endif
