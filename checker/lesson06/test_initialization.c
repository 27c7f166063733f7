/*
 * Lesson 6 suite: weight initialization.
 * Expected values: acceptance intervals from stats.h (chi-square bounds on the sample variance,
 * normal bounds on the mean, the DKW bound on the Kolmogorov-Smirnov distance from
 * gsl_cdf_flat_P / gsl_cdf_gaussian_P), the law of the largest of n uniform draws, the checker's
 * own dense layer in long double, and the bounds of oracle_initialization.h on the activations
 * of deep networks. Every statistical test has a false-alarm rate of at most 1e-6 in total: its
 * checks share it equally.
 */
#include "check.h"
#include "initialization.h"
#include "oracle_initialization.h"
#include "stats.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"variance_for_std", NULL,
     N_("The weights' variance is the square of the intended one: the code passed the variance "
     "(e.g. 2 / (fan_in + fan_out)) to gsl_ran_gaussian, whose second argument is the standard "
     "deviation."),
     N_("Take the square root first: sigma = sqrt(2.0 / (fan_in + fan_out)), then "
     "gsl_ran_gaussian(rng, sigma) draws from N(0, sigma^2).")},
    {"xavier_fan_in_only", NULL,
     N_("The scale uses fan_in only (r = 1 / sqrt(fan_in), or sigma = 1 / sqrt(fan_in)): that is "
     "init_lecun_uniform's range, which the course notes (Training Art) call Xavier."),
     N_("Glorot and Bengio average the two fans: r = sqrt(6 / (fan_in + fan_out)) for the uniform "
     "law and sigma = sqrt(2 / (fan_in + fan_out)) for the normal one, both with variance "
     "2 / (fan_in + fan_out).")},
    {"he_fan_in_plus_out", "init_he_normal",
     N_("The variance is 4 / (fan_in + fan_out), the form in the course notes (Lecture 5). He et al. "
     "use 2 / fan_in; the two agree only when fan_in == fan_out."),
     N_("sigma = sqrt(2.0 / fan_in): a unit's pre-activation sums fan_in terms, and ReLU keeps "
     "half of E[z^2], so Var(W) = 2 / fan_in keeps the signal's size.")},
    {"identical_rows", NULL,
     N_("Rows of W are equal: the units they feed compute the same output and receive the same "
     "gradient, so they stay copies of each other forever (the symmetry is never broken)."),
     N_("Draw every one of the fan_out * fan_in weights from the rng you are given: one draw per "
     "weight; never copy a row, draw one value for all, or re-seed the rng.")},
    {"zero_spread", NULL,
     N_("Every weight is exactly 0: the spread (sigma or r) came out 0. In C, 2 / (fan_in + fan_out) "
     "and 6 / (fan_in + fan_out) divide integers and round down to 0 (the rows are then all "
     "equal too, but because there is no spread, not because a row was copied)."),
     N_("Divide in double: sqrt(2.0 / (double)(fan_in + fan_out)); one operand in double is enough.")},
    {"weights_transposed", "deep_forward_stats",
     N_("The layer used W[i][j] for the weight from input i to unit j: W was read as "
     "fan_in x fan_out."),
     N_("W is fan_out x fan_in, row-major: unit j's weights are row j, so "
     "z_j = sum_i W[j * width + i] * h_i.")},
    {"sample_std", "deep_forward_stats",
     N_("The std divides by N - 1 (the sample standard deviation); the lesson asks for the "
     "population divisor N = batch * width."),
     N_("std = sqrt(sum (h - mean)^2 / N) with N = batch * width, as numpy's std() and lesson 5.")},
};
WB_MISTAKES(mistakes)

/* The false-alarm rate of a whole statistical test. */
static const double TEST_ALPHA = 1e-6;

/* ---- the laws of the four schemes ------------------------------------------------------------ */

typedef int (*init_fn)(double *W, size_t fan_in, size_t fan_out, gsl_rng *rng);

/* A known mistake and the variance of the weights it draws. */
typedef struct {
    const char *id;
    double variance;
} wrong_variance;

/* What the weights of a scheme must follow: U[-scale, scale] or N(0, scale^2). */
typedef struct {
    const char *formula;
    int uniform;
    double scale;
    wrong_variance wrong[2]; /* id NULL: none */
} weight_law;

