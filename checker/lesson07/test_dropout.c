/*
 * Lesson 7 suite: dropout and its scaling.
 * Expected values: the checker's own dropout in long double (checker/oracle/dropout.c), applied
 * to the mask your code reports; acceptance intervals from GSL's cdf functions (stats.h) for the
 * number of dropped units and for the mean output; the course notes' rates p_input = 0.2 and
 * p_hidden = 0.5 (Training Art) for the worked backward example.
 */
#include "check.h"
#include "dropout.h"
#include "stats.h"
/* by path: the lesson's own header is also called dropout.h, and comes first on the path */
#include "oracle_dropout.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"scale_by_p", "dropout_forward",
     N_("The kept units were multiplied by p, the drop probability, instead of divided by the keep "
     "probability 1 - p."),
     N_("A unit survives with probability 1 - p, so E[mask * x] = (1 - p) x; dividing the kept "
     "units by (1 - p) gives back E[y] = x.")},
    {"scale_by_one_minus_p", "dropout_forward",
     N_("The kept units were multiplied by 1 - p instead of divided by it: the expected output "
     "shrinks to (1 - p)^2 x instead of staying x."),
     N_("Inverted dropout divides the kept units by the keep probability: y = mask * x / (1 - p). "
     "Multiplying by 1 - p belongs to classic dropout, and only at evaluation.")},
    {"scale_missing", NULL,
     N_("Nothing compensates for the dropped units, so training and evaluation see activations "
     "of different sizes."),
     N_("Inverted dropout (dropout_forward) divides the kept units by (1 - p) during training; "
     "classic dropout (dropout_forward_classic) multiplies by (1 - p) at evaluation instead.")},
    {"scaled_twice", "dropout_forward",
     N_("The compensation for dropped units was applied twice: inverted dropout already divides by "
     "(1 - p) during training, and the result was scaled again (once more by 1 / (1 - p), or by "
     "(1 - p) at evaluation, which is the classic convention's correction)."),
     N_("Pick one convention and scale once. In dropout_forward: y = mask * x / (1 - p) in "
     "training and y = x at evaluation.")},
    {"shared_draw", NULL,
     N_("One random draw decided every unit: the mask is all 0 or all 1, so a whole layer is kept "
     "or dropped at once (and its mean then looks scaled twice, or zero)."),
     N_("Draw once per unit, inside the loop: mask[i] = gsl_rng_uniform(rng) < p ? 0 : 1. Each "
     "unit is dropped independently of the others.")},
    {"p_as_keep_probability", NULL,
     N_("p was used as the probability of keeping a unit; here it is the probability of dropping "
     "one (PyTorch's meaning, and the notes' p_input = 0.2, p_hidden = 0.5)."),
     N_("Drop unit i when a uniform draw u in [0, 1) is below p (u < p: mask 0), keep it otherwise. "
     "The original paper's p is the keep probability: read every formula with its convention.")},
    {"dropout_at_eval", NULL,
     N_("Units are still dropped at evaluation (train = false)."),
     N_("Dropout is a training-time regulariser: at evaluation every unit is kept (mask = 1) and no "
     "random number is drawn. Check the train flag first.")},
    {"backward_ignores_mask", "dropout_backward",
     N_("The gradient reached units that were dropped: dx ignores the mask."),
     N_("A dropped unit's output is the constant 0, so its gradient is 0: "
     "dx[i] = dy[i] * mask[i] / (1 - p).")},
};
WB_MISTAKES(mistakes)

/* The course asks for a false-alarm rate of at most 1e-6 per test, split over its checks. */
static const double ALPHA = 1e-6;

/* The notes' dropout rates (Training Art): input layer and hidden layer. */
static const double P_INPUT = 0.2, P_HIDDEN = 0.5;

typedef int (*forward_fn)(const double *x, double *y, double *mask, size_t n, double p_drop,
                          bool train, gsl_rng *rng);

