/*
 * Lesson 13 suite: a multilayer perceptron on the digits, from the student's own parts.
 * Expected values: an independent network (checker/oracle/oracle_mlp.c: dense layers on
 * gsl_blas_dgemm, the oracle's batch normalization, softmax cross-entropy in long double, Adam
 * and momentum), its training loop fed a clone of the rng the student's loop gets (the same
 * batches), the lesson-5 standardization of the oracle, and GSL's chi-square bounds for the
 * initialization. Real data: datasets/digits.csv with its fixed split (oracle_digits_load).
 */
#include "check.h"
#include "mlp.h"
#include "oracle_mlp.h"
#include "oracle_preprocessing.h"
#include "stats.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"grad_not_divided_by_batch", "mlp_backward",
     N_("The gradient is m times too large: the softmax cross-entropy gradient rows D were not "
     "divided by the batch size m, although the loss is the MEAN over the batch."),
     N_("dZ2 = D / m: the loss is (1/m) sum_i CE_i, so each row's gradient gets the factor 1/m. "
     "dense_backward adds the rows up (dW = A^T dZ2), which is right only after that division.")},
    {"relu_mask_before_batchnorm", "mlp_backward",
     N_("The ReLU's mask was taken from Z1, the dense layer's output before batch normalization, "
     "instead of from U, the ReLU's own input."),
     N_("A unit passes the gradient where ITS input was positive: dU = dR * relu_grad(U), with U the "
     "output of batch normalization (U = Z1 only without it).")},
    {"relu_value_as_mask", "mlp_backward",
     N_("The gradient was multiplied by the ReLU's value relu(U) instead of its derivative "
     "relu_grad(U) (1 where U > 0, else 0)."),
     N_("Backward through an activation multiplies by its DERIVATIVE at the input: "
     "dU = dR * relu_grad(U) (lesson 4).")},
    {"bias_grad_wrong_axis", "dense_backward",
     N_("db was summed along the wrong axis: each row of dY was added up (one sum per example) "
     "instead of each column (one sum per output unit)."),
     N_("b[j] is added to output j of EVERY row, so db[j] = sum over the rows i of dY[i][j]: n_out "
     "values, one per column.")},
    {"w_transposed_in_backward", "dense_backward",
     N_("dX used W as if it were stored n_out x n_in (W[j * n_in + k]): W is n_in x n_out, so that "
     "reads the wrong weights."),
     N_("dX[i][k] = sum_j dY[i][j] W[k][j] with W[k][j] = W[k * n_out + j]: the product dY W^T.")},
    {"dropout_at_eval", "mlp_forward",
     N_("Dropout was still applied in evaluation mode (train = false): units were dropped at random "
     "while evaluating."),
     N_("Dropout is a training-time regularizer: with train = false the mask is all 1 and A = "
     "relu(U). With inverted dropout nothing needs rescaling at evaluation (lesson 7).")},
    {"batchnorm_batch_stats_at_eval", "mlp_forward",
     N_("Evaluation used the batch's own mean and variance (batchnorm_forward) instead of the running "
     "statistics: a prediction then depends on the other rows of the batch."),
     N_("In evaluation mode call batchnorm_inference with running_mean and running_var (lesson 8).")},
    {"scaler_fit_on_validation", "mlp_standardize",
     N_("The scaler was fitted on the training AND validation rows: the validation rows' statistics "
     "leak into the model, and the validation loss is no longer an honest estimate."),
     N_("standardize_fit on the first n_train rows only; then standardize_apply with those numbers "
     "to all n_train + n_val + n_test rows.")},
    {"scaler_fit_on_all_rows", "mlp_standardize",
     N_("The scaler was fitted on every row, the test rows included."),
     N_("standardize_fit on the first n_train rows only.")},
    {"no_reshuffle", "mlp_train",
     N_("The rows were shuffled once, in the first epoch, and then visited in the same order in every "
     "epoch."),
     N_("Call gsl_ran_shuffle(rng, order, m, sizeof(size_t)) at the start of EVERY epoch (lesson 11).")},
    {"stop_on_train_loss", "mlp_train",
     N_("The best epoch and early stopping were decided by the training loss, not the validation "
     "loss."),
     N_("Compare history[4e + 2], the validation loss, with the best so far (lesson 11).")},
};
WB_MISTAKES(mistakes)

/* ---- networks and data -------------------------------------------------------------------- */

static oracle_mlp_shape shape_of(const mlp_config *c)
{
    return (oracle_mlp_shape){c->n_in, c->hidden, c->n_out, c->batchnorm, c->p_drop};
}

static void uniform_fill(double *v, size_t n, double lo, double hi)
{
    for (size_t k = 0; k < n; k++)
        v[k] = wb_uniform(lo, hi);
}

/* A random network: weights and biases U(-0.8, 0.8), gamma U(0.5, 1.5), beta U(-0.5, 0.5),
   running mean U(-0.5, 0.5), running variance U(0.5, 2). */
static void random_network(const mlp_config *c, double *theta, double *running)
{
    uniform_fill(theta, MLP_PARAMS(c), -0.8, 0.8);
    uniform_fill(theta + MLP_GAMMA(c), c->hidden, 0.5, 1.5);
    uniform_fill(running, c->hidden, -0.5, 0.5);
    uniform_fill(running + c->hidden, c->hidden, 0.5, 2.0);
}

