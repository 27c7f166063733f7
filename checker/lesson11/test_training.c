/*
 * Lesson 11 suite: training logistic regression.
 * Expected values: losses, gradients, the standardization and a reference trainer in long
 * double (checker/oracle/oracle_training.c); gradients also by gsl_deriv_central on each of the
 * 31 coordinates (breast cancer); the regularised minimum by gsl_multimin (vector_bfgs2). The
 * reference trainer shuffles with gsl_ran_shuffle from a clone of the rng the student's trainer
 * gets, so both see the same batches in every epoch. Real data: datasets/breast_cancer.csv,
 * read by checker/oracle/dataset.c.
 */
#include "check.h"
#include "dataset.h"
#include "oracle.h"
#include "oracle_training.h"
#include "training.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"constant_std_rounding", "standardize_split",
     N_("A constant column got a tiny std (rounding noise such as 1.4e-17) instead of exactly 0: the "
     "mean of equal values is rounded (eight copies of 0.1 average to 0.1 - 1.4e-17), so the "
     "deviations are not exactly 0, and dividing by that noise turns every training value of "
     "the column into +-1 (and a held-out value into a huge number)."),
     N_("As in lesson 5 (sklearn's _is_constant_feature): with var = (1/n) sum (x - mean)^2, the "
     "column is constant when var <= n * DBL_EPSILON * var + (n * DBL_EPSILON * mean)^2 "
     "(<float.h>); write std = 0 and divide by 1.")},
    {"grad_not_divided_by_batch", "train_logistic",
     N_("The batch gradient is a sum over the batch, not a mean: it was not divided by the batch size "
     "(the course notes' pseudo-program adds the gradients up and never divides)."),
     N_("Divide the summed gradient by |B|, the number of rows in this batch (the last batch can be "
     "shorter than batch_size), so that the step size does not grow with the batch: "
     "g = (1/|B|) sum (p_i - y_i)(x_i, 1). logistic_loss_grad divides by m the same way.")},
    {"labels_plus_minus_one", "logistic_loss_grad",
     N_("The loss was written for labels in {-1, +1}: log(1 + exp(-y z)); with the {0, 1} labels used "
     "here every y = 0 row then contributes log 2 and a zero gradient."),
     N_("With y in {0, 1}: loss = log(1 + exp(z)) - y z (= max(z, 0) + log1p(exp(-|z|)) - y z) and "
     "d loss / d z = sigma(z) - y.")},
    {"no_reshuffle", "train_logistic",
     N_("The rows were shuffled once, before the first epoch, and then visited in the same order in "
     "every epoch."),
     N_("Call gsl_ran_shuffle(rng, order, m, sizeof(size_t)) at the start of EVERY epoch, before its "
     "batches (torch's DataLoader(shuffle=True) reshuffles every epoch too).")},
    {"scaler_fit_on_all_rows", "standardize_split",
     N_("The mean and std were computed from all rows, validation and test rows included: their "
     "information leaks into the training."),
     N_("Compute mean and std from the first train_rows rows only, then apply those numbers to every "
     "row (the held-out rows are scaled with the training statistics).")},
    {"stop_by_train_loss", "train_logistic",
     N_("The best epoch and early stopping were decided by the training loss instead of the "
     "validation loss: evaluated on the training rows, the model looks better the longer it "
     "trains."),
     N_("Compare val_loss[e] (the rows the model never trains on) with the best validation loss so "
     "far; keep best_w from that epoch and count the patience from it.")},
    {"patience_off_by_one", "train_logistic",
     N_("Training ran one epoch too many after the last improvement: patience epochs without a "
     "new best end the run, not patience + 1."),
     N_("Stop when e - best_epoch >= patience, counting the epochs since the best one (0-based e).")},
    {"best_weights_not_restored", "train_logistic",
     N_("w holds the last epoch's weights: the best epoch's weights, kept in work->best_w, were "
     "not copied back at the end."),
     N_("Early stopping returns the model of the best validation loss: after the loop, copy "
     "work->best_w into w.")},
    {"log_odds_inverted", "log_odds",
     N_("This is log((1 - p) / p), the log-odds of the other class: the sign is flipped."),
     N_("The odds of y = 1 are p / (1 - p); for p = sigma(z) their log is z itself.")},
    {"log_sigmoid_for_log_one_minus", "log_one_minus_sigmoid",
     N_("This is log sigma(z) = -log(1 + e^-z), the log-probability of y = 1, not of y = 0."),
     N_("1 - sigma(z) = 1 / (1 + e^z), so log(1 - sigma(z)) = -log(1 + e^z).")},
    {"gradient_y_minus_p", "nll_of_logit_grad",
     N_("This is y - p, the negative of dl/dz: the notes' -sum (y_i - p_i) x_ij keeps its minus sign "
     "outside."),
     N_("dl/dz = d/dz [log(1 + e^z) - y z] = e^z / (1 + e^z) - y = p - y.")},
    {"nll_constant_dropped", "gaussian_nll",
     N_("The constant m log(sqrt(2 pi) sigma) is missing: what is left has the same minimiser, but "
     "it is not the negative log-likelihood."),
     N_("Each row contributes -log of the normal density: log(sqrt(2 pi) sigma) + r_i^2 / (2 sigma^2).")},
    {"softmax_grad_not_averaged", "softmax_regression_loss_grad",
     N_("The gradient is the sum over the rows, not the mean: it was not divided by m."),
     N_("The loss is a mean over the m rows, so its gradient is one too: divide each entry by m.")},
    {"softmax_grad_sign", "softmax_regression_loss_grad",
     N_("The gradient has the wrong sign: it uses onehot(y) - softmax(z), which points uphill."),
     N_("d/dz_c of log sum e^z - z_y is softmax(z)_c - [y == c], as in lesson 3 (p - y).")},
};
WB_MISTAKES(mistakes)

enum { MAX_M = 600, BREAST_ROWS = 569, BREAST_D = 30 };

