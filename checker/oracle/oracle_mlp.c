/* oracle_mlp.c: lesson 13's independent network (see oracle_mlp.h). */
#include "oracle_mlp.h"

#include "dataset.h"
#include "oracle_batchnorm.h"
#include "oracle_losses.h"
#include "oracle_optimizers.h"
#include "oracle_preprocessing.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double BN_EPS = 1e-5, BN_MOMENTUM = 0.1;

size_t oracle_mlp_params(const oracle_mlp_shape *s)
{
    return s->n_in * s->hidden + 3 * s->hidden + s->hidden * s->n_out + s->n_out;
}

oracle_mlp_layout oracle_mlp_parts(const oracle_mlp_shape *s)
{
    oracle_mlp_layout l;
    l.W1 = 0;
    l.b1 = s->n_in * s->hidden;
    l.gamma = l.b1 + s->hidden;
    l.beta = l.gamma + s->hidden;
    l.W2 = l.beta + s->hidden;
    l.b2 = l.W2 + s->hidden * s->n_out;
    return l;
}

/* C = op(A) op(B) (+ C when beta = 1), row-major, by gsl_blas_dgemm. */
static void gemm(CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb, const double *A, size_t ar, size_t ac,
                 const double *B, size_t br, size_t bc, double beta, double *C, size_t cr, size_t cc)
{
    gsl_matrix_const_view a = gsl_matrix_const_view_array(A, ar, ac);
    gsl_matrix_const_view b = gsl_matrix_const_view_array(B, br, bc);
    gsl_matrix_view c = gsl_matrix_view_array(C, cr, cc);
    gsl_blas_dgemm(ta, tb, 1.0, &a.matrix, &b.matrix, beta, &c.matrix);
}

void oracle_dense_forward(const double *X, const double *W, const double *b, size_t m,
                          size_t n_in, size_t n_out, double *Y)
{
    for (size_t i = 0; i < m; i++)
        memcpy(Y + i * n_out, b, n_out * sizeof *Y);
    gemm(CblasNoTrans, CblasNoTrans, X, m, n_in, W, n_in, n_out, 1.0, Y, m, n_out);
}

void oracle_dense_backward(const double *dY, const double *X, const double *W, size_t m,
                           size_t n_in, size_t n_out, double *dX, double *dW, double *db,
                           unsigned flags)
{
    if (flags & ORACLE_MLP_W_TRANSPOSED) /* W's n_in * n_out values read as n_out x n_in */
        gemm(CblasNoTrans, CblasNoTrans, dY, m, n_out, W, n_out, n_in, 0.0, dX, m, n_in);
    else
        gemm(CblasNoTrans, CblasTrans, dY, m, n_out, W, n_in, n_out, 0.0, dX, m, n_in);
    gemm(CblasTrans, CblasNoTrans, X, m, n_in, dY, m, n_out, 0.0, dW, n_in, n_out);
    for (size_t j = 0; j < n_out; j++) {
        long double s = 0;
        if (flags & ORACLE_MLP_DB_WRONG_AXIS) {
            if (j >= m) {
                db[j] = NAN;
                continue;
            }
            for (size_t k = 0; k < n_out; k++)
                s += dY[j * n_out + k];
        } else {
            for (size_t i = 0; i < m; i++)
                s += dY[i * n_out + j];
        }
        db[j] = (double)s;
    }
}

static double *alloc(size_t n) { return calloc(n ? n : 1, sizeof(double)); }

oracle_mlp_pass oracle_mlp_forward(const oracle_mlp_shape *s, const double *theta,
                                   const double *running, const double *X, const size_t *y,
                                   size_t m, bool train, const double *mask, unsigned flags)
{
    size_t H = s->hidden, K = s->n_out;
    oracle_mlp_layout l = oracle_mlp_parts(s);
    oracle_mlp_pass p = {.m = m};
    p.Z1 = alloc(m * H), p.U = alloc(m * H), p.A = alloc(m * H), p.mask = alloc(m * H);
    p.mean = alloc(H), p.var = alloc(H), p.Z2 = alloc(m * K), p.D = alloc(m * K);
    oracle_dense_forward(X, theta + l.W1, theta + l.b1, m, s->n_in, H, p.Z1);
    if (s->batchnorm && (train || (flags & ORACLE_MLP_BN_BATCH_AT_EVAL)))
        oracle_batchnorm_forward(p.Z1, m, H, theta + l.gamma, theta + l.beta, BN_EPS, p.U, p.mean,
                                 p.var);
    else if (s->batchnorm)
        oracle_batchnorm_inference(p.Z1, m, H, theta + l.gamma, theta + l.beta, BN_EPS, running,
                                   running + H, p.U);
    else
        memcpy(p.U, p.Z1, m * H * sizeof *p.U);
    /* A = mask * max(U, 0) / (1 - p): inverted dropout in training mode */
    double keep = train ? 1.0 - s->p_drop : 1.0;
    for (size_t k = 0; k < m * H; k++) {
        p.mask[k] = train && mask ? mask[k] : 1.0;
        p.A[k] = p.mask[k] * (p.U[k] > 0 ? p.U[k] : 0.0) / keep;
    }
    oracle_dense_forward(p.A, theta + l.W2, theta + l.b2, m, H, K, p.Z2);
    /* L = (1/m) sum_i [logsumexp(z_i) - z_i,y_i]; D_i = softmax(z_i) - onehot(y_i) */
    long double loss = 0;
    for (size_t i = 0; i < m; i++) {
        const double *z = p.Z2 + i * K;
        loss += oracle_loss_softmax_ce(z, K, y[i]);
        oracle_loss_softmax(z, K, p.D + i * K);
        p.D[i * K + y[i]] -= 1.0;
    }
    p.loss = m ? (double)(loss / m) : NAN;
    return p;
}

