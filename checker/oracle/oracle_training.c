/*
 * oracle_training.c: lesson 11's reference (see oracle_training.h). Long double throughout;
 * GSL for the numerical gradient (gsl_deriv_central), the minimum (gsl_multimin vector_bfgs2)
 * and the permutations (gsl_ran_shuffle).
 */
#include "oracle_training.h"
#include "oracle_preprocessing.h"

#include <gsl/gsl_deriv.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static long double score(const double *x, const double *w, size_t d)
{
    long double z = w[d];
    for (size_t j = 0; j < d; j++)
        z += (long double)w[j] * x[j];
    return z;
}

static long double score_l(const double *x, const long double *w, size_t d)
{
    long double z = w[d];
    for (size_t j = 0; j < d; j++)
        z += w[j] * x[j];
    return z;
}

static long double sigma_l(long double z)
{
    return z >= 0 ? 1.0L / (1.0L + expl(-z)) : expl(z) / (1.0L + expl(z));
}

/* log(1 + exp(z)) without overflow. */
static long double softplus_l(long double z)
{
    return fmaxl(z, 0.0L) + log1pl(expl(-fabsl(z)));
}

void oracle_logistic_predict(const double *X, const double *w, size_t m, size_t d, double *p)
{
    for (size_t i = 0; i < m; i++)
        p[i] = (double)sigma_l(score(X + i * d, w, d));
}

/* The loss of one row given z and y, and the factor r with d loss / d z = r. */
typedef long double (*row_loss)(long double z, double y, long double *r);

static long double nll_row(long double z, double y, long double *r)
{
    *r = sigma_l(z) - y;
    return softplus_l(z) - y * z;
}

static long double pm1_row(long double z, double y, long double *r)
{
    *r = -y * sigma_l(-y * z);
    return softplus_l(-y * z);
}

static long double mse_row(long double z, double y, long double *r)
{
    *r = 2.0L * (z - y);
    return (z - y) * (z - y);
}

static double mean_loss(row_loss f, const double *X, const double *y, const double *w, size_t m,
                        size_t d, double *grad)
{
    long double loss = 0.0L, g[d + 1];
    for (size_t j = 0; j <= d; j++)
        g[j] = 0.0L;
    for (size_t i = 0; i < m; i++) {
        long double r;
        loss += f(score(X + i * d, w, d), y[i], &r);
        for (size_t j = 0; j < d; j++)
            g[j] += r * X[i * d + j];
        g[d] += r;
    }
    if (grad)
        for (size_t j = 0; j <= d; j++)
            grad[j] = (double)(g[j] / m);
    return (double)(loss / m);
}

double oracle_logistic_loss(const double *X, const double *y, const double *w, size_t m, size_t d,
                            double *grad)
{
    return mean_loss(nll_row, X, y, w, m, d, grad);
}

double oracle_logistic_loss_pm1(const double *X, const double *y, const double *w, size_t m,
                                size_t d, double *grad)
{
    return mean_loss(pm1_row, X, y, w, m, d, grad);
}

double oracle_linear_mse(const double *X, const double *y, const double *w, size_t m, size_t d,
                         double *grad)
{
    return mean_loss(mse_row, X, y, w, m, d, grad);
}

/* ---- the numerical gradient ------------------------------------------------------------------ */

typedef struct {
    const oracle_loss_problem *pr;
    double *w;
    size_t j;
} coordinate;

static double along_coordinate(double t, void *params)
{
    coordinate *c = params;
    double saved = c->w[c->j];
    c->w[c->j] = t;
    const oracle_loss_problem *pr = c->pr;
    double v = pr->mse ? oracle_linear_mse(pr->X, pr->y, c->w, pr->m, pr->d, NULL)
                       : oracle_logistic_loss(pr->X, pr->y, c->w, pr->m, pr->d, NULL);
    c->w[c->j] = saved;
    return v;
}

void oracle_numeric_gradient(const oracle_loss_problem *pr, const double *w, double *grad,
                             double *abserr)
{
    double *copy = malloc((pr->d + 1) * sizeof *copy), worst = 0.0;
    memcpy(copy, w, (pr->d + 1) * sizeof *copy);
    for (size_t j = 0; j <= pr->d; j++) {
        coordinate c = {pr, copy, j};
        gsl_function F = {along_coordinate, &c};
        double err;
        gsl_deriv_central(&F, w[j], 1e-3 * fmax(1.0, fabs(w[j])), &grad[j], &err);
        worst = fmax(worst, err);
    }
    free(copy);
    if (abserr)
        *abserr = worst;
}

/* ---- the regularised minimum by gsl_multimin ------------------------------------------------- */

typedef struct {
    const double *X, *y;
    size_t m, d;
    double lambda;
} regularised;

static double reg_value(const gsl_vector *v, void *params)
{
    const regularised *r = params;
    double loss = oracle_logistic_loss(r->X, r->y, v->data, r->m, r->d, NULL);
    long double sq = 0.0L;
    for (size_t j = 0; j <= r->d; j++)
        sq += (long double)v->data[j] * v->data[j];
    return (double)(loss + 0.5L * r->lambda * sq);
}

