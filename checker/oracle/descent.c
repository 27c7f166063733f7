/* descent.c: the camelback, random convex quadratics, gsl_multimin and a reference descent. */
#include "oracle.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_multiroots.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

/* ---- the six-hump camelback, straight from the course notes' formula ---------------------- */

double oracle_camelback(const double theta[2])
{
    long double t1 = theta[0], t2 = theta[1];
    long double t1s = t1 * t1, t2s = t2 * t2;
    return (double)((4.0L - 2.1L * t1s + t1s * t1s / 3.0L) * t1s + t1 * t2 +
                    (-4.0L + 4.0L * t2s) * t2s);
}

double oracle_camelback_fn(const double *x, size_t n, void *params)
{
    (void)n;
    (void)params;
    return oracle_camelback(x);
}

void oracle_camelback_grad(const double theta[2], double grad[2], double abserr[2])
{
    for (size_t i = 0; i < 2; i++) {
        oracle_estimate e = oracle_partial(oracle_camelback_fn, NULL, theta, 2, i);
        grad[i] = e.value;
        if (abserr)
            abserr[i] = e.abserr;
    }
}

/* ---- convex quadratics ---------------------------------------------------------------------- */

oracle_quadratic oracle_quadratic_random(gsl_rng *rng, size_t n, double lo, double hi)
{
    oracle_quadratic q = {.n = n};
    double m[16], tau[4], qm[16], r[16], tmp[16];
    for (size_t i = 0; i < n * n; i++)
        m[i] = gsl_ran_gaussian(rng, 1.0);
    gsl_matrix_view M = gsl_matrix_view_array(m, n, n);
    gsl_vector_view T = gsl_vector_view_array(tau, n);
    gsl_matrix_view Q = gsl_matrix_view_array(qm, n, n), R = gsl_matrix_view_array(r, n, n);
    gsl_linalg_QR_decomp(&M.matrix, &T.vector);
    gsl_linalg_QR_unpack(&M.matrix, &T.vector, &Q.matrix, &R.matrix);

    /* A = Q diag(lambda) Q', lambda spread over [lo, hi] with both ends present. */
    gsl_matrix_view QL = gsl_matrix_view_array(tmp, n, n);
    gsl_matrix_memcpy(&QL.matrix, &Q.matrix);
    for (size_t j = 0; j < n; j++) {
        double lambda = n == 1 ? hi : lo + (hi - lo) * (double)j / (double)(n - 1);
        gsl_vector_view col = gsl_matrix_column(&QL.matrix, j);
        gsl_vector_scale(&col.vector, lambda);
    }
    gsl_matrix_view A = gsl_matrix_view_array(q.A, n, n);
    gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1.0, &QL.matrix, &Q.matrix, 0.0, &A.matrix);
    for (size_t i = 0; i < n; i++) /* exact symmetry */
        for (size_t j = 0; j < i; j++)
            q.A[i * n + j] = q.A[j * n + i] = 0.5 * (q.A[i * n + j] + q.A[j * n + i]);
    for (size_t i = 0; i < n; i++)
        q.b[i] = gsl_ran_gaussian(rng, 1.0);
    return q;
}

double oracle_quadratic_value(const double *x, size_t n, void *params)
{
    const oracle_quadratic *q = params;
    long double v = 0.0L;
    for (size_t i = 0; i < n; i++) {
        long double ax = 0.0L;
        for (size_t j = 0; j < n; j++)
            ax += (long double)q->A[i * n + j] * x[j];
        v += 0.5L * x[i] * ax - (long double)q->b[i] * x[i];
    }
    return (double)v;
}

/* grad = A x - b */
void oracle_quadratic_grad(const double *x, size_t n, void *params, double *grad)
{
    const oracle_quadratic *q = params;
    for (size_t i = 0; i < n; i++) {
        long double g = -(long double)q->b[i];
        for (size_t j = 0; j < n; j++)
            g += (long double)q->A[i * n + j] * x[j];
        grad[i] = (double)g;
    }
}