void oracle_mlp_pass_free(oracle_mlp_pass *p)
{
    free(p->Z1), free(p->U), free(p->A), free(p->mask);
    free(p->mean), free(p->var), free(p->Z2), free(p->D);
    memset(p, 0, sizeof *p);
}

void oracle_mlp_backward(const oracle_mlp_shape *s, const double *theta, const double *X,
                         const oracle_mlp_pass *p, unsigned flags, double *grad)
{
    size_t H = s->hidden, K = s->n_out, m = p->m;
    oracle_mlp_layout l = oracle_mlp_parts(s);
    double *dZ2 = alloc(m * K), *dA = alloc(m * H), *dU = alloc(m * H), *dZ1 = alloc(m * H);
    double *dX = alloc(m * s->n_in);
    double scale = (flags & ORACLE_MLP_GRAD_SUM) ? 1.0 : 1.0 / (double)m;
    for (size_t k = 0; k < m * K; k++)
        dZ2[k] = p->D[k] * scale;
    oracle_dense_backward(dZ2, p->A, theta + l.W2, m, H, K, dA, grad + l.W2, grad + l.b2, flags);
    for (size_t k = 0; k < m * H; k++) {
        /* dU = dA * mask / (1 - p) * relu'(U) */
        double dR = dA[k] * p->mask[k] / (1.0 - s->p_drop);
        const double *at = (flags & ORACLE_MLP_RELU_MASK_OF_Z1) ? p->Z1 : p->U;
        double d = at[k] > 0 ? 1.0 : 0.0;
        if (flags & ORACLE_MLP_RELU_VALUE_AS_MASK)
            d = p->U[k] > 0 ? p->U[k] : 0.0;
        dU[k] = dR * d;
    }
    if (s->batchnorm) {
        oracle_batchnorm_backward(dU, p->Z1, m, H, theta + l.gamma, p->mean, p->var, BN_EPS, dZ1,
                                  grad + l.gamma, grad + l.beta);
    } else {
        memcpy(dZ1, dU, m * H * sizeof *dZ1);
        memset(grad + l.gamma, 0, 2 * H * sizeof *grad);
    }
    oracle_dense_backward(dZ1, X, theta + l.W1, m, s->n_in, H, dX, grad + l.W1, grad + l.b1, flags);
    free(dZ2), free(dA), free(dU), free(dZ1), free(dX);
}

double oracle_mlp_evaluate(const oracle_mlp_shape *s, const double *theta, const double *running,
                           const double *X, const size_t *y, size_t m, size_t *pred,
                           double *accuracy, unsigned flags)
{
    oracle_mlp_pass p = oracle_mlp_forward(s, theta, running, X, y, m, false, NULL, flags);
    size_t right = 0, K = s->n_out;
    for (size_t i = 0; i < m; i++) {
        size_t best = 0;
        for (size_t j = 1; j < K; j++)
            if (p.Z2[i * K + j] > p.Z2[i * K + best])
                best = j;
        if (pred)
            pred[i] = best;
        right += best == y[i];
    }
    if (accuracy)
        *accuracy = m ? (double)right / (double)m : NAN;
    double loss = p.loss;
    oracle_mlp_pass_free(&p);
    return loss;
}

