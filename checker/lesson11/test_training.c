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
     "A constant column got a tiny std (rounding noise such as 1.4e-17) instead of exactly 0: the "
     "mean of equal values is rounded (eight copies of 0.1 average to 0.1 - 1.4e-17), so the "
     "deviations are not exactly 0, and dividing by that noise turns every training value of "
     "the column into +-1 (and a held-out value into a huge number).",
     "As in lesson 5 (sklearn's _is_constant_feature): with var = (1/n) sum (x - mean)^2, the "
     "column is constant when var <= n * DBL_EPSILON * var + (n * DBL_EPSILON * mean)^2 "
     "(<float.h>); write std = 0 and divide by 1."},
    {"grad_not_divided_by_batch", "train_logistic",
     "The batch gradient is a sum over the batch, not a mean: it was not divided by the batch size "
     "(the course notes' pseudo-program adds the gradients up and never divides).",
     "Divide the summed gradient by |B|, the number of rows in this batch (the last batch can be "
     "shorter than batch_size), so that the step size does not grow with the batch: "
     "g = (1/|B|) sum (p_i - y_i)(x_i, 1). logistic_loss_grad divides by m the same way."},
    {"labels_plus_minus_one", "logistic_loss_grad",
     "The loss was written for labels in {-1, +1}: log(1 + exp(-y z)); with the {0, 1} labels used "
     "here every y = 0 row then contributes log 2 and a zero gradient.",
     "With y in {0, 1}: loss = log(1 + exp(z)) - y z (= max(z, 0) + log1p(exp(-|z|)) - y z) and "
     "d loss / d z = sigma(z) - y."},
    {"no_reshuffle", "train_logistic",
     "The rows were shuffled once, before the first epoch, and then visited in the same order in "
     "every epoch.",
     "Call gsl_ran_shuffle(rng, order, m, sizeof(size_t)) at the start of EVERY epoch, before its "
     "batches (torch's DataLoader(shuffle=True) reshuffles every epoch too)."},
    {"scaler_fit_on_all_rows", "standardize_split",
     "The mean and std were computed from all rows, validation and test rows included: their "
     "information leaks into the training.",
     "Compute mean and std from the first train_rows rows only, then apply those numbers to every "
     "row (the held-out rows are scaled with the training statistics)."},
    {"stop_by_train_loss", "train_logistic",
     "The best epoch and early stopping were decided by the training loss instead of the "
     "validation loss: evaluated on the training rows, the model looks better the longer it "
     "trains.",
     "Compare val_loss[e] (the rows the model never trains on) with the best validation loss so "
     "far; keep best_w from that epoch and count the patience from it."},
    {"patience_off_by_one", "train_logistic",
     "Training ran one epoch too many after the last improvement: patience epochs without a "
     "new best end the run, not patience + 1.",
     "Stop when e - best_epoch >= patience, counting the epochs since the best one (0-based e)."},
    {"best_weights_not_restored", "train_logistic",
     "w holds the last epoch's weights: the best epoch's weights, kept in work->best_w, were "
     "not copied back at the end.",
     "Early stopping returns the model of the best validation loss: after the loop, copy "
     "work->best_w into w."},
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
