/* oracle_newton.c: eigenvalues, solves, Hessian quotients, critical points, BFGS and Newton. */
#include "oracle_newton.h"
#include "oracle.h"

#include <float.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multiroots.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <string.h>

enum { NMAX = ORACLE_NEWTON_MAX_N };

/* ---- linear algebra -------------------------------------------------------------------------- */

void oracle_eigen_symm(const double *A, size_t n, double *eval, double *evec)
{
    double a[NMAX * NMAX], v[NMAX * NMAX];
    memcpy(a, A, n * n * sizeof *a);
    gsl_matrix_view M = gsl_matrix_view_array(a, n, n), V = gsl_matrix_view_array(v, n, n);
    gsl_vector_view E = gsl_vector_view_array(eval, n);
    gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc(n);
    gsl_eigen_symmv(&M.matrix, &E.vector, &V.matrix, w);
    gsl_eigen_symmv_free(w);
    gsl_eigen_symmv_sort(&E.vector, &V.matrix, GSL_EIGEN_SORT_VAL_ASC);
    if (evec)
        memcpy(evec, v, n * n * sizeof *v);
}

void oracle_symmetric_with_eigenvalues(gsl_rng *rng, const double *lambda, size_t n, double *A)
{
    double m[NMAX * NMAX], tau[NMAX], q[NMAX * NMAX], r[NMAX * NMAX];
    for (size_t i = 0; i < n * n; i++)
        m[i] = gsl_ran_gaussian(rng, 1.0);
    gsl_matrix_view M = gsl_matrix_view_array(m, n, n);
    gsl_vector_view T = gsl_vector_view_array(tau, n);
    gsl_matrix_view Q = gsl_matrix_view_array(q, n, n), R = gsl_matrix_view_array(r, n, n);
    gsl_linalg_QR_decomp(&M.matrix, &T.vector);
    gsl_linalg_QR_unpack(&M.matrix, &T.vector, &Q.matrix, &R.matrix);
    /* A_ij = sum_k Q_ik lambda_k Q_jk, the upper triangle mirrored: exactly symmetric */
    for (size_t i = 0; i < n; i++)
        for (size_t j = i; j < n; j++) {
            long double s = 0.0L;
            for (size_t k = 0; k < n; k++)
                s += (long double)q[i * n + k] * lambda[k] * q[j * n + k];
            A[i * n + j] = A[j * n + i] = (double)s;
        }
}

/* The LU factorisation of a copy of A, for the three routines below. */
typedef struct {
    double lu[NMAX * NMAX];
    size_t perm_data[NMAX];
    gsl_matrix_view LU;
    gsl_permutation p;
    int signum;
} lu_factors;

static void lu_factor(const double *A, size_t n, lu_factors *f)
{
    memcpy(f->lu, A, n * n * sizeof *A);
    f->LU = gsl_matrix_view_array(f->lu, n, n);
    f->p = (gsl_permutation){n, f->perm_data};
    gsl_linalg_LU_decomp(&f->LU.matrix, &f->p, &f->signum);
}

void oracle_solve(const double *A, const double *b, size_t n, double *x)
{
    lu_factors f;
    lu_factor(A, n, &f);
    gsl_vector_const_view B = gsl_vector_const_view_array(b, n);
    gsl_vector_view X = gsl_vector_view_array(x, n);
    gsl_linalg_LU_solve(&f.LU.matrix, &f.p, &B.vector, &X.vector);
}

void oracle_inverse(const double *A, size_t n, double *Ainv)
{
    lu_factors f;
    lu_factor(A, n, &f);
    gsl_matrix_view I = gsl_matrix_view_array(Ainv, n, n);
    gsl_linalg_LU_invert(&f.LU.matrix, &f.p, &I.matrix);
}

double oracle_determinant(const double *A, size_t n)
{
    lu_factors f;
    lu_factor(A, n, &f);
    return gsl_linalg_LU_det(&f.LU.matrix, f.signum);
}

bool oracle_positive_definite(const double *A, size_t n)
{
    double a[NMAX * NMAX];
    memcpy(a, A, n * n * sizeof *a);
    gsl_matrix_view M = gsl_matrix_view_array(a, n, n);
    /* a failed factorisation is an answer here, not an error: keep GSL from aborting */
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int status = gsl_linalg_cholesky_decomp1(&M.matrix);
    gsl_set_error_handler(old);
    return status == GSL_SUCCESS;
}