int oracle_mlp_train(const oracle_mlp_shape *s, const oracle_mlp_options *o, double *theta,
                     double *running, const double *X, const size_t *y, size_t m,
                     const double *Xv, const size_t *yv, size_t mv, double *history,
                     double *step_loss, gsl_rng *rng, unsigned flags)
{
    size_t P = oracle_mlp_params(s), H = s->hidden, B = o->batch_size, t = 0, step = 0;
    oracle_mlp_layout l = oracle_mlp_parts(s);
    (void)l;
    double *grad = alloc(P), *m1 = alloc(P), *m2 = alloc(P), *best = alloc(P);
    double *best_running = alloc(2 * H), *Xb = alloc(B * s->n_in);
    size_t *order = malloc(m * sizeof *order), *yb = malloc(B * sizeof *yb);
    oracle_adam_hyper adam = {o->lr, 0.9, 0.999, 1e-8, 0.0};
    for (size_t i = 0; i < m; i++)
        order[i] = i;
    memcpy(best, theta, P * sizeof *best);
    memcpy(best_running, running, 2 * H * sizeof *best_running);
    double best_loss = INFINITY;
    size_t best_epoch = 0, e = 0;
    while (e < o->epochs) {
        if (e == 0 || !(flags & ORACLE_MLP_NO_RESHUFFLE))
            gsl_ran_shuffle(rng, order, m, sizeof(size_t));
        for (size_t b = 0; b < m; b += B) {
            size_t mb = m - b < B ? m - b : B;
            for (size_t i = 0; i < mb; i++) {
                memcpy(Xb + i * s->n_in, X + order[b + i] * s->n_in, s->n_in * sizeof *Xb);
                yb[i] = y[order[b + i]];
            }
            oracle_mlp_pass p = oracle_mlp_forward(s, theta, running, Xb, yb, mb, true, NULL, flags);
            if (step < o->record_steps)
                step_loss[step] = p.loss;
            step++;
            oracle_mlp_backward(s, theta, Xb, &p, flags, grad);
            if (o->adam)
                oracle_adam_step(theta, grad, m1, m2, P, &t, adam, 0, 0);
            else
                oracle_momentum_step(theta, grad, m1, P, o->lr, o->momentum, 0);
            if (s->batchnorm && mb >= 2)
                oracle_batchnorm_running_update(running, running + H, p.mean, p.var, mb, H,
                                                BN_MOMENTUM);
            oracle_mlp_pass_free(&p);
        }
        double *h = history + 4 * e;
        h[0] = oracle_mlp_evaluate(s, theta, running, X, y, m, NULL, &h[1], 0);
        h[2] = oracle_mlp_evaluate(s, theta, running, Xv, yv, mv, NULL, &h[3], 0);
        e++;
        double watched = (flags & ORACLE_MLP_STOP_ON_TRAIN) ? h[0] : h[2];
        if (watched < best_loss) {
            best_loss = watched;
            best_epoch = e;
            memcpy(best, theta, P * sizeof *best);
            memcpy(best_running, running, 2 * H * sizeof *best_running);
        } else if (o->patience > 0 && e - best_epoch >= o->patience) {
            break;
        }
    }
    memcpy(theta, best, P * sizeof *best);
    memcpy(running, best_running, 2 * H * sizeof *best_running);
    free(grad), free(m1), free(m2), free(best), free(best_running), free(Xb), free(order), free(yb);
    return (int)e;
}

int oracle_digits_load(oracle_digits *d, char *error, size_t error_size)
{
    memset(d, 0, sizeof *d);
    char path[512];
    dataset ds;
    if (dataset_load(dataset_path("digits.csv", path, sizeof path), &ds, error, error_size) != 0)
        return -1;
    if (ds.rows != DIGITS_ROWS || ds.cols != DIGITS_PIXELS + 1) {
        snprintf(error, error_size, "%s: %zu rows of %zu fields, expected %d of %d", path, ds.rows,
                 ds.cols, DIGITS_ROWS, DIGITS_PIXELS + 1);
        dataset_free(&ds);
        return -1;
    }
    int part[DIGITS_ROWS];
    size_t seen[DIGITS_CLASSES] = {0};
    for (size_t i = 0; i < DIGITS_ROWS; i++) {
        size_t c = (size_t)ds.values[i * ds.cols + DIGITS_PIXELS];
        size_t k = seen[c]++ % 5;
        part[i] = k == 3 ? 1 : k == 4 ? 2 : 0;
        d->n[part[i]]++;
    }
    for (int k = 0; k < 3; k++) {
        d->X[k] = malloc(d->n[k] * DIGITS_PIXELS * sizeof(double));
        d->y[k] = malloc(d->n[k] * sizeof(size_t));
        d->row[k] = malloc(d->n[k] * sizeof(size_t));
        d->n[k] = 0;
    }
    for (size_t i = 0; i < DIGITS_ROWS; i++) {
        int k = part[i];
        memcpy(d->X[k] + d->n[k] * DIGITS_PIXELS, ds.values + i * ds.cols,
               DIGITS_PIXELS * sizeof(double));
        d->y[k][d->n[k]] = (size_t)ds.values[i * ds.cols + DIGITS_PIXELS];
        d->row[k][d->n[k]] = i;
        d->n[k]++;
    }
    dataset_free(&ds);
    return 0;
}

void oracle_digits_free(oracle_digits *d)
{
    for (int k = 0; k < 3; k++)
        free(d->X[k]), free(d->y[k]), free(d->row[k]);
    memset(d, 0, sizeof *d);
}

void oracle_digits_standardize(oracle_digits *d, double *mean, double *std)
{
    double mu[DIGITS_PIXELS], sd[DIGITS_PIXELS];
    oracle_standardize_fit(d->X[0], d->n[0], DIGITS_PIXELS, mu, sd);
    for (int k = 0; k < 3; k++)
        oracle_standardize_apply(d->X[k], d->n[k], DIGITS_PIXELS, mu, sd, d->X[k]);
    if (mean)
        memcpy(mean, mu, sizeof mu);
    if (std)
        memcpy(std, sd, sizeof sd);
}
