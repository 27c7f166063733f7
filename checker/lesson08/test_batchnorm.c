/*
 * Lesson 8 suite: batch normalization.
 * Expected values: gsl_stats_mean / gsl_stats_variance_with_fixed_mean for the batch statistics
 * and for the mean-0, variance-1 property of the output; the checker's own batch normalization
 * in long double (checker/oracle/batchnorm.c) for outputs and running averages; and
 * gsl_deriv_central on the whole batch loss L = sum_ij W_ij Y_ij for the backward pass (dY = W).
 * The README's worked example (built on Lecture 5's formula) is checked too.
 */
#include "check.h"
#include "batchnorm.h"
#include "oracle_batchnorm.h"

#include <float.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"unbiased_variance", "batchnorm_forward",
     N_("The batch variance was divided by m - 1 (the unbiased estimate): batch normalization "
     "normalises with the biased variance, divided by m."),
     N_("var[j] = (1/m) sum_i (X_ij - mean[j])^2. The m / (m - 1) correction belongs only in "
     "batchnorm_running_update.")},
    {"eps_outside_sqrt", NULL,
     N_("eps was added outside the square root: (x - mean) / (sqrt(var) + eps)."),
     N_("Divide by sqrt(var + eps), as PyTorch and the paper do; eps keeps the square root away "
     "from 0 when a feature is (almost) constant over the batch.")},
    {"gamma_beta_forgotten", NULL,
     N_("The output is missing the scale gamma or the shift beta (or both): it matches x_hat, "
     "gamma x_hat, or x_hat + beta."),
     N_("After normalising, scale and shift each feature: Y_ij = gamma[j] x_hat_ij + beta[j]. "
     "They let the network undo the normalisation where that helps.")},
    {"gamma_beta_swapped", NULL,
     N_("gamma and beta are swapped: the output is beta x_hat + gamma."),
     N_("gamma multiplies (scale, initialised to 1), beta adds (shift, initialised to 0): "
     "Y = gamma * x_hat + beta.")},
    {"backward_missing_stat_terms", "batchnorm_backward",
     N_("dX misses the gradient that flows through the batch mean and/or the batch variance: it "
     "treats mean[j] and var[j] as constants."),
     N_("Every x_ij moves mean[j] and var[j] and so every Y_kj of its column. With s = "
     "sqrt(var + eps): dX_ij = gamma[j] / s * (dY_ij - sum_k dY_kj / m - x_hat_ij * "
     "sum_k dY_kj x_hat_kj / m).")},
    {"running_var_biased", "batchnorm_running_update",
     N_("The running variance averages the biased batch variance: PyTorch's convention uses the "
     "unbiased one, var * m / (m - 1)."),
     N_("running_var = (1 - momentum) * running_var + momentum * var * m / (m - 1).")},
    {"momentum_reversed", "batchnorm_running_update",
     N_("momentum weighs the old running value instead of the new batch value (the Keras / "
     "TensorFlow convention, where momentum = 0.99 means \"keep 99%\")."),
     N_("PyTorch's convention: running = (1 - momentum) * running + momentum * batch, so "
     "momentum = 0.1 moves 10% of the way to the batch value.")},
    {"inference_batch_stats", "batchnorm_inference",
     N_("Inference normalised with the batch's own mean and variance instead of the running ones."),
     N_("At inference the output of a row must not depend on the other rows: use running_mean "
     "and running_var, which batchnorm_running_update collected during training.")},
};
WB_MISTAKES(mistakes)

/* ---- batches --------------------------------------------------------------------------------- */

enum { MAX_M = 8, MAX_D = 4, MAX_N = MAX_M * MAX_D };

/* A call's inputs: an m x d batch X, per-feature gamma and beta, and eps. */
typedef struct {
    size_t m, d;
    double X[MAX_N], gamma[MAX_D], beta[MAX_D], eps;
} bn_case;

/* The README's worked example: features {1, 1, 5, 5} and {3, 5, 5, 11}, PyTorch's eps. */
static bn_case worked_case(void)
{
    return (bn_case){.m = 4, .d = 2, .X = {1, 3, 1, 5, 5, 5, 5, 11}, .gamma = {2.0, 0.5},
                     .beta = {0.5, -1.0}, .eps = BATCHNORM_EPS};
}

/*
 * A random batch of min_m to max_m rows and 1 to max_d features: feature j is N(mu_j, sigma_j^2)
 * with mu_j in [-3, 3] and sigma_j log-uniform in [0.1, 3], so the features have different
 * offsets and scales; gamma in [0.5, 2] and beta in [-1, 1] (different enough that a swap
 * shows), eps one of 1e-5, 1e-3, 0.05.
 */
static bn_case random_case(size_t min_m, size_t max_m, size_t max_d)
{
    static const double eps[] = {1e-5, 1e-3, 0.05};
    bn_case c = {.m = min_m + gsl_rng_uniform_int(wb_rng(), max_m - min_m + 1),
                 .d = 1 + gsl_rng_uniform_int(wb_rng(), max_d),
                 .eps = eps[gsl_rng_uniform_int(wb_rng(), 3)]};
    for (size_t j = 0; j < c.d; j++) {
        double mu = wb_uniform(-3, 3), sigma = exp(wb_uniform(log(0.1), log(3.0)));
        for (size_t i = 0; i < c.m; i++)
            c.X[i * c.d + j] = mu + sigma * gsl_ran_gaussian(wb_rng(), 1.0);
        c.gamma[j] = wb_uniform(0.5, 2.0);
        c.beta[j] = wb_uniform(-1.0, 1.0);
    }
    return c;
}