double oracle_quadratic_curvature(const oracle_quadratic *q)
{
    size_t n = q->n;
    double a[16], ev[4];
    memcpy(a, q->A, n * n * sizeof *a);
    gsl_matrix_view A = gsl_matrix_view_array(a, n, n);
    gsl_vector_view E = gsl_vector_view_array(ev, n);
    gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc(n);
    gsl_eigen_symm(&A.matrix, &E.vector, w);
    gsl_eigen_symm_free(w);
    return gsl_vector_max(&E.vector);
}

double oracle_quadratic_top_direction(const oracle_quadratic *q, double *v)
{
    size_t n = q->n;
    double a[16], ev[4], vecs[16];
    memcpy(a, q->A, n * n * sizeof *a);
    gsl_matrix_view A = gsl_matrix_view_array(a, n, n), V = gsl_matrix_view_array(vecs, n, n);
    gsl_vector_view E = gsl_vector_view_array(ev, n);
    gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc(n);
    gsl_eigen_symmv(&A.matrix, &E.vector, &V.matrix, w);
    gsl_eigen_symmv_free(w);
    size_t top = gsl_vector_max_index(&E.vector);
    for (size_t i = 0; i < n; i++)
        v[i] = gsl_matrix_get(&V.matrix, i, top);
    return ev[top];
}

/* ---- gsl_multimin ------------------------------------------------------------------------------ */

static double mm_f(const gsl_vector *v, void *p)
{
    const wb_objective *o = p;
    return o->f(v->data, v->size, o->params);
}

static void mm_df(const gsl_vector *v, void *p, gsl_vector *g)
{
    const wb_objective *o = p;
    o->grad(v->data, v->size, o->params, g->data);
}

static void mm_fdf(const gsl_vector *v, void *p, double *f, gsl_vector *g)
{
    *f = mm_f(v, p);
    mm_df(v, p, g);
}

static int mr_grad(const gsl_vector *v, void *p, gsl_vector *g)
{
    mm_df(v, p, g);
    return GSL_SUCCESS;
}

/*
 * Near a minimum f is flat to its last bits: f(x) - f* ~ ||grad||^2 / (2 lambda) falls below
 * eps |f*| while ||grad|| is still about sqrt(2 lambda eps |f*|) (7e-8 for f* = -2.2), and a
 * line search on f stalls there. grad(x) = 0 is then solved from the gradient alone by
 * gsl_multiroot's hybrid method (Powell's dogleg, with a finite-difference Jacobian: the
 * Hessian), from x; x becomes its root when that has the smaller gradient.
 */
static void polish_stationary_point(const wb_objective *obj, gsl_vector *x)
{
    size_t n = x->size;
    gsl_multiroot_function G = {mr_grad, n, (void *)obj};
    gsl_multiroot_fsolver *r = gsl_multiroot_fsolver_alloc(gsl_multiroot_fsolver_hybrids, n);
    gsl_vector *g = gsl_vector_alloc(n);
    mm_df(x, (void *)obj, g);
    double before = gsl_blas_dnrm2(g);
    gsl_multiroot_fsolver_set(r, &G, x);
    int status = GSL_CONTINUE;
    for (int iter = 0; iter < 100 && status == GSL_CONTINUE; iter++) {
        if (gsl_multiroot_fsolver_iterate(r))
            break;
        status = gsl_multiroot_test_residual(r->f, 1e-13);
    }
    if (gsl_blas_dnrm2(r->f) < before)
        gsl_vector_memcpy(x, r->x);
    gsl_vector_free(g);
    gsl_multiroot_fsolver_free(r);
}

