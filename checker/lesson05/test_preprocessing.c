/*
 * Lesson 5 suite: data preprocessing.
 * Expected values: per-column statistics from GSL (gsl_stats_mean, gsl_stats_variance_with_fixed_mean
 * for the population standard deviation, exactly 0 where that variance is within the rounding
 * bound of a constant column, gsl_stats_sd_m for the sample one that is a wrong variant here,
 * gsl_stats_minmax), the scalings in long double
 * (checker/oracle/oracle_preprocessing.c), and the course notes' record (Training Art) for the
 * one-hot encoding. The real data (iris, wine,
 * breast cancer) is read by the checker's loader (checker/oracle/dataset.c), whose error
 * reports are checked here too.
 */
#include "check.h"
#include "dataset.h"
#include "preprocessing.h"
#include "oracle_preprocessing.h"

#include <float.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const wb_mistake mistakes[] = {
    {"minmax_divides_by_max", "minmax_apply",
     N_("The code divides by max instead of (max - min): (x - min) / max, as the course notes word it."),
     N_("(x - min) / (max - min) maps min to 0 and max to 1; dividing by max only does that when "
     "min = 0. Then stretch to the target range: lo + (hi - lo) * that.")},
    {"sample_std", "standardize_fit",
     N_("The standard deviation uses the sample divisor n - 1; this lesson uses the population one."),
     N_("Divide the sum of squared deviations by n (rows), as sklearn's StandardScaler and batch "
     "normalization do: std = sqrt((1/n) sum (x - mean)^2). (torch.std divides by n - 1 unless "
     "told correction=0.)")},
    {"fit_on_test_rows", "standardize_apply",
     N_("The rows were scaled with their own statistics instead of the ones passed in (the training "
     "rows'): statistics fitted on the test rows leak them into the model."),
     N_("apply must only use the mean/std (or min/max) arguments, computed by the fit on the training "
     "rows; never recompute them from the rows being transformed.")},
    {"one_hot_off_by_one", "one_hot",
     N_("The 1 is one place off: the category was treated as numbered from 1 (or shifted by one)."),
     N_("Categories are numbered from 0: category k sets out[k] = 1, so the first category is "
     "(1, 0, ...) and the last sets out[n_categories - 1].")},
    {"constant_std_rounding", "standardize_fit",
     N_("A constant column got a tiny std (rounding noise such as 1.4e-17) instead of exactly 0: "
     "the mean of equal values is rounded (eight copies of 0.1 average to 0.1 - 1.4e-17), so "
     "the deviations are not exactly 0, and standardize_apply then divides by that noise and "
     "turns every value of the column into +-1."),
     N_("Decide as sklearn does (_is_constant_feature): with var = (1/n) sum (x - mean)^2 from two "
     "passes, the column is constant when var <= n * DBL_EPSILON * var + (n * DBL_EPSILON * "
     "mean)^2 (<float.h>); then write std = 0. (The one-pass E[x^2] - E[x]^2 leaves far more "
     "noise than that bound: use two passes.)")},
    {"constant_threshold_too_wide", "standardize_fit",
     N_("A column with a small but real spread was treated as constant (std = 0): a fixed "
     "threshold such as std < 1e-8, or one relative to the mean, also swallows features that "
     "merely have small units."),
     N_("Only rounding noise is constant: std = 0 exactly when var <= n eps var + (n eps mean)^2, "
     "eps = DBL_EPSILON (sklearn's bound). A column of values around 1e-12, or around 1000 with "
     "a spread of 1e-5, keeps its std.")},
    {"zero_spread_not_handled", "standardize_apply",
     N_("A constant feature (std = 0, or max = min) was divided by zero, giving NaN or Inf."),
     N_("Where the spread is 0, divide by 1 instead (sklearn does the same): the feature is then only "
     "shifted, and its training values become 0 (standardize) or lo (min-max).")},
    {"one_pass_variance", "standardize_fit",
     N_("The variance was computed in one pass, E[x^2] - mean^2: for a column with a large offset "
     "and a small spread (1000 +- 1e-5) the two terms agree in almost every digit, and their "
     "difference is rounding noise (or negative)."),
     N_("Two passes: first the mean, then the mean of (x - mean)^2, which never cancels.")},
};
WB_MISTAKES(mistakes)

enum { MAX_ROWS = 40, MAX_COLS = 5, MAX_CELLS = MAX_ROWS * MAX_COLS };

/* A value no correct code writes into an array it must leave alone. */
static const double UNTOUCHED = 12345.678;