void oracle_matvec(const double *A, const double *x, size_t n, double *y)
{
    for (size_t i = 0; i < n; i++) {
        long double s = 0.0L;
        for (size_t j = 0; j < n; j++)
            s += (long double)A[i * n + j] * x[j];
        y[i] = (double)s;
    }
}

oracle_inertia oracle_inertia_of(const double *eval, size_t n, double rtol)
{
    double scale = 0.0;
    for (size_t i = 0; i < n; i++)
        scale = fmax(scale, fabs(eval[i]));
    oracle_inertia in = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (fabs(eval[i]) <= rtol * scale)
            in.zero++;
        else if (eval[i] > 0)
            in.positive++;
        else
            in.negative++;
    }
    return in;
}

/* ---- numerical Hessians ---------------------------------------------------------------------- */

/* f at x + a h e_i + b h e_j, the coordinates moved in double as an implementation would. */
static double f_at(wb_vector_fn f, void *params, const double *x, size_t n, double h, size_t i,
                   int a, size_t j, int b)
{
    double y[NMAX];
    memcpy(y, x, n * sizeof *y);
    if (a)
        y[i] = x[i] + a * h;
    if (b)
        y[j] = x[j] + b * h;
    return f(y, n, params);
}

void oracle_hessian_quotients(wb_vector_fn f, void *params, const double *x, size_t n, double h,
                              double *H, double *roundoff)
{
    const long double eps = DBL_EPSILON, hh = (long double)h * h;
    double mid = f(x, n, params);
    for (size_t i = 0; i < n; i++) {
        double up = f_at(f, params, x, n, h, i, +1, i, 0);
        double down = f_at(f, params, x, n, h, i, -1, i, 0);
        H[i * n + i] = (double)(((long double)up - 2.0L * mid + down) / hh);
        roundoff[i * n + i] =
            (double)(4.0L * eps * (fabsl(up) + 2.0L * fabsl(mid) + fabsl(down)) / hh);
        for (size_t j = i + 1; j < n; j++) {
            double pp = f_at(f, params, x, n, h, i, +1, j, +1);
            double pm = f_at(f, params, x, n, h, i, +1, j, -1);
            double mp = f_at(f, params, x, n, h, i, -1, j, +1);
            double mm = f_at(f, params, x, n, h, i, -1, j, -1);
            long double q = ((long double)pp - pm - mp + mm) / (4.0L * hh);
            long double sum = fabsl(pp) + fabsl(pm) + fabsl(mp) + fabsl(mm);
            long double r = 4.0L * eps * sum / (4.0L * hh);
            H[i * n + j] = H[j * n + i] = (double)q;
            roundoff[i * n + j] = roundoff[j * n + i] = (double)r;
        }
    }
}

/* ---- test functions -------------------------------------------------------------------------- */

double oracle_rosenbrock(const double *x, size_t n, void *params)
{
    (void)n, (void)params;
    long double a = 1.0L - x[0], b = (long double)x[1] - (long double)x[0] * x[0];
    return (double)(a * a + 100.0L * b * b);
}

void oracle_rosenbrock_grad(const double *x, size_t n, void *params, double *grad)
{
    (void)n, (void)params;
    long double u = x[0], b = (long double)x[1] - u * u;
    grad[0] = (double)(-2.0L * (1.0L - u) - 400.0L * u * b);
    grad[1] = (double)(200.0L * b);
}

void oracle_rosenbrock_hessian(const double *x, size_t n, void *params, double *H)
{
    (void)n, (void)params;
    long double u = x[0], v = x[1];
    H[0] = (double)(2.0L - 400.0L * (v - u * u) + 800.0L * u * u);
    H[1] = H[2] = (double)(-400.0L * u);
    H[3] = 200.0;
}

void oracle_camelback_gradient(const double *x, size_t n, void *params, double *grad)
{
    (void)n, (void)params;
    long double t1 = x[0], t2 = x[1], t1s = t1 * t1;
    grad[0] = (double)(8.0L * t1 - 8.4L * t1s * t1 + 2.0L * t1s * t1s * t1 + t2);
    grad[1] = (double)(t1 - 8.0L * t2 + 16.0L * t2 * t2 * t2);
}