int oracle_minimize(const wb_objective *obj, const double *x0, size_t n, double *xmin)
{
    gsl_multimin_function_fdf F = {mm_f, mm_df, mm_fdf, n, (void *)obj};
    gsl_vector *x = gsl_vector_alloc(n);
    for (size_t i = 0; i < n; i++)
        gsl_vector_set(x, i, x0[i]);
    gsl_multimin_fdfminimizer *s =
        gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, n);
    /* BFGS can stall (GSL_ENOPROG) a little short of machine precision; restarting it from
       where it stopped, with a fresh Hessian estimate, finishes the job. */
    int status = GSL_CONTINUE;
    for (int restart = 0; restart < 5 && status != GSL_SUCCESS; restart++) {
        gsl_multimin_fdfminimizer_set(s, &F, x, 0.1, 1e-4);
        status = GSL_CONTINUE;
        for (int iter = 0; iter < 1000 && status == GSL_CONTINUE; iter++) {
            if (gsl_multimin_fdfminimizer_iterate(s))
                break;
            status = gsl_multimin_test_gradient(s->gradient, 1e-12);
        }
        gsl_vector_memcpy(x, s->x);
        if (gsl_blas_dnrm2(s->gradient) <= 1e-11)
            status = GSL_SUCCESS;
    }
    if (status != GSL_SUCCESS) {
        polish_stationary_point(obj, x);
        gsl_vector *g = gsl_vector_alloc(n);
        mm_df(x, (void *)obj, g);
        if (gsl_blas_dnrm2(g) <= 1e-11)
            status = GSL_SUCCESS;
        gsl_vector_free(g);
    }
    for (size_t i = 0; i < n; i++)
        xmin[i] = gsl_vector_get(x, i);
    gsl_multimin_fdfminimizer_free(s);
    gsl_vector_free(x);
    return status;
}

/* ---- the reference descent ---------------------------------------------------------------------- */

size_t oracle_gd_run(const wb_objective *obj, const double *x0, size_t n, double lr,
                     size_t max_steps, double tol, double *traj)
{
    long double x[16];
    double xd[16], g[16];
    for (size_t i = 0; i < n; i++)
        traj[i] = xd[i] = (double)(x[i] = x0[i]);
    for (size_t k = 0; k < max_steps; k++) {
        obj->grad(xd, n, obj->params, g);
        long double norm2 = 0.0L;
        for (size_t i = 0; i < n; i++)
            norm2 += (long double)g[i] * g[i];
        if (sqrtl(norm2) <= tol)
            return k;
        for (size_t i = 0; i < n; i++) {
            x[i] -= (long double)lr * g[i];
            traj[(k + 1) * n + i] = xd[i] = (double)x[i];
        }
    }
    return max_steps;
}

double oracle_noisy_descent_1d(wb_scalar_fn dfdx, void *params, double x0, double lr, size_t steps,
                               double noise, const gsl_rng *rng, int variant)
{
    gsl_rng *r = gsl_rng_clone(rng);
    double x = x0;
    for (size_t k = 0; k < steps; k++) {
        double sigma = variant == ORACLE_NOISE_CONSTANT ? noise
                                                        : noise * (1.0 - (double)k / (double)steps);
        double e = gsl_ran_gaussian(r, sigma);
        x = x - lr * dfdx(x, params) + (variant == ORACLE_NOISE_TIMES_LR ? lr * e : e);
    }
    gsl_rng_free(r);
    return x;
}

double oracle_minimize_1d(wb_scalar_fn f, void *params, double lo, double guess, double hi)
{
    gsl_function F = {f, params};
    gsl_min_fminimizer *s = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
    gsl_min_fminimizer_set(s, &F, guess, lo, hi);
    for (int iter = 0; iter < 200; iter++) {
        gsl_min_fminimizer_iterate(s);
        if (gsl_min_test_interval(gsl_min_fminimizer_x_lower(s), gsl_min_fminimizer_x_upper(s),
                                  1e-10, 0.0) == GSL_SUCCESS)
            break;
    }
    double x = gsl_min_fminimizer_x_minimum(s);
    gsl_min_fminimizer_free(s);
    return x;
}