/* "{a, b, c, ...} (N values)": the first few values of an input, for a call's text. */
static const char *show_values(char *buf, size_t size, const double *v, size_t n)
{
    size_t len = (size_t)snprintf(buf, size, "{");
    for (size_t i = 0; i < n && i < 4 && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%.6g", i ? ", " : "", v[i]);
    if (len < size)
        snprintf(buf + len, size - len, n > 4 ? ", ...} (%zu values)" : "}", n);
    return buf;
}

static void expect_status(const wb_call *call, double got, double want, const char *why)
{
    wb_expect_scalar(call, got, want, why, WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

/* A const input must come back as it went in. */
static void expect_unchanged(const wb_call *call, const char *name, const double *got,
                             const double *original, size_t n)
{
    wb_expect_untouched_fences(call, name, got);
    if (memcmp(got, original, n * sizeof *got) != 0)
        wb_fail(call, NULL, "%s is an input (const): your code changed it.", name);
}

/* An output that must not have been written: still all NaN, as wb_buffer made it. */
static void expect_unwritten(const wb_call *call, const char *name, const double *got, size_t n)
{
    wb_expect_untouched_fences(call, name, got);
    for (size_t i = 0; i < n; i++)
        if (!isnan(got[i]))
            wb_fail(call, NULL, "%s[%zu] was written (%.6g): this call must write nothing.", name,
                    i, got[i]);
}

/* ---- data --------------------------------------------------------------------------------- */

/* A random logistic problem: X ~ U(-scale, scale), a true w ~ U(-1, 1), y ~ Bernoulli(sigma(z)). */
static void random_problem(double *X, double *y, size_t m, size_t d, double scale)
{
    double w[32], p[MAX_M];
    for (size_t j = 0; j <= d; j++)
        w[j] = wb_uniform(-1, 1);
    for (size_t i = 0; i < m * d; i++)
        X[i] = wb_uniform(-scale, scale);
    oracle_logistic_predict(X, w, m, d, p);
    for (size_t i = 0; i < m; i++)
        y[i] = wb_uniform(0, 1) < p[i] ? 1.0 : 0.0;
}

static void random_weights(double *w, size_t n, double scale)
{
    for (size_t j = 0; j < n; j++)
        w[j] = wb_uniform(-scale, scale);
}

/* Breast cancer in the row order that `shuffle` draws, standardized with the first train_rows
   rows' statistics (the checker's own standardization). */
static void breast_cancer(double *X, double *y, size_t train_rows, gsl_rng *shuffle)
{
    static double all[BREAST_ROWS * BREAST_D], label[BREAST_ROWS];
    char path[512], error[512];
    dataset ds;
    cr_assert(dataset_load(dataset_path("breast_cancer.csv", path, sizeof path), &ds, error,
                           sizeof error) == 0, "checker: %s", error);
    cr_assert(ds.rows == BREAST_ROWS && ds.cols == BREAST_D + 1, "checker: breast_cancer.csv");
    dataset_split(&ds, all, label);
    dataset_free(&ds);
    size_t order[BREAST_ROWS];
    for (size_t i = 0; i < BREAST_ROWS; i++)
        order[i] = i;
    gsl_ran_shuffle(shuffle, order, BREAST_ROWS, sizeof(size_t));
    for (size_t i = 0; i < BREAST_ROWS; i++) {
        memcpy(X + i * BREAST_D, all + order[i] * BREAST_D, BREAST_D * sizeof *X);
        y[i] = label[order[i]];
    }
    oracle_standardize_split(X, BREAST_ROWS, train_rows, BREAST_D, NULL, NULL);
}

/* ---- logistic_predict ----------------------------------------------------------------------- */

static void check_predict(const double *X, const double *w, size_t m, size_t d, const char *what)
{
    char sx[160], sw[160];
    double want[MAX_M];
    oracle_logistic_predict(X, w, m, d, want);
    wb_call call = wb_call_of("logistic_predict", "X = %s, w = %s%s, m = %zu, d = %zu, p",
                              show_values(sx, sizeof sx, X, m * d),
                              show_values(sw, sizeof sw, w, d + 1), what, m, d);
    double *bX = wb_buffer_copy(X, m * d), *bw = wb_buffer_copy(w, d + 1), *p = wb_buffer(m);
    logistic_predict(bX, bw, m, d, p);
    expect_unchanged(&call, "X", bX, X, m * d);
    expect_unchanged(&call, "w", bw, w, d + 1);
    wb_expect_untouched_fences(&call, "p", p);
    wb_expect_vector(&call, "p", p, (wb_expected){want, "1 / (1 + exp(-z)) in long double"}, m,
                     WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

WB_TEST(training, predict, "logistic_predict: sigma(w[d] + w . x) per row, also for |z| near 1000")
{
    double X[40 * 5], w[6];
    random_problem(X, (double[40]){0}, 40, 5, 2.0);
    random_weights(w, 6, 1.0);
    check_predict(X, w, 40, 5, "");
    for (size_t j = 0; j < 6; j++)
        w[j] *= 400.0;
    check_predict(X, w, 40, 5, " (large weights: |z| up to ~1000)");
}

/* ---- logistic_loss_grad ----------------------------------------------------------------------- */

typedef struct {
    double loss, grad[32];
    int todo;
} loss_result;

/* Calls logistic_loss_grad (or linear_mse_grad) on copies and checks the fences. */
static loss_result call_loss(wb_call *call, int mse, const double *X, const double *y,
                             const double *w, size_t m, size_t d, const char *what)
{
    char sx[160], sy[160], sw[160];
    *call = wb_call_of(mse ? "linear_mse_grad" : "logistic_loss_grad",
                       "X = %s, y = %s, w = %s%s, m = %zu, d = %zu, grad",
                       show_values(sx, sizeof sx, X, m * d), show_values(sy, sizeof sy, y, m),
                       show_values(sw, sizeof sw, w, d + 1), what, m, d);
    double *bX = wb_buffer_copy(X, m * d), *by = wb_buffer_copy(y, m), *bw = wb_buffer_copy(w, d + 1);
    double *g = wb_buffer(d + 1);
    loss_result r;
    r.loss = mse ? linear_mse_grad(bX, by, bw, m, d, g) : logistic_loss_grad(bX, by, bw, m, d, g);
    expect_unchanged(call, "X", bX, X, m * d);
    expect_unchanged(call, "y", by, y, m);
    expect_unchanged(call, "w", bw, w, d + 1);
    wb_expect_untouched_fences(call, "grad", g);
    memcpy(r.grad, g, (d + 1) * sizeof *g);
    return r;
}

/* The loss and gradient against the long-double oracle, with the lesson's wrong variants. */
static void check_logistic_exact(const double *X, const double *y, const double *w, size_t m,
                                 size_t d, const char *what)
{
    wb_call call;
    loss_result r = call_loss(&call, 0, X, y, w, m, d, what);
    double grad[32], pm1_grad[32], sum_grad[32];
    double loss = oracle_logistic_loss(X, y, w, m, d, grad);
    double pm1 = oracle_logistic_loss_pm1(X, y, w, m, d, pm1_grad);
    for (size_t j = 0; j <= d; j++)
        sum_grad[j] = grad[j] * (double)m;
    wb_expect_scalar(&call, r.loss, loss, "mean of log(1 + exp(z)) - y z, in long double",
                     WB_TOL_DEFAULT, WB_VARIANTS({"labels_plus_minus_one", &pm1}));
    wb_expect_vector(&call, "grad", r.grad,
                     (wb_expected){grad, "(1/m) sum (p_i - y_i)(x_i, 1), in long double"}, d + 1,
                     WB_TOL_DEFAULT,
                     WB_VARIANTS({"labels_plus_minus_one", pm1_grad},
                                 {"grad_not_divided_by_batch", sum_grad}));
}

WB_TEST(training, loss_grad_exact, "logistic_loss_grad: mean NLL and (1/m) sum (p - y) x")
{
    double X[30 * 6], y[30], w[7];
    random_problem(X, y, 30, 6, 2.0);
    random_weights(w, 7, 1.0);
    check_logistic_exact(X, y, w, 30, 6, "");
}

WB_TEST(training, loss_grad_extreme,
        "logistic_loss_grad: finite for |z| near 1000; m = 0 gives NAN and writes nothing")
{
    double X[8 * 3], y[8] = {1, 0, 1, 0, 1, 0, 1, 0}, w[4] = {300, -200, 100, 0.5};
    for (size_t i = 0; i < 8 * 3; i++)
        X[i] = (i % 2 ? 1.0 : -1.0) * (1.0 + (double)(i % 3));
    check_logistic_exact(X, y, w, 8, 3, " (|z| up to 1000)");

    wb_call call = wb_call_of("logistic_loss_grad", "X, y, w = {1, 2, 3}, m = 0, d = 2, grad");
    double *g = wb_buffer(3);
    double got = logistic_loss_grad(X, y, (double[3]){1, 2, 3}, 0, 2, g);
    if (wb_todo_reached("logistic_loss_grad") || !isnan(got))
        wb_fail(&call, NULL, "expected   NAN (no rows: the mean is undefined)\ngot        %.6g",
                got);
    expect_unwritten(&call, "grad", g, 3);
}

/* Gradient by gsl_deriv_central: the tolerance is its own error estimate. */
static void check_numeric_gradient(int mse, const double *X, const double *y, const double *w,
                                   size_t m, size_t d, const char *what)
{
    wb_call call;
    loss_result r = call_loss(&call, mse, X, y, w, m, d, what);
    oracle_loss_problem pr = {X, y, m, d, mse};
    double numeric[32], err, exact[32], sum_grad[32], pm1_grad[32];
    oracle_numeric_gradient(&pr, w, numeric, &err);
    double loss = mse ? oracle_linear_mse(X, y, w, m, d, exact)
                      : oracle_logistic_loss(X, y, w, m, d, exact);
    oracle_logistic_loss_pm1(X, y, w, m, d, pm1_grad);
    for (size_t j = 0; j <= d; j++)
        sum_grad[j] = exact[j] * (double)m;
    wb_expect_scalar(&call, r.loss, loss,
                     mse ? "(1/m) sum (z - y)^2, in long double"
                         : "mean of log(1 + exp(z)) - y z, in long double",
                     WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_tol tol = {1e-7, 10.0 * err + 1e-10,
                  "gsl_deriv_central's own error estimate (x10), plus 1e-7 relative for its "
                  "truncation"};
    if (mse)
        wb_expect_vector(&call, "grad", r.grad, (wb_expected){numeric, "gsl_deriv_central"}, d + 1,
                         tol, WB_VARIANTS({"grad_not_divided_by_batch", sum_grad}));
    else
        wb_expect_vector(&call, "grad", r.grad, (wb_expected){numeric, "gsl_deriv_central"}, d + 1,
                         tol,
                         WB_VARIANTS({"labels_plus_minus_one", pm1_grad},
                                     {"grad_not_divided_by_batch", sum_grad}));
}

WB_TEST(training, loss_grad_numeric,
        "logistic_loss_grad on breast cancer (d = 30): the gradient of gsl_deriv_central")
{
    static double X[BREAST_ROWS * BREAST_D], y[BREAST_ROWS];
    double w[BREAST_D + 1];
    breast_cancer(X, y, 400, wb_rng());
    random_weights(w, BREAST_D + 1, 0.3);
    check_numeric_gradient(0, X, y, w, 80, BREAST_D, " (80 standardized breast cancer rows)");
}

WB_TEST(training, mse_grad, "linear_mse_grad: (1/m) sum r^2 and (2/m) sum r x (gsl_deriv_central)")
{
    double X[25 * 4], y[25], w[5];
    random_problem(X, y, 25, 4, 3.0);
    for (size_t i = 0; i < 25; i++)
        y[i] = wb_uniform(-5, 5);
    random_weights(w, 5, 2.0);
    check_numeric_gradient(1, X, y, w, 25, 4, "");
}

/* ---- standardize_split ------------------------------------------------------------------------ */

WB_TEST(training, standardize_split,
        "standardize_split: statistics of the training rows only, applied to every row")
{
    enum { ROWS = 30, TRAIN = 20, COLS = 4 };
    double X[ROWS * COLS];
    for (size_t i = 0; i < ROWS; i++)
        for (size_t j = 0; j < COLS; j++)   /* held-out rows shifted: their statistics differ */
            X[i * COLS + j] = pow(10.0, (double)j - 1.0) * (wb_uniform(-1, 1) + (i >= TRAIN ? 2.0 : 0.0));
    double want[ROWS * COLS], mean[COLS], std[COLS], leak[ROWS * COLS], lmean[COLS], lstd[COLS];
    memcpy(want, X, sizeof X);
    memcpy(leak, X, sizeof X);
    oracle_standardize_split(want, ROWS, TRAIN, COLS, mean, std);
    oracle_standardize_split(leak, ROWS, ROWS, COLS, lmean, lstd);
    char sx[160];
    wb_call call = wb_call_of("standardize_split", "X = %s, rows = %d, train_rows = %d, cols = %d, "
                              "mean, std", show_values(sx, sizeof sx, X, ROWS * COLS), ROWS, TRAIN,
                              COLS);
    double *bX = wb_buffer_copy(X, ROWS * COLS), *bm = wb_buffer(COLS), *bs = wb_buffer(COLS);
    int status = standardize_split(bX, ROWS, TRAIN, COLS, bm, bs);
    wb_expect_untouched_fences(&call, "X", bX);
    wb_expect_untouched_fences(&call, "mean", bm);
    wb_expect_untouched_fences(&call, "std", bs);
    wb_expect_vector(&call, "mean", bm, (wb_expected){mean, "mean of the 20 training rows"}, COLS,
                     wb_tol_plus(1e-15, "plus 1e-15: a mean near 0 is a difference of rounded sums"),
                     WB_VARIANTS({"scaler_fit_on_all_rows", lmean}));
    wb_expect_vector(&call, "std", bs, (wb_expected){std, "population std of the training rows"},
                     COLS, WB_TOL_DEFAULT, WB_VARIANTS({"scaler_fit_on_all_rows", lstd}));
    wb_expect_vector(&call, "X", bX, (wb_expected){want, "(x - mean) / std, long double"},
                     ROWS * COLS, wb_tol_plus(1e-12, "plus 1e-12: a value near 0 is a difference"),
                     WB_VARIANTS({"scaler_fit_on_all_rows", leak}));
    expect_status(&call, status, 0, "0: 1 <= train_rows <= rows");
}

WB_TEST(training, standardize_split_constant_columns,
        "standardize_split: a constant training column gets std 0 even when its mean is rounded "
        "(8 x 0.1, 100 x (1e8 + 0.1), ...)")
{
    static const struct {
        double value;
        size_t train;
    } cases[] = {{0.1, 8}, {0.1, 100}, {1e8 + 0.1, 7}, {1e8 + 0.1, 100}, {14.62, 37}, {-2.7, 10}};
    enum { COLS = 3, HELD_OUT = 5, MAX_ROWS = 100 + HELD_OUT };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        size_t train = cases[k].train, rows = train + HELD_OUT;
        double c = cases[k].value, X[MAX_ROWS * COLS];
        /* column 1 is c in the training rows and c + U(-1, 1) in the held-out ones; column 2 is
           -c everywhere */
        for (size_t i = 0; i < rows; i++) {
            X[i * COLS] = wb_uniform(-3, 3);
            X[i * COLS + 1] = i < train ? c : c + wb_uniform(-1, 1);
            X[i * COLS + 2] = -c;
        }
        double want[MAX_ROWS * COLS], mean[COLS], std[COLS];
        memcpy(want, X, rows * COLS * sizeof *X);
        oracle_standardize_split(want, rows, train, COLS, mean, std);
        char sx[160];
        wb_call call = wb_call_of("standardize_split",
                                  "X = %s (column 1 is %zu copies of %.17g in the training rows, "
                                  "column 2 is its negative in every row), rows = %zu, "
                                  "train_rows = %zu, cols = %d, mean, std",
                                  show_values(sx, sizeof sx, X, rows * COLS), train, c, rows,
                                  train, COLS);
        double *bX = wb_buffer_copy(X, rows * COLS), *bm = wb_buffer(COLS), *bs = wb_buffer(COLS);
        int status = standardize_split(bX, rows, train, COLS, bm, bs);
        wb_expect_untouched_fences(&call, "X", bX);
        wb_expect_untouched_fences(&call, "mean", bm);
        wb_expect_untouched_fences(&call, "std", bs);
        wb_expect_vector(&call, "mean", bm, (wb_expected){mean, "mean of the training rows, "
                                                                "long double"},
                         COLS, wb_tol_plus(1e-15, "plus 1e-15: a mean near 0 is a difference of "
                                                  "rounded sums"),
                         WB_NO_VARIANTS);
        for (size_t j = 1; j < COLS && !wb_todo_reached(call.function); j++)
            if (bs[j] != 0.0 && fabs(bs[j]) <= 1e-4 * fabs(c))
                wb_fail(&call, "constant_std_rounding",
                        "expected   std[%zu] = 0: column %zu is constant in the training rows\n"
                        "got        std[%zu] = %.17g, the rounding noise of its mean", j, j, j,
                        bs[j]);
        wb_expect_vector(&call, "std", bs,
                         (wb_expected){std, "population std of the training rows in long "
                                            "double; exactly 0 where the variance is within "
                                            "n eps var + (n eps mean)^2 (a constant column)"},
                         COLS, WB_TOL_DEFAULT, WB_NO_VARIANTS);
        wb_expect_vector(&call, "X", bX,
                         (wb_expected){want, "(x - mean) / std in long double, dividing by 1 "
                                             "where std = 0"},
                         rows * COLS,
                         wb_tol_plus(1e-12 + (double)train * DBL_EPSILON * fabs(c),
                                     "plus 1e-12, and n eps |c| where the mean of n copies of c "
                                     "is rounded by up to that much"),
                         WB_NO_VARIANTS);
        expect_status(&call, status, 0, "0: 1 <= train_rows <= rows");
    }
}

WB_TEST(training, standardize_split_invalid,
        "standardize_split: train_rows 0 or > rows returns -1 and writes nothing")
{
    double X[6] = {1, 2, 3, 4, 5, 6};
    size_t bad[2] = {0, 4};
    for (int k = 0; k < 2; k++) {
        wb_call call = wb_call_of("standardize_split",
                                  "X = {1, 2, 3, 4, 5, 6}, rows = 3, train_rows = %zu, cols = 2, "
                                  "mean, std", bad[k]);
        double *bX = wb_buffer_copy(X, 6), *bm = wb_buffer(2), *bs = wb_buffer(2);
        int status = standardize_split(bX, 3, bad[k], 2, bm, bs);
        expect_status(&call, status, -1, "-1: train_rows must be in 1..rows");
        expect_unchanged(&call, "X", bX, X, 6);
        expect_unwritten(&call, "mean", bm, 2);
        expect_unwritten(&call, "std", bs, 2);
    }
}

/* ---- train_logistic ----------------------------------------------------------------------------- */

typedef struct {
    const double *X, *y;
    size_t m;
    const double *X_val, *y_val;
    size_t m_val, d;
} problem;

typedef struct {
    int epochs;
    double w[32];
    double *train, *val; /* opt.epochs values each; NaN after the last epoch run */
} run;

static oracle_train_options oracle_options(const train_options *o)
{
    return (oracle_train_options){o->lr, o->batch_size, o->epochs, o->weight_decay, o->patience};
}

static run reference_run(const problem *p, const double *w0, const train_options *o,
                         const gsl_rng *seeded, unsigned flags)
{
    run r = {.train = wb_buffer(o->epochs), .val = wb_buffer(o->epochs)};
    gsl_rng *rng = gsl_rng_clone(seeded);
    memcpy(r.w, w0, (p->d + 1) * sizeof *w0);
    r.epochs = oracle_train_logistic(p->X, p->y, p->m, p->X_val, p->y_val, p->m_val, p->d, r.w,
                                     oracle_options(o), r.train, r.val, rng, flags);
    gsl_rng_free(rng);
    return r;
}

/* Runs the student's trainer on guarded copies, and the reference (and the variants given by
   their flags) from a clone of the same rng; compares the epochs run, both loss histories, the
   final w and the rng's position afterwards. */
static void check_training(const problem *p, const double *w0, const train_options *o,
                           const char *what, const char *const *ids, const unsigned *flags,
                           size_t n_variants)
{
    size_t m = p->m, d = p->d, mv = p->m_val;
    wb_call call = wb_call_of(
        "train_logistic",
        "X (%zu x %zu) %s, y, m = %zu, X_val, y_val, m_val = %zu, d = %zu, w = w0, "
        "opt = {lr %g, batch_size %zu, epochs %zu, weight_decay %g, patience %zu}, work, "
        "train_loss, val_loss, rng", m, d, what, m, mv, d, o->lr, o->batch_size, o->epochs,
        o->weight_decay, o->patience);
    run ref = reference_run(p, w0, o, wb_rng(), 0);
    run var[4];
    for (size_t k = 0; k < n_variants; k++)
        var[k] = reference_run(p, w0, o, wb_rng(), flags[k]);

    double *X = wb_buffer_copy(p->X, m * d), *y = wb_buffer_copy(p->y, m);
    double *Xv = wb_buffer_copy(p->X_val, mv * d), *yv = wb_buffer_copy(p->y_val, mv);
    double *w = wb_buffer_copy(w0, d + 1), *tl = wb_buffer(o->epochs), *vl = wb_buffer(o->epochs);
    size_t *order = calloc(m, sizeof *order);
    train_work work = {order, wb_buffer(d + 1), wb_buffer(d + 1)};
    gsl_rng *rng = gsl_rng_clone(wb_rng());
    int epochs = train_logistic(X, y, m, Xv, yv, mv, d, w, o, &work, tl, vl, rng);
    unsigned long next = gsl_rng_get(rng);
    gsl_rng_free(rng);
    free(order);
    expect_unchanged(&call, "X", X, p->X, m * d);
    expect_unchanged(&call, "y", y, p->y, m);
    expect_unchanged(&call, "X_val", Xv, p->X_val, mv * d);
    expect_unchanged(&call, "y_val", yv, p->y_val, mv);
    wb_expect_untouched_fences(&call, "w", w);
    wb_expect_untouched_fences(&call, "train_loss", tl);
    wb_expect_untouched_fences(&call, "val_loss", vl);
    wb_expect_untouched_fences(&call, "work.grad", work.grad);
    wb_expect_untouched_fences(&call, "work.best_w", work.best_w);

    double got_epochs = epochs, ref_epochs = ref.epochs, var_epochs[4];
    wb_variant v_epochs[4], v_train[4], v_val[4], v_w[4];
    for (size_t k = 0; k < n_variants; k++) {
        var_epochs[k] = var[k].epochs;
        v_epochs[k] = (wb_variant){ids[k], &var_epochs[k]};
        v_train[k] = (wb_variant){ids[k], var[k].train};
        v_val[k] = (wb_variant){ids[k], var[k].val};
        v_w[k] = (wb_variant){ids[k], var[k].w};
    }
    const char *src = "the reference trainer in long double, same permutations (gsl_ran_shuffle)";
    wb_tol tol = {1e-9, 1e-12, "plus 1e-12: the reference trains in long double, and a loss "
                               "near 0 or a weight near 0 is a difference of rounded terms"};
    wb_expect_scalar(&call, got_epochs, ref_epochs, "the epochs run by the reference trainer",
                     WB_TOL_DEFAULT, v_epochs, n_variants);
    size_t n = (size_t)ref.epochs;
    wb_expect_vector(&call, "train_loss", tl, (wb_expected){ref.train, src}, n, tol, v_train,
                     n_variants);
    wb_expect_vector(&call, "val_loss", vl, (wb_expected){ref.val, src}, n, tol, v_val,
                     n_variants);
    wb_expect_vector(&call, "w", w, (wb_expected){ref.w, "the best epoch's weights (reference)"},
                     d + 1, tol, v_w, n_variants);
    /* Each epoch calls gsl_ran_shuffle once: the rng must be where the reference left it. */
    gsl_rng *after = gsl_rng_clone(wb_rng());
    size_t *scratch = malloc(m * sizeof *scratch);
    for (int e = 0; e < ref.epochs; e++)
        gsl_ran_shuffle(after, scratch, m, sizeof(size_t));
    unsigned long want_next = gsl_rng_get(after);
    gsl_rng_free(after);
    free(scratch);
    if (next != want_next)
        wb_fail(&call, NULL, "the rng was used differently from one gsl_ran_shuffle(rng, order, m, "
                             "sizeof(size_t)) per epoch: the checker cannot replay your batches.");
}

static const char *const DIVIDE_ID[] = {"grad_not_divided_by_batch"};
static const unsigned DIVIDE_FLAG[] = {ORACLE_TRAIN_SUM_GRAD};

/* A random problem: m training rows, m_val validation rows, d features. */
static problem random_split(double *X, double *y, size_t m, size_t m_val, size_t d, double scale)
{
    random_problem(X, y, m + m_val, d, scale);
    return (problem){X, y, m, X + m * d, y + m, m_val, d};
}

WB_TEST(training, mgd_one_epoch,
        "train_logistic, MGD: one epoch of batches of 8 (the last one shorter) step by step")
{
    double X[80 * 4], y[80], w0[5];
    problem p = random_split(X, y, 50, 30, 4, 2.0);
    random_weights(w0, 5, 0.5);
    train_options o = {.lr = 0.5, .batch_size = 8, .epochs = 1, .weight_decay = 0.01};
    check_training(&p, w0, &o, "(random)", DIVIDE_ID, DIVIDE_FLAG, 1);
}

WB_TEST(training, bgd_and_sgd, "train_logistic: BGD (batch_size = m) and SGD (batch_size = 1)")
{
    double X[80 * 4], y[80], w0[5];
    problem p = random_split(X, y, 50, 30, 4, 2.0);
    random_weights(w0, 5, 0.5);
    train_options bgd = {.lr = 1.0, .batch_size = 50, .epochs = 5, .weight_decay = 0.0};
    check_training(&p, w0, &bgd, "(random; BGD)", DIVIDE_ID, DIVIDE_FLAG, 1);
    train_options sgd = {.lr = 0.05, .batch_size = 1, .epochs = 3, .weight_decay = 0.001};
    check_training(&p, w0, &sgd, "(random; SGD)", NULL, NULL, 0);
}

WB_TEST(training, reshuffle, "train_logistic: a new permutation in every epoch (MGD, 6 epochs)")
{
    double X[70 * 3], y[70], w0[4] = {0};
    problem p = random_split(X, y, 40, 30, 3, 2.0);
    train_options o = {.lr = 0.3, .batch_size = 5, .epochs = 6, .weight_decay = 0.0};
    static const char *const ids[] = {"no_reshuffle", "grad_not_divided_by_batch",
                                      "best_weights_not_restored"};
    static const unsigned flags[] = {ORACLE_TRAIN_NO_RESHUFFLE, ORACLE_TRAIN_SUM_GRAD,
                                     ORACLE_TRAIN_LAST_WEIGHTS};
    check_training(&p, w0, &o, "(random)", ids, flags, 3);
}

WB_TEST(training, early_stopping,
        "train_logistic: best epoch and early stopping by the validation loss (overfitting data)")
{
    /* 24 noisy rows and 12 features: the training loss keeps falling, the validation loss turns. */
    enum { M = 24, MV = 200, D = 12 };
    static double X[(M + MV) * D], y[M + MV];
    problem p = random_split(X, y, M, MV, D, 1.0);
    for (size_t i = 0; i < M; i += 3) /* flip a third of the training labels */
        y[i] = 1.0 - y[i];
    double w0[D + 1] = {0};
    train_options o = {.lr = 1.0, .batch_size = 6, .epochs = 150, .weight_decay = 0.0,
                       .patience = 5};
    static const char *const ids[] = {"stop_by_train_loss", "no_reshuffle",
                                      "patience_off_by_one", "best_weights_not_restored"};
    static const unsigned flags[] = {ORACLE_TRAIN_STOP_BY_TRAIN, ORACLE_TRAIN_NO_RESHUFFLE,
                                     ORACLE_TRAIN_PATIENCE_PLUS_ONE, ORACLE_TRAIN_LAST_WEIGHTS};
    check_training(&p, w0, &o, "(random, labels noisy)", ids, flags, 4);
}

WB_TEST(training, reaches_minimum,
        "train_logistic, BGD on breast cancer: the loss at gsl_multimin's regularised minimum")
{
    static double X[BREAST_ROWS * BREAST_D], y[BREAST_ROWS];
    enum { M = 469, MV = BREAST_ROWS - M, EPOCHS = 300 };
    breast_cancer(X, y, M, wb_rng());
    const double lambda = 0.05;
    double w0[BREAST_D + 1] = {0}, wmin[BREAST_D + 1];
    double fmin = oracle_logistic_minimum(X, y, M, BREAST_D, lambda, wmin);
    double nll_at_min = oracle_logistic_loss(X, y, wmin, M, BREAST_D, NULL);
    train_options o = {.lr = 1.0, .batch_size = M, .epochs = EPOCHS, .weight_decay = lambda};
    wb_call call = wb_call_of("train_logistic",
                              "breast cancer standardized (%d training rows, %d validation rows, "
                              "d = %d), w = 0, opt = {lr 1, batch_size %d (BGD), epochs %d, "
                              "weight_decay %g, patience 0}, work, train_loss, val_loss, rng",
                              M, MV, BREAST_D, M, EPOCHS, lambda);
    double *w = wb_buffer_copy(w0, BREAST_D + 1), *tl = wb_buffer(EPOCHS), *vl = wb_buffer(EPOCHS);
    size_t *order = calloc(M, sizeof *order);
    train_work work = {order, wb_buffer(BREAST_D + 1), wb_buffer(BREAST_D + 1)};
    int epochs = train_logistic(X, y, M, X + M * BREAST_D, y + M, MV, BREAST_D, w, &o, &work, tl,
                                vl, wb_rng());
    free(order);
    wb_expect_untouched_fences(&call, "train_loss", tl);
    expect_status(&call, epochs, EPOCHS, "all 300 epochs: patience 0 never stops early");
    char src[200];
    snprintf(src, sizeof src, "the mean NLL at the minimum of NLL + (%g/2)|w|^2 that gsl_multimin "
                              "(vector_bfgs2) finds; that minimum is %.10g", lambda, fmin);
    wb_expect_scalar(&call, tl[EPOCHS - 1], nll_at_min, src,
                     (wb_tol){1e-7, 0, "1e-7 relative: with lr 1 (below 2/L, L <= 3.4 here) each "
                                       "BGD step shrinks the distance to the minimum by at least "
                                       "1 - lr * lambda = 0.95, and 0.95^300 = 2e-7"},
                     WB_NO_VARIANTS);
}

WB_TEST(training, breast_cancer_accuracy,
        "train_logistic, MGD with early stopping: held-out breast cancer accuracy >= 0.95")
{
    static double X[BREAST_ROWS * BREAST_D], y[BREAST_ROWS];
    enum { M = 400, MV = 85, MT = BREAST_ROWS - M - MV, EPOCHS = 60 };
    /* A fixed split (rows shuffled by mt19937 seeded 11), so that the bar does not depend on the
       run's seed: on it the reference reaches 82/84 = 0.976 for every batch order tried (200
       seeds); over random splits its accuracy ranges from 0.94 to 1. The batch order still
       comes from the run's rng. The scaler sees the 400 training rows only. */
    gsl_rng *split = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(split, 11);
    breast_cancer(X, y, M, split);
    gsl_rng_free(split);
    double w0[BREAST_D + 1] = {0}, *w = wb_buffer_copy(w0, BREAST_D + 1);
    train_options o = {.lr = 0.1, .batch_size = 32, .epochs = EPOCHS, .weight_decay = 1e-3,
                       .patience = 8};
    wb_call call = wb_call_of("train_logistic",
                              "breast cancer (fixed split: rows shuffled by mt19937 seed 11), standardized; %d training, "
                              "%d validation rows, "
                              "w = 0, opt = {lr 0.1, batch_size 32, epochs %d, weight_decay 0.001, "
                              "patience 8}, ...; then logistic_predict on the %d test rows",
                              M, MV, EPOCHS, MT);
    double *tl = wb_buffer(EPOCHS), *vl = wb_buffer(EPOCHS);
    size_t *order = calloc(M, sizeof *order);
    train_work work = {order, wb_buffer(BREAST_D + 1), wb_buffer(BREAST_D + 1)};
    int epochs = train_logistic(X, y, M, X + M * BREAST_D, y + M, MV, BREAST_D, w, &o, &work, tl,
                                vl, wb_rng());
    free(order);
    if (epochs < 1)
        wb_fail(&call, NULL, "expected   at least 1 epoch run\ngot        %d", epochs);
    double *p = wb_buffer(MT);
    logistic_predict(X + (M + MV) * BREAST_D, w, MT, BREAST_D, p);
    wb_expect_untouched_fences(&call, "p", p);
    size_t right = 0;
    for (size_t i = 0; i < MT; i++)
        right += (p[i] >= 0.5) == (y[M + MV + i] == 1.0);
    wb_expect_interval(&call, "accuracy on the test rows", (double)right / MT, 0.95, 1.0,
                       "the lesson's bar (the reference trainer reaches 0.976 on this split)", 0.0, NULL,
                       0);
}

WB_TEST(training, invalid_options,
        "train_logistic: an option out of range returns -1 and changes nothing")
{
    double X[20 * 2], y[20], w0[3] = {0.1, -0.2, 0.3};
    problem p = random_split(X, y, 10, 10, 2, 1.0);
    const train_options good = {.lr = 0.1, .batch_size = 2, .epochs = 3};
    struct {
        const char *what;
        train_options o;
        size_t m_val;
    } bad[] = {
        {"lr = 0", {0.0, 2, 3, 0.0, 0}, 10},
        {"lr = NaN", {NAN, 2, 3, 0.0, 0}, 10},
        {"batch_size = 0", {0.1, 0, 3, 0.0, 0}, 10},
        {"batch_size = 11 > m = 10", {0.1, 11, 3, 0.0, 0}, 10},
        {"epochs = 0", {0.1, 2, 0, 0.0, 0}, 10},
        {"weight_decay = -0.1", {0.1, 2, 3, -0.1, 0}, 10},
        {"m_val = 0", good, 0},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        wb_call call = wb_call_of("train_logistic", "(10 random rows, d = 2) with %s", bad[k].what);
        double *w = wb_buffer_copy(w0, 3), *tl = wb_buffer(3), *vl = wb_buffer(3);
        size_t order[10];
        train_work work = {order, wb_buffer(3), wb_buffer(3)};
        gsl_rng *rng = gsl_rng_clone(wb_rng());
        int status = train_logistic(p.X, p.y, 10, p.X_val, p.y_val, bad[k].m_val, 2, w, &bad[k].o,
                                    &work, tl, vl, rng);
        unsigned long next = gsl_rng_get(rng), want = gsl_rng_get(wb_rng());
        gsl_rng_free(rng);
        expect_status(&call, status, -1, "-1: the option is out of its range");
        expect_unchanged(&call, "w", w, w0, 3);
        expect_unwritten(&call, "train_loss", tl, 3);
        expect_unwritten(&call, "val_loss", vl, 3);
        if (next != want)
            wb_fail(&call, NULL, "the rng was used: a refused call must change nothing.");
    }
}

/* ---- the NLL's gradient, step by step ------------------------------------------------------- */

/* sigma(z) in long double. */
static long double sigmoid_l(long double z) { return 1.0L / (1.0L + expl(-z)); }

/* A logit from [-30, 30], or one of +-1000 now and then (the extremes the header promises). */
static double random_logit(int trial)
{
    return trial % 7 == 6 ? (trial % 2 ? 1000.0 : -1000.0) : wb_uniform(-30.0, 30.0);
}

WB_TEST(lesson11, log_odds, "log_odds(sigmoid(z)) gives z back (step 2 of the derivation)")
{
    for (int trial = 0; trial < 20; trial++) {
        double z = wb_uniform(-30.0, 30.0), p = (double)sigmoid_l(z);
        long double want = logl(p) - log1pl(-(long double)p), inverted = -want;
        double w = (double)want, inv = (double)inverted;
        char source[160];
        snprintf(source, sizeof source, "log p - log(1 - p) in long double; p = sigma(%.6g) rounded to a double", z);
        wb_call call = wb_call_of("log_odds", "p = %.17g", p);
        wb_expect_scalar(&call, log_odds(p), w, source,
                         wb_tol_plus(1e-12, "plus 1e-12: the rounding of p / (1 - p) and of 1 - p"),
                         WB_VARIANTS({"log_odds_inverted", &inv}));
    }
}

WB_TEST(lesson11, log_one_minus_sigmoid, "log_one_minus_sigmoid on logits up to +-1000 (step 3)")
{
    for (int trial = 0; trial < 21; trial++) {
        double z = random_logit(trial);
        double want = (double)-log1pl(expl(z)), wrong = (double)-log1pl(expl(-z));
        wb_call call = wb_call_of("log_one_minus_sigmoid", "z = %.17g", z);
        wb_expect_scalar(&call, log_one_minus_sigmoid(z), want, "-log(1 + e^z) in long double",
                         WB_TOL_DEFAULT, WB_VARIANTS({"log_sigmoid_for_log_one_minus", &wrong}));
    }
}

WB_TEST(lesson11, nll_of_logit, "nll_of_logit equals -[y log p + (1 - y) log(1 - p)] (step 4)")
{
    for (int trial = 0; trial < 21; trial++) {
        double z = random_logit(trial), y = (double)(trial % 2);
        long double p = sigmoid_l(z);
        /* step 1's form where it is accurate (1 - p >= 4.5e-5, so log1p(-p) keeps 14 digits in
           long double), step 4's form where p is closer to 0 or 1 */
        long double want = fabsl((long double)z) < 10.0L
                               ? -(y * logl(p) + (1.0L - y) * log1pl(-p))
                               : log1pl(expl(z)) - y * z;
        double w = (double)want, pm1 = (double)log1pl(expl(-(long double)y * z));
        wb_call call = wb_call_of("nll_of_logit", "z = %.17g, y = %g", z, y);
        wb_expect_scalar(&call, nll_of_logit(z, y), w,
                         "-[y log p + (1 - y) log(1 - p)], p = sigma(z), in long double",
                         wb_tol_plus(1e-12, "plus 1e-12: log(1 + e^z) and y z cancel when p is near y"),
                         WB_VARIANTS({"labels_plus_minus_one", &pm1}));
    }
}

/* The oracle's l(z) = log(1 + e^z) - y z, for gsl_deriv_central. */
static double nll_logit_fn(double z, void *params)
{
    double y = *(const double *)params;
    return (double)(log1pl(expl(z)) - y * z);
}

WB_TEST(lesson11, nll_of_logit_grad, "nll_of_logit_grad is dl/dz = p - y (step 5, the chain rule)")
{
    for (int trial = 0; trial < 21; trial++) {
        double z = random_logit(trial), y = (double)(trial % 2);
        double want = (double)(sigmoid_l(z) - y), flipped = -want;
        oracle_estimate d = {want, 0.0};
        char source[200];
        if (fabs(z) < 100.0)
            d = oracle_derivative(nll_logit_fn, &y, z);
        snprintf(source, sizeof source,
                 "sigma(z) - y in long double; gsl_deriv_central on log(1 + e^z) - y z gives %.12g",
                 d.value);
        wb_call call = wb_call_of("nll_of_logit_grad", "z = %.17g, y = %g", z, y);
        wb_expect_scalar(&call, nll_of_logit_grad(z, y), want, source,
                         wb_tol_plus(1e-15, "plus 1e-15: p - y cancels when p is near y"),
                         WB_VARIANTS({"gradient_y_minus_p", &flipped}));
    }
}

/* ---- maximum likelihood and least squares ----------------------------------------------------- */

/* A random regression problem: X uniform in [-2, 2], y = [X 1] w_true + N(0, noise^2). */
static void random_regression(size_t m, size_t d, double noise, double *X, double *y, double *w_true)
{
    for (size_t j = 0; j <= d; j++)
        w_true[j] = wb_uniform(-3.0, 3.0);
    for (size_t i = 0; i < m; i++) {
        double z = w_true[d];
        for (size_t j = 0; j < d; j++) {
            X[i * d + j] = wb_uniform(-2.0, 2.0);
            z += w_true[j] * X[i * d + j];
        }
        y[i] = z + gsl_ran_gaussian(wb_rng(), noise);
    }
}

WB_TEST(lesson11, gaussian_nll, "gaussian_nll is -sum log N(y_i; z_i, sigma^2) on random data")
{
    for (int trial = 0; trial < 15; trial++) {
        size_t m = 5 + (size_t)trial * 3, d = 1 + (size_t)trial % 4;
        double X[50 * 4], y[50], w[5], sigma = exp(wb_uniform(log(0.5), log(5.0)));
        random_regression(m, d, 1.0, X, y, w);
        /* near the true w, so that every density stays far above the underflow */
        for (size_t j = 0; j <= d; j++)
            w[j] += gsl_ran_gaussian(wb_rng(), 0.3);
        long double want = 0.0L, squares = 0.0L, size = 0.0L;
        for (size_t i = 0; i < m; i++) {
            long double z = w[d];
            for (size_t j = 0; j < d; j++)
                z += (long double)w[j] * X[i * d + j];
            double r = (double)((long double)y[i] - z);
            double term = -log(gsl_ran_gaussian_pdf(r, sigma));
            want += term;
            size += fabs(term);
            squares += (long double)r * r;
        }
        double dropped = (double)(squares / (2.0L * sigma * sigma));
        wb_call call = wb_call_of("gaussian_nll", "X (%zu x %zu, uniform in [-2, 2]), y, w, m = %zu, d = %zu, sigma = %.17g",
                                  m, d, m, d, sigma);
        const double *cX = wb_buffer_copy(X, m * d), *cy = wb_buffer_copy(y, m), *cw = wb_buffer_copy(w, d + 1);
        wb_expect_scalar(&call, gaussian_nll(cX, cy, cw, m, d, sigma), (double)want,
                         "-sum_i log gsl_ran_gaussian_pdf(y_i - z_i, sigma)",
                         wb_tol_plus(1e-12 * (double)size, "plus 1e-12 sum |term|: the rounding of each log density"),
                         WB_VARIANTS({"nll_constant_dropped", &dropped}));
    }
}

/* Calls linear_least_squares on fenced copies and compares w with gsl_multifit_linear. */
static void check_least_squares(const char *what, const double *X, const double *y, size_t m, size_t d)
{
    double want[8];
    cr_assert(oracle_least_squares(X, y, m, d, want) == 0, "checker: gsl_multifit_linear failed");
    wb_call call = wb_call_of("linear_least_squares", "X (%s, %zu x %zu), y, m = %zu, d = %zu, w, work",
                              what, m, d, m, d);
    const double *cX = wb_buffer_copy(X, m * d), *cy = wb_buffer_copy(y, m);
    double *w = wb_buffer(d + 1), *work = wb_buffer(LEAST_SQUARES_WORK(d));
    int status = linear_least_squares(cX, cy, m, d, w, work);
    wb_expect_untouched_fences(&call, "w", w);
    wb_expect_untouched_fences(&call, "work", work);
    if (wb_todo_reached(call.function) || status != 0)
        wb_fail(&call, NULL, "expected   0 (A'A is positive definite: the columns of [X 1] are "
                             "independent)\ngot        %d", status);
    wb_expect_vector(&call, "w", w, (wb_expected){want, "gsl_multifit_linear (an SVD of [X 1])"}, d + 1,
                     (wb_tol){1e-8, 1e-10, "relative 1e-8 plus 1e-10: the normal equations square "
                                          "the condition number of [X 1]"},
                     WB_NO_VARIANTS);
}

static void check_least_squares_random(void)
{
    for (int trial = 0; trial < 12; trial++) {
        size_t d = 1 + (size_t)trial % 5, m = d + 2 + (size_t)gsl_rng_uniform_int(wb_rng(), 40);
        double X[48 * 5], y[48], w_true[6];
        random_regression(m, d, 0.5, X, y, w_true);
        check_least_squares("uniform in [-2, 2], y linear plus noise", X, y, m, d);
    }
}

static void check_least_squares_iris(void)
{
    static double all[150 * 4], label[150], X[150 * 3], y[150];
    char path[512], error[512];
    dataset ds;
    cr_assert(dataset_load(dataset_path("iris.csv", path, sizeof path), &ds, error, sizeof error) == 0,
              "checker: %s", error);
    cr_assert(ds.rows == 150 && ds.cols == 5, "checker: iris.csv");
    dataset_split(&ds, all, label);
    dataset_free(&ds);
    for (size_t i = 0; i < 150; i++) {
        X[i * 3 + 0] = all[i * 4 + 0];
        X[i * 3 + 1] = all[i * 4 + 1];
        X[i * 3 + 2] = all[i * 4 + 2];
        y[i] = all[i * 4 + 3];
    }
    check_least_squares("iris: sepal length, sepal width, petal length", X, y, 150, 3);
}

static void check_least_squares_singular(void)
{
    double X[6 * 2], y[6], before[3] = {7.0, 7.0, 7.0};
    for (size_t i = 0; i < 6; i++) {
        X[i * 2] = wb_uniform(-2.0, 2.0);
        X[i * 2 + 1] = 0.0;
        y[i] = wb_uniform(-2.0, 2.0);
    }
    wb_call call = wb_call_of("linear_least_squares", "X (6 x 2, the second column all zeros), y, m = 6, d = 2, w, work");
    const double *cX = wb_buffer_copy(X, 12), *cy = wb_buffer_copy(y, 6);
    double *w = wb_buffer_copy(before, 3), *work = wb_buffer(LEAST_SQUARES_WORK(2));
    int status = linear_least_squares(cX, cy, 6, 2, w, work);
    if (wb_todo_reached(call.function) || status != -1)
        wb_fail(&call, NULL, "expected   -1 (A'A has a zero row and column: a pivot is 0)\ngot        %d", status);
    wb_expect_vector(&call, "w", w, (wb_expected){before, "the header: w unchanged on -1"}, 3,
                     wb_tol_plus(0.0, NULL), WB_NO_VARIANTS);
}

/* ---- softmax regression -------------------------------------------------------------------------- */

/* Calls softmax_regression_loss_grad on fenced copies and compares with the oracle. */
static void check_softmax_loss_grad(const char *what, const double *X, const double *y, const double *W,
                                    size_t m, size_t d, size_t k)
{
    size_t nw = k * (d + 1);
    double want[64], summed[64], flipped[64];
    double loss = oracle_softmax_regression(X, y, W, m, d, k, want, ORACLE_SOFTMAX_EXACT);
    oracle_softmax_regression(X, y, W, m, d, k, summed, ORACLE_SOFTMAX_SUM);
    oracle_softmax_regression(X, y, W, m, d, k, flipped, ORACLE_SOFTMAX_SIGN);
    wb_call call = wb_call_of("softmax_regression_loss_grad", "X (%s), y, W, m = %zu, d = %zu, k = %zu, grad, probs",
                              what, m, d, k);
    const double *cX = wb_buffer_copy(X, m * d), *cy = wb_buffer_copy(y, m), *cW = wb_buffer_copy(W, nw);
    double *grad = wb_buffer(nw), *probs = wb_buffer(k);
    double got = softmax_regression_loss_grad(cX, cy, cW, m, d, k, grad, probs);
    wb_expect_untouched_fences(&call, "grad", grad);
    wb_expect_untouched_fences(&call, "probs", probs);
    wb_expect_scalar(&call, got, loss, "the mean of log sum_c e^{z_ic} - z_{i,y_i} in long double",
                     wb_tol_plus(1e-12, "plus 1e-12: log-sum-exp's rounding"), WB_NO_VARIANTS);
    wb_expect_vector(&call, "grad", grad,
                     (wb_expected){want, "(1/m) sum_i (softmax(z_i) - onehot(y_i)) (x_i, 1) in long double"}, nw,
                     wb_tol_plus(1e-12, "plus 1e-12: the rounding of the probabilities"),
                     WB_VARIANTS({"softmax_grad_not_averaged", summed}, {"softmax_grad_sign", flipped}));
}

static void check_softmax_random(void)
{
    for (int trial = 0; trial < 15; trial++) {
        size_t m = 1 + (size_t)gsl_rng_uniform_int(wb_rng(), 20), d = 1 + (size_t)trial % 4;
        size_t k = 2 + (size_t)trial % 3;
        double X[20 * 4], y[20], W[3 * 5 + 5];
        for (size_t i = 0; i < m; i++) {
            for (size_t j = 0; j < d; j++)
                X[i * d + j] = wb_uniform(-2.0, 2.0);
            y[i] = (double)gsl_rng_uniform_int(wb_rng(), k);
        }
        for (size_t q = 0; q < k * (d + 1); q++)
            W[q] = wb_uniform(-2.0, 2.0);
        check_softmax_loss_grad("uniform in [-2, 2], random labels", X, y, W, m, d, k);
    }
}

static void check_softmax_loss_grad_large(void)
{
    for (int trial = 0; trial < 6; trial++) {
        size_t m = 5, d = 2, k = 3;
        double X[10], y[5], W[9];
        for (size_t i = 0; i < m; i++) {
            X[i * 2] = wb_uniform(-1.0, 1.0);
            X[i * 2 + 1] = wb_uniform(-1.0, 1.0);
            y[i] = (double)gsl_rng_uniform_int(wb_rng(), k);
        }
        for (size_t q = 0; q < 9; q++)
            W[q] = wb_uniform(-500.0, 500.0);
        check_softmax_loss_grad("uniform in [-1, 1], weights up to 500: logits near +-1000", X, y, W, m, d, k);
    }
}

/* The oracle's loss as a function of W alone, for gsl_deriv_central. */
typedef struct {
    const double *X, *y;
    size_t m, d, k;
} softmax_problem;

static double softmax_loss_of_w(const double *W, size_t n, void *params)
{
    (void)n;
    const softmax_problem *pr = params;
    return oracle_softmax_regression(pr->X, pr->y, W, pr->m, pr->d, pr->k, NULL, ORACLE_SOFTMAX_EXACT);
}

static void check_softmax_grad_numeric(void)
{
    for (int trial = 0; trial < 5; trial++) {
        size_t m = 8, d = 3, k = 3, nw = 12;
        double X[24], y[8], W[12], want[12], err = 0.0;
        for (size_t i = 0; i < m; i++) {
            for (size_t j = 0; j < d; j++)
                X[i * d + j] = wb_uniform(-2.0, 2.0);
            y[i] = (double)gsl_rng_uniform_int(wb_rng(), k);
        }
        for (size_t q = 0; q < nw; q++)
            W[q] = wb_uniform(-1.0, 1.0);
        softmax_problem pr = {X, y, m, d, k};
        for (size_t q = 0; q < nw; q++) {
            oracle_estimate e = oracle_partial(softmax_loss_of_w, &pr, W, nw, q);
            want[q] = e.value;
            err = fmax(err, e.abserr);
        }
        wb_call call = wb_call_of("softmax_regression_loss_grad", "X (8 x 3, uniform in [-2, 2]), y, W, m = 8, d = 3, k = 3, grad, probs");
        const double *cX = wb_buffer_copy(X, m * d), *cy = wb_buffer_copy(y, m), *cW = wb_buffer_copy(W, nw);
        double *grad = wb_buffer(nw), *probs = wb_buffer(k);
        softmax_regression_loss_grad(cX, cy, cW, m, d, k, grad, probs);
        wb_expect_vector(&call, "grad", grad, (wb_expected){want, "gsl_deriv_central on the loss, one entry of W at a time"},
                         nw, wb_tol_plus(4.0 * err, "plus 4 times gsl_deriv_central's error estimate"),
                         WB_NO_VARIANTS);
    }
}

static void check_softmax_empty(void)
{
    const double one = 1.0;
    wb_call call = wb_call_of("softmax_regression_loss_grad", "X = {}, y = {}, W (2 x 2), m = 0, d = 1, k = 2, grad, probs");
    const double *cX = wb_buffer_copy(&one, 1), *cy = wb_buffer_copy(&one, 1);
    const double W[4] = {0.5, -0.5, 1.0, 0.0};
    const double *cW = wb_buffer_copy(W, 4);
    double *grad = wb_buffer(4), *probs = wb_buffer(2);
    wb_expect_nan(&call, softmax_regression_loss_grad(cX, cy, cW, 0, 1, 2, grad, probs), "the header: m = 0 has no mean");
}

/* Loads a dataset, shuffles its rows with a fixed seed (the split is the same in every run), and
   standardizes it with the statistics of the first train_rows rows (the oracle's scaler). */
static void load_split(const char *name, size_t rows, size_t d, size_t train_rows, double *X, double *y)
{
    double *all = malloc(rows * d * sizeof *all), *label = malloc(rows * sizeof *label);
    cr_assert(all != NULL && label != NULL, "checker: out of memory");
    char path[512], error[512];
    dataset ds;
    cr_assert(dataset_load(dataset_path(name, path, sizeof path), &ds, error, sizeof error) == 0,
              "checker: %s", error);
    cr_assert(ds.rows == rows && ds.cols == d + 1, "checker: %s has an unexpected shape", name);
    dataset_split(&ds, all, label);
    dataset_free(&ds);
    gsl_rng *shuffle = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(shuffle, 2024);
    size_t *order = malloc(rows * sizeof *order);
    cr_assert(shuffle != NULL && order != NULL, "checker: out of memory");
    for (size_t i = 0; i < rows; i++)
        order[i] = i;
    gsl_ran_shuffle(shuffle, order, rows, sizeof *order);
    for (size_t i = 0; i < rows; i++) {
        memcpy(X + i * d, all + order[i] * d, d * sizeof *X);
        y[i] = label[order[i]];
    }
    oracle_standardize_split(X, rows, train_rows, d, NULL, NULL);
    gsl_rng_free(shuffle);
    free(order);
    free(all);
    free(label);
}

/* Trains on the first train_rows rows from W = 0 and checks W against the oracle's run and the
   held-out accuracy against a floor. */
static void check_softmax_training(const char *name, size_t rows, size_t d, size_t k, size_t train_rows,
                                   double lr, size_t epochs, double floor_accuracy)
{
    double X[178 * 13], y[178], want[3 * 14] = {0};
    size_t nw = k * (d + 1), test_rows = rows - train_rows;
    load_split(name, rows, d, train_rows, X, y);
    double loss = oracle_train_softmax_regression(X, y, train_rows, d, k, want, lr, epochs);
    double ref_accuracy = oracle_softmax_accuracy(X + train_rows * d, y + train_rows, want, test_rows, d, k);
    wb_call call = wb_call_of("train_softmax_regression",
                              "X (%s, the first %zu of %zu shuffled rows, standardized), y, m = %zu, d = %zu, "
                              "k = %zu, W = 0, lr = %g, epochs = %zu, grad, probs",
                              name, train_rows, rows, train_rows, d, k, lr, epochs);
    const double *cX = wb_buffer_copy(X, train_rows * d), *cy = wb_buffer_copy(y, train_rows);
    double zero[3 * 14] = {0};
    double *W = wb_buffer_copy(zero, nw), *grad = wb_buffer(nw), *probs = wb_buffer(k);
    double got = train_softmax_regression(cX, cy, train_rows, d, k, W, lr, epochs, grad, probs);
    wb_expect_untouched_fences(&call, "W", W);
    wb_expect_vector(&call, "W", W, (wb_expected){want, "the same batch gradient descent in long double"}, nw,
                     (wb_tol){1e-7, 1e-9, "relative 1e-7: the rounding of each step, carried through the run"},
                     WB_NO_VARIANTS);
    wb_expect_scalar(&call, got, loss, "the training loss at the oracle's final W",
                     (wb_tol){1e-7, 1e-9, "relative 1e-7, as for W"}, WB_NO_VARIANTS);
    double accuracy = oracle_softmax_accuracy(X + train_rows * d, y + train_rows, W, test_rows, d, k);
    if (!(accuracy >= floor_accuracy))
        wb_fail(&call, NULL,
                "expected   an accuracy of at least %.2f on the %zu held-out rows (the oracle's run: %.4f)\n"
                "got        %.4f", floor_accuracy, test_rows, ref_accuracy, accuracy);
}

WB_TEST(lesson11, softmax_iris, "train_softmax_regression on iris (3 classes): W and held-out accuracy >= 0.95")
{
    check_softmax_training("iris.csv", 150, 4, 3, 100, 0.5, 200, 0.95);
}

WB_TEST(lesson11, softmax_wine, "train_softmax_regression on wine (3 classes): W and held-out accuracy >= 0.95")
{
    check_softmax_training("wine.csv", 178, 13, 3, 120, 0.5, 200, 0.95);
}

/* Gradient descent with your linear_mse_grad, run by the checker, against the normal equation's
   solution by gsl_multifit_linear: the two routes reach the same w. */
WB_TEST(lesson11, least_squares_by_descent, "gradient descent with linear_mse_grad reaches the least-squares w")
{
    enum { M = 40, D = 3, STEPS = 400 };
    double X[M * D], y[M], w_true[D + 1], want[D + 1], w[D + 1] = {0};
    random_regression(M, D, 0.5, X, y, w_true);
    oracle_standardize_split(X, M, M, D, NULL, NULL); /* well conditioned: GD converges fast */
    cr_assert(oracle_least_squares(X, y, M, D, want) == 0, "checker: gsl_multifit_linear failed");
    wb_call call = wb_call_of("linear_mse_grad", "X (40 x 3, standardized), y, w, m = 40, d = 3, grad: "
                                                 "400 steps w <- w - 0.2 grad from w = 0");
    const double *cX = wb_buffer_copy(X, M * D), *cy = wb_buffer_copy(y, M);
    double *cw = wb_buffer(D + 1), *grad = wb_buffer(D + 1);
    for (int step = 0; step < STEPS; step++) {
        memcpy(cw, w, sizeof w);
        linear_mse_grad(cX, cy, cw, M, D, grad);
        if (wb_todo_reached(call.function))
            wb_fail(&call, NULL, "expected   the gradient of the mean squared error");
        for (size_t j = 0; j <= D; j++)
            w[j] -= 0.2 * grad[j];
    }
    wb_expect_vector(&call, "w after 400 steps", w,
                     (wb_expected){want, "the normal equation's w by gsl_multifit_linear"}, D + 1,
                     (wb_tol){1e-6, 1e-8, "relative 1e-6: 400 steps leave (1 - 0.4 lambda_min)^400 of the "
                                          "distance, far below it on standardized data"},
                     WB_NO_VARIANTS);
}

WB_TEST(lesson11, least_squares, "linear_least_squares against gsl_multifit_linear on random data and iris, and -1 for a column of zeros")
{
    check_least_squares_random();
    check_least_squares_iris();
    check_least_squares_singular();
}

WB_TEST(lesson11, softmax_regression_loss_grad, "softmax_regression_loss_grad on random data, logits near +-1000, against gsl_deriv_central, and NAN for m = 0")
{
    check_softmax_random();
    check_softmax_loss_grad_large();
    check_softmax_grad_numeric();
    check_softmax_empty();
}