static void random_batch(const mlp_config *c, size_t m, double *X, size_t *y)
{
    uniform_fill(X, m * c->n_in, -2, 2);
    for (size_t i = 0; i < m; i++)
        y[i] = (size_t)gsl_rng_uniform_int(wb_rng(), c->n_out);
}

static const char *describe_config(char *buf, size_t size, const mlp_config *c)
{
    snprintf(buf, size, "{n_in = %zu, hidden = %zu, n_out = %zu, batchnorm = %s, p_drop = %g}",
             c->n_in, c->hidden, c->n_out, c->batchnorm ? "true" : "false", c->p_drop);
    return buf;
}

/* Sums over ~n_in terms in another order than gsl_blas_dgemm's: a few ulps of the terms. */
#define TOL_SUMS wb_tol_plus(1e-12, "sums of products in another order than gsl_blas_dgemm's")

/* The digits, standardized by the oracle with the training rows' statistics. */
static oracle_digits digits(void)
{
    oracle_digits d;
    char error[512];
    cr_assert(oracle_digits_load(&d, error, sizeof error) == 0, "checker: %s", error);
    oracle_digits_standardize(&d, NULL, NULL);
    return d;
}

/* The judge's own starting point: W1 ~ N(0, 2/n_in), W2 ~ N(0, 2/(H + n_out)), gamma 1. */
static void starting_point(const mlp_config *c, double *theta, double *running, gsl_rng *rng)
{
    memset(theta, 0, MLP_PARAMS(c) * sizeof *theta);
    for (size_t k = 0; k < c->n_in * c->hidden; k++)
        theta[MLP_W1(c) + k] = gsl_ran_gaussian(rng, sqrt(2.0 / (double)c->n_in));
    for (size_t k = 0; k < c->hidden * c->n_out; k++)
        theta[MLP_W2(c) + k] = gsl_ran_gaussian(rng, sqrt(2.0 / (double)(c->hidden + c->n_out)));
    for (size_t j = 0; j < c->hidden; j++) {
        theta[MLP_GAMMA(c) + j] = 1.0;
        running[j] = 0.0;
        running[c->hidden + j] = 1.0;
    }
}

/* ---- dense layers ---------------------------------------------------------------------------- */

static void check_dense_forward(size_t m, size_t n_in, size_t n_out)
{
    double *X = malloc(m * n_in * sizeof *X), *W = malloc(n_in * n_out * sizeof *W);
    double *b = malloc(n_out * sizeof *b), *want = malloc(m * n_out * sizeof *want);
    uniform_fill(X, m * n_in, -2, 2), uniform_fill(W, n_in * n_out, -1, 1), uniform_fill(b, n_out, -1, 1);
    oracle_dense_forward(X, W, b, m, n_in, n_out, want);
    double *Y = wb_buffer(m * n_out);
    wb_call call = wb_call_of("dense_forward", "X (%zu x %zu, U(-2, 2)), W (%zu x %zu), b, m = %zu, "
                              "n_in = %zu, n_out = %zu, Y", m, n_in, n_in, n_out, m, n_in, n_out);
    dense_forward(X, W, b, m, n_in, n_out, Y);
    wb_expect_vector(&call, "Y", Y, (wb_expected){want, "X W + b by gsl_blas_dgemm"}, m * n_out,
                     TOL_SUMS, WB_NO_VARIANTS);
    free(X), free(W), free(b), free(want);
}

WB_TEST(mlp, dense_forward, "dense_forward: Y = X W + b over a batch (W is n_in x n_out)")
{
    check_dense_forward(1, 3, 2);
    check_dense_forward(5, 4, 7);
    check_dense_forward(32, 64, 16);
}

static void check_dense_backward(size_t m, size_t n_in, size_t n_out)
{
    size_t nx = m * n_in, nw = n_in * n_out, ny = m * n_out;
    double *dY = malloc(ny * sizeof *dY), *X = malloc(nx * sizeof *X), *W = malloc(nw * sizeof *W);
    double *want = malloc((nx + nw + n_out) * sizeof *want);
    double *bad_w = malloc((nx + nw + n_out) * sizeof *bad_w), *bad_b = malloc((nx + nw + n_out) * sizeof *bad_b);
    uniform_fill(dY, ny, -1, 1), uniform_fill(X, nx, -2, 2), uniform_fill(W, nw, -1, 1);
    oracle_dense_backward(dY, X, W, m, n_in, n_out, want, want + nx, want + nx + nw, 0);
    oracle_dense_backward(dY, X, W, m, n_in, n_out, bad_w, bad_w + nx, bad_w + nx + nw,
                          ORACLE_MLP_W_TRANSPOSED);
    oracle_dense_backward(dY, X, W, m, n_in, n_out, bad_b, bad_b + nx, bad_b + nx + nw,
                          ORACLE_MLP_DB_WRONG_AXIS);
    double *dX = wb_buffer(nx), *dW = wb_buffer(nw), *db = wb_buffer(n_out);
    wb_call call = wb_call_of("dense_backward", "dY (%zu x %zu), X (%zu x %zu), W (%zu x %zu), m = %zu, "
                              "n_in = %zu, n_out = %zu, dX, dW, db", m, n_out, m, n_in, n_in, n_out,
                              m, n_in, n_out);
    dense_backward(dY, X, W, m, n_in, n_out, dX, dW, db);
    wb_expect_vector(&call, "db", db, (wb_expected){want + nx + nw, "column sums of dY"}, n_out,
                     TOL_SUMS, WB_VARIANTS({"bias_grad_wrong_axis", bad_b + nx + nw}));
    wb_expect_vector(&call, "dX", dX, (wb_expected){want, "dY W^T by gsl_blas_dgemm"}, nx, TOL_SUMS,
                     WB_VARIANTS({"w_transposed_in_backward", bad_w}));
    wb_expect_vector(&call, "dW", dW, (wb_expected){want + nx, "X^T dY by gsl_blas_dgemm"}, nw,
                     TOL_SUMS, WB_NO_VARIANTS);
    free(dY), free(X), free(W), free(want), free(bad_w), free(bad_b);
}