/* A random upstream gradient dY = W for the loss L = sum W .* Y: multiples of 1/8 in [-1, 1],
   exact and short in the call's text. */
static void random_weights(size_t n, double *W)
{
    for (size_t k = 0; k < n; k++)
        W[k] = ((double)gsl_rng_uniform_int(wb_rng(), 17) - 8.0) / 8.0;
}

/* Writes {a, b, ...} (one row) or {{..}, {..}} (rows > 1), each number to 6 digits. */
static void format_matrix(char *out, size_t size, const double *v, size_t rows, size_t cols)
{
    size_t len = (size_t)snprintf(out, size, "%s", rows > 1 ? "{" : "");
    for (size_t i = 0; i < rows && len < size; i++) {
        len += (size_t)snprintf(out + len, size - len, "%s{", i ? ", " : "");
        for (size_t j = 0; j < cols && len < size; j++)
            len += (size_t)snprintf(out + len, size - len, "%s%.6g", j ? ", " : "",
                                    v[i * cols + j]);
        if (len < size)
            len += (size_t)snprintf(out + len, size - len, "}");
    }
    if (rows > 1 && len < size)
        snprintf(out + len, size - len, "}");
}

/* The call's text for the batch arguments: "X = {{..}} (m x d), m, d, gamma, beta, eps". */
static void format_case(char *out, size_t size, const bn_case *c)
{
    char xs[480], gs[80], bs[80];
    format_matrix(xs, sizeof xs, c->X, c->m, c->d);
    format_matrix(gs, sizeof gs, c->gamma, 1, c->d);
    format_matrix(bs, sizeof bs, c->beta, 1, c->d);
    snprintf(out, size, "X = %s, m = %zu, d = %zu, gamma = %s, beta = %s, eps = %g", xs, c->m,
             c->d, gs, bs, c->eps);
}

