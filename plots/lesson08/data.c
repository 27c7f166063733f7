/*
 * Lesson 8 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *
 * A tiny network 2 -> 8 (tanh) -> 8 (tanh) -> 1 (sigmoid, cross-entropy) learns a synthetic
 * two-class problem with mini-batch SGD, three times from the same initial weights and the same
 * mini-batches: without batch normalization, and with it between the second layer's linear
 * part and its tanh (where the notes put it), once with the checker's batch normalization
 * (reference) and once with yours.
 *   shift.dat    per step: the 15th, 50th and 85th percentiles of one second-layer unit's
 *                input to tanh over a fixed probe set of training points (without BN:
 *                z = W h + b; with BN: gamma x_hat + beta with the probe set's statistics), then
 *                the probe-set loss (without BN, reference, yours)
 *   running.dat  per step, for the same unit: the mini-batch mean and variance of z, the
 *                running mean and variance (reference, yours), and the loss on held-out points
 *                normalised with their own batch statistics (reference) and in inference mode
 *                with the running statistics (reference, yours)
 *   labels.gp    the numbers the figures print
 * The reference uses the oracle's batch normalization (checker/oracle/batchnorm.c), never the
 * solution's. Your curves need your batchnorm_forward and batchnorm_backward (training), plus
 * batchnorm_running_update (running averages) and batchnorm_inference (held-out loss).
 */
#include "batchnorm.h"
#include "oracle_batchnorm.h"
#include "driver.h"
#include "todo.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

enum { IN = 2, H1 = 8, H2 = 8, BATCH = 32, N_TRAIN = 1024, N_PROBE = 256, STEPS = 800, UNIT = 0 };
/* The figures show every EVERY-th step: enough points, half the work. */
enum { EVERY = 2 };
static const double LR = 0.2;
static const unsigned long SEED = 3; /* a run where the unit's drift is easy to see */

/* ---- the problem ----------------------------------------------------------------------------- */

/* Inputs of unequal scales; the label says whether the point is inside an ellipse. */
static void make_data(gsl_rng *rng, size_t n, double *X, double *y)
{
    for (size_t i = 0; i < n; i++) {
        double a = gsl_ran_gaussian(rng, 1.0), b = gsl_ran_gaussian(rng, 1.0);
        X[i * IN] = a;
        X[i * IN + 1] = 0.5 * b;
        y[i] = a * a + b * b < 1.4 ? 1.0 : 0.0; /* chi^2(2) median: about half of each */
    }
}

/* ---- the network ----------------------------------------------------------------------------- */

typedef int (*bn_forward_fn)(const double *, size_t, size_t, const double *, const double *,
                             double, double *, double *, double *);
typedef int (*bn_backward_fn)(const double *, const double *, size_t, size_t, const double *,
                              const double *, const double *, double, double *, double *,
                              double *);
typedef int (*bn_running_fn)(double *, double *, const double *, const double *, size_t, size_t,
                             double);
typedef int (*bn_inference_fn)(const double *, size_t, size_t, const double *, const double *,
                               double, const double *, const double *, double *);

/* A batch normalization implementation; NULL: the network has none. */
typedef struct {
    bn_forward_fn forward;
    bn_backward_fn backward;
    bn_running_fn running_update;
    bn_inference_fn inference;
} bn_impl;

static const bn_impl REFERENCE = {oracle_batchnorm_forward, oracle_batchnorm_backward,
                                  oracle_batchnorm_running_update, oracle_batchnorm_inference};
static const bn_impl YOURS = {batchnorm_forward, batchnorm_backward, batchnorm_running_update,
                              batchnorm_inference};

typedef struct {
    double W1[H1 * IN], b1[H1], W2[H2 * H1], b2[H2], gamma[H2], beta[H2], w3[H2], b3;
    double running_mean[H2], running_var[H2];
    const bn_impl *bn;
} net;

/* Gaussian weights with std 1/sqrt(fan_in) (LeCun), zero biases, gamma = 1, beta = 0, and
   PyTorch's initial running statistics (0, 1). */