static double law_variance(const weight_law *law)
{
    return law->uniform ? law->scale * law->scale / 3.0 : law->scale * law->scale;
}

/* The law of init_kind's weights in a fan_in -> fan_out layer, with its mistakes' variances. */
static weight_law law_of(init_kind kind, size_t fan_in, size_t fan_out, double std)
{
    const double fi = (double)fan_in, fs = (double)(fan_in + fan_out);
    switch (kind) {
    case INIT_XAVIER_UNIFORM:
        return (weight_law){"U[-r, r], r = sqrt(6 / (fan_in + fan_out))", 1, sqrt(6.0 / fs),
                            {{"xavier_fan_in_only", 1.0 / (3.0 * fi)}, {NULL, 0}}};
    case INIT_XAVIER_NORMAL:
        return (weight_law){"N(0, sigma^2), sigma = sqrt(2 / (fan_in + fan_out))", 0, sqrt(2.0 / fs),
                            {{"variance_for_std", (2.0 / fs) * (2.0 / fs)},
                             {"xavier_fan_in_only", 1.0 / fi}}};
    case INIT_HE_NORMAL:
        return (weight_law){"N(0, sigma^2), sigma = sqrt(2 / fan_in)", 0, sqrt(2.0 / fi),
                            {{"variance_for_std", (2.0 / fi) * (2.0 / fi)},
                             {"he_fan_in_plus_out", 4.0 / fs}}};
    case INIT_LECUN_UNIFORM:
        return (weight_law){"U[-r, r], r = 1 / sqrt(fan_in)", 1, 1.0 / sqrt(fi),
                            {{NULL, 0}, {NULL, 0}}};
    case INIT_GAUSSIAN:
        break;
    }
    return (weight_law){"N(0, std^2)", 0, std, {{NULL, 0}, {NULL, 0}}};
}

static const struct {
    init_kind kind;
    const char *name;
    init_fn f;
} INITS[4] = {
    {INIT_XAVIER_UNIFORM, "init_xavier_uniform", init_xavier_uniform},
    {INIT_XAVIER_NORMAL, "init_xavier_normal", init_xavier_normal},
    {INIT_HE_NORMAL, "init_he_normal", init_he_normal},
    {INIT_LECUN_UNIFORM, "init_lecun_uniform", init_lecun_uniform},
};

/* ---- checks on a matrix of weights ----------------------------------------------------------- */

static bool disjoint(oracle_interval a, oracle_interval b) { return a.hi < b.lo || b.hi < a.lo; }

/* W (rows x cols) has no two equal rows; first, not every weight is 0 (a spread of 0). */
static void expect_rows_distinct(const wb_call *call, const double *W, size_t rows, size_t cols)
{
    size_t zeros = 0;
    for (size_t k = 0; k < rows * cols; k++)
        zeros += W[k] == 0.0;
    if (zeros == rows * cols && rows * cols > 1)
        wb_fail(call, "zero_spread", "expected   weights spread around 0 (independent draws)\n"
                "got        all %zu weights exactly 0", rows * cols);
    for (size_t a = 0; a < rows; a++)
        for (size_t b = a + 1; b < rows; b++)
            if (memcmp(W + a * cols, W + b * cols, cols * sizeof *W) == 0)
                wb_fail(call, "identical_rows",
                        "expected   every row of W different (independent draws)\n"
                        "got        row %zu == row %zu: W[%zu] = %.17g, W[%zu] = %.17g, ...",
                        a, b, a * cols, W[a * cols], b * cols, W[b * cols]);
}

/*
 * The variance intervals of the law's mistakes, for n draws of `times` times their variance,
 * where they do not overlap the right one (want); returns how many.
 */
static size_t wrong_intervals(const weight_law *law, double times, size_t n, double alpha,
                              oracle_interval want, wb_variant_range out[2])
{
    size_t nv = 0;
    for (size_t k = 0; k < 2 && law->wrong[k].id; k++) {
        oracle_interval v = oracle_variance_interval(times * law->wrong[k].variance, n, alpha);
        if (disjoint(v, want))
            out[nv++] = (wb_variant_range){law->wrong[k].id, v.lo, v.hi};
    }
    return nv;
}