WB_TEST(mlp, dense_backward, "dense_backward: dX = dY W^T, dW = X^T dY, db = column sums of dY")
{
    check_dense_backward(4, 3, 4); /* m = n_out: a row sum fits where a column sum goes */
    check_dense_backward(6, 5, 3);
    check_dense_backward(20, 8, 10);
}

/* ---- standardization -------------------------------------------------------------------------- */

WB_TEST(mlp, standardize_digits, "mlp_standardize: the scaler fitted on the training rows only (digits)")
{
    oracle_digits d;
    char error[512];
    cr_assert(oracle_digits_load(&d, error, sizeof error) == 0, "checker: %s", error);
    size_t rows = d.n[0] + d.n[1] + d.n[2], P = DIGITS_PIXELS;
    double *X = malloc(rows * P * sizeof *X), *want = malloc(rows * P * sizeof *want);
    for (size_t k = 0, at = 0; k < 3; at += d.n[k] * P, k++)
        memcpy(X + at, d.X[k], d.n[k] * P * sizeof *X);
    double mean[64], std[64], mean_tv[64], std_tv[64], mean_all[64], std_all[64];
    oracle_standardize_fit(X, d.n[0], P, mean, std);
    oracle_standardize_fit(X, d.n[0] + d.n[1], P, mean_tv, std_tv);
    oracle_standardize_fit(X, rows, P, mean_all, std_all);
    oracle_standardize_apply(X, rows, P, mean, std, want);
    double *bX = wb_buffer_copy(X, rows * P), *bm = wb_buffer(P), *bs = wb_buffer(P);
    wb_call call = wb_call_of("mlp_standardize", "X (the digits: %zu training, %zu validation, %zu "
                              "test rows), n_train = %zu, n_val = %zu, n_test = %zu, cols = 64, mean, std",
                              d.n[0], d.n[1], d.n[2], d.n[0], d.n[1], d.n[2]);
    int status = mlp_standardize(bX, d.n[0], d.n[1], d.n[2], P, bm, bs);
    wb_expect_scalar(&call, status, 0, "valid arguments", WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_expect_vector(&call, "mean", bm, (wb_expected){mean, "the training rows' means (lesson 5's oracle)"},
                     P, WB_TOL_DEFAULT,
                     WB_VARIANTS({"scaler_fit_on_validation", mean_tv}, {"scaler_fit_on_all_rows", mean_all}));
    wb_expect_vector(&call, "std", bs, (wb_expected){std, "the training rows' population std"}, P,
                     WB_TOL_DEFAULT,
                     WB_VARIANTS({"scaler_fit_on_validation", std_tv}, {"scaler_fit_on_all_rows", std_all}));
    wb_expect_vector(&call, "X", bX, (wb_expected){want, "(X - mean) / std, std 0 counted as 1"},
                     rows * P, wb_tol_plus(1e-12, "values near 0 after centering"), WB_NO_VARIANTS);
    double *none = wb_buffer(P);
    call = wb_call_of("mlp_standardize", "X, n_train = 0, n_val = 5, n_test = 5, cols = 64, mean, std");
    status = mlp_standardize(bX, 0, 5, 5, P, none, none);
    wb_expect_scalar(&call, status, -1, "no training rows to fit on", WB_TOL_DEFAULT, WB_NO_VARIANTS);
    free(X), free(want);
    oracle_digits_free(&d);
}

/* ---- initialization --------------------------------------------------------------------------- */

static double sample_variance(const double *v, size_t n)
{
    double mean = 0, s = 0;
    for (size_t k = 0; k < n; k++)
        mean += v[k] / (double)n;
    for (size_t k = 0; k < n; k++)
        s += (v[k] - mean) * (v[k] - mean);
    return s / (double)(n - 1);
}

WB_TEST(mlp, init, "mlp_init: He for W1, Xavier for W2, zero biases, gamma 1, running 0 and 1")
{
    mlp_config c = {64, 64, 10, true, 0.0};
    size_t P = MLP_PARAMS(&c), H = c.hidden;
    double *theta = wb_buffer(P), *running = wb_buffer(2 * H);
    char cfg[200];
    wb_call call = wb_call_of("mlp_init", "cfg = %s, theta, running, rng", describe_config(cfg, sizeof cfg, &c));
    mlp_init(&c, theta, running, wb_rng());
    double zeros[64] = {0}, ones[64];
    for (size_t j = 0; j < 64; j++)
        ones[j] = 1.0;
    wb_expect_vector(&call, "b1", theta + MLP_B1(&c), (wb_expected){zeros, "init_zeros"}, H, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_expect_vector(&call, "gamma", theta + MLP_GAMMA(&c), (wb_expected){ones, "gamma starts at 1"}, H, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_expect_vector(&call, "beta", theta + MLP_BETA(&c), (wb_expected){zeros, "init_zeros"}, H, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_expect_vector(&call, "b2", theta + MLP_B2(&c), (wb_expected){zeros, "init_zeros"}, c.n_out, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_expect_vector(&call, "running_mean", running, (wb_expected){zeros, "0, as BatchNorm1d"}, H, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_expect_vector(&call, "running_var", running + H, (wb_expected){ones, "1, as BatchNorm1d"}, H, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    const double alpha = 1e-6;
    oracle_interval he = oracle_variance_interval(2.0 / 64, 64 * 64, alpha);
    wb_expect_interval(&call, "the sample variance of W1's 4096 weights", sample_variance(theta, 64 * 64),
                       he.lo, he.hi, "He: N(0, 2 / n_in), chi-square bounds by gsl_cdf_chisq", alpha,
                       NULL, 0);
    oracle_interval xa = oracle_variance_interval(2.0 / 74, 640, alpha);
    wb_expect_interval(&call, "the sample variance of W2's 640 weights",
                       sample_variance(theta + MLP_W2(&c), 640), xa.lo, xa.hi,
                       "Xavier normal: N(0, 2 / (H + n_out)), chi-square bounds by gsl_cdf_chisq",
                       alpha, NULL, 0);
}

/* ---- forward --------------------------------------------------------------------------------- */

typedef struct {
    double loss;
    double *cache;
} forward_result;

static forward_result call_forward(wb_call *call, const mlp_config *c, const double *theta,
                                   const double *running, const double *X, const size_t *y, size_t m,
                                   bool train)
{
    char cfg[200];
    *call = wb_call_of("mlp_forward", "cfg = %s, theta (random), running, X (%zu x %zu, U(-2, 2)), "
                       "y, m = %zu, train = %s, rng, cache", describe_config(cfg, sizeof cfg, c), m,
                       c->n_in, m, train ? "true" : "false");
    forward_result r = {0, wb_buffer(MLP_CACHE(c, m))};
    r.loss = mlp_forward(c, theta, running, X, y, m, train, wb_rng(), r.cache);
    return r;
}

/* The loss and the cache's Z2 and D against the oracle's pass with the same dropout mask. */
static void check_forward(const mlp_config *c, size_t m, bool train, unsigned variant, const char *variant_id)
{
    size_t P = MLP_PARAMS(c);
    double *theta = malloc(P * sizeof *theta), running[128], X[64 * 16];
    size_t y[64];
    random_network(c, theta, running);
    random_batch(c, m, X, y);
    wb_call call;
    forward_result r = call_forward(&call, c, theta, running, X, y, m, train);
    const double *mask = r.cache + MLP_MASK(c, m);
    oracle_mlp_shape s = shape_of(c);
    for (size_t k = 0; k < m * c->hidden; k++) {
        if (mask[k] != 0.0 && mask[k] != 1.0)
            wb_fail(&call, NULL, "cache: mask[%zu] = %g; the dropout mask holds 1 (kept) or 0 (dropped).", k, mask[k]);
        if (mask[k] == 0.0 && (!train || c->p_drop == 0))
            wb_fail(&call, train ? NULL : "dropout_at_eval",
                    "cache: mask[%zu] = 0: a unit was dropped %s.", k,
                    train ? "with p_drop = 0" : "in evaluation mode (train = false)");
    }
    oracle_mlp_pass want = oracle_mlp_forward(&s, theta, running, X, y, m, train, mask, 0);
    oracle_mlp_pass bad = oracle_mlp_forward(&s, theta, running, X, y, m, train, mask, variant);
    wb_variant v[] = {{variant_id, &bad.loss}};
    wb_expect_scalar(&call, r.loss, want.loss, "the oracle's network: gsl_blas_dgemm, softmax CE in long double",
                     TOL_SUMS, v, variant ? 1 : 0);
    wb_expect_vector(&call, "cache: Z2", r.cache + MLP_Z2(c, m), (wb_expected){want.Z2, "the logits A W2 + b2"},
                     m * c->n_out, TOL_SUMS, WB_NO_VARIANTS);
    wb_expect_vector(&call, "cache: D", r.cache + MLP_D(c, m),
                     (wb_expected){want.D, "softmax(Z2_i) - onehot(y_i) (lesson 3's gradient)"},
                     m * c->n_out, TOL_SUMS, WB_NO_VARIANTS);
    oracle_mlp_pass_free(&want);
    oracle_mlp_pass_free(&bad);
    free(theta);
}

WB_TEST(mlp, forward_plain, "mlp_forward: dense, ReLU, dense, mean softmax cross-entropy (training mode)")
{
    mlp_config c = {5, 7, 4, false, 0.0};
    check_forward(&c, 6, true, 0, NULL);
    c = (mlp_config){8, 3, 10, false, 0.0};
    check_forward(&c, 1, true, 0, NULL);
}

WB_TEST(mlp, forward_batchnorm, "mlp_forward with batch norm: batch statistics in training, running ones in evaluation")
{
    mlp_config c = {5, 6, 3, true, 0.0};
    check_forward(&c, 8, true, 0, NULL);
    check_forward(&c, 8, false, ORACLE_MLP_BN_BATCH_AT_EVAL, "batchnorm_batch_stats_at_eval");
}

WB_TEST(mlp, forward_dropout, "mlp_forward with dropout: inverted dropout in training, none in evaluation")
{
    mlp_config c = {6, 10, 4, false, 0.5};
    check_forward(&c, 12, true, 0, NULL);
    check_forward(&c, 12, false, 0, NULL);
    c.batchnorm = true;
    check_forward(&c, 12, false, ORACLE_MLP_BN_BATCH_AT_EVAL, "batchnorm_batch_stats_at_eval");
}

/* ---- backward ---------------------------------------------------------------------------------- */

static void check_backward(const mlp_config *c, size_t m)
{
    size_t P = MLP_PARAMS(c);
    double *theta = malloc(P * sizeof *theta), running[128], X[64 * 16];
    size_t y[64];
    random_network(c, theta, running);
    random_batch(c, m, X, y);
    wb_call call;
    forward_result r = call_forward(&call, c, theta, running, X, y, m, true);
    oracle_mlp_shape s = shape_of(c);
    oracle_mlp_pass p = oracle_mlp_forward(&s, theta, running, X, y, m, true, r.cache + MLP_MASK(c, m), 0);
    wb_expect_scalar(&call, r.loss, p.loss, "the oracle's network with your dropout mask", TOL_SUMS, WB_NO_VARIANTS);
    static const struct {
        const char *id;
        unsigned flag;
    } variants[] = {{"grad_not_divided_by_batch", ORACLE_MLP_GRAD_SUM},
                    {"relu_mask_before_batchnorm", ORACLE_MLP_RELU_MASK_OF_Z1},
                    {"relu_value_as_mask", ORACLE_MLP_RELU_VALUE_AS_MASK},
                    {"w_transposed_in_backward", ORACLE_MLP_W_TRANSPOSED},
                    {"bias_grad_wrong_axis", ORACLE_MLP_DB_WRONG_AXIS}};
    enum { NV = sizeof variants / sizeof variants[0] };
    double *want = malloc(P * sizeof *want), *bad[NV];
    wb_variant v[NV];
    oracle_mlp_backward(&s, theta, X, &p, 0, want);
    for (size_t k = 0; k < NV; k++) {
        bad[k] = malloc(P * sizeof *bad[k]);
        oracle_mlp_backward(&s, theta, X, &p, variants[k].flag, bad[k]);
        v[k] = (wb_variant){variants[k].id, bad[k]};
    }
    char cfg[200];
    call = wb_call_of("mlp_backward", "cfg = %s, theta, X (%zu x %zu), m = %zu, cache (from mlp_forward, "
                      "train = true), scratch, grad", describe_config(cfg, sizeof cfg, c), m, c->n_in, m);
    double *scratch = wb_buffer(MLP_SCRATCH(c, m)), *grad = wb_buffer(P);
    mlp_backward(c, theta, X, m, r.cache, scratch, grad);
    wb_expect_vector(&call, "grad", grad,
                     (wb_expected){want, "the oracle's backpropagation (gsl_blas_dgemm, the oracle's batch norm)"},
                     P, TOL_SUMS, v, NV);
    for (size_t k = 0; k < NV; k++)
        free(bad[k]);
    oracle_mlp_pass_free(&p);
    free(want), free(theta);
}

WB_TEST(mlp, backward_plain, "mlp_backward: dL/dtheta through softmax CE, dense, ReLU, dense")
{
    mlp_config c = {5, 7, 4, false, 0.0};
    check_backward(&c, 6);
    c = (mlp_config){3, 4, 4, false, 0.0};
    check_backward(&c, 4); /* m = n_out = H */
}

WB_TEST(mlp, backward_batchnorm, "mlp_backward with batch norm: dgamma, dbeta and dZ1 (lesson 8)")
{
    mlp_config c = {5, 6, 3, true, 0.0};
    check_backward(&c, 8);
}

WB_TEST(mlp, backward_dropout, "mlp_backward with dropout: the gradient through the kept units only")
{
    mlp_config c = {6, 10, 4, true, 0.3};
    check_backward(&c, 12);
}

/* ---- gradient check ------------------------------------------------------------------------------ */

typedef struct {
    const oracle_mlp_shape *s;
    const double *running, *X;
    const size_t *y;
    size_t m;
} oracle_loss_at;

static double oracle_loss(const double *theta, void *params)
{
    const oracle_loss_at *a = params;
    oracle_mlp_pass p = oracle_mlp_forward(a->s, theta, a->running, a->X, a->y, a->m, true, NULL, 0);
    double loss = p.loss;
    oracle_mlp_pass_free(&p);
    return loss;
}

static void check_gradcheck(const mlp_config *c, size_t m)
{
    size_t P = MLP_PARAMS(c);
    double *theta = malloc(P * sizeof *theta), running[128], X[64 * 16], h = 1e-5;
    size_t y[64];
    oracle_mlp_shape s = shape_of(c);
    oracle_mlp_pass p;
    /* no ReLU input within 1e-3 of its kink, where a step of h could cross it */
    for (bool near_kink = true; near_kink;) {
        random_network(c, theta, running);
        random_batch(c, m, X, y);
        p = oracle_mlp_forward(&s, theta, running, X, y, m, true, NULL, 0);
        near_kink = false;
        for (size_t k = 0; k < m * c->hidden; k++)
            near_kink |= fabs(p.U[k]) < 1e-3;
        if (near_kink)
            oracle_mlp_pass_free(&p);
    }
    double *want = malloc(P * sizeof *want), *num = malloc(P * sizeof *num);
    oracle_mlp_backward(&s, theta, X, &p, 0, want);
    oracle_mlp_pass_free(&p);
    oracle_loss_at at = {&s, running, X, y, m};
    for (size_t k = 0; k < P; k++) { /* (L(theta + h e_k) - L(theta - h e_k)) / (2h) */
        double keep = theta[k];
        theta[k] = keep + h;
        double up = oracle_loss(theta, &at);
        theta[k] = keep - h;
        num[k] = (up - oracle_loss(theta, &at)) / (2 * h);
        theta[k] = keep;
    }
    /* the oracle's own backpropagation against its central differences (a checker's check) */
    for (size_t k = 0; k < P; k++)
        cr_assert(fabs(want[k] - num[k]) <= 1e-6 * (fabs(want[k]) + fabs(num[k])) + 1e-8,
                  "checker: the oracle's gradient %zu is %.17g, its central difference %.17g", k,
                  want[k], num[k]);
    char cfg[200];
    wb_call call = wb_call_of("mlp_gradcheck", "cfg = %s, theta, running, X (%zu x %zu), y, m = %zu, "
                              "h = 1e-05, cache, scratch, grad, numeric",
                              describe_config(cfg, sizeof cfg, c), m, c->n_in, m);
    double *bt = wb_buffer_copy(theta, P), *grad = wb_buffer(P), *numeric = wb_buffer(P);
    double got = mlp_gradcheck(c, bt, running, X, y, m, h, wb_buffer(MLP_CACHE(c, m)),
                               wb_buffer(MLP_SCRATCH(c, m)), grad, numeric);
    wb_expect_vector(&call, "theta (restored)", bt, (wb_expected){theta, "theta as it was passed"}, P,
                     (wb_tol){0, 0, "theta must come back exactly"}, WB_NO_VARIANTS);
    wb_expect_vector(&call, "grad", grad, (wb_expected){want, "the oracle's backpropagation"}, P,
                     TOL_SUMS, WB_NO_VARIANTS);
    wb_expect_vector(&call, "numeric", numeric,
                     (wb_expected){num, "central differences of the oracle's loss, h = 1e-5"}, P,
                     wb_tol_plus(1e-9, "two losses' rounding (1e-16) over 2h = 2e-5"), WB_NO_VARIANTS);
    long double worst = 0; /* gradcheck_rel_error of lesson 1 on the returned arrays */
    for (size_t k = 0; k < P; k++) {
        long double den = fabsl((long double)grad[k]) + fabsl((long double)numeric[k]);
        long double e = fabsl((long double)grad[k] - numeric[k]) / (den > 1e-12L ? den : 1e-12L);
        worst = e > worst ? e : worst;
    }
    wb_expect_scalar(&call, got, (double)worst, "max_k |grad_k - numeric_k| / max(|grad_k| + |numeric_k|, 1e-12) "
                     "of your grad and numeric", WB_TOL_DEFAULT, WB_NO_VARIANTS);
    free(theta), free(want), free(num);
}

WB_TEST(mlp, gradcheck, "mlp_gradcheck: backpropagation against central differences of the whole network")
{
    mlp_config c = {4, 5, 3, false, 0.0};
    check_gradcheck(&c, 5);
    c.batchnorm = true;
    check_gradcheck(&c, 6);
    c.p_drop = 0.5;
    double theta[64], running[10], X[20];
    size_t y[5] = {0};
    random_network(&c, theta, running);
    wb_call call = wb_call_of("mlp_gradcheck", "cfg = {..., p_drop = 0.5}, theta, running, X, y, m = 5, h = 1e-5, ...");
    double got = mlp_gradcheck(&c, theta, running, X, y, 5, 1e-5, wb_buffer(MLP_CACHE(&c, 5)),
                               wb_buffer(MLP_SCRATCH(&c, 5)), wb_buffer(MLP_PARAMS(&c)), wb_buffer(MLP_PARAMS(&c)));
    wb_expect_nan(&call, got, "dropout makes the loss random: no gradient check");
}

/* ---- evaluation ------------------------------------------------------------------------------------ */

WB_TEST(mlp, evaluate, "mlp_evaluate: evaluation-mode loss, argmax predictions and accuracy")
{
    mlp_config c = {6, 8, 5, true, 0.5};
    size_t m = 40, P = MLP_PARAMS(&c), pred[40], want_pred[40], y[40];
    double *theta = malloc(P * sizeof *theta), running[16], X[40 * 6], acc, want_acc, bad_acc;
    random_network(&c, theta, running);
    random_batch(&c, m, X, y);
    oracle_mlp_shape s = shape_of(&c);
    double want = oracle_mlp_evaluate(&s, theta, running, X, y, m, want_pred, &want_acc, 0);
    double bad = oracle_mlp_evaluate(&s, theta, running, X, y, m, NULL, &bad_acc, ORACLE_MLP_BN_BATCH_AT_EVAL);
    char cfg[200];
    wb_call call = wb_call_of("mlp_evaluate", "cfg = %s, theta (random), running, X (40 x 6), y, m = 40, "
                              "cache, pred, accuracy", describe_config(cfg, sizeof cfg, &c));
    double *bacc = wb_buffer(1);
    double got = mlp_evaluate(&c, theta, running, X, y, m, wb_buffer(MLP_CACHE(&c, m)), pred, bacc);
    acc = bacc[0];
    wb_expect_scalar(&call, got, want, "the oracle's network in evaluation mode", TOL_SUMS,
                     WB_VARIANTS({"batchnorm_batch_stats_at_eval", &bad}));
    for (size_t i = 0; i < m; i++)
        wb_expect_count(&call, "pred[i]", pred[i], want_pred[i], WB_NO_VARIANTS);
    wb_expect_scalar(&call, acc, want_acc, "the fraction of rows with pred = y", WB_TOL_DEFAULT,
                     WB_VARIANTS({"batchnorm_batch_stats_at_eval", &bad_acc}));
    free(theta);
}

/* ---- training ---------------------------------------------------------------------------------------- */

typedef struct {
    int epochs;
    double *theta, running[256], history[4 * 64], steps[128];
} train_run;

static train_run student_train(wb_call *call, const mlp_config *c, const mlp_options *o,
                               const double *theta0, const double *running0, const oracle_digits *d,
                               size_t m, gsl_rng *rng)
{
    size_t P = MLP_PARAMS(c), mv = d->n[1];
    train_run r;
    r.theta = malloc(P * sizeof *r.theta);
    memcpy(r.theta, theta0, P * sizeof *r.theta);
    memcpy(r.running, running0, 2 * c->hidden * sizeof *r.running);
    char cfg[200];
    *call = wb_call_of("mlp_train", "cfg = %s, opt = {epochs = %zu, batch_size = %zu, patience = %zu, "
                       "optimizer = %s, lr = %g, momentum = %g, record_steps = %zu}, theta (N(0, 2/fan_in) "
                       "and N(0, 2/(H + n_out))), running, the first %zu standardized training digits, the %zu "
                       "validation digits, work, order, history, step_loss, rng",
                       describe_config(cfg, sizeof cfg, c), o->epochs, o->batch_size, o->patience,
                       o->optimizer == MLP_ADAM ? "MLP_ADAM" : "MLP_MOMENTUM", o->lr, o->momentum,
                       o->record_steps, m, mv);
    size_t *order = malloc((m + (m > mv ? m : mv)) * sizeof *order);
    double *work = malloc(MLP_TRAIN_WORK(c, o, m, mv) * sizeof *work);
    double *history = wb_buffer(4 * o->epochs), *steps = wb_buffer(o->record_steps);
    r.epochs = mlp_train(c, o, r.theta, r.running, d->X[0], d->y[0], m, d->X[1], d->y[1], mv, work,
                         order, history, steps, rng);
    memcpy(r.history, history, 4 * o->epochs * sizeof *history);
    memcpy(r.steps, steps, o->record_steps * sizeof *steps);
    free(order), free(work);
    return r;
}

static train_run oracle_train(const mlp_config *c, const mlp_options *o, const double *theta0,
                              const double *running0, const oracle_digits *d, size_t m, gsl_rng *rng,
                              unsigned flags)
{
    oracle_mlp_shape s = shape_of(c);
    oracle_mlp_options oo = {o->epochs, o->batch_size, o->patience, o->optimizer == MLP_ADAM, o->lr,
                             o->momentum, o->record_steps};
    size_t P = MLP_PARAMS(c);
    train_run r;
    r.theta = malloc(P * sizeof *r.theta);
    memcpy(r.theta, theta0, P * sizeof *r.theta);
    memcpy(r.running, running0, 2 * c->hidden * sizeof *r.running);
    r.epochs = oracle_mlp_train(&s, &oo, r.theta, r.running, d->X[0], d->y[0], m, d->X[1],
                                d->y[1], d->n[1], r.history, r.steps, rng, flags);
    return r;
}

/* Rounding differs (dgemm, long double) and grows a little with every step. */
#define TOL_STEPS ((wb_tol){1e-7, 1e-12, "the same steps computed in another order: rounding grows a little each step"})

/* The student's loop against the oracle's on the same batches (a clone of the same rng). */
static void check_train_steps(const mlp_config *c, const mlp_options *o)
{
    oracle_digits d = digits();
    size_t P = MLP_PARAMS(c);
    double *theta0 = malloc(P * sizeof *theta0), running0[256];
    starting_point(c, theta0, running0, wb_rng());
    gsl_rng *mine = gsl_rng_clone(wb_rng()), *ref = gsl_rng_clone(wb_rng()), *ns = gsl_rng_clone(wb_rng());
    wb_call call;
    train_run got = student_train(&call, c, o, theta0, running0, &d, d.n[0], mine);
    train_run want = oracle_train(c, o, theta0, running0, &d, d.n[0], ref, 0);
    train_run fixed = oracle_train(c, o, theta0, running0, &d, d.n[0], ns, ORACLE_MLP_NO_RESHUFFLE);
    wb_expect_count(&call, "epochs run (the return value)", (size_t)got.epochs, (size_t)want.epochs, WB_NO_VARIANTS);
    wb_expect_vector(&call, "step_loss", got.steps,
                     (wb_expected){want.steps, "the oracle's network trained on the same batches"},
                     o->record_steps, TOL_STEPS, WB_VARIANTS({"no_reshuffle", fixed.steps}));
    wb_expect_vector(&call, "history", got.history,
                     (wb_expected){want.history, "train loss, train accuracy, validation loss and accuracy per epoch"},
                     4 * (size_t)want.epochs, TOL_STEPS, WB_NO_VARIANTS);
    wb_expect_vector(&call, "theta (the best epoch's)", got.theta, (wb_expected){want.theta, "the oracle's trained theta"},
                     P, wb_tol_plus(1e-9, "rounding grown over the steps"), WB_NO_VARIANTS);
    free(theta0), free(got.theta), free(want.theta), free(fixed.theta);
    gsl_rng_free(mine), gsl_rng_free(ref), gsl_rng_free(ns);
    oracle_digits_free(&d);
}

WB_TEST(mlp, train_steps_adam, "mlp_train with Adam: the loss of every mini-batch step matches the oracle's (digits)")
{
    mlp_config c = {64, 16, 10, false, 0.0};
    mlp_options o = {2, 32, 0, MLP_ADAM, 3e-3, 0.0, 40};
    check_train_steps(&c, &o);
}

WB_TEST(mlp, train_steps_momentum_bn, "mlp_train with momentum and batch norm: step losses, running statistics, history")
{
    mlp_config c = {64, 12, 10, true, 0.0};
    mlp_options o = {2, 50, 0, MLP_MOMENTUM, 0.05, 0.9, 30};
    check_train_steps(&c, &o);
}

WB_TEST(mlp, train_early_stopping, "mlp_train: early stopping on the validation loss keeps the best epoch's theta")
{
    /* 100 training digits and 64 hidden units overfit: the validation loss turns up after a few
       epochs while the training loss keeps falling */
    oracle_digits d = digits();
    mlp_config c = {64, 64, 10, false, 0.0};
    mlp_options o = {30, 10, 3, MLP_ADAM, 0.01, 0.0, 1};
    size_t m = 100;
    size_t P = MLP_PARAMS(&c);
    double *theta0 = malloc(P * sizeof *theta0), running0[128];
    starting_point(&c, theta0, running0, wb_rng());
    gsl_rng *mine = gsl_rng_clone(wb_rng()), *ref = gsl_rng_clone(wb_rng()), *tr = gsl_rng_clone(wb_rng());
    wb_call call;
    train_run got = student_train(&call, &c, &o, theta0, running0, &d, m, mine);
    train_run want = oracle_train(&c, &o, theta0, running0, &d, m, ref, 0);
    train_run bad = oracle_train(&c, &o, theta0, running0, &d, m, tr, ORACLE_MLP_STOP_ON_TRAIN);
    cr_assert(want.epochs < (int)o.epochs && bad.epochs != want.epochs,
              "checker: this run was meant to stop early (%d epochs, %d by the training loss)",
              want.epochs, bad.epochs);
    double bad_epochs = bad.epochs;
    wb_expect_count(&call, "epochs run (the return value)", (size_t)got.epochs, (size_t)want.epochs,
                    WB_VARIANTS({"stop_on_train_loss", &bad_epochs}));
    wb_expect_vector(&call, "theta (the best epoch's)", got.theta, (wb_expected){want.theta, "the oracle's best theta"},
                     P, wb_tol_plus(1e-9, "rounding grown over the steps"),
                     WB_VARIANTS({"stop_on_train_loss", bad.theta}));
    mlp_options wrong = o;
    wrong.batch_size = 0;
    size_t order[4];
    call = wb_call_of("mlp_train", "..., opt = {batch_size = 0, ...}, ...");
    int status = mlp_train(&c, &wrong, got.theta, got.running, d.X[0], d.y[0], 2, d.X[1], d.y[1], 2,
                           wb_buffer(MLP_TRAIN_WORK(&c, &wrong, 2, 2)), order, wb_buffer(4 * o.epochs),
                           wb_buffer(1), wb_rng());
    wb_expect_scalar(&call, status, -1, "batch_size 0 is out of range", WB_TOL_DEFAULT, WB_NO_VARIANTS);
    free(theta0), free(got.theta), free(want.theta), free(bad.theta);
    gsl_rng_free(mine), gsl_rng_free(ref), gsl_rng_free(tr);
    oracle_digits_free(&d);
}

/* The bar: 64 hidden units, Adam, 20 epochs from a fixed seed reach >= 97% test accuracy. */
enum { BAR_SEED = 4 };
WB_TEST(mlp, digits_bar, "mlp_train on the digits, 64 hidden units: at least 97% test accuracy, as the oracle's run")
{
    oracle_digits d = digits();
    mlp_config c = {64, 64, 10, false, 0.0};
    mlp_options o = {20, 32, 10, MLP_ADAM, 3e-3, 0.0, 1};
    size_t P = MLP_PARAMS(&c);
    double *theta0 = malloc(P * sizeof *theta0), running0[128];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937), *ref;
    gsl_rng_set(rng, BAR_SEED);
    starting_point(&c, theta0, running0, rng);
    ref = gsl_rng_clone(rng);
    wb_call call;
    train_run got = student_train(&call, &c, &o, theta0, running0, &d, d.n[0], rng);
    train_run want = oracle_train(&c, &o, theta0, running0, &d, d.n[0], ref, 0);
    oracle_mlp_shape s = shape_of(&c);
    double acc, want_acc;
    oracle_mlp_evaluate(&s, got.theta, got.running, d.X[2], d.y[2], d.n[2], NULL, &acc, 0);
    oracle_mlp_evaluate(&s, want.theta, want.running, d.X[2], d.y[2], d.n[2], NULL, &want_acc, 0);
    cr_assert(want_acc >= 0.97, "checker: the oracle's run reaches only %.4f", want_acc);
    /* the same run up to rounding: at most one test image may flip */
    double band = 1.0 / (double)d.n[2];
    char how[200];
    snprintf(how, sizeof how, "the oracle's run from the same seed reaches %.4f on the %zu test digits; "
             "at least 0.97 and within one image of it", want_acc, d.n[2]);
    wb_expect_interval(&call, "the test accuracy of your trained theta (by the oracle's network)", acc,
                       fmax(0.97, want_acc - band - 1e-12), want_acc + band + 1e-12, how, 0, NULL, 0);
    free(theta0), free(got.theta), free(want.theta);
    gsl_rng_free(rng), gsl_rng_free(ref);
    oracle_digits_free(&d);
}