void oracle_camelback_hessian(const double *x, size_t n, void *params, double *H)
{
    (void)n, (void)params;
    long double t1s = (long double)x[0] * x[0], t2s = (long double)x[1] * x[1];
    H[0] = (double)(8.0L - 25.2L * t1s + 10.0L * t1s * t1s);
    H[1] = H[2] = 1.0;
    H[3] = (double)(-8.0L + 48.0L * t2s);
}

void oracle_quadratic_hessian(const double *x, size_t n, void *params, double *H)
{
    (void)x;
    const oracle_quadratic *q = params;
    memcpy(H, q->A, n * n * sizeof *H);
}

/* ---- the camelback's critical points --------------------------------------------------------- */

static int cb_grad(const gsl_vector *x, void *p, gsl_vector *g)
{
    (void)p;
    oracle_camelback_gradient(x->data, 2, NULL, g->data);
    return GSL_SUCCESS;
}

static int cb_hess(const gsl_vector *x, void *p, gsl_matrix *J)
{
    (void)p;
    double H[4];
    oracle_camelback_hessian(x->data, 2, NULL, H);
    for (size_t i = 0; i < 4; i++)
        gsl_matrix_set(J, i / 2, i % 2, H[i]);
    return GSL_SUCCESS;
}

static int cb_both(const gsl_vector *x, void *p, gsl_vector *g, gsl_matrix *J)
{
    cb_grad(x, p, g);
    return cb_hess(x, p, J);
}

/* Solves grad = 0 from start; returns whether it converged inside the box. */
static bool camelback_root(const double start[2], double root[2])
{
    gsl_multiroot_function_fdf F = {cb_grad, cb_hess, cb_both, 2, NULL};
    double x0[2] = {start[0], start[1]};
    gsl_vector_view X0 = gsl_vector_view_array(x0, 2);
    gsl_multiroot_fdfsolver *s = gsl_multiroot_fdfsolver_alloc(gsl_multiroot_fdfsolver_hybridsj, 2);
    gsl_multiroot_fdfsolver_set(s, &F, &X0.vector);
    int status = GSL_CONTINUE;
    for (int iter = 0; iter < 100 && status == GSL_CONTINUE; iter++) {
        if (gsl_multiroot_fdfsolver_iterate(s))
            break;
        status = gsl_multiroot_test_residual(s->f, 1e-13);
    }
    root[0] = gsl_vector_get(s->x, 0);
    root[1] = gsl_vector_get(s->x, 1);
    gsl_multiroot_fdfsolver_free(s);
    return status == GSL_SUCCESS && fabs(root[0]) <= 2.5 && fabs(root[1]) <= 1.5;
}

static int by_position(const void *a, const void *b)
{
    const double *p = a, *q = b;
    if (p[0] != q[0])
        return p[0] < q[0] ? -1 : 1;
    return (p[1] > q[1]) - (p[1] < q[1]);
}

size_t oracle_camelback_critical_points(double (*points)[2], size_t max)
{
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    size_t count = 0;
    for (int i = 0; i <= 20; i++)
        for (int j = 0; j <= 12; j++) {
            double start[2] = {-2.5 + 0.25 * i, -1.5 + 0.25 * j}, root[2];
            if (!camelback_root(start, root))
                continue;
            bool seen = false;
            for (size_t k = 0; k < count && !seen; k++)
                seen = hypot(points[k][0] - root[0], points[k][1] - root[1]) < 1e-6;
            if (!seen && count < max) {
                points[count][0] = root[0];
                points[count][1] = root[1];
                count++;
            }
        }
    gsl_set_error_handler(old);
    qsort(points, count, sizeof points[0], by_position);
    return count;
}

/* ---- x cos(pi x) ----------------------------------------------------------------------------- */

static double x_cos_pi_x_slope(double x, void *p)
{
    (void)p;
    long double px = M_PI * (long double)x;
    return (double)(cosl(px) - px * sinl(px));
}

static double x_cos_pi_x_curvature(double x)
{
    long double px = M_PI * (long double)x;
    return (double)(-2.0L * M_PI * sinl(px) - M_PI * px * cosl(px));
}