/* ---- helpers ------------------------------------------------------------------------------ */

/* The first values of a long vector, for a call's description: "{a, b, c, ...}". */
static void describe(char *out, size_t size, const double *v, size_t n)
{
    size_t len = (size_t)snprintf(out, size, "{");
    for (size_t i = 0; i < n && i < 4 && len < size; i++)
        len += (size_t)snprintf(out + len, size - len, "%s%.6g", i ? ", " : "", v[i]);
    if (len < size)
        snprintf(out + len, size - len, "%s}", n > 4 ? ", ..." : "");
}

/* n values drawn uniformly from [lo, hi), in a fenced buffer. */
static double *random_vector(size_t n, double lo, double hi)
{
    double *v = wb_buffer(n);
    for (size_t i = 0; i < n; i++)
        v[i] = wb_uniform(lo, hi);
    return v;
}

/* n copies of value, in a fenced buffer (the checker's scratch arrays are fenced too). */
static double *constant_vector(size_t n, double value)
{
    double *v = wb_buffer(n);
    for (size_t i = 0; i < n; i++)
        v[i] = value;
    return v;
}

/* A fresh mt19937 stream, seeded from the test's own stream (so SEED=n replays it). */
static gsl_rng *seeded_rng(unsigned long seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    cr_assert(r != NULL, "checker: out of memory");
    gsl_rng_set(r, seed);
    return r;
}

/* A stub has nothing to compare yet: say what the function should produce. */
static void expect_written(const wb_call *call, const char *what)
{
    if (wb_todo_reached(call->function))
        wb_fail(call, NULL, "expected   %s", what);
}