static void net_init(net *n, gsl_rng *rng, const bn_impl *bn)
{
    memset(n, 0, sizeof *n);
    for (size_t k = 0; k < H1 * IN; k++)
        n->W1[k] = gsl_ran_gaussian(rng, 1.0 / sqrt(IN));
    for (size_t k = 0; k < H2 * H1; k++)
        n->W2[k] = gsl_ran_gaussian(rng, 1.0 / sqrt(H1));
    for (size_t k = 0; k < H2; k++) {
        n->w3[k] = gsl_ran_gaussian(rng, 1.0 / sqrt(H2));
        n->gamma[k] = n->running_var[k] = 1.0;
    }
    n->bn = bn;
}

/* Everything a forward pass over rows rows keeps for the backward pass. */
typedef struct {
    double h1[N_PROBE * H1], z2[N_PROBE * H2], u[N_PROBE * H2], h2[N_PROBE * H2], p[N_PROBE];
    double mean[H2], var[H2];
} activations;

/* A = X W^T + b: rows x out from rows x in. */
static void linear(const double *X, size_t rows, size_t in, const double *W, const double *b,
                   size_t out, double *A)
{
    for (size_t i = 0; i < rows; i++)
        for (size_t o = 0; o < out; o++) {
            double s = b ? b[o] : 0.0;
            for (size_t k = 0; k < in; k++)
                s += X[i * in + k] * W[o * in + k];
            A[i * out + o] = s;
        }
}

static void fill_nan(double *v, size_t n)
{
    for (size_t k = 0; k < n; k++)
        v[k] = NAN;
}

/*
 * The forward pass; returns the mean cross-entropy. With batch normalization, `mode` says
 * which statistics: the batch's (training) or the running ones (inference).
 */
typedef enum { TRAINING, INFERENCE } bn_mode;

static double net_forward(const net *n, const double *X, const double *y, size_t rows,
                          bn_mode mode, activations *a)
{
    double z1[N_PROBE * H1];
    linear(X, rows, IN, n->W1, n->b1, H1, z1);
    for (size_t k = 0; k < rows * H1; k++)
        a->h1[k] = tanh(z1[k]);
    linear(a->h1, rows, H1, n->W2, n->bn ? NULL : n->b2, H2, a->z2);
    if (!n->bn)
        memcpy(a->u, a->z2, rows * H2 * sizeof *a->u);
    else {
        fill_nan(a->u, rows * H2);
        fill_nan(a->mean, H2);
        fill_nan(a->var, H2);
        if (mode == TRAINING)
            n->bn->forward(a->z2, rows, H2, n->gamma, n->beta, BATCHNORM_EPS, a->u, a->mean,
                           a->var);
        else
            n->bn->inference(a->z2, rows, H2, n->gamma, n->beta, BATCHNORM_EPS, n->running_mean,
                             n->running_var, a->u);
    }
    double loss = 0.0;
    for (size_t i = 0; i < rows; i++) {
        double o = n->b3;
        for (size_t k = 0; k < H2; k++) {
            a->h2[i * H2 + k] = tanh(a->u[i * H2 + k]);
            o += n->w3[k] * a->h2[i * H2 + k];
        }
        a->p[i] = 1.0 / (1.0 + exp(-o));
        /* -[y log p + (1 - y) log(1 - p)] = log(1 + e^o) - y o, computed stably */
        loss += fmax(o, 0.0) + log1p(exp(-fabs(o))) - y[i] * o;
    }
    return loss / (double)rows;
}