size_t oracle_x_cos_pi_x_critical_points(double lo, double hi, double *x, double *f2, size_t max)
{
    gsl_function F = {x_cos_pi_x_slope, NULL};
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    size_t count = 0;
    for (int k = 0; k < 300 && count < max; k++) {
        double a = lo + (hi - lo) * k / 300.0, b = lo + (hi - lo) * (k + 1) / 300.0;
        if (x_cos_pi_x_slope(a, NULL) * x_cos_pi_x_slope(b, NULL) > 0.0)
            continue;
        gsl_root_fsolver_set(s, &F, a, b);
        int status = GSL_CONTINUE;
        for (int iter = 0; iter < 100 && status == GSL_CONTINUE; iter++) {
            gsl_root_fsolver_iterate(s);
            status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s),
                                            gsl_root_fsolver_x_upper(s), 0.0, 1e-15);
        }
        x[count] = gsl_root_fsolver_root(s);
        f2[count] = x_cos_pi_x_curvature(x[count]);
        count++;
    }
    gsl_root_fsolver_free(s);
    return count;
}

/* ---- BFGS and Newton ------------------------------------------------------------------------- */

void oracle_bfgs_update(const double *Hinv, const double *s, const double *y, size_t n,
                        double *out)
{
    long double rho = 0.0L, E[NMAX * NMAX], T[NMAX * NMAX];
    for (size_t i = 0; i < n; i++)
        rho += (long double)y[i] * s[i];
    rho = 1.0L / rho;
    /* E = I - rho s y' */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            E[i * n + j] = (i == j) - rho * s[i] * y[j];
    /* T = E Hinv */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            long double t = 0.0L;
            for (size_t k = 0; k < n; k++)
                t += E[i * n + k] * Hinv[k * n + j];
            T[i * n + j] = t;
        }
    /* out = T E' + rho s s' */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            long double t = rho * s[i] * s[j];
            for (size_t k = 0; k < n; k++)
                t += T[i * n + k] * E[j * n + k];
            out[i * n + j] = (double)t;
        }
}

size_t oracle_newton_run(const wb_objective *obj,
                         void (*hessian)(const double *x, size_t n, void *params, double *H),
                         const double *x0, size_t n, size_t max_steps, double tol,
                         double damping, double fallback_lr, double *traj)
{
    long double x[NMAX];
    double xd[NMAX], g[NMAX], H[NMAX * NMAX], minus_g[NMAX], delta[NMAX];
    for (size_t i = 0; i < n; i++)
        traj[i] = xd[i] = (double)(x[i] = x0[i]);
    for (size_t k = 0; k < max_steps; k++) {
        obj->grad(xd, n, obj->params, g);
        long double norm2 = 0.0L;
        for (size_t i = 0; i < n; i++)
            norm2 += (long double)g[i] * g[i];
        if (sqrtl(norm2) <= tol)
            return k;
        hessian(xd, n, obj->params, H);
        bool finite = true;
        for (size_t i = 0; i < n; i++)
            finite = finite && isfinite(g[i]);
        for (size_t i = 0; i < n * n; i++)
            finite = finite && isfinite(H[i]);
        if (!finite)
            return k; /* the lesson's NEWTON_INVALID: no step, x stays x_k */
        bool newton = oracle_positive_definite(H, n);
        if (newton) {
            for (size_t i = 0; i < n; i++)
                minus_g[i] = -g[i];
            oracle_solve(H, minus_g, n, delta);
        }
        for (size_t i = 0; i < n; i++) {
            x[i] += newton ? (long double)damping * delta[i] : -(long double)fallback_lr * g[i];
            traj[(k + 1) * n + i] = xd[i] = (double)x[i];
        }
    }
    return max_steps;
}

double oracle_saddle(const double *x, size_t n, void *params)
{
    (void)n, (void)params;
    return x[0] * x[0] - x[1] * x[1];
}

void oracle_saddle_grad(const double *x, size_t n, void *params, double *g)
{
    (void)n, (void)params;
    g[0] = 2.0 * x[0];
    g[1] = -2.0 * x[1];
}

void oracle_saddle_hessian(const double *x, size_t n, void *params, double *H)
{
    (void)x, (void)n, (void)params;
    H[0] = 2.0, H[1] = H[2] = 0.0, H[3] = -2.0;
}