/* A return value that must be `want` (0 for success, -1 for invalid arguments). */
static void expect_status(const wb_call *call, int got, int want, const char *why)
{
    wb_expect_scalar(call, (double)got, (double)want, why, WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

/* Per-feature mean and biased variance by GSL: stride d walks down column j. */
static void gsl_column_stats(const double *A, size_t m, size_t d, double *mean, double *var)
{
    for (size_t j = 0; j < d; j++) {
        mean[j] = gsl_stats_mean(A + j, d, m);
        var[j] = gsl_stats_variance_with_fixed_mean(A + j, d, m, mean[j]);
    }
}

/* sqrt(var_j * scale + eps), or sqrt(var_j) + eps with eps_outside: the denominators of the
   right formula and of its wrong variants. */
static void denominators(const double *var, size_t d, double scale, double eps, bool eps_outside,
                         double *denom)
{
    for (size_t j = 0; j < d; j++)
        denom[j] = eps_outside ? sqrt(var[j] * scale) + eps : sqrt(var[j] * scale + eps);
}

/* ---- forward --------------------------------------------------------------------------------- */

/*
 * Y's allowance: the default relative bound plus 1e-12 (gamma x_hat + beta can cancel to almost
 * 0) plus the rounding of X_ij - mean_j carried into x_hat, 8 eps |gamma_j| (|X_ij| + |mean_j|) / s_j
 * with s_j = denom[j], the largest over the batch: in a column 1e5 + N(0, 1) the mean's last bit
 * alone moves every Y of the column by about eps 1e5 |gamma| / s.
 */
static wb_tol y_tolerance(const bn_case *c, const double *mean, const double *denom)
{
    double worst = 0.0;
    for (size_t i = 0; i < c->m; i++)
        for (size_t j = 0; j < c->d; j++)
            if (denom[j] > 0.0)
                worst = fmax(worst, fabs(c->gamma[j]) *
                                        (fabs(c->X[i * c->d + j]) + fabs(mean[j])) / denom[j]);
    return wb_tol_plus(1e-12 + 8.0 * DBL_EPSILON * worst,
                       "plus 1e-12 (gamma x_hat + beta can cancel to almost 0) plus 8 eps |gamma| "
                       "(|X| + |mean|) / sqrt(var + eps): the rounding of X - mean");
}

/*
 * Checks what a training-mode forward pass on c wrote: mean and var against GSL's column
 * statistics, Y against the formula in long double, with the wrong variants built from the same
 * statistics.
 */
static void check_forward_outputs(const wb_call *call, const bn_case *c, const double *Y,
                                  const double *mean, const double *var, const char *source)
{
    size_t m = c->m, d = c->d, n = m * d;
    double gmean[MAX_D], gvar[MAX_D], unbiased_var[MAX_D], denom[MAX_D];
    double want[MAX_N], unbiased[MAX_N], outside[MAX_N], bare[MAX_N], scaled[MAX_N],
        shifted[MAX_N], swapped[MAX_N];
    gsl_column_stats(c->X, m, d, gmean, gvar);
    for (size_t j = 0; j < d; j++)
        unbiased_var[j] = m > 1 ? gsl_stats_variance_m(c->X + j, d, m, gmean[j]) : NAN;

    denominators(gvar, d, 1.0, c->eps, false, denom);
    wb_tol y_tol = y_tolerance(c, gmean, denom);
    oracle_bn_normalize(c->X, m, d, gmean, denom, c->gamma, c->beta, want);
    oracle_bn_normalize(c->X, m, d, gmean, denom, NULL, NULL, bare);
    oracle_bn_normalize(c->X, m, d, gmean, denom, c->gamma, NULL, scaled);
    oracle_bn_normalize(c->X, m, d, gmean, denom, NULL, c->beta, shifted);
    oracle_bn_normalize(c->X, m, d, gmean, denom, c->beta, c->gamma, swapped);
    denominators(gvar, d, m > 1 ? (double)m / (double)(m - 1) : NAN, c->eps, false, denom);
    oracle_bn_normalize(c->X, m, d, gmean, denom, c->gamma, c->beta, unbiased);
    denominators(gvar, d, 1.0, c->eps, true, denom);
    oracle_bn_normalize(c->X, m, d, gmean, denom, c->gamma, c->beta, outside);

    wb_expect_vector(call, "mean", mean, (wb_expected){gmean, "gsl_stats_mean of each column"},
                     d,
                     wb_tol_plus(1e-12, "plus 1e-12: a mean near 0 is a sum of cancelling terms"),
                     WB_NO_VARIANTS);
    wb_expect_vector(call, "var", var,
                     (wb_expected){gvar, "gsl_stats_variance_with_fixed_mean of each column: "
                                         "the biased variance, divisor m"},
                     d, wb_tol_plus(1e-14, "plus 1e-14: the rounding of a sum of squares"),
                     WB_VARIANTS({"unbiased_variance", unbiased_var}));
    wb_expect_vector(call, "Y", Y, (wb_expected){want, source}, n, y_tol,
                     WB_VARIANTS({"unbiased_variance", unbiased}, {"eps_outside_sqrt", outside},
                                 {"gamma_beta_forgotten", bare}, {"gamma_beta_forgotten", scaled},
                                 {"gamma_beta_forgotten", shifted},
                                 {"gamma_beta_swapped", swapped}));
}

/* What the student's forward pass wrote, in fenced buffers, and what it returned. */
typedef struct {
    wb_call call;
    double *Y, *mean, *var;
    int status;
} forward_result;

static forward_result run_forward(const bn_case *c)
{
    forward_result r;
    char args[700];
    format_case(args, sizeof args, c);
    r.call = wb_call_of("batchnorm_forward", "%s, Y, mean, var", args);
    size_t n = c->m * c->d;
    const double *X = wb_buffer_copy(c->X, n), *gamma = wb_buffer_copy(c->gamma, c->d),
                 *beta = wb_buffer_copy(c->beta, c->d);
    r.Y = wb_buffer(n);
    r.mean = wb_buffer(c->d);
    r.var = wb_buffer(c->d);
    r.status = batchnorm_forward(X, c->m, c->d, gamma, beta, c->eps, r.Y, r.mean, r.var);
    wb_expect_untouched_fences(&r.call, "Y", r.Y);
    wb_expect_untouched_fences(&r.call, "mean", r.mean);
    wb_expect_untouched_fences(&r.call, "var", r.var);
    return r;
}

/* Runs the student's forward pass on c and checks everything it wrote. */
static void check_forward(const bn_case *c, const char *source)
{
    forward_result r = run_forward(c);
    check_forward_outputs(&r.call, c, r.Y, r.mean, r.var, source);
    expect_status(&r.call, r.status, 0, "0: the arguments are valid");
}

WB_TEST(lesson08, forward_worked, "batchnorm_forward on the README's worked example (m = 4, d = 2)")
{
    bn_case c = worked_case();
    check_forward(&c, "the README's worked example, in long double: with eps = 0 it would be "
                      "{{-1.5, -1.5}, {-1.5, -1.16667}, {2.5, -1.16667}, {2.5, -0.166667}}");
}

WB_TEST(lesson08, forward_random, "batchnorm_forward on random batches of 2 to 8 rows, 1 to 4 features")
{
    for (int trial = 0; trial < 8; trial++) {
        bn_case c = random_case(2, MAX_M, MAX_D);
        check_forward(&c, "gamma (X - mean) / sqrt(var + eps) + beta in long double, with GSL's "
                          "column means and variances");
    }
}

/* A column 1e5 + N(0, 1): its squares are 1e10, so a one-pass variance E[x^2] - mean^2 keeps
   only about 6 digits of the variance; two passes keep all of them. */
WB_TEST(lesson08, forward_offset, "batchnorm_forward on a column with a large offset and a small spread (1e5 + N(0, 1))")
{
    bn_case c = random_case(8, 8, 2);
    for (size_t i = 0; i < c.m; i++)
        c.X[i * c.d] = 1e5 + gsl_ran_gaussian(wb_rng(), 1.0);
    check_forward(&c, "gamma (X - mean) / sqrt(var + eps) + beta in long double, with GSL's "
                      "two-pass column means and variances");
}

/* With gamma = 1, beta = 0 and eps = 0 every column of Y has mean 0 and variance 1 exactly. */
WB_TEST(lesson08, forward_normalizes, "with gamma = 1, beta = 0, eps = 0, each column of Y has mean 0 and variance 1")
{
    for (int trial = 0; trial < 8; trial++) {
        bn_case c = random_case(2, MAX_M, MAX_D);
        size_t m = c.m, d = c.d;
        double ones[MAX_D], zeros[MAX_D] = {0}, unbiased[MAX_D];
        for (size_t j = 0; j < d; j++) {
            c.gamma[j] = ones[j] = 1.0;
            c.beta[j] = 0.0;
            unbiased[j] = (double)(m - 1) / (double)m; /* Y's variance when normalised by m - 1 */
        }
        c.eps = 0.0;
        forward_result r = run_forward(&c);
        double ymean[MAX_D], yvar[MAX_D];
        gsl_column_stats(r.Y, m, d, ymean, yvar);
        wb_expect_vector(&r.call, "mean_of_Y", ymean,
                         (wb_expected){zeros, "0: the mean of each column of Y, by "
                                              "gsl_stats_mean"},
                         d,
                         wb_tol_plus(1e-9, "an absolute 1e-9: the expected value is 0"),
                         WB_VARIANTS({"gamma_beta_swapped", ones}));
        wb_expect_vector(&r.call, "var_of_Y", yvar,
                         (wb_expected){ones, "1: the variance of each column of Y, by "
                                             "gsl_stats_variance_with_fixed_mean (divisor m)"},
                         d, WB_TOL_DEFAULT, WB_VARIANTS({"unbiased_variance", unbiased}));
        expect_status(&r.call, r.status, 0, "0: the arguments are valid");
    }
}

WB_TEST(lesson08, forward_single_row, "batchnorm_forward with m = 1: var = 0 and Y = beta (as documented)")
{
    bn_case c = {.m = 1, .d = 3, .X = {2.5, -1.0, 0.0}, .gamma = {2.0, 0.5, 1.5},
                 .beta = {0.25, -1.0, 3.0}, .eps = BATCHNORM_EPS};
    check_forward(&c, "beta: x_hat = 0 / sqrt(0 + eps) = 0 when the batch has one row");
}

/* ---- invalid arguments ----------------------------------------------------------------------- */

/* Arguments that make a call invalid, applied to a valid 3 x 2 batch. */
typedef struct {
    size_t m, d;
    double eps;
    const char *why;
} bad_args;

static const bad_args BAD[] = {
    {0, 2, BATCHNORM_EPS, "-1: m = 0"},
    {3, 0, BATCHNORM_EPS, "-1: d = 0"},
    {3, 2, -1e-5, "-1: eps < 0"},
    {3, 2, NAN, "-1: eps is NaN"},
};

static const double SENTINEL[6] = {7, 7, 7, 7, 7, 7};

/* An output buffer of n doubles (n <= 6) holding SENTINEL: an invalid call must leave it so. */
static double *sentinel_buffer(size_t n) { return wb_buffer_copy(SENTINEL, n); }

static void expect_unwritten(const wb_call *call, const char *name, const double *buf, size_t n)
{
    wb_expect_untouched_fences(call, name, buf);
    wb_expect_vector(call, name, buf,
                     (wb_expected){SENTINEL, "unchanged: an invalid call writes nothing"}, n,
                     WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

WB_TEST(lesson08, invalid_arguments, "forward, backward and inference return -1 and write nothing for m = 0, d = 0 or a bad eps")
{
    const double x0[6] = {1, 2, 3, 5, 8, 13}, dy0[6] = {1, -1, 2, 0, 0.5, 1}, g0[2] = {1, 2},
                 b0[2] = {0, 1}, mean0[2] = {4, 5}, var0[2] = {2, 3};
    const double *X = wb_buffer_copy(x0, 6), *dY = wb_buffer_copy(dy0, 6),
                 *gamma = wb_buffer_copy(g0, 2), *beta = wb_buffer_copy(b0, 2),
                 *mean = wb_buffer_copy(mean0, 2), *var = wb_buffer_copy(var0, 2);
    for (size_t k = 0; k < sizeof BAD / sizeof BAD[0]; k++) {
        const bad_args *b = &BAD[k];
        double *out = sentinel_buffer(6), *a = sentinel_buffer(2), *v = sentinel_buffer(2);
        wb_call call = wb_call_of("batchnorm_forward",
                                  "X (3 x 2), m = %zu, d = %zu, gamma, beta, eps = %g, Y, mean, "
                                  "var", b->m, b->d, b->eps);
        expect_status(&call, batchnorm_forward(X, b->m, b->d, gamma, beta, b->eps, out, a, v), -1,
                      b->why);
        expect_unwritten(&call, "Y", out, 6);
        expect_unwritten(&call, "mean", a, 2);
        expect_unwritten(&call, "var", v, 2);

        call = wb_call_of("batchnorm_backward",
                          "dY, X (3 x 2), m = %zu, d = %zu, gamma, mean, var, eps = %g, dX, "
                          "dgamma, dbeta", b->m, b->d, b->eps);
        expect_status(&call, batchnorm_backward(dY, X, b->m, b->d, gamma, mean, var, b->eps, out,
                                                a, v), -1, b->why);
        expect_unwritten(&call, "dX", out, 6);
        expect_unwritten(&call, "dgamma", a, 2);
        expect_unwritten(&call, "dbeta", v, 2);

        call = wb_call_of("batchnorm_inference",
                          "X (3 x 2), m = %zu, d = %zu, gamma, beta, eps = %g, running_mean, "
                          "running_var, Y", b->m, b->d, b->eps);
        expect_status(&call,
                      batchnorm_inference(X, b->m, b->d, gamma, beta, b->eps, mean, var, out), -1,
                      b->why);
        expect_unwritten(&call, "Y", out, 6);
    }
}

/* ---- backward -------------------------------------------------------------------------------- */

/*
 * The whole batch loss L = sum_ij W_ij Y_ij, Y by the checker's forward pass in long double, as a
 * function of one of its parameters: index k < m d is X's element k, then the d gammas, then the
 * d betas. dL/dY = W, so dL/dX, dL/dgamma and dL/dbeta are what batchnorm_backward returns for
 * dY = W.
 */
typedef struct {
    const bn_case *c;
    const double *W;
    size_t k;
} loss_of_one;

static double batch_loss(double t, void *p)
{
    const loss_of_one *l = p;
    bn_case c = *l->c;
    size_t n = c.m * c.d;
    if (l->k < n)
        c.X[l->k] = t;
    else if (l->k < n + c.d)
        c.gamma[l->k - n] = t;
    else
        c.beta[l->k - n - c.d] = t;
    double Y[MAX_N], mean[MAX_D], var[MAX_D];
    oracle_batchnorm_forward(c.X, c.m, c.d, c.gamma, c.beta, c.eps, Y, mean, var);
    long double L = 0.0L;
    for (size_t i = 0; i < n; i++)
        L += (long double)l->W[i] * Y[i];
    return (double)L;
}

/* dL/dX, dL/dgamma, dL/dbeta by gsl_deriv_central; returns the largest error estimate. */
static double numerical_gradients(const bn_case *c, const double *W, double *dX, double *dgamma,
                                  double *dbeta)
{
    size_t n = c->m * c->d, n_params = n + 2 * c->d;
    double worst = 0.0;
    for (size_t k = 0; k < n_params; k++) {
        loss_of_one l = {c, W, k};
        double *out = k < n ? &dX[k] : k < n + c->d ? &dgamma[k - n] : &dbeta[k - n - c->d];
        double x = k < n ? c->X[k] : k < n + c->d ? c->gamma[k - n] : c->beta[k - n - c->d];
        double abserr;
        gsl_function F = {batch_loss, &l};
        gsl_deriv_central(&F, x, 1e-3 * fmax(1.0, fabs(x)), out, &abserr);
        worst = fmax(worst, abserr);
    }
    return worst;
}

/*
 * dX without the paths through the statistics: with s = sqrt(var + eps), g = dY,
 * neither: gamma g / s;  only the mean's: gamma / s (g - mean(g));
 * only the variance's: gamma / s (g - x_hat mean(g x_hat)).
 */
typedef struct {
    double neither[MAX_N], mean_only[MAX_N], var_only[MAX_N];
} partial_backwards;

static void partial_backward(const bn_case *c, const double *dY, const double *mean,
                             const double *var, partial_backwards *out)
{
    size_t m = c->m, d = c->d;
    for (size_t j = 0; j < d; j++) {
        double s = sqrt(var[j] + c->eps), sg = 0.0, sgx = 0.0;
        for (size_t i = 0; i < m; i++) {
            sg += dY[i * d + j];
            sgx += dY[i * d + j] * (c->X[i * d + j] - mean[j]) / s;
        }
        for (size_t i = 0; i < m; i++) {
            size_t k = i * d + j;
            double xhat = (c->X[k] - mean[j]) / s, scale = c->gamma[j] / s;
            out->neither[k] = scale * dY[k];
            out->mean_only[k] = scale * (dY[k] - sg / m);
            out->var_only[k] = scale * (dY[k] - xhat * sgx / m);
        }
    }
}

/* The student's backward pass for c and dY, with GSL's mean and var of X, in fenced buffers;
   *call receives the call's description. */
typedef struct {
    double *dX, *dgamma, *dbeta;
    double mean[MAX_D], var[MAX_D];
    int status;
} backward_result;

static backward_result run_backward(wb_call *call, const bn_case *c, const double *dY)
{
    size_t n = c->m * c->d, d = c->d;
    backward_result r;
    gsl_column_stats(c->X, c->m, d, r.mean, r.var);
    char dys[300], xs[480], gs[80], ms[120], vs[120];
    format_matrix(dys, sizeof dys, dY, c->m, d);
    format_matrix(xs, sizeof xs, c->X, c->m, d);
    format_matrix(gs, sizeof gs, c->gamma, 1, d);
    format_matrix(ms, sizeof ms, r.mean, 1, d);
    format_matrix(vs, sizeof vs, r.var, 1, d);
    *call = wb_call_of("batchnorm_backward", "dY = %s, X = %s, m = %zu, d = %zu, gamma = %s, "
                       "mean = %s, var = %s, eps = %g, dX, dgamma, dbeta",
                       dys, xs, c->m, d, gs, ms, vs, c->eps);
    const double *in_dY = wb_buffer_copy(dY, n), *X = wb_buffer_copy(c->X, n),
                 *gamma = wb_buffer_copy(c->gamma, d), *mean = wb_buffer_copy(r.mean, d),
                 *var = wb_buffer_copy(r.var, d);
    r.dX = wb_buffer(n);
    r.dgamma = wb_buffer(d);
    r.dbeta = wb_buffer(d);
    int status = batchnorm_backward(in_dY, X, c->m, d, gamma, mean, var, c->eps, r.dX, r.dgamma,
                                    r.dbeta);
    wb_expect_untouched_fences(call, "dX", r.dX);
    wb_expect_untouched_fences(call, "dgamma", r.dgamma);
    wb_expect_untouched_fences(call, "dbeta", r.dbeta);
    r.status = status;
    return r;
}

/* Checks dX, dgamma and dbeta for c and dY = W against gsl_deriv_central on sum W .* Y. */
static void check_backward(const bn_case *c, const double *W, const char *source)
{
    wb_call call;
    backward_result r = run_backward(&call, c, W);
    size_t n = c->m * c->d, d = c->d;
    double dX[MAX_N], dgamma[MAX_D], dbeta[MAX_D];
    double err = numerical_gradients(c, W, dX, dgamma, dbeta);
    wb_tol tol = wb_tol_plus(4.0 * err + 1e-12, "plus 4 times gsl_deriv_central's largest error "
                                                "estimate, which is an estimate, not a bound");
    partial_backwards wrong;
    partial_backward(c, W, r.mean, r.var, &wrong);
    wb_expect_vector(&call, "dX", r.dX, (wb_expected){dX, source}, n, tol,
                     WB_VARIANTS({"backward_missing_stat_terms", wrong.neither},
                                 {"backward_missing_stat_terms", wrong.mean_only},
                                 {"backward_missing_stat_terms", wrong.var_only}));
    wb_expect_vector(&call, "dbeta", r.dbeta, (wb_expected){dbeta, "gsl_deriv_central of "
                                                                   "L = sum W .* Y in beta"},
                     d, tol, WB_NO_VARIANTS);
    wb_expect_vector(&call, "dgamma", r.dgamma, (wb_expected){dgamma, "gsl_deriv_central of "
                                                                      "L = sum W .* Y in gamma"},
                     d, tol, WB_NO_VARIANTS);
    expect_status(&call, r.status, 0, "0: the arguments are valid");
}

WB_TEST(lesson08, backward_worked, "batchnorm_backward on the worked example with dY = 1 at Y[0][0], 0 elsewhere")
{
    bn_case c = worked_case();
    c.eps = 0.0;
    const double W[8] = {1, 0, 0, 0, 0, 0, 0, 0};
    check_backward(&c, W, "gsl_deriv_central of L = Y[0][0] in each X_ij; the README's worked "
                          "example: column 0 of dX is (0.5, -0.5, 0, 0), not (1, 0, 0, 0)");
}

WB_TEST(lesson08, backward_random, "batchnorm_backward against gsl_deriv_central of L = sum W .* Y on random batches")
{
    for (int trial = 0; trial < 6; trial++) {
        bn_case c = random_case(2, 6, 3);
        double W[MAX_N];
        random_weights(c.m * c.d, W);
        check_backward(&c, W, "gsl_deriv_central of L = sum W .* Y in each X_ij, with Y by the "
                              "checker's forward pass in long double");
    }
}

/*
 * With eps = 0, Y does not change when a column of X is shifted (x + t) or scaled about its mean
 * (mean + (1 + t)(x - mean)), so dX is orthogonal to both directions in every column:
 * sum_i dX_ij = 0 and sum_i dX_ij (X_ij - mean_j) = 0.
 */
static void column_projections(const double *dX, const bn_case *c, const double *mean,
                               double *shift, double *scale)
{
    for (size_t j = 0; j < c->d; j++) {
        shift[j] = scale[j] = 0.0;
        for (size_t i = 0; i < c->m; i++) {
            shift[j] += dX[i * c->d + j];
            scale[j] += dX[i * c->d + j] * (c->X[i * c->d + j] - mean[j]);
        }
    }
}

/*
 * The rounding of those sums: 64 eps sum_i t_ij (1 + |X_ij - mean_j|), where
 * t_ij = |gamma_j| / s_j (|dY_ij| + sum_k |dY_kj| / m + |x_hat_ij| sum_k |dY_kj x_hat_kj| / m
 *                         + r_ij sum_k |dY_kj x_hat_kj| / m + |x_hat_ij| sum_k |dY_kj| r_kj / m)
 * bounds the terms whose difference dX_ij is (dX itself can be exactly 0: with m = 2 and
 * eps = 0, x_hat = -1, +1 whatever X is). r_ij = (|X_ij| + |mean_j|) / s_j carries the rounding
 * of X_ij - mean_j into x_hat: a column whose spread is far below its values (X near -1.92 with
 * s = 0.0015) rounds each x_hat by about eps r, not eps |x_hat|. The largest over the columns.
 */
static double projection_roundoff(const bn_case *c, const double *dY, const double *mean,
                                  const double *var)
{
    size_t m = c->m, d = c->d;
    double worst = 0.0;
    for (size_t j = 0; j < d; j++) {
        double s = sqrt(var[j] + c->eps), abs_dy = 0.0, abs_dy_xhat = 0.0, abs_dy_r = 0.0, size = 0.0;
        for (size_t i = 0; i < m; i++) {
            double x = c->X[i * d + j], dy = fabs(dY[i * d + j]);
            abs_dy += dy;
            abs_dy_xhat += dy * fabs((x - mean[j]) / s);
            abs_dy_r += dy * (fabs(x) + fabs(mean[j])) / s;
        }
        for (size_t i = 0; i < m; i++) {
            double x = c->X[i * d + j], dev = x - mean[j];
            double xhat = fabs(dev / s), r = (fabs(x) + fabs(mean[j])) / s;
            size += fabs(c->gamma[j]) / s *
                    (fabs(dY[i * d + j]) + abs_dy / m + xhat * abs_dy_xhat / m + r * abs_dy_xhat / m +
                     xhat * abs_dy_r / m) *
                    (1.0 + fabs(dev));
        }
        worst = fmax(worst, 64.0 * DBL_EPSILON * size);
    }
    return worst;
}

WB_TEST(lesson08, backward_invariances, "with eps = 0, each column of dX sums to 0 and is orthogonal to X - mean")
{
    for (int trial = 0; trial < 6; trial++) {
        bn_case c = random_case(2, 6, 3);
        c.eps = 0.0;
        double W[MAX_N], zeros[MAX_D] = {0}, shift[MAX_D], scale[MAX_D], wshift[MAX_D],
                                           wscale[MAX_D];
        random_weights(c.m * c.d, W);
        wb_call call;
        backward_result r = run_backward(&call, &c, W);
        partial_backwards wrong;
        partial_backward(&c, W, r.mean, r.var, &wrong);
        wb_tol tol = wb_tol_plus(projection_roundoff(&c, W, r.mean, r.var),
                                 "an absolute 64 eps times the sum of the terms' sizes: the "
                                 "expected value is 0, and each term is rounded");
        column_projections(r.dX, &c, r.mean, shift, scale);
        column_projections(wrong.neither, &c, r.mean, wshift, wscale);
        wb_expect_vector(&call, "column_sum_of_dX", shift,
                         (wb_expected){zeros, "0: sum_i dX_ij for each column j, since shifting a "
                                              "column of X leaves Y unchanged"}, c.d,
                         tol, WB_VARIANTS({"backward_missing_stat_terms", wshift}));
        column_projections(wrong.mean_only, &c, r.mean, wshift, wscale);
        wb_expect_vector(&call, "dX_dot_centred_X", scale,
                         (wb_expected){zeros, "0: sum_i dX_ij (X_ij - mean_j) for each column j, "
                                              "since with eps = 0 scaling a column about its mean "
                                              "leaves Y unchanged"},
                         c.d, tol, WB_VARIANTS({"backward_missing_stat_terms", wscale}));
        expect_status(&call, r.status, 0, "0: the arguments are valid");
    }
}

/* ---- running averages ------------------------------------------------------------------------ */

/* Runs the student's update from (rm0, rv0) and checks it against PyTorch's in long double. */
static void check_running_update(const double *rm0, const double *rv0, const double *mean,
                                 const double *var, size_t m, size_t d, double momentum,
                                 const char *source)
{
    double want_m[MAX_D], want_v[MAX_D], biased_v[MAX_D], rev_m[MAX_D], rev_v[MAX_D];
    memcpy(want_m, rm0, d * sizeof *want_m);
    memcpy(want_v, rv0, d * sizeof *want_v);
    oracle_batchnorm_running_update(want_m, want_v, mean, var, m, d, momentum);
    for (size_t j = 0; j < d; j++) {
        double unbias = (double)m / (double)(m - 1);
        biased_v[j] = (1.0 - momentum) * rv0[j] + momentum * var[j];
        rev_m[j] = momentum * rm0[j] + (1.0 - momentum) * mean[j];
        rev_v[j] = momentum * rv0[j] + (1.0 - momentum) * var[j] * unbias;
    }
    char rms[120], rvs[120], ms[120], vs[120];
    format_matrix(rms, sizeof rms, rm0, 1, d);
    format_matrix(rvs, sizeof rvs, rv0, 1, d);
    format_matrix(ms, sizeof ms, mean, 1, d);
    format_matrix(vs, sizeof vs, var, 1, d);
    wb_call call = wb_call_of("batchnorm_running_update", "running_mean = %s, running_var = %s, "
                              "mean = %s, var = %s, m = %zu, d = %zu, momentum = %g",
                              rms, rvs, ms, vs, m, d, momentum);
    double *rm = wb_buffer_copy(rm0, d), *rv = wb_buffer_copy(rv0, d);
    const double *bm = wb_buffer_copy(mean, d), *bv = wb_buffer_copy(var, d);
    int status = batchnorm_running_update(rm, rv, bm, bv, m, d, momentum);
    wb_expect_untouched_fences(&call, "running_mean", rm);
    wb_expect_untouched_fences(&call, "running_var", rv);
    wb_expect_vector(&call, "running_mean", rm, (wb_expected){want_m, source}, d,
                     wb_tol_plus(1e-14, "plus 1e-14: a running mean can be near 0"),
                     WB_VARIANTS({"momentum_reversed", rev_m}));
    wb_expect_vector(&call, "running_var", rv, (wb_expected){want_v, source}, d, WB_TOL_DEFAULT,
                     WB_VARIANTS({"running_var_biased", biased_v}, {"momentum_reversed", rev_v}));
    expect_status(&call, status, 0, "0: the arguments are valid");
}

WB_TEST(lesson08, running_worked, "batchnorm_running_update from PyTorch's start (0, 1) with the worked batch")
{
    const double rm[2] = {0.0, 0.0}, rv[2] = {1.0, 1.0}, mean[2] = {3.0, 6.0}, var[2] = {4.0, 9.0};
    check_running_update(rm, rv, mean, var, 4, 2, BATCHNORM_MOMENTUM,
                         "PyTorch's update in long double; the README: running_mean = (0.3, 0.6), "
                         "running_var = (0.9 + 0.1 * 16/3, 0.9 + 0.1 * 12) = (1.43333, 2.1)");
}

WB_TEST(lesson08, running_random, "batchnorm_running_update with random statistics, batch sizes and momenta")
{
    for (int trial = 0; trial < 10; trial++) {
        size_t d = 1 + gsl_rng_uniform_int(wb_rng(), MAX_D);
        size_t m = 2 + gsl_rng_uniform_int(wb_rng(), 63);
        double rm[MAX_D], rv[MAX_D], mean[MAX_D], var[MAX_D], momentum = wb_uniform(0.01, 0.6);
        for (size_t j = 0; j < d; j++) {
            rm[j] = wb_uniform(-2, 2);
            rv[j] = wb_uniform(0.1, 4);
            mean[j] = wb_uniform(-2, 2);
            var[j] = wb_uniform(0.1, 4);
        }
        check_running_update(rm, rv, mean, var, m, d, momentum,
                             "(1 - momentum) running + momentum batch, var * m / (m - 1), in "
                             "long double");
    }
}

WB_TEST(lesson08, running_range_ends, "batchnorm_running_update at the ends of its range: m = 2, momentum = 0 and 1")
{
    const double rm[2] = {0.5, -1.0}, rv[2] = {2.0, 0.25}, mean[2] = {3.0, 6.0}, var[2] = {4.0, 9.0};
    check_running_update(rm, rv, mean, var, 2, 2, BATCHNORM_MOMENTUM,
                         "m = 2, the smallest batch with an unbiased variance: var * 2 / 1");
    check_running_update(rm, rv, mean, var, 4, 2, 0.0,
                         "momentum = 0: the running statistics stay as they were");
    check_running_update(rm, rv, mean, var, 4, 2, 1.0,
                         "momentum = 1: the batch's mean and unbiased variance replace them");
}

WB_TEST(lesson08, running_refuses, "batchnorm_running_update returns -1 and changes nothing for m < 2, d = 0 or momentum outside [0, 1]")
{
    const struct {
        size_t m, d;
        double momentum;
        const char *why;
    } cases[] = {
        {1, 2, 0.1, "-1: m = 1, where var * m / (m - 1) would divide by zero"},
        {0, 2, 0.1, "-1: m = 0"},
        {4, 0, 0.1, "-1: d = 0"},
        {4, 2, -0.1, "-1: momentum < 0"},
        {4, 2, 1.5, "-1: momentum > 1"},
        {4, 2, NAN, "-1: momentum is NaN"},
    };
    const double mean0[2] = {3, 6}, var0[2] = {0, 9};
    const double *mean = wb_buffer_copy(mean0, 2), *var = wb_buffer_copy(var0, 2);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        wb_call call = wb_call_of("batchnorm_running_update",
                                  "running_mean = {7, 7}, running_var = {7, 7}, mean = {3, 6}, "
                                  "var = {0, 9}, m = %zu, d = %zu, momentum = %g",
                                  cases[k].m, cases[k].d, cases[k].momentum);
        double *rm = sentinel_buffer(2), *rv = sentinel_buffer(2);
        int status = batchnorm_running_update(rm, rv, mean, var, cases[k].m, cases[k].d,
                                              cases[k].momentum);
        expect_status(&call, status, -1, cases[k].why);
        expect_unwritten(&call, "running_mean", rm, 2);
        expect_unwritten(&call, "running_var", rv, 2);
    }
}

/* ---- inference ------------------------------------------------------------------------------- */

/* Checks batchnorm_inference on c with the running statistics (rm, rv). */
static void check_inference(const bn_case *c, const double *rm, const double *rv,
                            const char *source)
{
    size_t m = c->m, d = c->d, n = m * d;
    double denom[MAX_D], want[MAX_N], batch_stats[MAX_N], outside[MAX_N], bare[MAX_N],
        swapped[MAX_N], bmean[MAX_D], bvar[MAX_D];
    denominators(rv, d, 1.0, c->eps, false, denom);
    wb_tol y_tol = y_tolerance(c, rm, denom);
    oracle_bn_normalize(c->X, m, d, rm, denom, c->gamma, c->beta, want);
    oracle_bn_normalize(c->X, m, d, rm, denom, NULL, NULL, bare);
    oracle_bn_normalize(c->X, m, d, rm, denom, c->beta, c->gamma, swapped);
    denominators(rv, d, 1.0, c->eps, true, denom);
    oracle_bn_normalize(c->X, m, d, rm, denom, c->gamma, c->beta, outside);
    oracle_batchnorm_forward(c->X, m, d, c->gamma, c->beta, c->eps, batch_stats, bmean, bvar);

    char args[700], rms[120], rvs[120];
    format_case(args, sizeof args, c);
    format_matrix(rms, sizeof rms, rm, 1, d);
    format_matrix(rvs, sizeof rvs, rv, 1, d);
    wb_call call = wb_call_of("batchnorm_inference", "%s, running_mean = %s, running_var = %s, Y",
                              args, rms, rvs);
    const double *X = wb_buffer_copy(c->X, n), *gamma = wb_buffer_copy(c->gamma, d),
                 *beta = wb_buffer_copy(c->beta, d), *in_rm = wb_buffer_copy(rm, d),
                 *in_rv = wb_buffer_copy(rv, d);
    double *Y = wb_buffer(n);
    int status = batchnorm_inference(X, m, d, gamma, beta, c->eps, in_rm, in_rv, Y);
    wb_expect_untouched_fences(&call, "Y", Y);
    wb_expect_vector(&call, "Y", Y, (wb_expected){want, source}, n, y_tol,
                     WB_VARIANTS({"inference_batch_stats", batch_stats},
                                 {"eps_outside_sqrt", outside}, {"gamma_beta_forgotten", bare},
                                 {"gamma_beta_swapped", swapped}));
    expect_status(&call, status, 0, "0: the arguments are valid");
}

/* Running statistics near, but not equal to, the batch's own. */
static void random_running_stats(const bn_case *c, double *rm, double *rv)
{
    double mean[MAX_D], var[MAX_D];
    oracle_bn_stats(c->X, c->m, c->d, mean, var);
    for (size_t j = 0; j < c->d; j++) {
        rm[j] = mean[j] + wb_uniform(-1, 1) * sqrt(var[j]);
        rv[j] = var[j] * wb_uniform(0.5, 2.0);
    }
}

WB_TEST(lesson08, inference_random, "batchnorm_inference with random running statistics (and once eps = 0)")
{
    for (int trial = 0; trial < 8; trial++) {
        bn_case c = random_case(2, MAX_M, MAX_D);
        double rm[MAX_D], rv[MAX_D];
        random_running_stats(&c, rm, rv);
        if (trial == 0)
            c.eps = 0.0; /* allowed: eps >= 0, the running variance is positive */
        check_inference(&c, rm, rv, "gamma (X - running_mean) / sqrt(running_var + eps) + beta in "
                                    "long double");
    }
}

WB_TEST(lesson08, inference_one_row, "batchnorm_inference on a single row gives that row's output from the whole batch")
{
    for (int trial = 0; trial < 6; trial++) {
        bn_case c = random_case(2, MAX_M, MAX_D);
        double rm[MAX_D], rv[MAX_D];
        random_running_stats(&c, rm, rv);
        bn_case row = c;
        size_t i = gsl_rng_uniform_int(wb_rng(), c.m);
        row.m = 1;
        memcpy(row.X, &c.X[i * c.d], c.d * sizeof *row.X);
        check_inference(&row, rm, rv, "the row's output, which at inference must not depend on "
                                      "the other rows of the batch");
    }
}