/* "{a, b, c, ...} (N values)": the first few values of an input, for a call's text. */
static const char *show_values(char *buf, size_t size, const double *v, size_t n)
{
    size_t len = (size_t)snprintf(buf, size, "{");
    for (size_t i = 0; i < n && i < 6 && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%.10g", i ? ", " : "", v[i]);
    if (len < size)
        snprintf(buf + len, size - len, n > 6 ? ", ...} (%zu values)" : "}", n);
    return buf;
}

/* The array must still be all UNTOUCHED: the function documents that it writes nothing here. */
static void expect_untouched(const wb_call *call, const char *name, const double *got, size_t n,
                             const char *why)
{
    double want[16];
    for (size_t i = 0; i < n; i++)
        want[i] = UNTOUCHED;
    wb_expect_vector(call, name, got, (wb_expected){want, why}, n, WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

static void expect_status(const wb_call *call, int got, int want, const char *why)
{
    wb_expect_scalar(call, (double)got, (double)want, why, WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

/* A const input must come back as it went in. */
static void expect_unchanged(const wb_call *call, const char *name, const double *got,
                             const double *original, size_t n)
{
    wb_expect_untouched_fences(call, name, got);
    if (memcmp(got, original, n * sizeof *got) != 0)
        wb_fail(call, NULL, "%s is an input (const): your code changed it.", name);
}

/* ---- random data ------------------------------------------------------------------------- */

/* Column j of X is offset[j] + scale[j] * U(-1, 1): features of very different sizes. */
static void random_features(double *offset, double *scale, size_t cols)
{
    for (size_t j = 0; j < cols; j++) {
        offset[j] = wb_uniform(-50, 50);
        scale[j] = pow(10.0, wb_uniform(-2, 2));
    }
}

static void random_rows(double *X, size_t rows, size_t cols, const double *offset, const double *scale)
{
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            X[i * cols + j] = offset[j] + scale[j] * wb_uniform(-1, 1);
}

/* Test rows from a shifted and stretched distribution, so their own statistics differ. */
static void shifted_rows(double *X, size_t rows, size_t cols, const double *offset, const double *scale)
{
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            X[i * cols + j] = offset[j] + scale[j] * (1.5 + 3.0 * wb_uniform(-1, 1));
}

static double max_abs(const double *v, size_t n)
{
    double m = 0.0;
    for (size_t i = 0; i < n; i++)
        m = fmax(m, fabs(v[i]));
    return m;
}

/* ---- standardize_fit ------------------------------------------------------------------------ */

/* The std a one-pass variance gives, sum x^2 / n - mean^2 in double, with the header's bound
   for a constant column: the wrong variant [one_pass_variance]. */
static void one_pass_std(const double *X, size_t rows, size_t cols, double *std)
{
    double n = (double)rows;
    for (size_t j = 0; j < cols; j++) {
        double sum = 0.0, squares = 0.0;
        for (size_t i = 0; i < rows; i++) {
            sum += X[i * cols + j];
            squares += X[i * cols + j] * X[i * cols + j];
        }
        double m = sum / n, var = squares / n - m * m, noise = n * DBL_EPSILON * m;
        std[j] = var <= n * DBL_EPSILON * var + noise * noise ? 0.0 : sqrt(var);
    }
}

/* Calls standardize_fit on a copy of data and compares mean and std with GSL. */
static void check_standardize_fit(const char *what, const double *data, size_t rows, size_t cols)
{
    double want_mean[32], want_std[32], sample[32], one_pass[32];
    char shown[200];
    oracle_standardize_fit(data, rows, cols, want_mean, want_std);
    one_pass_std(data, rows, cols, one_pass);
    oracle_sample_std(data, rows, cols, want_mean, sample);
    wb_call call = wb_call_of("standardize_fit", "X = %s %s, rows = %zu, cols = %zu, mean, std",
                              show_values(shown, sizeof shown, data, rows * cols), what,
                              rows, cols);
    double *X = wb_buffer_copy(data, rows * cols), *mean = wb_buffer(cols), *std = wb_buffer(cols);
    int status = standardize_fit(X, rows, cols, mean, std);
    expect_unchanged(&call, "X", X, data, rows * cols);
    wb_expect_untouched_fences(&call, "mean", mean);
    wb_expect_untouched_fences(&call, "std", std);
    wb_expect_vector(&call, "mean", mean, (wb_expected){want_mean, "gsl_stats_mean on each column"},
                     cols, wb_tol_plus(1e-13 * max_abs(data, rows * cols),
                                       "plus 1e-13 max|x|: a mean near 0 is a difference of "
                                       "rounded sums"),
                     WB_NO_VARIANTS);
    /* a constant column's rounding noise, which standardize_apply would then divide by */
    for (size_t j = 0; j < cols && !wb_todo_reached(call.function); j++)
        if (want_std[j] == 0.0 && std[j] != 0.0 && fabs(std[j]) <= 1e-4 * fabs(want_mean[j])) {
            /* both fit when the noise is exactly a one-pass variance's: both are named */
            bool one_pass_noise = fabs(std[j] - one_pass[j]) <= 1e-9 * fabs(one_pass[j]);
            wb_fail(&call, one_pass_noise ? "one_pass_variance" : "constant_std_rounding",
                    "expected   std[%zu] = 0: column %zu is constant\n"
                    "got        std[%zu] = %.17g, the rounding noise of its mean%s", j, j, j,
                    std[j], one_pass_noise ? "\nalso fits  [constant_std_rounding]: the noise "
                    "is kept as a std" : "");
        }
    /* a small but real spread taken for a constant: the student's 0 where the spread is small */
    double swallowed[32];
    for (size_t j = 0; j < cols; j++)
        swallowed[j] = std[j] == 0.0 && want_std[j] <= 1e-6 * (fabs(want_mean[j]) + 1.0)
                           ? 0.0
                           : want_std[j];
    wb_expect_vector(&call, "std", std,
                     (wb_expected){want_std, "population std (divisor n): the square root of "
                                             "gsl_stats_variance_with_fixed_mean at the column's "
                                             "mean; exactly 0 where that variance is within "
                                             "n eps var + (n eps mean)^2 (a constant column)"},
                     cols, WB_TOL_DEFAULT,
                     WB_VARIANTS({"sample_std", sample},
                                 {"constant_threshold_too_wide", swallowed},
                                 {"one_pass_variance", one_pass}));
    expect_status(&call, status, 0, "0: rows >= 1");
}

/* The loader's report on a bad file must start with "path:line:column: " and be one line. */
static void expect_load_error(const char *dir, const char *name, const char *content,
                              const char *where)
{
    char path[512], prefix[600], error[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (content) {
        FILE *f = fopen(path, "w");
        cr_assert(f != NULL, "checker: cannot write %s", path);
        fputs(content, f);
        fclose(f);
    }
    snprintf(prefix, sizeof prefix, "%s%s", path, where);
    dataset d = {.rows = 99};
    int status = dataset_load(path, &d, error, sizeof error);
    if (content)
        unlink(path);
    cr_assert(status == -1, "checker: the dataset loader accepted the bad file %s", name);
    cr_assert(d.rows == 0 && d.cols == 0 && d.values == NULL && d.names == NULL,
              "checker: the dataset loader left %s half-loaded", name);
    cr_assert(strncmp(error, prefix, strlen(prefix)) == 0 && strchr(error, '\n') == NULL,
              "checker: the dataset loader's report on %s should start with \"%s\", got \"%s\"",
              name, prefix, error);
}

/* The loader rejects each kind of bad input with file, line and column, and reads a good file. */
static void check_dataset_loader(void)
{
    char dir[] = "/tmp/wb-lesson05-XXXXXX";
    cr_assert(mkdtemp(dir) != NULL, "checker: mkdtemp failed");
    expect_load_error(dir, "missing.csv", NULL, ": cannot open: ");
    expect_load_error(dir, "empty.csv", "", ":1:1: ");
    expect_load_error(dir, "header_only.csv", "a,b\n", ":2:1: ");
    expect_load_error(dir, "unnamed.csv", "a,,c\n1,2,3\n", ":1:3: ");
    expect_load_error(dir, "short.csv", "a,b,c\n1,2,3\n4,5\n", ":3:4: ");
    expect_load_error(dir, "long.csv", "a,b\n1,2\n3,4,5\n", ":3:5: ");
    expect_load_error(dir, "word.csv", "a,b\n1,2\n3,x7\n", ":3:3: ");
    expect_load_error(dir, "gap.csv", "a,b\n1, \n", ":2:3: ");
    expect_load_error(dir, "quoted.csv", "a,b\n\"1\",2\n", ":2:1: ");
    expect_load_error(dir, "nan.csv", "a,b\n1,nan\n", ":2:3: ");
    expect_load_error(dir, "blank.csv", "a,b\n1,2\n\n3,4\n", ":3:1: ");

    char path[512], error[512];
    snprintf(path, sizeof path, "%s/good.csv", dir);
    FILE *f = fopen(path, "w");
    cr_assert(f != NULL, "checker: cannot write %s", path);
    fputs("a, b\n1,2\n-3.5e1,4\r\n 5 , 6\n\n", f);
    fclose(f);
    dataset d;
    int status = dataset_load(path, &d, error, sizeof error);
    unlink(path);
    rmdir(dir);
    cr_assert(status == 0, "checker: the dataset loader rejected a good file: %s", error);
    const double want[] = {1, 2, -35, 4, 5, 6};
    cr_assert(d.rows == 3 && d.cols == 2 && memcmp(d.values, want, sizeof want) == 0 &&
                  strcmp(d.names[1], "b") == 0,
              "checker: the dataset loader misread a good file");
    dataset_free(&d);
}

WB_TEST(lesson05, standardize_fit_datasets,
        "standardize_fit on the features of iris, wine and breast cancer (datasets/)")
{
    check_dataset_loader();
    const char *files[] = {"iris.csv", "wine.csv", "breast_cancer.csv"};
    for (size_t k = 0; k < 3; k++) {
        char path[512], error[512], what[600];
        dataset d;
        cr_assert(dataset_load(dataset_path(files[k], path, sizeof path), &d, error, sizeof error) == 0,
                  "checker: %s", error);
        size_t features = d.cols - 1;
        double *X = wb_buffer(d.rows * features), *y = wb_buffer(d.rows);
        dataset_split(&d, X, y);
        snprintf(what, sizeof what, "(the features of %s)", path);
        check_standardize_fit(what, X, d.rows, features);
        dataset_free(&d);
    }
}

WB_TEST(lesson05, standardize_fit_random, "standardize_fit on random features of very different scales")
{
    for (int trial = 0; trial < 10; trial++) {
        size_t rows = 2 + (size_t)wb_uniform(0, MAX_ROWS - 1), cols = 1 + (size_t)trial % MAX_COLS;
        double X[MAX_CELLS], offset[MAX_COLS], scale[MAX_COLS];
        random_features(offset, scale, cols);
        random_rows(X, rows, cols, offset, scale);
        check_standardize_fit("(random: column j = offset_j + scale_j U(-1, 1))", X, rows, cols);
    }
}

WB_TEST(lesson05, standardize_fit_edge_cases,
        "standardize_fit with no rows (-1, writes nothing), one row, and a constant column (std 0)")
{
    const double x[] = {1.0, 2.0};
    double *mean = wb_buffer_copy((double[]){UNTOUCHED, UNTOUCHED}, 2);
    double *std = wb_buffer_copy((double[]){UNTOUCHED, UNTOUCHED}, 2);
    wb_call call = wb_call_of("standardize_fit", "X = {}, rows = 0, cols = 2, mean, std");
    int status = standardize_fit(wb_buffer_copy(x, 2), 0, 2, mean, std);
    wb_expect_untouched_fences(&call, "mean", mean);
    wb_expect_untouched_fences(&call, "std", std);
    expect_status(&call, status, -1, "-1: the statistics of no rows are undefined");
    expect_untouched(&call, "mean", mean, 2, "nothing written when rows == 0");
    expect_untouched(&call, "std", std, 2, "nothing written when rows == 0");

    check_standardize_fit("(a single row: every std is 0)", (const double[]){3.0, -7.25, 1e6}, 1, 3);

    /* 2.5 and -0.75 are exact in binary and so are their sums: the mean is exact, the std 0. */
    double X[8 * 3];
    for (size_t i = 0; i < 8; i++) {
        X[i * 3] = wb_uniform(-5, 5);
        X[i * 3 + 1] = 2.5;
        X[i * 3 + 2] = i % 2 ? wb_uniform(0, 1) : -0.75;
    }
    check_standardize_fit("(column 1 is constant: its std is 0)", X, 8, 3);
}

/* Constant columns whose mean is not exact in double: the sum of the copies is rounded. */
static const struct {
    double value;
    size_t rows;
} CONSTANT_COLUMNS[] = {
    {0.1, 8},   {0.1, 3},    {0.1, 100},        {1e8 + 0.1, 7}, {1e8 + 0.1, 100},
    {14.62, 37}, {-2.7, 10}, {1.0 / 3.0, 64}, {0.001, 13},
};
enum { MAX_CONSTANT_ROWS = 100 };

WB_TEST(lesson05, standardize_fit_constant_columns,
        "standardize_fit gives a constant column std 0 even when its mean is rounded (8 x 0.1, "
        "100 x (1e8 + 0.1), ...)")
{
    for (size_t k = 0; k < sizeof CONSTANT_COLUMNS / sizeof CONSTANT_COLUMNS[0]; k++) {
        size_t rows = CONSTANT_COLUMNS[k].rows;
        double c = CONSTANT_COLUMNS[k].value, data[MAX_CONSTANT_ROWS * 3];
        for (size_t i = 0; i < rows; i++) {
            data[i * 3] = wb_uniform(-5, 5);
            data[i * 3 + 1] = c;
            data[i * 3 + 2] = -c;
        }
        char what[200];
        snprintf(what, sizeof what, "(columns 1 and 2 are %zu copies of %.17g and of its negative: "
                                    "constant, though their computed mean is rounded)", rows, c);
        check_standardize_fit(what, data, rows, 3);
    }
}

WB_TEST(lesson05, standardize_fit_small_spread,
        "standardize_fit keeps the std of a small but real spread: values near 1e-12, "
        "1000 +- 1e-5, -0.5 +- 1e-9")
{
    for (int trial = 0; trial < 6; trial++) {
        size_t rows = 3 + (size_t)wb_uniform(0, 30);
        double data[MAX_CELLS];
        for (size_t i = 0; i < rows; i++) {
            data[i * 3] = 1e-12 * wb_uniform(-1, 1);
            data[i * 3 + 1] = 1000.0 + 1e-5 * wb_uniform(-1, 1);
            data[i * 3 + 2] = -0.5 + 1e-9 * wb_uniform(-1, 1);
        }
        check_standardize_fit("(column 0 is 1e-12 U(-1, 1), column 1 is 1000 + 1e-5 U(-1, 1), "
                              "column 2 is -0.5 + 1e-9 U(-1, 1): small spreads, far above "
                              "rounding noise)", data, rows, 3);
    }
}

/* ---- standardize_apply ----------------------------------------------------------------------- */

/* Calls standardize_apply(X, rows, cols, mean, std, Z), in place when in_place is set. */
static double *call_standardize_apply(const wb_call *call, const double *data, size_t rows,
                                      size_t cols, const double *m, const double *s, bool in_place)
{
    double *X = wb_buffer_copy(data, rows * cols);
    double *mean = wb_buffer_copy(m, cols), *std = wb_buffer_copy(s, cols);
    double *Z = in_place ? X : wb_buffer(rows * cols);
    standardize_apply(X, rows, cols, mean, std, Z);
    if (!in_place)
        expect_unchanged(call, "X", X, data, rows * cols);
    expect_unchanged(call, "mean", mean, m, cols);
    expect_unchanged(call, "std", std, s, cols);
    wb_expect_untouched_fences(call, "Z", Z);
    return Z;
}

/* The rounding error of (x - c_j) / s_j in double: a few ulps of the largest (|x| + |c_j|) / s_j
   (s_j = 1 where it is 0). It matters where the result is near 0, and more so when the spread of
   a feature is small next to its size: x - c then loses the digits x and c share. */
static double shift_scale_error(const double *X, size_t rows, size_t cols, const double *c,
                                const double *s)
{
    double worst = 0.0;
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            worst = fmax(worst, (fabs(X[i * cols + j]) + fabs(c[j])) / (s[j] == 0.0 ? 1.0 : s[j]));
    return 8.0 * DBL_EPSILON * worst;
}

/* The tolerance of standardized values: the default plus the rounding of x - mean. */
static wb_tol standardized_tol(const double *X, size_t rows, size_t cols, const double *mean,
                               const double *std)
{
    return wb_tol_plus(shift_scale_error(X, rows, cols, mean, std),
                       "plus 8 eps max (|x| + |mean|) / std: z is near 0 where x is near the "
                       "mean, and x - mean is rounded");
}

WB_TEST(lesson05, standardize_apply_test_rows,
        "standardize_apply on test rows uses the training statistics it is given")
{
    for (int trial = 0; trial < 8; trial++) {
        size_t cols = 1 + (size_t)trial % 4, n_train = 5 + (size_t)wb_uniform(0, 20);
        size_t n_test = 3 + (size_t)wb_uniform(0, 6);
        double train[MAX_CELLS], test[MAX_CELLS], offset[MAX_COLS], scale[MAX_COLS];
        random_features(offset, scale, cols);
        random_rows(train, n_train, cols, offset, scale);
        shifted_rows(test, n_test, cols, offset, scale);
        double mean[MAX_COLS], std[MAX_COLS], own_mean[MAX_COLS], own_std[MAX_COLS];
        oracle_standardize_fit(train, n_train, cols, mean, std);
        oracle_standardize_fit(test, n_test, cols, own_mean, own_std);
        double want[MAX_CELLS], leaked[MAX_CELLS];
        char shown[3][200];
        oracle_standardize_apply(test, n_test, cols, mean, std, want);
        oracle_standardize_apply(test, n_test, cols, own_mean, own_std, leaked);
        bool in_place = trial == 7;
        wb_call call = wb_call_of("standardize_apply",
                                  "X = %s (test rows), rows = %zu, cols = %zu, mean = %s, std = %s "
                                  "(from the %zu training rows), Z%s",
                                  show_values(shown[0], 200, test, n_test * cols), n_test, cols,
                                  show_values(shown[1], 200, mean, cols),
                                  show_values(shown[2], 200, std, cols), n_train,
                                  in_place ? " = X (in place)" : "");
        double *Z = call_standardize_apply(&call, test, n_test, cols, mean, std, in_place);
        wb_expect_vector(&call, "Z", Z,
                         (wb_expected){want, "(x - mean) / std with the given training statistics, "
                                             "in long double"},
                         n_test * cols, standardized_tol(test, n_test, cols, mean, std),
                         WB_VARIANTS({"fit_on_test_rows", leaked}));
    }
}

/* Fails with zero_spread_not_handled when column j of Z (whose spread is 0) holds NaN or Inf
   while every other column is finite: the code ran, and divided by that zero. */
static void expect_finite_column(const wb_call *call, const double *Z, size_t rows, size_t cols,
                                 size_t j, const char *spread)
{
    for (size_t i = 0; i < rows * cols; i++)
        if (i % cols != j && !isfinite(Z[i]))
            return; /* something else is wrong: the comparison that follows says what */
    for (size_t i = 0; i < rows; i++)
        if (!isfinite(Z[i * cols + j]))
            wb_fail(call, "zero_spread_not_handled",
                    "got        Z[%zu] = %g in column %zu, whose %s is 0: a division by zero.",
                    i * cols + j, Z[i * cols + j], j, spread);
}

WB_TEST(lesson05, standardize_apply_constant_feature,
        "standardize_apply with std = 0: training rows become 0, test rows x - mean")
{
    enum { N = 6, C = 3 };
    double train[N * C], test[N * C];
    for (size_t i = 0; i < N; i++) {
        for (size_t j = 0; j < C; j++) {
            train[i * C + j] = j == 1 ? 4.5 : wb_uniform(-3, 3);
            test[i * C + j] = wb_uniform(-3, 8);
        }
    }
    double mean[C], std[C];
    oracle_standardize_fit(train, N, C, mean, std);
    const double *rows[2] = {train, test};
    const char *names[2] = {"training", "test"};
    for (int k = 0; k < 2; k++) {
        double want[N * C], own_mean[C], own_std[C], leaked[N * C];
        char shown[3][200];
        oracle_standardize_apply(rows[k], N, C, mean, std, want);
        oracle_standardize_fit(rows[k], N, C, own_mean, own_std);
        oracle_standardize_apply(rows[k], N, C, own_mean, own_std, leaked);
        wb_call call = wb_call_of("standardize_apply",
                                  "X = %s (%s rows), rows = %d, cols = %d, mean = %s, std = %s "
                                  "(column 1 is constant in training: std[1] = 0), Z",
                                  show_values(shown[0], 200, rows[k], N * C), names[k], N, C,
                                  show_values(shown[1], 200, mean, C), show_values(shown[2], 200, std, C));
        double *Z = call_standardize_apply(&call, rows[k], N, C, mean, std, false);
        expect_finite_column(&call, Z, N, C, 1, "std");
        wb_expect_vector(&call, "Z", Z,
                         (wb_expected){want, "(x - mean) / std, dividing by 1 where std = 0 "
                                             "(sklearn's convention), in long double"},
                         N * C, standardized_tol(rows[k], N, C, mean, std),
                         WB_VARIANTS({"fit_on_test_rows", leaked}));
    }
}

WB_TEST(lesson05, standardize_train_rows_properties,
        "standardize_fit then standardize_apply on the same rows: each column has mean 0, std 1")
{
    for (int trial = 0; trial < 6; trial++) {
        size_t rows = 3 + (size_t)trial, cols = 1 + (size_t)trial % 3;
        double data[MAX_CELLS], offset[MAX_COLS], scale[MAX_COLS];
        char shown[200];
        random_features(offset, scale, cols);
        random_rows(data, rows, cols, offset, scale);
        wb_call call = wb_call_of("standardize_apply",
                                  "X = %s, rows = %zu, cols = %zu, with mean and std from your "
                                  "standardize_fit on the same X",
                                  show_values(shown, 200, data, rows * cols), rows, cols);
        double *X = wb_buffer_copy(data, rows * cols), *mean = wb_buffer(cols), *std = wb_buffer(cols);
        double *Z = wb_buffer(rows * cols);
        standardize_fit(X, rows, cols, mean, std);
        standardize_apply(X, rows, cols, mean, std, Z);
        wb_expect_untouched_fences(&call, "Z", Z);
        double z_mean[MAX_COLS], z_std[MAX_COLS], zeros[MAX_COLS], ones[MAX_COLS], sample[MAX_COLS];
        for (size_t j = 0; j < cols; j++) {
            z_mean[j] = gsl_stats_mean(Z + j, cols, rows);
            z_std[j] = gsl_stats_sd_with_fixed_mean(Z + j, cols, rows, z_mean[j]);
            zeros[j] = 0.0;
            ones[j] = 1.0;
            sample[j] = sqrt((double)(rows - 1) / (double)rows);
        }
        double ref_mean[MAX_COLS], ref_std[MAX_COLS];
        oracle_standardize_fit(data, rows, cols, ref_mean, ref_std);
        wb_expect_vector(&call, "the mean of each column of Z (gsl_stats_mean)", z_mean,
                         (wb_expected){zeros, "0 by construction"}, cols,
                         standardized_tol(data, rows, cols, ref_mean, ref_std), WB_NO_VARIANTS);
        wb_expect_vector(&call, "the population std of each column of Z", z_std,
                         (wb_expected){ones, "1 by construction (gsl_stats_sd_with_fixed_mean of Z)"},
                         cols, WB_TOL_DEFAULT, WB_VARIANTS({"sample_std", sample}));
    }
}

WB_TEST(lesson05, standardize_constant_columns_pipeline,
        "standardize_fit then standardize_apply on the same rows: a constant column becomes 0, "
        "not 1")
{
    for (size_t k = 0; k < sizeof CONSTANT_COLUMNS / sizeof CONSTANT_COLUMNS[0]; k++) {
        size_t rows = CONSTANT_COLUMNS[k].rows, cols = 2;
        double c = CONSTANT_COLUMNS[k].value, data[MAX_CONSTANT_ROWS * 2];
        for (size_t i = 0; i < rows; i++) {
            data[i * 2] = wb_uniform(-5, 5);
            data[i * 2 + 1] = c;
        }
        double ref_mean[2], ref_std[2], want[MAX_CONSTANT_ROWS * 2];
        oracle_standardize_fit(data, rows, cols, ref_mean, ref_std);
        oracle_standardize_apply(data, rows, cols, ref_mean, ref_std, want);
        char shown[200];
        wb_call call = wb_call_of("standardize_apply",
                                  "X = %s (column 1 is %zu copies of %.17g), rows = %zu, cols = 2, "
                                  "with mean and std from your standardize_fit on the same X",
                                  show_values(shown, sizeof shown, data, rows * cols), rows, c, rows);
        double *X = wb_buffer_copy(data, rows * cols), *mean = wb_buffer(cols), *std = wb_buffer(cols);
        double *Z = wb_buffer(rows * cols);
        standardize_fit(X, rows, cols, mean, std);
        standardize_apply(X, rows, cols, mean, std, Z);
        wb_expect_untouched_fences(&call, "Z", Z);
        bool ones = !wb_todo_reached(call.function);
        for (size_t i = 0; i < rows; i++)
            ones = ones && fabs(Z[i * 2 + 1]) == 1.0;
        if (ones)
            wb_fail(&call, "constant_std_rounding",
                    "expected   Z = 0 in column 1 (a constant column is only shifted)\n"
                    "got        Z = %g in every row of column 1: your std[1] = %.17g is the "
                    "rounding noise of the mean, and (x - mean) / noise = +-1", Z[1], std[1]);
        wb_expect_vector(&call, "Z", Z,
                         (wb_expected){want, "(x - mean) / std with GSL's statistics in long "
                                             "double: exactly 0 in the constant column"},
                         rows * cols,
                         wb_tol_plus(shift_scale_error(data, rows, cols, ref_mean, ref_std) +
                                         (double)rows * DBL_EPSILON * fabs(c),
                                     "plus 8 eps max (|x| + |mean|) / std, the rounding of "
                                     "x - mean, and n eps |c|: the mean of n copies of c is "
                                     "rounded by up to that much"),
                         WB_NO_VARIANTS);
    }
}

/* ---- min-max scaling --------------------------------------------------------------------------- */

WB_TEST(lesson05, minmax_fit_random, "minmax_fit on random features, and with no rows (-1, writes nothing)")
{
    /* First a column of positive values only: a minimum started at 0 instead of at the first
       row stays 0 there, whatever the seed. */
    {
        static const double data[] = {3.0, 5.0, 4.0};
        double want_min[1], want_max[1];
        oracle_minmax_fit(data, 3, 1, want_min, want_max);
        wb_call call = wb_call_of("minmax_fit", "X = {3, 5, 4}, rows = 3, cols = 1, min, max");
        double *X = wb_buffer_copy(data, 3), *min = wb_buffer(1), *max = wb_buffer(1);
        expect_status(&call, minmax_fit(X, 3, 1, min, max), 0, "0: rows >= 1");
        wb_expect_vector(&call, "min", min, (wb_expected){want_min, "gsl_stats_minmax on each column"},
                         1, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
    for (int trial = 0; trial < 10; trial++) {
        size_t rows = 1 + (size_t)wb_uniform(0, MAX_ROWS), cols = 1 + (size_t)trial % MAX_COLS;
        double data[MAX_CELLS], offset[MAX_COLS], scale[MAX_COLS], want_min[MAX_COLS],
            want_max[MAX_COLS];
        char shown[200];
        random_features(offset, scale, cols);
        random_rows(data, rows, cols, offset, scale);
        oracle_minmax_fit(data, rows, cols, want_min, want_max);
        wb_call call = wb_call_of("minmax_fit", "X = %s, rows = %zu, cols = %zu, min, max",
                                  show_values(shown, 200, data, rows * cols), rows, cols);
        double *X = wb_buffer_copy(data, rows * cols), *min = wb_buffer(cols), *max = wb_buffer(cols);
        int status = minmax_fit(X, rows, cols, min, max);
        expect_unchanged(&call, "X", X, data, rows * cols);
        wb_expect_untouched_fences(&call, "min", min);
        wb_expect_untouched_fences(&call, "max", max);
        wb_expect_vector(&call, "min", min, (wb_expected){want_min, "gsl_stats_minmax on each column"},
                         cols, WB_TOL_DEFAULT, WB_NO_VARIANTS);
        wb_expect_vector(&call, "max", max, (wb_expected){want_max, "gsl_stats_minmax on each column"},
                         cols, WB_TOL_DEFAULT, WB_NO_VARIANTS);
        expect_status(&call, status, 0, "0: rows >= 1");
    }
    wb_call call = wb_call_of("minmax_fit", "X = {}, rows = 0, cols = 2, min, max");
    double *min = wb_buffer_copy((double[]){UNTOUCHED, UNTOUCHED}, 2);
    double *max = wb_buffer_copy((double[]){UNTOUCHED, UNTOUCHED}, 2);
    int status = minmax_fit(wb_buffer(2), 0, 2, min, max);
    expect_status(&call, status, -1, "-1: no rows have no minimum");
    expect_untouched(&call, "min", min, 2, "nothing written when rows == 0");
    expect_untouched(&call, "max", max, 2, "nothing written when rows == 0");
}

/* The course notes' wording: lo + (hi - lo) (x - min) / max. */
static void minmax_by_max(const double *X, size_t rows, size_t cols, const double *min,
                          const double *max, double lo, double hi, double *Z)
{
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            Z[i * cols + j] = lo + (hi - lo) * (X[i * cols + j] - min[j]) / max[j];
}

/* The tolerance of min-max scaled values: the default plus the rounding of x - min, stretched by
   hi - lo, and of lo + (hi - lo) t, which cancels where the result is near 0. */
static wb_tol minmax_tol(const double *X, size_t rows, size_t cols, const double *min,
                         const double *max, double lo, double hi)
{
    double range[MAX_COLS];
    for (size_t j = 0; j < cols; j++)
        range[j] = max[j] - min[j];
    return wb_tol_plus((hi - lo) * shift_scale_error(X, rows, cols, min, range) +
                           8.0 * DBL_EPSILON * (fabs(lo) + fabs(hi)),
                       "plus 8 eps ((hi - lo) max (|x| + |min|) / (max - min) + |lo| + |hi|): "
                       "the rounding of x - min and of lo + (hi - lo) t, which matter where "
                       "the result is near 0");
}

/* Calls minmax_apply and compares Z with the scaling by the given min and max. */
static void check_minmax_apply(const char *which, const double *data, size_t rows, size_t cols,
                               const double *m, const double *M, double lo, double hi,
                               const double *leaked)
{
    double want[MAX_CELLS], by_max[MAX_CELLS];
    char shown[3][200];
    oracle_minmax_apply(data, rows, cols, m, M, lo, hi, want);
    minmax_by_max(data, rows, cols, m, M, lo, hi, by_max);
    wb_call call = wb_call_of("minmax_apply",
                              "X = %s (%s), rows = %zu, cols = %zu, min = %s, max = %s, lo = %g, "
                              "hi = %g, Z", show_values(shown[0], 200, data, rows * cols), which,
                              rows, cols, show_values(shown[1], 200, m, cols),
                              show_values(shown[2], 200, M, cols), lo, hi);
    double *X = wb_buffer_copy(data, rows * cols), *min = wb_buffer_copy(m, cols);
    double *max = wb_buffer_copy(M, cols), *Z = wb_buffer(rows * cols);
    int status = minmax_apply(X, rows, cols, min, max, lo, hi, Z);
    expect_unchanged(&call, "X", X, data, rows * cols);
    expect_unchanged(&call, "min", min, m, cols);
    expect_unchanged(&call, "max", max, M, cols);
    wb_expect_untouched_fences(&call, "Z", Z);
    wb_expect_vector(&call, "Z", Z,
                     (wb_expected){want, "lo + (hi - lo) (x - min) / (max - min) with the given "
                                         "min and max, in long double"},
                     rows * cols, minmax_tol(data, rows, cols, m, M, lo, hi),
                     WB_VARIANTS({"minmax_divides_by_max", by_max},
                                 {"fit_on_test_rows", leaked ? leaked : want}));
    expect_status(&call, status, 0, "0: lo < hi");
}

static const double RANGES[][2] = {{0.0, 1.0}, {-1.0, 1.0}, {-3.0, 0.5}, {2.0, 10.0}};

WB_TEST(lesson05, minmax_apply_train_rows,
        "minmax_apply maps the training rows onto [lo, hi]: [0, 1], [-1, 1] and others")
{
    for (int trial = 0; trial < 8; trial++) {
        size_t rows = 2 + (size_t)wb_uniform(0, 20), cols = 1 + (size_t)trial % 4;
        double data[MAX_CELLS], offset[MAX_COLS], scale[MAX_COLS], min[MAX_COLS], max[MAX_COLS];
        random_features(offset, scale, cols);
        random_rows(data, rows, cols, offset, scale);
        oracle_minmax_fit(data, rows, cols, min, max);
        check_minmax_apply("training rows", data, rows, cols, min, max, RANGES[trial % 4][0],
                           RANGES[trial % 4][1], NULL);
    }
}

WB_TEST(lesson05, minmax_apply_test_rows,
        "minmax_apply on test rows uses the training min and max it is given")
{
    for (int trial = 0; trial < 8; trial++) {
        size_t cols = 1 + (size_t)trial % 4, n_train = 4 + (size_t)wb_uniform(0, 20);
        size_t n_test = 3 + (size_t)wb_uniform(0, 6);
        double train[MAX_CELLS], test[MAX_CELLS], offset[MAX_COLS], scale[MAX_COLS];
        random_features(offset, scale, cols);
        random_rows(train, n_train, cols, offset, scale);
        shifted_rows(test, n_test, cols, offset, scale);
        double min[MAX_COLS], max[MAX_COLS], own_min[MAX_COLS], own_max[MAX_COLS], leaked[MAX_CELLS];
        double lo = RANGES[trial % 4][0], hi = RANGES[trial % 4][1];
        oracle_minmax_fit(train, n_train, cols, min, max);
        oracle_minmax_fit(test, n_test, cols, own_min, own_max);
        oracle_minmax_apply(test, n_test, cols, own_min, own_max, lo, hi, leaked);
        check_minmax_apply("test rows; min and max from the training rows", test, n_test, cols,
                           min, max, lo, hi, leaked);
    }
}

WB_TEST(lesson05, minmax_apply_edge_cases,
        "minmax_apply with lo >= hi (-1, writes nothing) and with max = min (training rows -> lo)")
{
    const double bad[][2] = {{1.0, 1.0}, {1.0, 0.0}, {NAN, 1.0}, {0.0, INFINITY}};
    const double x[] = {1.0, 2.0}, m[] = {0.0, 0.0}, M[] = {4.0, 4.0};
    for (int k = 0; k < 4; k++) {
        wb_call call = wb_call_of("minmax_apply", "X = {1, 2}, rows = 1, cols = 2, min = {0, 0}, "
                                                  "max = {4, 4}, lo = %g, hi = %g, Z",
                                  bad[k][0], bad[k][1]);
        double *Z = wb_buffer_copy((double[]){UNTOUCHED, UNTOUCHED}, 2);
        int status = minmax_apply(wb_buffer_copy(x, 2), 1, 2, wb_buffer_copy(m, 2),
                                  wb_buffer_copy(M, 2), bad[k][0], bad[k][1], Z);
        expect_status(&call, status, -1, "-1: the target range needs finite lo < hi");
        expect_untouched(&call, "Z", Z, 2, "nothing written when the range is invalid");
    }

    enum { N = 5, C = 2 };
    double train[N * C], test[N * C], min[C], max[C];
    for (size_t i = 0; i < N; i++) {
        train[i * C] = wb_uniform(-3, 3);
        train[i * C + 1] = -1.25;
        test[i * C] = wb_uniform(-3, 3);
        test[i * C + 1] = wb_uniform(-2, 0);
    }
    oracle_minmax_fit(train, N, C, min, max);
    for (int k = 0; k < 2; k++) {
        const double *data = k ? test : train;
        char shown[200];
        wb_call call = wb_call_of("minmax_apply", "X = %s (%s rows; column 1 is constant -1.25 in "
                                                  "training: max = min), rows = %d, cols = %d, "
                                                  "lo = -1, hi = 1, Z",
                                  show_values(shown, 200, data, N * C), k ? "test" : "training", N, C);
        double want[N * C];
        oracle_minmax_apply(data, N, C, min, max, -1.0, 1.0, want);
        double *Z = wb_buffer(N * C);
        int status = minmax_apply(wb_buffer_copy(data, N * C), N, C, wb_buffer_copy(min, C),
                                  wb_buffer_copy(max, C), -1.0, 1.0, Z);
        wb_expect_untouched_fences(&call, "Z", Z);
        expect_finite_column(&call, Z, N, C, 1, "max - min");
        wb_expect_vector(&call, "Z", Z,
                         (wb_expected){want, "lo + (hi - lo) (x - min) / r, r = 1 where max = min "
                                             "(sklearn's convention), in long double"},
                         N * C, minmax_tol(data, N, C, min, max, -1.0, 1.0), WB_NO_VARIANTS);
        expect_status(&call, status, 0, "0: lo < hi");
    }
}

/* ---- one-hot codes ----------------------------------------------------------------------------- */

/* The code of category c among n with the 1 moved by shift (what an off-by-one writes in range). */
static void shifted_code(double *out, size_t n, long c, long shift)
{
    for (size_t k = 0; k < n; k++)
        out[k] = (long)k == c + shift ? 1.0 : 0.0;
}

WB_TEST(lesson05, one_hot_every_category, "one_hot for every category of 1 to 6 classes")
{
    for (size_t n = 1; n <= 6; n++) {
        for (int c = 0; c < (int)n; c++) {
            double want[6], up[6], down[6];
            shifted_code(want, n, c, 0);
            shifted_code(up, n, c, +1);
            shifted_code(down, n, c, -1);
            wb_call call = wb_call_of("one_hot", "category = %d, n_categories = %zu, out", c, n);
            double *out = wb_buffer(n);
            int status = one_hot(c, n, out);
            /* the values first: an off-by-one at the last category also writes past the end */
            wb_expect_vector(&call, "out", out, (wb_expected){want, "1 at index category, 0 elsewhere"},
                             n, WB_TOL_DEFAULT,
                             WB_VARIANTS({"one_hot_off_by_one", up}, {"one_hot_off_by_one", down}));
            wb_expect_untouched_fences(&call, "out", out);
            expect_status(&call, status, 0, "0: the category is in range");
        }
    }
}

WB_TEST(lesson05, one_hot_out_of_range,
        "one_hot with category < 0 or >= n_categories returns -1 and writes nothing")
{
    const struct {
        int category;
        size_t n;
    } cases[] = {{4, 4}, {-1, 4}, {7, 3}, {0, 0}, {2, 2}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        wb_call call = wb_call_of("one_hot", "category = %d, n_categories = %zu, out",
                                  cases[k].category, cases[k].n);
        double fill[4] = {UNTOUCHED, UNTOUCHED, UNTOUCHED, UNTOUCHED};
        double *out = wb_buffer_copy(fill, 4);
        int status = one_hot(cases[k].category, cases[k].n, out);
        wb_expect_untouched_fences(&call, "out", out);
        expect_status(&call, status, -1, "-1: the category is out of range");
        expect_untouched(&call, "out", out, 4, "nothing written for a category out of range");
    }
}

/* ---- the notes' record ---------------------------------------------------------------------------- */

/* The record with the one-hot 1s moved by shift, written in the natural order (measurements,
   then each block zeroed and its 1 set), dropping what falls outside the 9 values. */
static void person_code(double *out, const double m[3], int sex, int constitution, int shift)
{
    const int start[2] = {3, 3 + PERSON_SEX_CLASSES}, size[2] = {PERSON_SEX_CLASSES,
                                                                 PERSON_CONSTITUTION_CLASSES};
    const int category[2] = {sex, constitution};
    memcpy(out, m, 3 * sizeof *out);
    for (int b = 0; b < 2; b++) {
        for (int k = 0; k < size[b]; k++)
            out[start[b] + k] = 0.0;
        int one = start[b] + category[b] + shift;
        if (one >= 0 && one < PERSON_FEATURES)
            out[one] = 1.0;
    }
}

static void check_encode_person(const double m[3], int sex, int constitution, const char *source)
{
    double want[PERSON_FEATURES], up[PERSON_FEATURES], down[PERSON_FEATURES];
    person_code(want, m, sex, constitution, 0);
    person_code(up, m, sex, constitution, +1);
    person_code(down, m, sex, constitution, -1);
    wb_call call = wb_call_of("encode_person", "height_m = %.10g, weight_kg = %.10g, "
                                               "blood_pressure = %.10g, sex = %d, constitution = %d, out",
                              m[0], m[1], m[2], sex, constitution);
    double *out = wb_buffer(PERSON_FEATURES);
    int status = encode_person(m[0], m[1], m[2], sex, constitution, out);
    wb_expect_vector(&call, "out", out, (wb_expected){want, source}, PERSON_FEATURES,
                     WB_TOL_DEFAULT,
                     WB_VARIANTS({"one_hot_off_by_one", up}, {"one_hot_off_by_one", down}));
    wb_expect_untouched_fences(&call, "out", out);
    expect_status(&call, status, 0, "0: both classes are in range");
}

WB_TEST(lesson05, encode_person_notes_record,
        "encode_person on the notes' record: 1.755 m, 65.5 kg, 122, male, the third constitution")
{
    check_encode_person((const double[]){1.755, 65.5, 122.0}, 0, 2,
                        "the course notes (Training Art), with all 9 values: the notes print only 7, "
                        "(1.755, 65.5, 122, 1, 0, 0, 0), see Errata");
}

WB_TEST(lesson05, encode_person_every_class, "encode_person for every sex and constitution class")
{
    for (int sex = 0; sex < PERSON_SEX_CLASSES; sex++)
        for (int c = 0; c < PERSON_CONSTITUTION_CLASSES; c++) {
            double m[3] = {wb_uniform(1.4, 2.0), wb_uniform(40, 110), wb_uniform(90, 160)};
            check_encode_person(m, sex, c, "the measurements, then one_hot(sex, 2), then "
                                           "one_hot(constitution, 4)");
        }
}

WB_TEST(lesson05, encode_person_out_of_range,
        "encode_person with a class out of range returns -1 and writes nothing")
{
    const int cases[][2] = {{2, 0}, {-1, 1}, {0, 4}, {1, -1}};
    for (size_t k = 0; k < 4; k++) {
        wb_call call = wb_call_of("encode_person", "height_m = 1.755, weight_kg = 65.5, "
                                                   "blood_pressure = 122, sex = %d, constitution = "
                                                   "%d, out", cases[k][0], cases[k][1]);
        double fill[PERSON_FEATURES];
        for (size_t i = 0; i < PERSON_FEATURES; i++)
            fill[i] = UNTOUCHED;
        double *out = wb_buffer_copy(fill, PERSON_FEATURES);
        int status = encode_person(1.755, 65.5, 122.0, cases[k][0], cases[k][1], out);
        wb_expect_untouched_fences(&call, "out", out);
        expect_status(&call, status, -1, "-1: sex must be 0 or 1, constitution 0 to 3");
        expect_untouched(&call, "out", out, PERSON_FEATURES,
                         "nothing written when a class is out of range");
    }
}