static void reg_grad(const gsl_vector *v, void *params, gsl_vector *g)
{
    const regularised *r = params;
    oracle_logistic_loss(r->X, r->y, v->data, r->m, r->d, g->data);
    for (size_t j = 0; j <= r->d; j++)
        g->data[j] += r->lambda * v->data[j];
}

static void reg_fdf(const gsl_vector *v, void *params, double *f, gsl_vector *g)
{
    *f = reg_value(v, params);
    reg_grad(v, params, g);
}

double oracle_logistic_minimum(const double *X, const double *y, size_t m, size_t d,
                               double lambda, double *wmin)
{
    regularised r = {X, y, m, d, lambda};
    gsl_multimin_function_fdf F = {reg_value, reg_grad, reg_fdf, d + 1, &r};
    gsl_vector *x0 = gsl_vector_calloc(d + 1);
    gsl_multimin_fdfminimizer *s =
        gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, d + 1);
    gsl_multimin_fdfminimizer_set(s, &F, x0, 0.1, 0.1);
    for (int it = 0; it < 2000; it++) {
        if (gsl_multimin_fdfminimizer_iterate(s) != GSL_SUCCESS)
            break;
        if (gsl_multimin_test_gradient(s->gradient, 1e-10) == GSL_SUCCESS)
            break;
    }
    double fmin = s->f;
    if (wmin)
        memcpy(wmin, s->x->data, (d + 1) * sizeof *wmin);
    gsl_multimin_fdfminimizer_free(s);
    gsl_vector_free(x0);
    return fmin;
}

/* ---- standardization ------------------------------------------------------------------------- */

void oracle_standardize_split(double *X, size_t rows, size_t train_rows, size_t cols,
                              double *mean, double *std)
{
    for (size_t j = 0; j < cols; j++) {
        long double s = 0.0L, ss = 0.0L;
        for (size_t i = 0; i < train_rows; i++)
            s += X[i * cols + j];
        long double mu = s / train_rows;
        for (size_t i = 0; i < train_rows; i++)
            ss += (X[i * cols + j] - mu) * (X[i * cols + j] - mu);
        long double var = ss / train_rows;
        long double sd = oracle_constant_feature(var, mu, train_rows) ? 0.0L : sqrtl(var);
        long double scale = sd > 0 ? sd : 1.0L;
        for (size_t i = 0; i < rows; i++)
            X[i * cols + j] = (double)((X[i * cols + j] - mu) / scale);
        if (mean)
            mean[j] = (double)mu;
        if (std)
            std[j] = (double)sd;
    }
}

/* ---- the reference trainer ------------------------------------------------------------------- */

static double loss_of(const double *X, const double *y, const long double *w, size_t m, size_t d)
{
    long double loss = 0.0L;
    for (size_t i = 0; i < m; i++)
        loss += softplus_l(score_l(X + i * d, w, d)) - y[i] * score_l(X + i * d, w, d);
    return (double)(loss / m);
}

/* One pass over the batches of order: w <- w - lr (batch-mean gradient + decay w). */
static void train_epoch(const double *X, const double *y, size_t m, size_t d, long double *w,
                        const size_t *order, oracle_train_options opt, unsigned flags)
{
    long double g[d + 1];
    for (size_t b = 0; b < m; b += opt.batch_size) {
        size_t n = opt.batch_size < m - b ? opt.batch_size : m - b;
        for (size_t j = 0; j <= d; j++)
            g[j] = 0.0L;
        for (size_t k = b; k < b + n; k++) {
            const double *x = X + order[k] * d;
            long double r = sigma_l(score_l(x, w, d)) - y[order[k]];
            for (size_t j = 0; j < d; j++)
                g[j] += r * x[j];
            g[d] += r;
        }
        long double divisor = (flags & ORACLE_TRAIN_SUM_GRAD) ? 1.0L : (long double)n;
        for (size_t j = 0; j <= d; j++)
            w[j] -= opt.lr * (g[j] / divisor + opt.weight_decay * w[j]);
    }
}

int oracle_train_logistic(const double *X, const double *y, size_t m, const double *X_val,
                          const double *y_val, size_t m_val, size_t d, double *w,
                          oracle_train_options opt, double *train_loss, double *val_loss,
                          gsl_rng *rng, unsigned flags)
{
    size_t *order = malloc(m * sizeof *order), best_epoch = 0, e = 0;
    long double wl[d + 1], best_w[d + 1];
    double best = INFINITY;
    for (size_t i = 0; i < m; i++)
        order[i] = i;
    for (size_t j = 0; j <= d; j++)
        wl[j] = best_w[j] = w[j];
    while (e < opt.epochs) {
        if (e == 0 || !(flags & ORACLE_TRAIN_NO_RESHUFFLE))
            gsl_ran_shuffle(rng, order, m, sizeof(size_t));
        train_epoch(X, y, m, d, wl, order, opt, flags);
        train_loss[e] = loss_of(X, y, wl, m, d);
        val_loss[e] = loss_of(X_val, y_val, wl, m_val, d);
        double watched = (flags & ORACLE_TRAIN_STOP_BY_TRAIN) ? train_loss[e] : val_loss[e];
        e++;
        if (watched < best) {
            best = watched;
            best_epoch = e - 1;
            memcpy(best_w, wl, sizeof wl);
        } else if (opt.patience > 0 &&
                   e - 1 - best_epoch >= opt.patience + !!(flags & ORACLE_TRAIN_PATIENCE_PLUS_ONE)) {
            break;
        }
    }
    for (size_t j = 0; j <= d; j++)
        w[j] = (double)(flags & ORACLE_TRAIN_LAST_WEIGHTS ? wl[j] : best_w[j]);
    free(order);
    return (int)e;
}