/* One SGD step on the batch (X, y) of BATCH rows; updates the running statistics with BN. */
static void net_train_step(net *n, const double *X, const double *y, activations *a)
{
    const size_t m = BATCH;
    net_forward(n, X, y, m, TRAINING, a);
    double dW1[H1 * IN] = {0}, db1[H1] = {0}, dW2[H2 * H1] = {0}, db2[H2] = {0}, dw3[H2] = {0};
    double db3 = 0.0, du[BATCH * H2], dz2[BATCH * H2], dgamma[H2], dbeta[H2];
    for (size_t i = 0; i < m; i++) {
        double d_o = (a->p[i] - y[i]) / (double)m; /* dL/do for the mean cross-entropy */
        db3 += d_o;
        for (size_t k = 0; k < H2; k++) {
            double h = a->h2[i * H2 + k];
            dw3[k] += d_o * h;
            du[i * H2 + k] = d_o * n->w3[k] * (1.0 - h * h);
        }
    }
    if (n->bn) {
        fill_nan(dz2, m * H2);
        fill_nan(dgamma, H2);
        fill_nan(dbeta, H2);
        n->bn->backward(du, a->z2, m, H2, n->gamma, a->mean, a->var, BATCHNORM_EPS, dz2, dgamma,
                        dbeta);
        n->bn->running_update(n->running_mean, n->running_var, a->mean, a->var, m, H2,
                              BATCHNORM_MOMENTUM);
    } else
        memcpy(dz2, du, sizeof dz2);
    for (size_t i = 0; i < m; i++)
        for (size_t o = 0; o < H2; o++) {
            db2[o] += dz2[i * H2 + o];
            for (size_t k = 0; k < H1; k++)
                dW2[o * H1 + k] += dz2[i * H2 + o] * a->h1[i * H1 + k];
        }
    for (size_t i = 0; i < m; i++)
        for (size_t k = 0; k < H1; k++) {
            double dh = 0.0, h = a->h1[i * H1 + k];
            for (size_t o = 0; o < H2; o++)
                dh += dz2[i * H2 + o] * n->W2[o * H1 + k];
            double dz1 = dh * (1.0 - h * h);
            db1[k] += dz1;
            for (size_t j = 0; j < IN; j++)
                dW1[k * IN + j] += dz1 * X[i * IN + j];
        }
    for (size_t k = 0; k < H1 * IN; k++)
        n->W1[k] -= LR * dW1[k];
    for (size_t k = 0; k < H1; k++)
        n->b1[k] -= LR * db1[k];
    for (size_t k = 0; k < H2 * H1; k++)
        n->W2[k] -= LR * dW2[k];
    for (size_t k = 0; k < H2; k++) {
        n->w3[k] -= LR * dw3[k];
        if (n->bn) {
            n->gamma[k] -= LR * dgamma[k];
            n->beta[k] -= LR * dbeta[k];
        } else
            n->b2[k] -= LR * db2[k];
    }
    n->b3 -= LR * db3;
}

/* ---- what the figures show ------------------------------------------------------------------- */

/* The 15th, 50th and 85th percentiles of column `unit` of an rows x H2 matrix. */
static void percentiles(const double *A, size_t rows, size_t unit, double q[3])
{
    double col[N_PROBE];
    for (size_t i = 0; i < rows; i++)
        col[i] = A[i * H2 + unit];
    for (size_t i = 0; i < rows; i++)
        if (!isfinite(col[i])) {
            q[0] = q[1] = q[2] = NAN;
            return;
        }
    gsl_sort(col, 1, rows);
    q[0] = gsl_stats_quantile_from_sorted_data(col, 1, rows, 0.15);
    q[1] = gsl_stats_quantile_from_sorted_data(col, 1, rows, 0.50);
    q[2] = gsl_stats_quantile_from_sorted_data(col, 1, rows, 0.85);
}

/* What one network looked like after a step (the statistics: NaN without BN). */
typedef struct {
    double q[3], probe_loss, heldout_loss, heldout_batch_loss, batch_mean, batch_var,
        running_mean, running_var;
} snapshot;

static snapshot observe(const net *n, const activations *train, const double *probe_X,
                        const double *probe_y, const double *held_X, const double *held_y)
{
    static activations a;
    snapshot s = {.heldout_loss = NAN, .heldout_batch_loss = NAN, .batch_mean = NAN,
                  .batch_var = NAN, .running_mean = NAN, .running_var = NAN};
    s.probe_loss = net_forward(n, probe_X, probe_y, N_PROBE, TRAINING, &a);
    percentiles(a.u, N_PROBE, UNIT, s.q);
    if (!n->bn)
        return s;
    s.batch_mean = train->mean[UNIT];
    s.batch_var = train->var[UNIT];
    s.running_mean = n->running_mean[UNIT];
    s.running_var = n->running_var[UNIT];
    s.heldout_loss = net_forward(n, held_X, held_y, N_PROBE, INFERENCE, &a);
    s.heldout_batch_loss = net_forward(n, held_X, held_y, N_PROBE, TRAINING, &a);
    return s;
}