/* The sample variance of W against the law's, naming a mistake whose own interval holds it. */
static void expect_variance(const wb_call *call, const double *W, size_t n, const weight_law *law,
                            double alpha)
{
    oracle_interval want = oracle_variance_interval(law_variance(law), n, alpha);
    wb_variant_range variants[2];
    size_t nv = wrong_intervals(law, 1.0, n, alpha, want, variants);
    char what[160], how[200];
    snprintf(what, sizeof what, "the sample variance of the %zu weights (%s: variance %.6g)", n,
             law->formula, law_variance(law));
    snprintf(how, sizeof how, "%s%s", want.how,
             law->uniform ? "; for uniform draws, whose variance estimate spreads less than a "
                            "Gaussian's, the bound is conservative" : "");
    wb_expect_interval(call, what, gsl_stats_variance(W, 1, n), want.lo, want.hi, how, alpha,
                       variants, nv);
}

/*
 * U[-r, r]: max |w| <= r always, and max |w| < r (1 - d) has probability (1 - d)^n, which is
 * alpha for d = 1 - alpha^(1/n): the largest weight pins r down.
 */
static void expect_uniform_range(const wb_call *call, const double *W, size_t n,
                                 const weight_law *law, double alpha)
{
    double biggest = 0.0, d = -expm1(log(alpha) / (double)n), slack = 1.0 + 4.0 * DBL_EPSILON;
    for (size_t k = 0; k < n; k++)
        biggest = fmax(biggest, fabs(W[k]));
    wb_variant_range variants[2];
    size_t nv = 0;
    for (size_t k = 0; k < 2 && law->wrong[k].id; k++) {
        double rv = sqrt(3.0 * law->wrong[k].variance);
        if (rv * slack < law->scale * (1.0 - d) || rv * (1.0 - d) > law->scale * slack)
            variants[nv++] = (wb_variant_range){law->wrong[k].id, rv * (1.0 - d), rv * slack};
    }
    char what[120], how[200];
    snprintf(what, sizeof what, "max |W[k]| over %zu weights (r = %.9g)", n, law->scale);
    snprintf(how, sizeof how, "no draw of U[-r, r] exceeds r (plus 4 eps for rounding); all %zu "
                              "stay below r (1 - %.2g) with probability alpha", n, d);
    wb_expect_interval(call, what, biggest, law->scale * (1.0 - d), law->scale * slack, how, alpha,
                       variants, nv);
}

static double flat_cdf(double x, void *r) { return gsl_cdf_flat_P(x, -*(double *)r, *(double *)r); }
static double gaussian_cdf(double x, void *sigma) { return gsl_cdf_gaussian_P(x, *(double *)sigma); }

/* The Kolmogorov-Smirnov distance of W from the law's cdf, below the DKW bound. */
static void expect_shape(const wb_call *call, const double *W, size_t n, const weight_law *law,
                         double alpha)
{
    double *sorted = malloc(n * sizeof *sorted), scale = law->scale;
    cr_assert(sorted != NULL, "checker: out of memory");
    memcpy(sorted, W, n * sizeof *sorted);
    double d = oracle_ks_distance(sorted, n, law->uniform ? flat_cdf : gaussian_cdf, &scale);
    free(sorted);
    char what[160];
    snprintf(what, sizeof what, "the Kolmogorov-Smirnov distance of the weights from the cdf of %s "
                                "(%s)",
             law->formula, law->uniform ? "gsl_cdf_flat_P" : "gsl_cdf_gaussian_P");
    wb_expect_interval(call, what, d, 0.0, oracle_ks_bound(n, alpha),
                       "Dvoretzky-Kiefer-Wolfowitz bound, oracle_ks_bound", alpha, WB_NO_VARIANTS);
}

/* How many statistical checks expect_weights makes for a law. */
static int weight_checks(const weight_law *law) { return law->uniform ? 4 : 3; }