int oracle_least_squares(const double *X, const double *y, size_t m, size_t d, double *w)
{
    size_t k = d + 1;
    gsl_matrix *A = gsl_matrix_alloc(m, k), *cov = gsl_matrix_alloc(k, k);
    gsl_vector *Y = gsl_vector_alloc(m), *c = gsl_vector_alloc(k);
    gsl_multifit_linear_workspace *work = gsl_multifit_linear_alloc(m, k);
    for (size_t i = 0; i < m; i++) {
        for (size_t j = 0; j < d; j++)
            gsl_matrix_set(A, i, j, X[i * d + j]);
        gsl_matrix_set(A, i, d, 1.0);
        gsl_vector_set(Y, i, y[i]);
    }
    double chisq;
    int status = gsl_multifit_linear(A, Y, c, cov, &chisq, work);
    for (size_t j = 0; j < k; j++)
        w[j] = gsl_vector_get(c, j);
    gsl_multifit_linear_free(work);
    gsl_vector_free(c);
    gsl_vector_free(Y);
    gsl_matrix_free(cov);
    gsl_matrix_free(A);
    return status;
}

enum { ORACLE_SOFTMAX_MAX = 64 };

/* z_ic for one row, in long double. */
static void softmax_logits(const double *x, const double *W, size_t d, size_t k, long double *z)
{
    for (size_t c = 0; c < k; c++) {
        long double s = W[c * (d + 1) + d];
        for (size_t j = 0; j < d; j++)
            s += (long double)W[c * (d + 1) + j] * x[j];
        z[c] = s;
    }
}

double oracle_softmax_regression(const double *X, const double *y, const double *W, size_t m,
                                 size_t d, size_t k, double *grad, unsigned flags)
{
    if (k > ORACLE_SOFTMAX_MAX || d + 1 > ORACLE_SOFTMAX_MAX)
        abort();
    long double g[ORACLE_SOFTMAX_MAX * ORACLE_SOFTMAX_MAX] = {0}, loss = 0.0L;
    for (size_t i = 0; i < m; i++) {
        long double z[ORACLE_SOFTMAX_MAX], zmax = -INFINITY, sum = 0.0L;
        size_t label = (size_t)y[i];
        softmax_logits(X + i * d, W, d, k, z);
        for (size_t c = 0; c < k; c++)
            zmax = z[c] > zmax ? z[c] : zmax;
        for (size_t c = 0; c < k; c++)
            sum += expl(z[c] - zmax);
        loss += zmax + logl(sum) - z[label];
        for (size_t c = 0; c < k; c++) {
            long double delta = expl(z[c] - zmax) / sum - (c == label ? 1.0L : 0.0L);
            if (flags & ORACLE_SOFTMAX_SIGN)
                delta = -delta;
            for (size_t j = 0; j < d; j++)
                g[c * (d + 1) + j] += delta * X[i * d + j];
            g[c * (d + 1) + d] += delta;
        }
    }
    if (grad != NULL)
        for (size_t q = 0; q < k * (d + 1); q++)
            grad[q] = (double)(flags & ORACLE_SOFTMAX_SUM ? g[q] : g[q] / (long double)m);
    return (double)(loss / (long double)m);
}

double oracle_train_softmax_regression(const double *X, const double *y, size_t m, size_t d,
                                       size_t k, double *W, double lr, size_t epochs)
{
    double grad[ORACLE_SOFTMAX_MAX * ORACLE_SOFTMAX_MAX];
    for (size_t e = 0; e < epochs; e++) {
        oracle_softmax_regression(X, y, W, m, d, k, grad, ORACLE_SOFTMAX_EXACT);
        for (size_t q = 0; q < k * (d + 1); q++)
            W[q] = (double)((long double)W[q] - (long double)lr * grad[q]);
    }
    return oracle_softmax_regression(X, y, W, m, d, k, NULL, ORACLE_SOFTMAX_EXACT);
}

double oracle_softmax_accuracy(const double *X, const double *y, const double *W, size_t m,
                               size_t d, size_t k)
{
    size_t right = 0;
    for (size_t i = 0; i < m; i++) {
        long double z[ORACLE_SOFTMAX_MAX];
        softmax_logits(X + i * d, W, d, k, z);
        size_t best = 0;
        for (size_t c = 1; c < k; c++)
            if (z[c] > z[best])
                best = c;
        right += best == (size_t)y[i];
    }
    return m ? (double)right / (double)m : NAN;
}
