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
    /* SOLUTION BEGIN */
    if (!(h > 0.0)) {
        for (size_t k = 0; k < n * n; k++)
            H[k] = NAN;
        return;
    }
    double mid = f(x, n, params);
    for (size_t i = 0; i < n; i++) {
        double xi = x[i];
        x[i] = xi + h;
        double up = f(x, n, params);
        x[i] = xi - h;
        double down = f(x, n, params);
        x[i] = xi;
        H[i * n + i] = (up - 2.0 * mid + down) / (h * h);
        for (size_t j = i + 1; j < n; j++) {
            double xj = x[j], corner[4];
            for (int c = 0; c < 4; c++) { /* (+,+), (+,-), (-,+), (-,-) */
                x[i] = c < 2 ? xi + h : xi - h;
                x[j] = c % 2 == 0 ? xj + h : xj - h;
                corner[c] = f(x, n, params);
            }
            x[i] = xi;
            x[j] = xj;
            H[i * n + j] = H[j * n + i] =
                (corner[0] - corner[1] - corner[2] + corner[3]) / (4.0 * h * h);
        }
    }
    /* SOLUTION END */
}

/*
 * lambda = the eigenvalues of H;  zero when |lambda| <= CRITICAL_ZERO_RTOL * max |lambda|
 * some > 0 and some < 0: saddle;  all > 0: minimum;  all < 0: maximum;  else degenerate
 */
critical_kind classify_critical_point(const double *H, size_t n, double *work)
{
    /* SOLUTION BEGIN */
    if (n == 0)
        return CRITICAL_INVALID;
    for (size_t k = 0; k < n * n; k++)
        if (!isfinite(H[k]))
            return CRITICAL_INVALID;
    double *lambda = work + n * n;
    memcpy(work, H, n * n * sizeof *work);
    gsl_matrix_view A = gsl_matrix_view_array(work, n, n);
    gsl_vector_view L = gsl_vector_view_array(lambda, n);
    gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc(n);
    gsl_eigen_symm(&A.matrix, &L.vector, w);
    gsl_eigen_symm_free(w);

    double scale = 0.0;
    for (size_t i = 0; i < n; i++)
        scale = fmax(scale, fabs(lambda[i]));
    size_t positive = 0, negative = 0;
    for (size_t i = 0; i < n; i++) {
        if (fabs(lambda[i]) <= CRITICAL_ZERO_RTOL * scale)
            continue;
        if (lambda[i] > 0.0)
            positive++;
        else
            negative++;
    }
    if (positive > 0 && negative > 0)
        return CRITICAL_SADDLE;
    if (positive == n)
        return CRITICAL_MINIMUM;
    if (negative == n)
        return CRITICAL_MAXIMUM;
    return CRITICAL_DEGENERATE;
    /* SOLUTION END return CRITICAL_INVALID; */
}

/*
 * n == 0 or a non-finite entry in H or g: NEWTON_INVALID, nothing written
 * H = L L' (Cholesky), then L L' delta = -g;  no Cholesky factor: delta = -g
 */
int newton_step(const double *H, const double *g, size_t n, double *delta, double *work)
{
    /* SOLUTION BEGIN */
    /* first: a NaN passes every test inside the factorisation (NaN <= 0 is false), so it would
       come back "positive definite" with delta all NaN; and GSL aborts on a 0 x 0 matrix */
    if (n == 0)
        return NEWTON_INVALID;
    for (size_t k = 0; k < n * n; k++)
        if (!isfinite(H[k]))
            return NEWTON_INVALID;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(g[i]))
            return NEWTON_INVALID;
    memcpy(work, H, n * n * sizeof *work);
    gsl_matrix_view L = gsl_matrix_view_array(work, n, n);
    /* GSL's default error handler aborts the program when the factorisation fails; here a
       failure is an answer ("not positive definite"), so switch it off for this one call. */
    gsl_error_handler_t *old = gsl_set_error_handler_off();
    int status = gsl_linalg_cholesky_decomp1(&L.matrix);
    gsl_set_error_handler(old);
    for (size_t i = 0; i < n; i++)
        delta[i] = -g[i];
    if (status != GSL_SUCCESS)
        return NEWTON_NOT_POSITIVE_DEFINITE;
    gsl_vector_view D = gsl_vector_view_array(delta, n);
    gsl_linalg_cholesky_svx(&L.matrix, &D.vector); /* delta <- H^-1 (-g), in place */
    return NEWTON_OK;
    /* SOLUTION END return NEWTON_OK; */
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
    /* SOLUTION BEGIN */
    if (!(opt.damping > 0.0 && opt.damping <= 1.0) || !(opt.fallback_lr >= 0.0))
        return NEWTON_RUN_INVALID;
    double *g = work, *H = g + n, *delta = H + n * n, *scratch = delta + n;
    memcpy(trajectory, x, n * sizeof *x);
    for (size_t k = 0; k < opt.max_steps; k++) {
        obj->grad(x, n, obj->params, g);
        double norm2 = 0.0;
        for (size_t i = 0; i < n; i++)
            norm2 += g[i] * g[i];
        if (sqrt(norm2) <= opt.tol)
            return k;
        hessian(x, n, obj->params, H);
        int status = newton_step(H, g, n, delta, scratch);
        if (status == NEWTON_INVALID)
            return k; /* no step from a NaN or an infinity: x stays x_k */
        if (status == NEWTON_OK)
            for (size_t i = 0; i < n; i++)
                x[i] += opt.damping * delta[i];
        else
            for (size_t i = 0; i < n; i++)
                x[i] -= opt.fallback_lr * g[i];
        memcpy(trajectory + (k + 1) * n, x, n * sizeof *x);
    }
    return opt.max_steps;
    /* SOLUTION END return 0; */
}