/* Rows distinct, then the variance, the range (uniform), the mean and the shape of the law. */
static void expect_weights(const wb_call *call, const double *W, size_t rows, size_t cols,
                           const weight_law *law, double alpha)
{
    size_t n = rows * cols;
    for (size_t k = 0; k < n; k++)
        if (!isfinite(W[k]))
            wb_fail(call, NULL, "expected   finite weights\ngot        W[%zu] = %g: a weight that "
                                "was never written, or a 0/0", k, W[k]);
    expect_rows_distinct(call, W, rows, cols);
    expect_variance(call, W, n, law, alpha);
    if (law->uniform)
        expect_uniform_range(call, W, n, law, alpha);
    oracle_interval mean = oracle_mean_interval(0.0, sqrt(law_variance(law)), n, alpha);
    wb_expect_interval(call, "the mean of the weights", gsl_stats_mean(W, 1, n), mean.lo, mean.hi,
                       mean.how, alpha, WB_NO_VARIANTS);
    expect_shape(call, W, n, law, alpha);
}

/* ---- the four schemes ------------------------------------------------------------------------ */

/* The status an init function returned, which must be 0 for valid fans. */
static void expect_status(const wb_call *call, int got, int want, const char *why)
{
    wb_expect_scalar(call, (double)got, (double)want, why, WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

/*
 * A scheme on three layers: the worked example of the README (300 inputs, 100 outputs), a layer
 * that widens (32 -> 256), and a random one.
 */
static void check_scheme(size_t which)
{
    size_t shapes[3][2] = {{300, 100}, {32, 256}, {0, 0}};
    shapes[2][0] = 20 + gsl_rng_uniform_int(wb_rng(), 101);
    shapes[2][1] = 20 + gsl_rng_uniform_int(wb_rng(), 101);
    for (size_t s = 0; s < 3; s++) {
        size_t fi = shapes[s][0], fo = shapes[s][1];
        weight_law law = law_of(INITS[which].kind, fi, fo, 0.0);
        double alpha = TEST_ALPHA / (3.0 * weight_checks(&law));
        wb_call call = wb_call_of(INITS[which].name, "W, fan_in = %zu, fan_out = %zu, rng", fi, fo);
        double *W = wb_buffer(fi * fo);
        int status = INITS[which].f(W, fi, fo, wb_rng());
        wb_expect_untouched_fences(&call, "W", W);
        expect_status(&call, status, 0, "the status for valid fans");
        expect_weights(&call, W, fo, fi, &law, alpha);
    }
}

WB_TEST(lesson06, xavier_uniform, "init_xavier_uniform draws U[-r, r], r = sqrt(6/(fan_in+fan_out))")
{
    check_scheme(0);
}

WB_TEST(lesson06, xavier_normal, "init_xavier_normal draws N(0, 2/(fan_in+fan_out))")
{
    check_scheme(1);
}

WB_TEST(lesson06, he_normal, "init_he_normal draws N(0, 2/fan_in)")
{
    check_scheme(2);
}

WB_TEST(lesson06, lecun_uniform, "init_lecun_uniform draws U[-r, r], r = 1/sqrt(fan_in)")
{
    check_scheme(3);
}

/*
 * Rows 2k and 2k+1 of independent draws differ by w - w' with variance 2 Var(W); for copied rows
 * the difference is 0. Then no two rows may be equal at all.
 */
WB_TEST(lesson06, symmetry_broken, "every scheme gives every unit its own weights")
{
    const size_t fi = 64, fo = 64;
    const double alpha = TEST_ALPHA / 4.0;
    for (size_t which = 0; which < 4; which++) {
        weight_law law = law_of(INITS[which].kind, fi, fo, 0.0);
        wb_call call = wb_call_of(INITS[which].name, "W, fan_in = %zu, fan_out = %zu, rng", fi, fo);
        double *W = wb_buffer(fi * fo), diff[32 * 64];
        int status = INITS[which].f(W, fi, fo, wb_rng());
        wb_expect_untouched_fences(&call, "W", W);
        expect_status(&call, status, 0, "the status for valid fans");
        expect_rows_distinct(&call, W, fo, fi);
        for (size_t k = 0; k < fo / 2; k++)
            for (size_t i = 0; i < fi; i++)
                diff[k * fi + i] = W[2 * k * fi + i] - W[(2 * k + 1) * fi + i];
        size_t n = fo / 2 * fi;
        oracle_interval want = oracle_variance_interval(2.0 * law_variance(&law), n, alpha);
        wb_variant_range variants[3] = {{"identical_rows", 0.0, 0.0}};
        size_t nv = 1 + wrong_intervals(&law, 2.0, n, alpha, want, variants + 1);
        wb_expect_interval(&call, "the sample variance of W[2k][i] - W[2k+1][i] (2 Var(W))",
                           gsl_stats_variance(diff, 1, n), want.lo, want.hi, want.how, alpha,
                           variants, nv);
    }
}

WB_TEST(lesson06, same_seed_same_weights, "the weights come from the rng passed in: same seed, same "
                                          "weights")
{
    const size_t fi = 12, fo = 7;
    for (size_t which = 0; which < 4; which++) {
        unsigned long seed = gsl_rng_get(wb_rng());
        gsl_rng *a = gsl_rng_alloc(gsl_rng_mt19937), *b = gsl_rng_alloc(gsl_rng_mt19937);
        gsl_rng_set(a, seed);
        gsl_rng_set(b, seed);
        wb_call call = wb_call_of(INITS[which].name, "W, fan_in = %zu, fan_out = %zu, rng (mt19937 "
                                  "seeded with %lu), twice from the same seed", fi, fo, seed);
        double *first = wb_buffer(fi * fo), *again = wb_buffer(fi * fo), *next = wb_buffer(fi * fo);
        int status = INITS[which].f(first, fi, fo, a);
        INITS[which].f(again, fi, fo, b);
        INITS[which].f(next, fi, fo, a);
        gsl_rng_free(a);
        gsl_rng_free(b);
        wb_expect_untouched_fences(&call, "W", first);
        expect_status(&call, status, 0, "the status for valid fans");
        wb_expect_vector(&call, "W", again,
                         (wb_expected){first, "your first call: the same seed gives the same draws"},
                         fi * fo, (wb_tol){0.0, 0.0, "exactly equal"}, WB_NO_VARIANTS);
        if (memcmp(first, next, fi * fo * sizeof *first) == 0)
            wb_fail(&call, NULL, "expected   new weights from a second call on the same rng\n"
                                 "got        the same weights again: draw from the rng you are "
                                 "given (it moves on after every draw), not from a copy or a new one");
    }
}

WB_TEST(lesson06, init_zeros, "init_zeros sets every bias to 0")
{
    for (int trial = 0; trial < 5; trial++) {
        size_t n = 1 + gsl_rng_uniform_int(wb_rng(), 50);
        double zeros[50] = {0};
        wb_call call = wb_call_of("init_zeros", "b, n = %zu", n);
        double *b = wb_buffer(n);
        init_zeros(b, n);
        wb_expect_untouched_fences(&call, "b", b);
        wb_expect_vector(&call, "b", b, (wb_expected){zeros, "biases start at 0"}, n,
                         (wb_tol){0.0, 0.0, "exactly 0"}, WB_NO_VARIANTS);
    }
}

/* ---- invalid arguments ----------------------------------------------------------------------- */

static void expect_nothing_written(const wb_call *call, const char *name, const double *buf, size_t n)
{
    wb_expect_untouched_fences(call, name, buf);
    for (size_t k = 0; k < n; k++)
        if (!isnan(buf[k]))
            wb_fail(call, NULL, "expected   -1 and nothing written\ngot        %s[%zu] = %g was "
                                "written", name, k, buf[k]);
}

WB_TEST(lesson06, invalid_arguments, "a zero fan or size, or an unknown scheme, returns -1 and "
                                     "writes nothing")
{
    const size_t fans[3][2] = {{0, 5}, {5, 0}, {0, 0}};
    for (size_t which = 0; which < 4; which++)
        for (size_t c = 0; c < 3; c++) {
            wb_call call = wb_call_of(INITS[which].name, "W, fan_in = %zu, fan_out = %zu, rng",
                                      fans[c][0], fans[c][1]);
            double *W = wb_buffer(5);
            int status = INITS[which].f(W, fans[c][0], fans[c][1], wb_rng());
            expect_status(&call, status, -1, "the status for a zero fan: a layer without inputs "
                                             "or outputs has no scale");
            expect_nothing_written(&call, "W", W, 5);
        }
    const struct {
        size_t batch, width, depth;
        int act, kind;
        double std;
        const char *what;
    } bad[] = {
        {0, 4, 2, ACT_TANH, INIT_XAVIER_NORMAL, 0, "batch = 0"},
        {2, 0, 2, ACT_TANH, INIT_XAVIER_NORMAL, 0, "width = 0"},
        {2, 4, 0, ACT_TANH, INIT_XAVIER_NORMAL, 0, "depth = 0"},
        {2, 4, 2, 7, INIT_XAVIER_NORMAL, 0, "act = 7 (unknown)"},
        {2, 4, 2, ACT_RELU, 9, 0, "scheme.kind = 9 (unknown)"},
        {2, 4, 2, ACT_RELU, INIT_GAUSSIAN, -0.1, "INIT_GAUSSIAN, std = -0.1"},
        {2, 4, 2, ACT_RELU, INIT_GAUSSIAN, NAN, "INIT_GAUSSIAN, std = NaN"},
    };
    double X[8] = {0.5, -1, 2, 0.25, 1, 1, -0.5, 0};
    for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++) {
        wb_call call = wb_call_of("deep_forward_stats", "X, %s, rng, W, H, mean, std", bad[c].what);
        double *W = wb_buffer(32), *H = wb_buffer(16), *mean = wb_buffer(2), *std = wb_buffer(2);
        init_scheme scheme = {(init_kind)bad[c].kind, bad[c].std};
        int status = deep_forward_stats(X, bad[c].batch, bad[c].width, bad[c].depth,
                                        (activation)bad[c].act, scheme, wb_rng(), W, H, mean, std);
        expect_status(&call, status, -1, "the status for invalid arguments");
        expect_nothing_written(&call, "mean", mean, 2);
        expect_nothing_written(&call, "std", std, 2);
        expect_nothing_written(&call, "H", H, 16);
        expect_nothing_written(&call, "W", W, 32);
    }
}

/* ---- deep_forward_stats ---------------------------------------------------------------------- */

static const char *KIND_NAME[] = {"INIT_XAVIER_UNIFORM", "INIT_XAVIER_NORMAL", "INIT_HE_NORMAL",
                                  "INIT_LECUN_UNIFORM", "INIT_GAUSSIAN"};

/* The student's run, in fenced buffers. */
typedef struct {
    wb_call call;
    double *W, *H, *mean, *std;
} deep_run;

/*
 * Calls deep_forward_stats on X and checks the status and the fences. `about_x` describes X
 * for the message.
 */
static deep_run run_deep(const double *X, const char *about_x, size_t batch, size_t width,
                         size_t depth, activation act, init_scheme scheme)
{
    deep_run r;
    char sch[80];
    if (scheme.kind == INIT_GAUSSIAN)
        snprintf(sch, sizeof sch, "{INIT_GAUSSIAN, %g}", scheme.std);
    else
        snprintf(sch, sizeof sch, "{%s}", KIND_NAME[scheme.kind]);
    r.call = wb_call_of("deep_forward_stats", "X = %s, batch = %zu, width = %zu, depth = %zu, "
                        "act = %s, scheme = %s, rng, W, H, mean, std", about_x, batch, width, depth,
                        act == ACT_TANH ? "ACT_TANH" : "ACT_RELU", sch);
    const double *x = wb_buffer_copy(X, batch * width);
    r.W = wb_buffer(depth * width * width);
    r.H = wb_buffer(depth * batch * width);
    r.mean = wb_buffer(depth);
    r.std = wb_buffer(depth);
    int status = deep_forward_stats(x, batch, width, depth, act, scheme, wb_rng(), r.W, r.H, r.mean,
                                    r.std);
    wb_expect_untouched_fences(&r.call, "W", r.W);
    wb_expect_untouched_fences(&r.call, "H", r.H);
    wb_expect_untouched_fences(&r.call, "mean", r.mean);
    wb_expect_untouched_fences(&r.call, "std", r.std);
    expect_status(&r.call, status, 0, "the status for valid arguments");
    return r;
}

static void gaussian_batch(double *X, size_t n)
{
    for (size_t k = 0; k < n; k++)
        X[k] = gsl_ran_gaussian(wb_rng(), 1.0);
}

/*
 * Layer by layer from the student's own h_{l-1} and W_l, so that rounding cannot pile up:
 * h_l = act(h_{l-1} W_l^T) in long double, then the layer's mean and population std.
 */
WB_TEST(lesson06, deep_forward_layers, "deep_forward_stats: every h_l = act(h_{l-1} W_l^T), and "
                                       "its mean and std")
{
    const struct {
        size_t batch, width, depth;
        activation act;
        init_scheme scheme;
    } nets[] = {
        {5, 24, 4, ACT_TANH, {INIT_XAVIER_UNIFORM, 0}}, {3, 17, 5, ACT_RELU, {INIT_HE_NORMAL, 0}},
        {4, 32, 3, ACT_TANH, {INIT_GAUSSIAN, 1.0}},     {1, 8, 6, ACT_RELU, {INIT_LECUN_UNIFORM, 0}},
        {6, 20, 3, ACT_TANH, {INIT_XAVIER_NORMAL, 0}},
    };
    for (size_t c = 0; c < sizeof nets / sizeof nets[0]; c++) {
        size_t B = nets[c].batch, n = nets[c].width, L = nets[c].depth, N = B * n;
        double X[6 * 32], want[6 * 32], wrong[6 * 32];
        gaussian_batch(X, N);
        char about[40];
        snprintf(about, sizeof about, "%zu x %zu draws of N(0, 1)", B, n);
        deep_run r = run_deep(X, about, B, n, L, nets[c].act, nets[c].scheme);
        int relu = nets[c].act == ACT_RELU;
        for (size_t l = 0; l < L; l++) {
            const double *in = l == 0 ? X : r.H + (l - 1) * N, *h = r.H + l * N;
            double atol = oracle_dense_layer(in, B, n, r.W + l * n * n, relu, 0, want);
            oracle_dense_layer(in, B, n, r.W + l * n * n, relu, 1, wrong);
            char name[40];
            snprintf(name, sizeof name, "h_%zu (H + %zu)", l + 1, l * N);
            wb_expect_vector(&r.call, name, h,
                             (wb_expected){want, "act(h_{l-1} W_l^T) in long double, from your "
                                                 "h_{l-1} and W_l"},
                             N, wb_tol_plus(atol, "plus 4 width eps sum |w h|: the rounding of a "
                                                  "dot product"),
                             WB_VARIANTS({"weights_transposed", wrong}));
            double m, s, sample, biggest = 0.0;
            oracle_mean_std(h, N, &m, &s, &sample);
            for (size_t k = 0; k < N; k++)
                biggest = fmax(biggest, fabs(h[k]));
            wb_tol sum_tol = wb_tol_plus(4.0 * (double)N * DBL_EPSILON * biggest,
                                         "plus 4 N eps max |h|: the rounding of a sum of N terms");
            wb_call at = r.call;
            snprintf(at.text + strlen(at.text), sizeof at.text - strlen(at.text),
                     ", layer %zu: mean[%zu], std[%zu]", l + 1, l, l);
            wb_expect_scalar(&at, r.mean[l], m, "the mean of your h_l, in long double", sum_tol,
                             WB_NO_VARIANTS);
            wb_expect_scalar(&at, r.std[l], s, "sqrt(sum (h - mean)^2 / N) of your h_l, in long "
                                               "double", sum_tol, WB_VARIANTS({"sample_std", &sample}));
        }
    }
}

/* Every layer's weights follow the scheme, and each layer has its own. */
WB_TEST(lesson06, deep_forward_weights, "deep_forward_stats draws each layer's weights with the scheme")
{
    const size_t B = 2, n = 64, L = 4;
    const init_scheme schemes[] = {{INIT_XAVIER_UNIFORM, 0}, {INIT_XAVIER_NORMAL, 0},
                                   {INIT_HE_NORMAL, 0}, {INIT_LECUN_UNIFORM, 0},
                                   {INIT_GAUSSIAN, 0.05}};
    const size_t count = sizeof schemes / sizeof schemes[0];
    for (size_t c = 0; c < count; c++) {
        double X[2 * 64];
        gaussian_batch(X, B * n);
        deep_run r = run_deep(X, "2 x 64 draws of N(0, 1)", B, n, L, ACT_TANH, schemes[c]);
        weight_law law = law_of(schemes[c].kind, n, n, schemes[c].std);
        for (size_t l = 1; l < L; l++)
            if (memcmp(r.W, r.W + l * n * n, n * n * sizeof *r.W) == 0)
                wb_fail(&r.call, NULL, "expected   new weights for every layer\ngot        layer "
                                       "%zu's weights (W + %zu) equal layer 1's", l + 1, l * n * n);
        for (size_t l = 0; l < L; l++)
            expect_rows_distinct(&r.call, r.W + l * n * n, n, n);
        double alpha = TEST_ALPHA / (double)(count * 2);
        expect_variance(&r.call, r.W, L * n * n, &law, alpha);
        if (law.uniform)
            expect_uniform_range(&r.call, r.W, L * n * n, &law, alpha);
    }
}

/* ---- what depth does to the activations ------------------------------------------------------ */

enum { DEEP_BATCH = 16, DEEP_WIDTH = 256, DEEP_DEPTH = 10 };

typedef oracle_interval (*ms_bound)(size_t layer, double alpha);

/*
 * Runs a 16 x 256 batch whose rows have mean square 1 through 10 layers, then checks each
 * layer's mean square, std^2 + mean^2, against its bound (each at alpha / 10).
 */
static void check_depth(activation act, init_scheme scheme, ms_bound bound, const char *claim)
{
    static double X[DEEP_BATCH * DEEP_WIDTH];
    const size_t B = DEEP_BATCH, n = DEEP_WIDTH, L = DEEP_DEPTH;
    gaussian_batch(X, B * n);
    for (size_t b = 0; b < B; b++) {
        double ms = 0.0;
        for (size_t i = 0; i < n; i++)
            ms += X[b * n + i] * X[b * n + i] / (double)n;
        for (size_t i = 0; i < n; i++)
            X[b * n + i] /= sqrt(ms);
    }
    deep_run r = run_deep(X, "16 x 256 draws of N(0, 1), each row scaled to mean square 1", B, n,
                          L, act, scheme);
    double alpha = TEST_ALPHA / (double)L;
    for (size_t l = 1; l <= L; l++) {
        oracle_interval want = bound(l, alpha);
        char what[160];
        snprintf(what, sizeof what, "layer %zu's mean square std[%zu]^2 + mean[%zu]^2 (%s)", l,
                 l - 1, l - 1, claim);
        double ms = r.std[l - 1] * r.std[l - 1] + r.mean[l - 1] * r.mean[l - 1];
        wb_expect_interval(&r.call, what, ms, want.lo, want.hi, want.how, alpha, WB_NO_VARIANTS);
    }
}

static oracle_interval tiny_bound(size_t layer, double alpha)
{
    return oracle_ms_vanishing(DEEP_WIDTH, DEEP_BATCH, layer, 0.01, alpha);
}

static oracle_interval large_bound(size_t layer, double alpha)
{
    return oracle_ms_saturated(DEEP_WIDTH, DEEP_BATCH, layer, 1.0, alpha);
}

static oracle_interval xavier_tanh_bound(size_t layer, double alpha)
{
    return oracle_ms_xavier_tanh(DEEP_WIDTH, DEEP_BATCH, layer, alpha);
}

static oracle_interval he_relu_bound(size_t layer, double alpha)
{
    return oracle_ms_he_relu(DEEP_WIDTH, DEEP_BATCH, layer, alpha);
}

WB_TEST(lesson06, deep_tiny_vanishes, "tanh, N(0, 0.01^2) weights (AlexNet's): the activations "
                                      "shrink to 0")
{
    check_depth(ACT_TANH, (init_scheme){INIT_GAUSSIAN, 0.01}, tiny_bound,
                "too small: it must shrink geometrically");
}

WB_TEST(lesson06, deep_large_saturates, "tanh, N(0, 1) weights: the activations saturate at +-1")
{
    check_depth(ACT_TANH, (init_scheme){INIT_GAUSSIAN, 1.0}, large_bound,
                "too large: most units sit near -1 or +1");
}

WB_TEST(lesson06, deep_xavier_tanh_healthy, "tanh with Xavier normal: neither vanishing nor saturated")
{
    check_depth(ACT_TANH, (init_scheme){INIT_XAVIER_NORMAL, 0}, xavier_tanh_bound,
                "Xavier: below saturation, and shrinking at most geometrically");
}

WB_TEST(lesson06, deep_he_relu_healthy, "ReLU with He normal: the mean square stays near 1")
{
    check_depth(ACT_RELU, (init_scheme){INIT_HE_NORMAL, 0}, he_relu_bound,
                "He: E[ms] stays 1 at every layer");
}