static void expect_status(const wb_call *call, int got, int want, const char *source)
{
    wb_expect_scalar(call, (double)got, (double)want, source, WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

/* Every mask[i] is exactly 0 (dropped) or 1 (kept). */
static void expect_binary_mask(const wb_call *call, const double *mask, size_t n, double p)
{
    for (size_t i = 0; i < n; i++) {
        if (mask[i] == 0.0 || mask[i] == 1.0)
            continue;
        const char *why = fabs(mask[i] * (1.0 - p) - 1.0) < 1e-12
                              ? "\n           (that is 1 / (1 - p): keep the scale out of the mask; "
                                "y carries it)"
                              : "";
        wb_fail(call, NULL, "expected   mask[i] = 0 (dropped) or 1 (kept) for every i\n"
                            "got        mask[%zu] = %.17g%s", i, mask[i], why);
    }
}

/* The student's stream was not advanced: its next number is its twin's next number. */
static void expect_no_draws(const wb_call *call, gsl_rng *used, gsl_rng *twin, const char *when)
{
    if (gsl_rng_get(used) != gsl_rng_get(twin))
        wb_fail(call, NULL, "expected   no random number drawn %s\n"
                            "got        rng advanced (its next number differs from an rng seeded "
                            "alike that was not used)", when);
}

static size_t count_dropped(const double *mask, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += mask[i] == 0.0;
    return k;
}

/* y = mask * x * scale by the oracle, into a fresh fenced buffer. */
static double *masked(const double *x, const double *mask, size_t n, long double scale)
{
    double *y = wb_buffer(n);
    oracle_dropout_apply(x, mask, n, scale, y);
    return y;
}

/* The interval of the dropped count at p and its p-as-keep-probability variant. */
static void expect_dropped_fraction(const wb_call *call, const double *mask, size_t n, double p,
                                    double alpha)
{
    oracle_interval want = oracle_binomial_interval(p, n, alpha);
    oracle_interval swapped = oracle_binomial_interval(1.0 - p, n, alpha);
    char what[120];
    snprintf(what, sizeof what, "the number of dropped units (mask[i] == 0) of n = %zu, p = %g",
             n, p);
    wb_expect_interval(call, what, (double)count_dropped(mask, n), want.lo, want.hi, want.how,
                       alpha,
                       (const wb_variant_range[]){{"p_as_keep_probability", swapped.lo, swapped.hi}},
                       1);
}

/* ---- dropout_forward ---------------------------------------------------------------------- */

WB_TEST(lesson07, forward_p_zero, "both forwards with p = 0 are the identity, in training and at evaluation")
{
    const size_t n = 50;
    const forward_fn forwards[2] = {dropout_forward, dropout_forward_classic};
    const char *names[2] = {"dropout_forward", "dropout_forward_classic"};
    for (int which = 0; which < 2; which++)
        for (int train = 1; train >= 0; train--) {
            double *x = random_vector(n, -3.0, 3.0), *y = wb_buffer(n), *mask = wb_buffer(n);
            const double *ones = constant_vector(n, 1.0), *zeros = constant_vector(n, 0.0);
            char xs[120];
            describe(xs, sizeof xs, x, n);
            wb_call call = wb_call_of(names[which], "x = %s, y, mask, n = %zu, p_drop = 0, "
                                                    "train = %s, rng",
                                      xs, n, train ? "true" : "false");
            int status = forwards[which](x, y, mask, n, 0.0, train, wb_rng());
            wb_expect_untouched_fences(&call, "y", y);
            wb_expect_untouched_fences(&call, "mask", mask);
            expect_written(&call, "y = x and mask = 1 everywhere: with p = 0 nothing is dropped");
            expect_status(&call, status, 0, "0: p = 0 is a valid rate");
            wb_expect_vector(&call, "mask", mask,
                             (wb_expected){ones, "every unit kept: probability 1 - p = 1"}, n,
                             WB_TOL_DEFAULT, WB_VARIANTS({"p_as_keep_probability", zeros}));
            wb_expect_vector(&call, "y", y,
                             (wb_expected){x, which ? "x itself: mask * x, or (1 - 0) x"
                                                    : "x itself: 1 / (1 - 0) = 1"},
                             n, WB_TOL_DEFAULT, WB_VARIANTS({"scale_by_p", zeros}));
        }
}

WB_TEST(lesson07, forward_eval, "dropout_forward at evaluation returns x, mask = 1, and draws nothing")
{
    const size_t n = 200;
    const double rates[] = {P_INPUT, P_HIDDEN, wb_uniform(0.05, 0.95)};
    for (size_t k = 0; k < 3; k++) {
        double p = rates[k], *x = random_vector(n, -3.0, 3.0);
        double *y = wb_buffer(n), *mask = wb_buffer(n);
        unsigned long seed = gsl_rng_get(wb_rng());
        gsl_rng *rng = seeded_rng(seed), *twin = seeded_rng(seed);
        char xs[120];
        describe(xs, sizeof xs, x, n);
        wb_call call = wb_call_of("dropout_forward", "x = %s, y, mask, n = %zu, p_drop = %.15g, "
                                                     "train = false, rng = mt19937 seeded %lu",
                                  xs, n, p, seed);
        int status = dropout_forward(x, y, mask, n, p, false, rng);
        wb_expect_untouched_fences(&call, "y", y);
        wb_expect_untouched_fences(&call, "mask", mask);
        expect_written(&call, "y = x and mask = 1 everywhere: evaluation uses every unit");
        expect_status(&call, status, 0, "0: p is a valid rate");
        const double *twice = masked(x, constant_vector(n, 1.0), n, 1.0L - p);
        const double *dropping = masked(x, mask, n, 1.0L / (1.0L - p));
        wb_expect_vector(&call, "y", y,
                         (wb_expected){x, "x itself: inverted dropout needs no correction at "
                                          "evaluation"},
                         n, WB_TOL_DEFAULT,
                         WB_VARIANTS({"scaled_twice", twice}, {"dropout_at_eval", dropping}));
        wb_expect_vector(&call, "mask", mask,
                         (wb_expected){constant_vector(n, 1.0), "every unit kept at evaluation"}, n,
                         WB_TOL_DEFAULT, WB_NO_VARIANTS);
        expect_no_draws(&call, rng, twin, "at evaluation");
        gsl_rng_free(rng);
        gsl_rng_free(twin);
    }
}

/*
 * Every unit has its own draw: a mask of n equal values has probability p^n + (1 - p)^n with
 * independent draws; when that is below 1e-9, equal values mean one draw decided them all.
 */
static void expect_independent_units(const wb_call *call, const double *mask, size_t n, double p)
{
    double all_equal = pow(p, (double)n) + pow(1.0 - p, (double)n);
    size_t dropped = count_dropped(mask, n);
    if (n < 2 || all_equal > 1e-9 || (dropped != 0 && dropped != n))
        return;
    wb_fail(call, "shared_draw", "expected   some units kept and some dropped: with one draw "
            "per unit, all %zu alike has probability %.3g\ngot        every unit %s", n,
            all_equal, dropped ? "dropped" : "kept");
}

/* Calls a forward function in training on x and checks its status and mask; returns y. */
static double *train_call(const wb_call *call, forward_fn forward, const double *x, double *mask,
                          size_t n, double p, gsl_rng *rng, const char *what)
{
    double *y = wb_buffer(n);
    int status = forward(x, y, mask, n, p, true, rng);
    wb_expect_untouched_fences(call, "y", y);
    wb_expect_untouched_fences(call, "mask", mask);
    expect_written(call, what);
    expect_status(call, status, 0, "0: p is a valid rate");
    expect_binary_mask(call, mask, n, p);
    expect_independent_units(call, mask, n, p);
    return y;
}

static const char *const INVERTED = "y[i] = mask[i] * x[i] / (1 - p) with mask[i] in {0, 1}";

WB_TEST(lesson07, forward_train_exact, "in training, y = mask * x / (1 - p) for the mask reported")
{
    const size_t n = 200;
    const double rates[] = {P_INPUT, P_HIDDEN, wb_uniform(0.05, 0.95)};
    for (size_t k = 0; k < 3; k++) {
        double p = rates[k], *x = random_vector(n, -3.0, 3.0), *mask = wb_buffer(n);
        char xs[120];
        describe(xs, sizeof xs, x, n);
        wb_call call = wb_call_of("dropout_forward", "x = %s, y, mask, n = %zu, p_drop = %.15g, "
                                                     "train = true, rng", xs, n, p);
        double *y = train_call(&call, dropout_forward, x, mask, n, p, wb_rng(), INVERTED);
        long double keep = 1.0L - p;
        const double *want = masked(x, mask, n, 1.0L / keep);
        wb_expect_vector(&call, "y", y,
                         (wb_expected){want, "mask * x / (1 - p) in long double, with your mask"},
                         n, WB_TOL_DEFAULT,
                         WB_VARIANTS({"scale_by_p", masked(x, mask, n, p)},
                                     {"scale_by_one_minus_p", masked(x, mask, n, keep)},
                                     {"scale_missing", masked(x, mask, n, 1.0L)},
                                     {"scaled_twice", masked(x, mask, n, 1.0L / (keep * keep))},
                                     {"p_as_keep_probability", masked(x, mask, n, 1.0L / p)}));
    }
}

WB_TEST(lesson07, forward_reproducible, "the same seed gives the same mask; another seed another mask")
{
    const size_t n = 256;
    const double p = P_HIDDEN, *x = random_vector(n, -3.0, 3.0);
    unsigned long seed = gsl_rng_get(wb_rng());
    double *mask[3], *y[3];
    const unsigned long seeds[3] = {seed, seed, seed + 1};
    char xs[120];
    describe(xs, sizeof xs, x, n);
    for (int run = 0; run < 3; run++) {
        wb_call call = wb_call_of("dropout_forward", "x = %s, y, mask, n = %zu, p_drop = 0.5, "
                                                     "train = true, rng = mt19937 seeded %lu",
                                  xs, n, seeds[run]);
        gsl_rng *rng = seeded_rng(seeds[run]);
        mask[run] = wb_buffer(n);
        y[run] = train_call(&call, dropout_forward, x, mask[run], n, p, rng, INVERTED);
        gsl_rng_free(rng);
        if (run == 1) {
            wb_expect_vector(&call, "mask", mask[1],
                             (wb_expected){mask[0], "the mask of the first call, whose rng was "
                                                    "seeded alike: the mask must come from rng"},
                             n, WB_TOL_DEFAULT, WB_NO_VARIANTS);
            wb_expect_vector(&call, "y", y[1], (wb_expected){y[0], "y of the first call"}, n,
                             WB_TOL_DEFAULT, WB_NO_VARIANTS);
        }
        if (run == 2 && memcmp(mask[2], mask[0], n * sizeof *mask[0]) == 0)
            wb_fail(&call, NULL, "expected   a mask different from the one of seed %lu (two seeds "
                                 "give the same 256 coin flips with probability 2^-256)\n"
                                 "got        the same mask: it does not come from rng", seed);
    }
}

WB_TEST(lesson07, forward_dropped_fraction, "the number of dropped units is Binomial(n, p)")
{
    const size_t n = 10000;
    const double rates[] = {P_INPUT, P_HIDDEN, wb_uniform(0.05, 0.95)};
    for (size_t k = 0; k < 3; k++) {
        double p = rates[k], *mask = wb_buffer(n);
        const double *x = random_vector(n, 0.0, 2.0);
        wb_call call = wb_call_of("dropout_forward", "x = %zu values in [0, 2), y, mask, n = %zu, "
                                                     "p_drop = %.15g, train = true, rng", n, n, p);
        train_call(&call, dropout_forward, x, mask, n, p, wb_rng(), INVERTED);
        expect_dropped_fraction(&call, mask, n, p, ALPHA / 3);
    }
}

/* The intervals of the mean of y for the right scaling and for each wrong one. */
static void expect_mean_output(const wb_call *call, const double *x, const double *y, size_t n,
                               double p, double scale, const char *what, double alpha,
                               const wb_variant_range *variants, size_t n_variants)
{
    oracle_interval want = oracle_dropout_mean_interval(x, n, 1.0 - p, scale, alpha);
    wb_expect_interval(call, what, gsl_stats_mean(y, 1, n), want.lo, want.hi, want.how, alpha,
                       variants, n_variants);
}

static wb_variant_range mean_variant(const char *id, const double *x, size_t n, double keep,
                                     double scale, double alpha)
{
    oracle_interval band = oracle_dropout_mean_interval(x, n, keep, scale, alpha);
    return (wb_variant_range){id, band.lo, band.hi};
}

WB_TEST(lesson07, forward_mean_preserved, "in training, the mean output is the mean input: E[y] = x")
{
    const size_t n = 20000;
    const double rates[] = {P_INPUT, P_HIDDEN};
    for (size_t k = 0; k < 2; k++) {
        double p = rates[k], q = 1.0 - p, alpha = ALPHA / 2, *mask = wb_buffer(n);
        const double *x = random_vector(n, 0.0, 2.0);
        wb_call call = wb_call_of("dropout_forward", "x = %zu values in [0, 2) with mean %.6g, y, "
                                                     "mask, n = %zu, p_drop = %g, train = true, rng",
                                  n, gsl_stats_mean(x, 1, n), n, p);
        double *y = train_call(&call, dropout_forward, x, mask, n, p, wb_rng(), INVERTED);
        const wb_variant_range wrong[] = {
            mean_variant("scale_by_p", x, n, q, p, alpha),
            mean_variant("scale_by_one_minus_p", x, n, q, q, alpha),
            mean_variant("scale_missing", x, n, q, 1.0, alpha),
            mean_variant("scaled_twice", x, n, q, 1.0 / (q * q), alpha),
            mean_variant("p_as_keep_probability", x, n, p, 1.0 / q, alpha),
            mean_variant("p_as_keep_probability", x, n, p, 1.0 / p, alpha),
        };
        char what[80];
        snprintf(what, sizeof what, "the mean of y (E[y] = the mean of x, %.6g)",
                 gsl_stats_mean(x, 1, n));
        expect_mean_output(&call, x, y, n, p, 1.0 / q, what, alpha, wrong,
                           sizeof wrong / sizeof wrong[0]);
    }
}

/* ---- invalid rates ------------------------------------------------------------------------ */

static const double BAD_RATES[] = {-0.1, 1.0, 1.5, NAN};

/* A forward function with an invalid p: DROPOUT_INVALID_P, y and mask untouched, no draws. */
static void check_invalid_forward(const char *name, forward_fn forward, double p, bool train)
{
    const size_t n = 8;
    double *x = random_vector(n, -3.0, 3.0);
    const double *before = constant_vector(n, 7.0);
    double *y = wb_buffer_copy(before, n), *mask = wb_buffer_copy(before, n);
    unsigned long seed = gsl_rng_get(wb_rng());
    gsl_rng *rng = seeded_rng(seed), *twin = seeded_rng(seed);
    wb_call call = wb_call_of(name, "x, y = {7, ...}, mask = {7, ...}, n = %zu, p_drop = %g, "
                                    "train = %s, rng", n, p, train ? "true" : "false");
    int status = forward(x, y, mask, n, p, train, rng);
    wb_expect_untouched_fences(&call, "y", y);
    wb_expect_untouched_fences(&call, "mask", mask);
    expect_status(&call, status, DROPOUT_INVALID_P,
                  "DROPOUT_INVALID_P (-1): p must lie in [0, 1); at p = 1 inverted dropout would "
                  "divide by 1 - p = 0");
    wb_expect_vector(&call, "y", y, (wb_expected){before, "y as it was: nothing is written"}, n,
                     WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_expect_vector(&call, "mask", mask, (wb_expected){before, "mask as it was"}, n,
                     WB_TOL_DEFAULT, WB_NO_VARIANTS);
    expect_no_draws(&call, rng, twin, "for an invalid p");
    gsl_rng_free(rng);
    gsl_rng_free(twin);
}

static void check_invalid_forwards(const char *name, forward_fn forward)
{
    for (size_t k = 0; k < sizeof BAD_RATES / sizeof BAD_RATES[0]; k++)
        for (int train = 1; train >= 0; train--)
            check_invalid_forward(name, forward, BAD_RATES[k], train);
}

WB_TEST(lesson07, forward_invalid_p, "dropout_forward rejects p outside [0, 1) and writes nothing")
{
    check_invalid_forwards("dropout_forward", dropout_forward);
}

/* ---- dropout_backward --------------------------------------------------------------------- */

/* Checks dropout_backward(dy, mask, dx, n, p) against the oracle and the wrong variants. */
static void check_backward(const double *dy, const double *mask, size_t n, double p,
                           const double *want, const char *source)
{
    char ds[120], ms[120];
    describe(ds, sizeof ds, dy, n);
    describe(ms, sizeof ms, mask, n);
    wb_call call = wb_call_of("dropout_backward", "dy = %s, mask = %s, dx, n = %zu, p_drop = %.15g",
                              ds, ms, n, p);
    const double *cdy = wb_buffer_copy(dy, n), *cmask = wb_buffer_copy(mask, n);
    double *dx = wb_buffer(n);
    int status = dropout_backward(cdy, cmask, dx, n, p);
    wb_expect_untouched_fences(&call, "dx", dx);
    wb_expect_vector(&call, "dx", dx, (wb_expected){want, source}, n, WB_TOL_DEFAULT,
                     WB_VARIANTS({"backward_ignores_mask", masked(dy, constant_vector(n, 1.0), n,
                                                                  1.0L / (1.0L - p))},
                                 {"backward_ignores_mask", dy},
                                 {"scale_by_p", masked(dy, mask, n, p)},
                                 {"scale_by_one_minus_p", masked(dy, mask, n, 1.0L - p)},
                                 {"scale_missing", masked(dy, mask, n, 1.0L)}));
    expect_status(&call, status, 0, "0: p is a valid rate");
}

WB_TEST(lesson07, backward_random, "dropout_backward: dx = dy * mask / (1 - p) on random masks")
{
    const size_t n = 100;
    const double rates[] = {0.0, P_INPUT, P_HIDDEN, wb_uniform(0.05, 0.95)};
    for (size_t k = 0; k < 4; k++) {
        double p = rates[k], *dy = random_vector(n, -3.0, 3.0), *mask = wb_buffer(n);
        oracle_dropout_mask(wb_rng(), p, mask, n);
        check_backward(dy, mask, n, p, masked(dy, mask, n, 1.0L / (1.0L - p)),
                       "dy * mask / (1 - p) in long double");
    }
}

WB_TEST(lesson07, backward_worked, "dropout_backward at the notes' rates: kept gradients times 1.25 and 2")
{
    const double dy[5] = {0.3, -1.2, 0.8, 2.0, -0.5}, mask[5] = {1, 0, 1, 1, 0};
    const double input[5] = {0.375, 0.0, 1.0, 2.5, 0.0}, hidden[5] = {0.6, 0.0, 1.6, 4.0, 0.0};
    check_backward(dy, mask, 5, P_INPUT, input,
                   "p_input = 0.2 from the notes: kept units times 1 / 0.8 = 1.25, dropped 0");
    check_backward(dy, mask, 5, P_HIDDEN, hidden,
                   "p_hidden = 0.5 from the notes: kept units times 1 / 0.5 = 2, dropped 0");
}

WB_TEST(lesson07, backward_invalid_p, "dropout_backward rejects p outside [0, 1) and writes nothing")
{
    const size_t n = 8;
    for (size_t k = 0; k < sizeof BAD_RATES / sizeof BAD_RATES[0]; k++) {
        double p = BAD_RATES[k];
        const double *dy = random_vector(n, -3.0, 3.0), *mask = constant_vector(n, 1.0);
        const double *before = constant_vector(n, 7.0);
        double *dx = wb_buffer_copy(before, n);
        wb_call call = wb_call_of("dropout_backward", "dy, mask = {1, ...}, dx = {7, ...}, n = %zu, "
                                                      "p_drop = %g", n, p);
        int status = dropout_backward(dy, mask, dx, n, p);
        wb_expect_untouched_fences(&call, "dx", dx);
        expect_status(&call, status, DROPOUT_INVALID_P,
                      "DROPOUT_INVALID_P (-1): p must lie in [0, 1), as in the forward pass");
        wb_expect_vector(&call, "dx", dx, (wb_expected){before, "dx as it was: nothing is written"},
                         n, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
}

/* ---- dropout_forward_classic -------------------------------------------------------------- */

static const char *const CLASSIC = "y[i] = mask[i] * x[i] (no scaling) with mask[i] in {0, 1}";

WB_TEST(lesson07, classic_train, "classic training: y = mask * x, with Binomial(n, p) units dropped")
{
    const size_t n = 10000;
    const double rates[] = {P_INPUT, P_HIDDEN};
    for (size_t k = 0; k < 2; k++) {
        double p = rates[k], *mask = wb_buffer(n);
        const double *x = random_vector(n, -3.0, 3.0);
        wb_call call = wb_call_of("dropout_forward_classic", "x = %zu values in [-3, 3), y, mask, "
                                                             "n = %zu, p_drop = %g, train = true, rng",
                                  n, n, p);
        double *y = train_call(&call, dropout_forward_classic, x, mask, n, p, wb_rng(), CLASSIC);
        wb_expect_vector(&call, "y", y,
                         (wb_expected){masked(x, mask, n, 1.0L), "mask * x, with your mask"}, n,
                         WB_TOL_DEFAULT, WB_NO_VARIANTS);
        expect_dropped_fraction(&call, mask, n, p, ALPHA / 2);
    }
}

WB_TEST(lesson07, classic_eval, "classic evaluation: y = (1 - p) x, mask = 1, and no draws")
{
    const size_t n = 200;
    const double rates[] = {P_INPUT, P_HIDDEN, wb_uniform(0.05, 0.95)};
    for (size_t k = 0; k < 3; k++) {
        double p = rates[k], *x = random_vector(n, -3.0, 3.0);
        double *y = wb_buffer(n), *mask = wb_buffer(n);
        unsigned long seed = gsl_rng_get(wb_rng());
        gsl_rng *rng = seeded_rng(seed), *twin = seeded_rng(seed);
        char xs[120];
        describe(xs, sizeof xs, x, n);
        wb_call call = wb_call_of("dropout_forward_classic", "x = %s, y, mask, n = %zu, "
                                                             "p_drop = %.15g, train = false, "
                                                             "rng = mt19937 seeded %lu",
                                  xs, n, p, seed);
        int status = dropout_forward_classic(x, y, mask, n, p, false, rng);
        wb_expect_untouched_fences(&call, "y", y);
        wb_expect_untouched_fences(&call, "mask", mask);
        expect_written(&call, "y = (1 - p) x and mask = 1 everywhere");
        expect_status(&call, status, 0, "0: p is a valid rate");
        const double *ones = constant_vector(n, 1.0);
        wb_expect_vector(&call, "y", y,
                         (wb_expected){masked(x, ones, n, 1.0L - p),
                                       "(1 - p) x in long double: the expected training output"},
                         n, WB_TOL_DEFAULT,
                         WB_VARIANTS({"scale_missing", x},
                                     {"p_as_keep_probability", masked(x, ones, n, p)},
                                     {"dropout_at_eval", masked(x, mask, n, 1.0L)}));
        wb_expect_vector(&call, "mask", mask,
                         (wb_expected){ones, "every unit kept at evaluation"}, n, WB_TOL_DEFAULT,
                         WB_NO_VARIANTS);
        expect_no_draws(&call, rng, twin, "at evaluation");
        gsl_rng_free(rng);
        gsl_rng_free(twin);
    }
}

WB_TEST(lesson07, classic_mean_matches_eval, "classic: the mean training output is the evaluation output (1 - p) mean(x)")
{
    const size_t n = 20000;
    const double rates[] = {P_INPUT, P_HIDDEN};
    for (size_t k = 0; k < 2; k++) {
        double p = rates[k], q = 1.0 - p, alpha = ALPHA / 2, *mask = wb_buffer(n);
        const double *x = random_vector(n, 0.0, 2.0);
        double mean_x = gsl_stats_mean(x, 1, n);
        wb_call call = wb_call_of("dropout_forward_classic", "x = %zu values in [0, 2) with mean "
                                                             "%.6g, y, mask, n = %zu, p_drop = %g, "
                                                             "train = true, rng",
                                  n, mean_x, n, p);
        double *y = train_call(&call, dropout_forward_classic, x, mask, n, p, wb_rng(), CLASSIC);
        const wb_variant_range wrong[] = {
            mean_variant("p_as_keep_probability", x, n, p, 1.0, alpha),
        };
        char what[120];
        snprintf(what, sizeof what, "the mean of y (the evaluation output's mean (1 - p) mean(x) "
                                    "= %.6g)", q * mean_x);
        expect_mean_output(&call, x, y, n, p, 1.0, what, alpha, wrong, 1);
    }
}

WB_TEST(lesson07, classic_invalid_p, "dropout_forward_classic rejects p outside [0, 1) and writes nothing")
{
    check_invalid_forwards("dropout_forward_classic", dropout_forward_classic);
}