/* NaN (a gap for gnuplot) where one of your functions that a value needs is a stub. */
static double yours_or_gap(double v, const char *const *needs)
{
    for (; *needs; needs++)
        if (wb_missing(*needs))
            return NAN;
    return v;
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("shift", "batchnorm_forward", "batchnorm_backward");
    plot_uses("running", "batchnorm_forward", "batchnorm_backward", "batchnorm_running_update",
              "batchnorm_inference");

    static double X[N_TRAIN * IN], y[N_TRAIN], probe_X[N_PROBE * IN], probe_y[N_PROBE],
        held_X[N_PROBE * IN], held_y[N_PROBE];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, SEED);
    make_data(rng, N_TRAIN, X, y);
    memcpy(probe_X, X, sizeof probe_X);
    memcpy(probe_y, y, sizeof probe_y);
    make_data(rng, N_PROBE, held_X, held_y);

    net nets[3];
    const bn_impl *impls[3] = {NULL, &REFERENCE, &YOURS};
    for (int k = 0; k < 3; k++) {
        gsl_rng_set(rng, SEED + 1); /* the same initial weights for all three */
        net_init(&nets[k], rng, impls[k]);
    }

    static const char *const training[] = {"batchnorm_forward", "batchnorm_backward", NULL};
    static const char *const running[] = {"batchnorm_forward", "batchnorm_backward",
                                          "batchnorm_running_update", NULL};
    static const char *const heldout[] = {"batchnorm_forward", "batchnorm_backward",
                                          "batchnorm_running_update", "batchnorm_inference",
                                          NULL};
    FILE *shift = plot_open(dir, "shift.dat"), *stats = plot_open(dir, "running.dat");
    fprintf(shift, "# step  plain_p15 p50 p85  ref_p15 p50 p85  your_p15 p50 p85  "
                   "plain_loss ref_loss your_loss\n");
    fprintf(stats, "# step  batch_mean ref_running_mean your_running_mean  batch_var "
                   "ref_running_var your_running_var  ref_heldout_batch_stats "
                   "ref_heldout_inference your_heldout_inference\n");
    size_t order[N_TRAIN];
    for (size_t i = 0; i < N_TRAIN; i++)
        order[i] = i;
    static activations a;
    double lo = -2.0, hi = 2.0; /* the percentile panels' common range */
    for (int step = 0; step <= STEPS; step++) {
        snapshot s[3];
        if (step > 0 && (size_t)(step - 1) * BATCH % N_TRAIN == 0)
            gsl_ran_shuffle(rng, order, N_TRAIN, sizeof *order); /* a new epoch */
        double bx[BATCH * IN], by[BATCH];
        for (size_t i = 0; i < BATCH; i++) {
            size_t r = order[((size_t)(step > 0 ? step - 1 : 0) * BATCH + i) % N_TRAIN];
            memcpy(&bx[i * IN], &X[r * IN], IN * sizeof *bx);
            by[i] = y[r];
        }
        for (int k = 0; k < 3; k++) {
            if (step > 0)
                net_train_step(&nets[k], bx, by, &a);
            else
                net_forward(&nets[k], bx, by, BATCH, TRAINING, &a);
            if (step % EVERY == 0)
                s[k] = observe(&nets[k], &a, probe_X, probe_y, held_X, held_y);
        }
        if (step % EVERY != 0)
            continue;
        for (int k = 0; k < 2; k++) {
            lo = fmin(lo, s[k].q[0]);
            hi = fmax(hi, s[k].q[2]);
        }
        fprintf(shift, "%d", step);
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 3; j++)
                fprintf(shift, " %.6g", k == 2 ? yours_or_gap(s[k].q[j], training) : s[k].q[j]);
        fprintf(shift, " %.6g %.6g %.6g\n", s[0].probe_loss, s[1].probe_loss,
                yours_or_gap(s[2].probe_loss, training));
        fprintf(stats, "%d %.6g %.6g %.6g %.6g %.6g %.6g %.6g %.6g %.6g\n", step, s[1].batch_mean,
                s[1].running_mean, yours_or_gap(s[2].running_mean, running), s[1].batch_var,
                s[1].running_var, yours_or_gap(s[2].running_var, running),
                s[1].heldout_batch_loss, s[1].heldout_loss,
                yours_or_gap(s[2].heldout_loss, heldout));
    }
    fclose(shift);
    fclose(stats);
    gsl_rng_free(rng);

    fprintf(labels, "steps = %d\nbatch = %d\nlr = %g\nunit = %d\nmomentum = %g\n", STEPS, BATCH,
            LR, UNIT + 1, BATCHNORM_MOMENTUM);
    fprintf(labels, "ylo = %g\nyhi = %g\n", floor(lo - 0.2), ceil(hi + 0.2));
    plot_finish(dir, labels);
    return 0;
}