/*
 * rho = 1 / (y's),  u = Hinv y:
 * Hinv <- Hinv - rho (s u' + u s') + (rho^2 y'u + rho) s s'
 * skipped when y's <= 0, when rho is not finite, or when a new entry would not be finite
 */
int bfgs_update(double *Hinv, const double *s, const double *y, size_t n, double *work)
{
    /* SOLUTION BEGIN */
    double ys = 0.0;
    for (size_t i = 0; i < n; i++)
        ys += y[i] * s[i];
    if (!(ys > 0.0))
        return BFGS_SKIPPED;
    double rho = 1.0 / ys, *u = work, yu = 0.0;
    if (!isfinite(rho)) /* y's = 1e-320 is positive, but 1 / (y's) overflows */
        return BFGS_SKIPPED;
    for (size_t i = 0; i < n; i++) {
        u[i] = 0.0;
        for (size_t j = 0; j < n; j++)
            u[i] += Hinv[i * n + j] * y[j];
        yu += y[i] * u[i];
    }
    double c = rho * rho * yu + rho;
    /* every new entry first, so that an overflow (or a NaN in s, y or Hinv) changes nothing */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (!isfinite(Hinv[i * n + j] + (-rho * (s[i] * u[j] + u[i] * s[j]) + c * s[i] * s[j])))
                return BFGS_SKIPPED;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            Hinv[i * n + j] += -rho * (s[i] * u[j] + u[i] * s[j]) + c * s[i] * s[j];
    return BFGS_UPDATED;
    /* SOLUTION END return BFGS_UPDATED; */
}

/* gap = lambda f(x) + (1 - lambda) f(y) - f(lambda x + (1 - lambda) y) */
double convexity_gap(wb_vector_fn f, void *params, const double *x, const double *y, size_t n,
                     double lambda, double *mix)
{
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < n; i++)
        mix[i] = lambda * x[i] + (1.0 - lambda) * y[i];
    return lambda * f(x, n, params) + (1.0 - lambda) * f(y, n, params) - f(mix, n, params);
    /* SOLUTION END return 0.0; */
}

/* PSD: no eigenvalue below -CRITICAL_ZERO_RTOL * max_k |lambda_k| (gsl_eigen_symm on a copy) */
int hessian_is_psd(const double *H, size_t n, double *work)
{
    /* SOLUTION BEGIN */
    if (n == 0)
        return -1;
    for (size_t k = 0; k < n * n; k++)
        if (!isfinite(H[k]))
            return -1;
    double *lambda = work + n * n;
    memcpy(work, H, n * n * sizeof *work);
    gsl_matrix_view A = gsl_matrix_view_array(work, n, n);
    gsl_vector_view L = gsl_vector_view_array(lambda, n);
    gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc(n);
    gsl_eigen_symm(&A.matrix, &L.vector, w);
    gsl_eigen_symm_free(w);

    double scale = 0.0;
    for (size_t i = 0; i < n; i++)
        scale = fmax(scale, fabs(lambda[i]));
    for (size_t i = 0; i < n; i++)
        if (lambda[i] < -CRITICAL_ZERO_RTOL * scale)
            return 0;
    return 1;
    /* SOLUTION END return -1; */
}
