/*
 * Lesson 3 suite: losses.
 * Expected values: the checker's own losses in long double, each in its stable form
 * (checker/oracle/oracle_losses.c), gsl_deriv_central for the gradients, and the worked example of
 * the course notes (Training Art: P = (1, 0, 0), Q = (0.13, 0.87, 0)).
 */
#include "check.h"
#include "oracle_losses.h"
#include "losses.h"
#include "oracle.h"

#include <float.h>
#include <math.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"log2_for_ln", NULL,
     N_("This is the value in bits (log2): the function should use the natural log (nats)."),
     N_("log() in C is ln. A result in bits is 1/ln 2 = 1.4427 times the one in nats. The course "
     "notes make this slip: they write log2(0.13) but print ln(0.13) = -2.0402 (log2(0.13) is "
     "-2.9434).")},
    {"ln_for_log2", "cross_entropy_bits",
     N_("This is the cross-entropy in nats (natural log): the _bits version should use log2."),
     N_("Use log2() from math.h, or divide the value in nats by M_LN2 (ln 2 = 0.6931).")},
    {"missing_minus", NULL,
     N_("The sign is wrong: this is the loss with its minus sign missing."),
     N_("A probability q is at most 1, so ln q <= 0: the loss -sum p ln q (or -ln q, or -log_softmax) "
     "is >= 0. Put the minus sign in front.")},
    {"sum_for_mean", "mse",
     N_("This is the sum of the squared errors; mse is their mean."),
     N_("Divide the sum by n, as PyTorch's MSELoss does by default. (The notes' regression loss "
     "(1/2) sum (y - y')^2 is another convention; this lesson's mse is the mean.)")},
    {"y_minus_p", NULL,
     N_("The gradient has the wrong sign: this is target minus prediction (y - p)."),
     N_("The loss grows when the prediction moves away from the target, so its gradient is "
     "prediction minus target: softmax(z) - onehot(label), or sigmoid(z) - y. (The notes write "
     "-sum (y_i - p_i) x_ij: the minus in front makes it p - y.) A step along y - p climbs the loss.")},
    {"softmax_overflow", NULL,
     N_("NaN or Inf for finite logits: exp(z) overflows to +Inf for z > 709 and underflows to 0 for "
     "z < -745, and then Inf/Inf, Inf - Inf or log(0) gives NaN or Inf."),
     N_("Subtract m = max_j z_j from every logit before exp: exp(z_i - m) <= 1, the largest term is "
     "exactly 1, and the value does not change (exp(z_i - m) / sum exp(z_j - m) = exp(z_i) / sum "
     "exp(z_j)). For the log: ln sum_j exp(z_j) = m + ln sum_j exp(z_j - m).")},
    {"log_of_softmax", "log_softmax",
     N_("This takes the log of the softmax: a small probability underflows to 0 and its log is -Inf, "
     "while the true log_softmax is a finite number (e.g. -2000)."),
     N_("Never form the probability: out_i = (z_i - m) - ln sum_j exp(z_j - m), with m = max_j z_j.")},
    {"log_zero", NULL,
     N_("A term with weight 0 gave 0 * log(0) = 0 * (-Inf) = NaN."),
     N_("0 ln 0 counts as 0 (the limit of p ln p as p -> 0): skip the terms whose weight is 0 (p_i = 0 "
     "in cross_entropy; y = 0 or 1 - y = 0 in binary_cross_entropy). The notes' example has such "
     "a class: P(2) = Q(2) = 0.")},
    {"bce_logits_overflow", "bce_with_logits",
     N_("NaN or Inf for a finite logit: going through sigmoid(z), which rounds to exactly 1 for "
     "z > 37 and to 0 for z < -745, leads to log(0) (and exp(-z) overflows for z < -709)."),
     N_("Stay with the logit: max(z, 0) - z y + log1p(exp(-|z|)). The exponent -|z| is never "
     "positive, so nothing overflows, and log1p keeps the small term exact.")},
    {"half_squared_error", NULL,
     N_("This is half the value: it belongs to the squared error with a factor 1/2, (1/2)(a - y)^2, "
     "the notes' convention, whose 1/2 cancels the 2 of the derivative."),
     N_("This lesson's squared error has no 1/2 (like PyTorch's MSELoss): mse = (1/n) sum (pred - "
     "target)^2, and the derivative of (a - y)^2 keeps the factor 2: 2 (a - y) a (1 - a).")},
    {"one_minus_sigmoid_cancels", "sigmoid_mse_grad",
     N_("1 - a was computed as 1 - sigmoid(z): above z = 37 sigmoid(z) rounds to 1, and the "
     "gradient becomes exactly 0 instead of the tiny number it is (about 2 exp(-z))."),
     N_("1 - sigmoid(z) = sigmoid(-z) = 1 / (1 + exp(z)): compute it that way, never as 1 - a.")},
};
WB_MISTAKES(mistakes)

/* ---- helpers ------------------------------------------------------------------------------ */

static double max_abs(const double *v, size_t n)
{
    double m = 0.0;
    for (size_t i = 0; i < n; i++)
        m = fmax(m, fabs(v[i]));
    return m;
}

/*
 * log_softmax, the softmax loss and bce_with_logits subtract numbers as large as the logits,
 * which are known only to their own rounding, eps |z|: so the answer is known only to about
 * eps max|z| in absolute terms, however it is computed.
 */
static wb_tol logit_tol(const double *z, size_t k)
{
    return wb_tol_plus(4.0 * DBL_EPSILON * (1.0 + max_abs(z, k)),
                       "plus 4 eps (1 + max|z|): the logits' own rounding, eps |z|, carries into "
                       "any difference of them");
}

/* The tolerance of a gsl_deriv_central result: its error estimate is an estimate, not a bound
   (it can miss the rounding of the loss's values), hence the factor 4 and the floor. */
static wb_tol deriv_tol(double abserr)
{
    return wb_tol_plus(4.0 * abserr + 1e-13,
                       "plus 4 times gsl_deriv_central's error estimate, and 1e-13: the "
                       "estimate is not a bound");
}

/* k uniform random values in [-r, r] (logits, predictions, targets). */
static void random_vector(double *z, size_t k, double r)
{
    for (size_t i = 0; i < k; i++)
        z[i] = wb_uniform(-r, r);
}

/* A random probability vector of k entries; each entry is 0 with probability zero_chance,
   except that at least one is positive. */
static void random_distribution(double *p, size_t k, double zero_chance)
{
    double sum = 0.0;
    for (size_t i = 0; i < k; i++) {
        p[i] = gsl_rng_uniform(wb_rng()) < zero_chance ? 0.0 : wb_uniform(0.05, 1.0);
        sum += p[i];
    }
    if (sum == 0.0) {
        p[gsl_rng_uniform_int(wb_rng(), k)] = 1.0;
        sum = 1.0;
    }
    for (size_t i = 0; i < k; i++)
        p[i] /= sum;
}

static bool has_nonfinite(const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return true;
    return false;
}

/*
 * A NaN or an infinity where the checker's value is finite ends the test here, naming the
 * mistake that produces it on these inputs (id, or none). The comparison that follows would
 * fail too, but could not say why.
 */
static void expect_finite(const wb_call *call, const char *name, const double *got,
                          const double *want, size_t n, const char *id)
{
    if (wb_todo_reached(call->function))
        return; /* the comparison says "not written yet" */
    for (size_t i = 0; i < n; i++) {
        if (isfinite(got[i]) || !isfinite(want[i]))
            continue;
        char where[64] = "";
        if (n > 1)
            snprintf(where, sizeof where, "[%zu]", i);
        const char *what = isnan(got[i]) ? "NaN (not a number)" : got[i] > 0 ? "+Inf" : "-Inf";
        wb_fail(call, id,
                "expected   %s%s = %.15g\ngot        %s%s = %s\nerror      %s where a finite "
                "number is expected: the inputs are finite",
                name, where, want[i], name, where, what, isnan(got[i]) ? "NaN" : "an infinity");
    }
}

/* A value that must be +Inf: a certain prediction of something that happened costs infinitely. */
static void expect_plus_inf(const wb_call *call, double got, const char *why)
{
    if (wb_todo_reached(call->function) || !(isinf(got) && got > 0))
        wb_fail(call, NULL, "expected   +Inf (%s)\ngot        %.15g", why, got);
}

/* A value that must be NaN (an invalid argument). */
/* ---- mse -------------------------------------------------------------------------------- */

WB_TEST(lesson03, mse, "mse on random vectors of 1 to 8 values, and NAN for n = 0")
{
    for (int trial = 0; trial < 24; trial++) {
        size_t n = 1 + (size_t)trial % 8;
        double a[8], b[8];
        random_vector(a, n, 5.0);
        random_vector(b, n, 5.0);
        double want = oracle_loss_mse(a, b, n), sum = want * (double)n, half = want / 2;
        char as[256], bs[256];
        wb_format_vector(as, sizeof as, a, n);
        wb_format_vector(bs, sizeof bs, b, n);
        wb_call call = wb_call_of("mse", "pred = {%s}, target = {%s}, n = %zu", as, bs, n);
        const double *pred = wb_buffer_copy(a, n), *target = wb_buffer_copy(b, n);
        wb_expect_scalar(&call, mse(pred, target, n), want, "(1/n) sum (pred - target)^2 in long double",
                         WB_TOL_DEFAULT,
                         WB_VARIANTS({"sum_for_mean", &sum}, {"half_squared_error", &half}));
    }
    wb_call call = wb_call_of("mse", "pred = {}, target = {}, n = 0");
    const double *empty = wb_buffer(0);
    wb_expect_nan(&call, mse(empty, empty, 0), "the mean of no values");
}

/* ---- softmax and log_softmax -------------------------------------------------------------- */

/* Logits that overflow a naive exp(z): huge, tied, all very negative, and mixed. */
static const struct {
    size_t k;
    double z[4];
} LARGE_LOGITS[] = {
    {3, {1000, 0, -1000}},
    {3, {1000, 999, 998}},
    {3, {-1000, -1000, -1000}},
    {2, {-1000, -999.5}},
    {4, {800, -800, 0, 3}},
    {2, {710, 709}},
    {1, {-1000}},
};
/* Trials of the logit tests: N_RANDOM moderate, then the table, then N_WILD random in +-1000
   (a test may hold at most 64 checker buffers, two per trial). */
enum { N_LARGE = sizeof LARGE_LOGITS / sizeof LARGE_LOGITS[0], N_RANDOM = 12, N_WILD = 5 };
enum { N_LOGIT_TRIALS = N_RANDOM + N_LARGE + N_WILD };

/* Case c of the large-logit table for c < N_LARGE, then random logits in [-1000, 1000]. */
static size_t large_case(int c, double *z)
{
    if (c < N_LARGE) {
        memcpy(z, LARGE_LOGITS[c].z, sizeof LARGE_LOGITS[c].z);
        return LARGE_LOGITS[c].k;
    }
    size_t k = 2 + (size_t)c % 3;
    random_vector(z, k, 1000.0);
    return k;
}

typedef void (*vector_map)(const double *z, size_t k, double *out);

/* Calls softmax or log_softmax on fenced copies of z; returns the output. */
static double *call_map(const wb_call *call, vector_map student, const double *z0, size_t k)
{
    const double *z = wb_buffer_copy(z0, k);
    double *out = wb_buffer(k);
    student(z, k, out);
    wb_expect_untouched_fences(call, "out", out);
    return out;
}

WB_TEST(lesson03, softmax, "softmax on random logits, on logits up to +-1000, and k = 0")
{
    for (int trial = 0; trial < N_LOGIT_TRIALS; trial++) {
        double z[8], want[8];
        size_t k = 2 + (size_t)trial % 7;
        if (trial < N_RANDOM)
            random_vector(z, k, 10.0);
        else
            k = large_case(trial - N_RANDOM, z);
        oracle_loss_softmax(z, k, want);
        char zs[256];
        wb_format_vector(zs, sizeof zs, z, k);
        wb_call call = wb_call_of("softmax", "z = {%s}, k = %zu, out", zs, k);
        double *out = call_map(&call, softmax, z, k);
        expect_finite(&call, "out", out, want, k, max_abs(z, k) > 700 ? "softmax_overflow" : NULL);
        wb_expect_vector(&call, "out", out,
                         (wb_expected){want, "exp(z_i - m) / sum exp(z_j - m) in long double"}, k,
                         WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
    const double none[1] = {0.0};
    wb_call call = wb_call_of("softmax", "z, k = 0, out (an empty output)");
    call_map(&call, softmax, none, 0);
}

/*
 * Which mistake makes log_softmax non-finite for finite logits: the log of an underflowed
 * probability leaves the largest logit's entry finite (ln of a sum near 1) and puts -Inf where
 * z_i is far below the max; the unstable log-sum-exp spoils every entry. Neither can happen
 * below |z| = 700, and NaN in every entry is also what an out never written holds (the checker
 * fills it with NaN): then no mistake is named.
 */
static const char *log_softmax_mistake(const double *z, const double *got, const double *want,
                                       size_t k)
{
    size_t top = 0, nans = 0;
    for (size_t i = 0; i < k; i++)
        nans += isnan(got[i]) != 0;
    if (max_abs(z, k) <= 700 || nans == k)
        return NULL;
    bool only_minus_inf = true;
    for (size_t i = 0; i < k; i++) {
        if (z[i] > z[top])
            top = i;
        if (!isfinite(got[i]) && !(isinf(got[i]) && got[i] < 0))
            only_minus_inf = false;
    }
    bool top_right = isfinite(got[top]) && fabs(got[top] - want[top]) <= 1e-6;
    return only_minus_inf && top_right ? "log_of_softmax" : "softmax_overflow";
}

WB_TEST(lesson03, log_softmax, "log_softmax on random logits and on logits up to +-1000")
{
    for (int trial = 0; trial < N_LOGIT_TRIALS; trial++) {
        double z[8], want[8];
        size_t k = 2 + (size_t)trial % 7;
        if (trial < N_RANDOM)
            random_vector(z, k, 10.0);
        else
            k = large_case(trial - N_RANDOM, z);
        oracle_loss_log_softmax(z, k, want);
        char zs[256];
        wb_format_vector(zs, sizeof zs, z, k);
        wb_call call = wb_call_of("log_softmax", "z = {%s}, k = %zu, out", zs, k);
        double *out = call_map(&call, log_softmax, z, k);
        if (has_nonfinite(out, k))
            expect_finite(&call, "out", out, want, k, log_softmax_mistake(z, out, want, k));
        wb_expect_vector(&call, "out", out,
                         (wb_expected){want, "(z_i - m) - ln sum exp(z_j - m) in long double"}, k,
                         logit_tol(z, k), WB_NO_VARIANTS);
    }
}

/* ---- cross-entropy ---------------------------------------------------------------------------- */

typedef double (*entropy_fn)(const double *p, const double *q, size_t k);

static bool has_zero_pair(const double *p, const double *q, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (p[i] == 0.0 && q[i] == 0.0)
            return true;
    return false;
}

/*
 * Calls cross_entropy or cross_entropy_bits (unit = 1 for nats, ln 2 for bits) on fenced copies
 * of p and q and compares with the oracle's nats / unit. wrong_unit names the other log's mistake.
 */
static void check_entropy(const char *name, entropy_fn student, double unit, const char *wrong_unit,
                          const double *p0, const double *q0, size_t k, const char *source)
{
    double nats = oracle_loss_cross_entropy(p0, q0, k);
    double want = nats / unit, other = unit == 1.0 ? nats / M_LN2 : nats, negative = -want;
    char ps[256], qs[256];
    wb_format_vector(ps, sizeof ps, p0, k);
    wb_format_vector(qs, sizeof qs, q0, k);
    wb_call call = wb_call_of(name, "p = {%s}, q = {%s}, k = %zu", ps, qs, k);
    const double *p = wb_buffer_copy(p0, k), *q = wb_buffer_copy(q0, k);
    double got = student(p, q, k);
    if (isinf(nats)) {
        expect_plus_inf(&call, got, source);
        return;
    }
    if (has_zero_pair(p0, q0, k))
        expect_finite(&call, "result", &got, &want, 1, "log_zero");
    wb_expect_scalar(&call, got, want, source, WB_TOL_DEFAULT,
                     WB_VARIANTS({wrong_unit, &other}, {"missing_minus", &negative}));
}

static const double NOTES_P[3] = {1.0, 0.0, 0.0}, NOTES_Q[3] = {0.13, 0.87, 0.0};

WB_TEST(lesson03, cross_entropy_worked,
        "the notes' example P = (1, 0, 0), Q = (0.13, 0.87, 0): 2.040221 nats, 2.943416 bits")
{
    check_entropy("cross_entropy", cross_entropy, 1.0, "log2_for_ln", NOTES_P, NOTES_Q, 3,
                  "the notes' example: -ln 0.13 = 2.040221 nats (the notes print 2.0404 and call "
                  "it log2; see the README's errata)");
    check_entropy("cross_entropy_bits", cross_entropy_bits, M_LN2, "ln_for_log2", NOTES_P, NOTES_Q,
                  3, "the notes' example in bits: -log2 0.13 = 2.943416");
    const double right[3] = {0.0, 1.0, 0.0};
    check_entropy("cross_entropy", cross_entropy, 1.0, "log2_for_ln", right, right, 3,
                  "a certain, right prediction costs nothing: -1 ln 1 = 0");
    const double flipped[3] = {0.0, 0.0, 1.0};
    check_entropy("cross_entropy", cross_entropy, 1.0, "log2_for_ln", flipped, NOTES_Q, 3,
                  "a class with p_i > 0 and q_i = 0: -ln 0 = +Inf");
}

/* Random p with some zero classes, and q that is 0 on some of them too (0 ln 0 = 0). */
static void check_random_entropies(const char *name, entropy_fn student, double unit,
                                   const char *wrong_unit)
{
    for (int trial = 0; trial < 24; trial++) {
        size_t k = 2 + (size_t)trial % 7;
        double p[8], q[8];
        random_distribution(p, k, 0.3);
        random_distribution(q, k, 0.0);
        for (size_t i = 0; i < k; i++)
            if (p[i] == 0.0 && trial % 2)
                q[i] = 0.0;
        double sum = 0.0;
        for (size_t i = 0; i < k; i++)
            sum += q[i];
        for (size_t i = 0; i < k; i++)
            q[i] /= sum;
        check_entropy(name, student, unit, wrong_unit, p, q, k,
                      unit == 1.0 ? "- sum p_i ln q_i in long double"
                                  : "- sum p_i ln q_i / ln 2 in long double");
    }
}

WB_TEST(lesson03, cross_entropy_random, "cross_entropy on random distributions, some with p_i = q_i = 0")
{
    check_random_entropies("cross_entropy", cross_entropy, 1.0, "log2_for_ln");
}

WB_TEST(lesson03, cross_entropy_bits_random, "cross_entropy_bits on random distributions")
{
    check_random_entropies("cross_entropy_bits", cross_entropy_bits, M_LN2, "ln_for_log2");
}

/* ---- nll ------------------------------------------------------------------------------------ */

static void check_nll(const double *q0, size_t k, size_t label, const char *source)
{
    double want = -(double)logl(q0[label]), negative = -want, bits = want / M_LN2;
    char qs[256];
    wb_format_vector(qs, sizeof qs, q0, k);
    wb_call call = wb_call_of("nll", "q = {%s}, k = %zu, label = %zu", qs, k, label);
    const double *q = wb_buffer_copy(q0, k);
    double got = nll(q, k, label);
    if (isinf(want)) {
        expect_plus_inf(&call, got, source);
        return;
    }
    wb_expect_scalar(&call, got, want, source, WB_TOL_DEFAULT,
                     WB_VARIANTS({"missing_minus", &negative}, {"log2_for_ln", &bits}));
}

WB_TEST(lesson03, nll, "nll of the notes' example, of random distributions, and NAN for label >= k")
{
    check_nll(NOTES_Q, 3, 0, "the notes' example: -ln Q(0) = -ln 0.13 = 2.040221, the same as the "
                             "cross-entropy with the one-hot P");
    for (int trial = 0; trial < 20; trial++) {
        size_t k = 2 + (size_t)trial % 7;
        double q[8];
        random_distribution(q, k, 0.0);
        check_nll(q, k, gsl_rng_uniform_int(wb_rng(), k), "-ln q[label] in long double");
    }
    check_nll(NOTES_Q, 3, 2, "a true class given probability 0: -ln 0 = +Inf");
    wb_call call = wb_call_of("nll", "q = {0.13, 0.87, 0}, k = 3, label = 3");
    const double *q = wb_buffer_copy(NOTES_Q, 3);
    wb_expect_nan(&call, nll(q, 3, 3), "label 3 is not a class of k = 3 (0, 1, 2)");
}

/* ---- softmax + NLL from logits --------------------------------------------------------------- */

/* Random logits in [-10, 10] (trials below N_RANDOM), then the large-logit table and random +-1000. */
static size_t logits_for_trial(int trial, double *z)
{
    if (trial >= N_RANDOM)
        return large_case(trial - N_RANDOM, z);
    size_t k = 2 + (size_t)trial % 7;
    random_vector(z, k, 10.0);
    return k;
}

WB_TEST(lesson03, softmax_cross_entropy_loss,
        "softmax_cross_entropy's loss on random logits, on logits up to +-1000, and label >= k")
{
    for (int trial = 0; trial < N_LOGIT_TRIALS; trial++) {
        double z0[8];
        size_t k = logits_for_trial(trial, z0), label = gsl_rng_uniform_int(wb_rng(), k);
        double want = oracle_loss_softmax_ce(z0, k, label), negative = -want;
        char zs[256];
        wb_format_vector(zs, sizeof zs, z0, k);
        wb_call call = wb_call_of("softmax_cross_entropy", "z = {%s}, k = %zu, label = %zu, grad",
                                  zs, k, label);
        const double *z = wb_buffer_copy(z0, k);
        double *grad = wb_buffer(k);
        double got = softmax_cross_entropy(z, k, label, grad);
        wb_expect_untouched_fences(&call, "grad", grad);
        expect_finite(&call, "loss", &got, &want, 1, max_abs(z0, k) > 700 ? "softmax_overflow" : NULL);
        wb_expect_scalar(&call, got, want, "(m - z_label) + ln sum exp(z_j - m) in long double",
                         logit_tol(z0, k), WB_VARIANTS({"missing_minus", &negative}));
    }
    const double z0[3] = {1.0, 2.0, 3.0}, untouched[3] = {7.0, 7.0, 7.0};
    wb_call call = wb_call_of("softmax_cross_entropy", "z = {1, 2, 3}, k = 3, label = 3, grad");
    const double *z = wb_buffer_copy(z0, 3);
    double *grad = wb_buffer_copy(untouched, 3);
    wb_expect_nan(&call, softmax_cross_entropy(z, 3, 3, grad), "label 3 is not a class of k = 3");
    wb_expect_untouched_fences(&call, "grad", grad);
    wb_expect_vector(&call, "grad", grad, (wb_expected){untouched, "grad as it was: nothing written"},
                     3, WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

/* The softmax loss as a function of the logits, for gsl_deriv_central; params is the label. */
static double softmax_loss_of(const double *z, size_t k, void *params)
{
    return oracle_loss_softmax_ce(z, k, *(const size_t *)params);
}

/* The expected gradient: gsl_deriv_central for trials below N_RANDOM, else softmax - onehot in long
   double (exact for logits of +-1000, where a finite difference gains nothing). */
static wb_tol expected_softmax_grad(int trial, const double *z, size_t k, size_t label, double *want)
{
    if (trial >= N_RANDOM) {
        oracle_loss_softmax(z, k, want);
        want[label] -= 1.0;
        return wb_tol_plus(1e-15, "plus 1e-15: softmax(z) - 1 at the label rounds to eps");
    }
    double err = 0.0;
    for (size_t i = 0; i < k; i++) {
        oracle_estimate e = oracle_partial(softmax_loss_of, &label, z, k, i);
        want[i] = e.value;
        err = fmax(err, e.abserr);
    }
    return deriv_tol(err);
}

WB_TEST(lesson03, softmax_cross_entropy_grad,
        "softmax_cross_entropy's gradient against gsl_deriv_central, and softmax - onehot for "
        "logits up to +-1000")
{
    for (int trial = 0; trial < N_LOGIT_TRIALS; trial++) {
        double z0[8], want[8], flipped[8];
        size_t k = logits_for_trial(trial, z0), label = gsl_rng_uniform_int(wb_rng(), k);
        wb_tol tol = expected_softmax_grad(trial, z0, k, label, want);
        for (size_t i = 0; i < k; i++)
            flipped[i] = -want[i];
        char zs[256];
        wb_format_vector(zs, sizeof zs, z0, k);
        wb_call call = wb_call_of("softmax_cross_entropy", "z = {%s}, k = %zu, label = %zu, grad",
                                  zs, k, label);
        const double *z = wb_buffer_copy(z0, k);
        double *grad = wb_buffer(k);
        softmax_cross_entropy(z, k, label, grad);
        wb_expect_untouched_fences(&call, "grad", grad);
        expect_finite(&call, "grad", grad, want, k, max_abs(z0, k) > 700 ? "softmax_overflow" : NULL);
        wb_expect_vector(&call, "grad", grad,
                         (wb_expected){want, trial < N_RANDOM ? "gsl_deriv_central on the loss"
                                                        : "softmax(z) - onehot(label) in long double"},
                         k, tol, WB_VARIANTS({"y_minus_p", flipped}));
    }
}

/* ---- binary cross-entropy ---------------------------------------------------------------------- */

static void check_bce(double p, double y, const char *source)
{
    double want = oracle_loss_bce(p, y), negative = -want, bits = want / M_LN2;
    wb_call call = wb_call_of("binary_cross_entropy", "p = %.17g, y = %.17g", p, y);
    double got = binary_cross_entropy(p, y);
    if (isinf(want)) {
        expect_plus_inf(&call, got, source);
        return;
    }
    if ((p == 0.0 && y == 0.0) || (p == 1.0 && y == 1.0))
        expect_finite(&call, "result", &got, &want, 1, "log_zero");
    wb_expect_scalar(&call, got, want, source,
                     wb_tol_plus(4.0 * DBL_EPSILON, "plus 4 eps: 1 - p is rounded before its log"),
                     WB_VARIANTS({"missing_minus", &negative}, {"log2_for_ln", &bits}));
}

WB_TEST(lesson03, binary_cross_entropy,
        "binary_cross_entropy on random p and y, at p = 0 and 1, and NAN outside [0, 1]")
{
    for (int trial = 0; trial < 24; trial++) {
        double y = trial % 3 == 2 ? wb_uniform(0, 1) : (double)(trial % 3);
        check_bce(wb_uniform(0.001, 0.999), y, "-(y ln p + (1 - y) ln(1 - p)) in long double");
    }
    check_bce(1.0, 1.0, "a certain, right prediction: -(1 ln 1 + 0 ln 0) = 0");
    check_bce(0.0, 0.0, "a certain, right prediction: -(0 ln 0 + 1 ln 1) = 0");
    check_bce(0.0, 1.0, "a certain, wrong prediction: -ln 0 = +Inf");
    check_bce(1.0, 0.25, "a certain prediction against a soft target: -(0.75 ln 0) = +Inf");
    const double bad[][2] = {{1.5, 1.0}, {-0.1, 0.0}, {0.5, 2.0}, {0.5, -1.0}};
    for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++) {
        wb_call call = wb_call_of("binary_cross_entropy", "p = %g, y = %g", bad[c][0], bad[c][1]);
        wb_expect_nan(&call, binary_cross_entropy(bad[c][0], bad[c][1]), "p and y must be in [0, 1]");
    }
}

static void check_bce_logits(double z, double y, const char *source)
{
    double want = oracle_loss_bce_logits(z, y);
    wb_call call = wb_call_of("bce_with_logits", "z = %.17g, y = %.17g", z, y);
    double got = bce_with_logits(z, y);
    expect_finite(&call, "result", &got, &want, 1, fabs(z) > 30 ? "bce_logits_overflow" : NULL);
    wb_expect_scalar(&call, got, want, source, logit_tol(&z, 1), WB_NO_VARIANTS);
}

WB_TEST(lesson03, bce_with_logits,
        "bce_with_logits on random logits, finite and exact for |z| up to 1000, NAN for y outside [0, 1]")
{
    const char *formula = "max(z, 0) - z y + ln(1 + exp(-|z|)) in long double";
    for (int trial = 0; trial < 24; trial++) {
        double y = trial % 3 == 2 ? wb_uniform(0, 1) : (double)(trial % 3);
        check_bce_logits(wb_uniform(-8, 8), y, formula);
    }
    /* the overflowing logits first, so that a naive formula is named before it is imprecise */
    const double large[] = {1000, -1000, 100, -100, 40, -40, 20, -20};
    const double targets[] = {0.0, 1.0, 0.25};
    for (size_t c = 0; c < sizeof large / sizeof large[0]; c++)
        for (size_t t = 0; t < 3; t++)
            check_bce_logits(large[c], targets[t], formula);
    wb_call call = wb_call_of("bce_with_logits", "z = 0.5, y = 1.5");
    wb_expect_nan(&call, bce_with_logits(0.5, 1.5), "y must be in [0, 1]");
}

/* ---- hinge ------------------------------------------------------------------------------------- */

WB_TEST(lesson03, hinge, "hinge on both sides of the margin, on random scores, and NAN for y not +-1")
{
    const double cases[][2] = {{2.0, 1.0}, {1.0, 1.0},  {0.5, 1.0}, {0.0, 1.0},  {-1.5, 1.0},
                               {-2.0, -1.0}, {-1.0, -1.0}, {0.3, -1.0}, {3.0, -1.0}};
    for (int c = 0; c < 9 + 20; c++) {
        double score = c < 9 ? cases[c][0] : wb_uniform(-3, 3);
        double y = c < 9 ? cases[c][1] : (c % 2 ? 1.0 : -1.0);
        wb_call call = wb_call_of("hinge", "score = %.17g, y = %g", score, y);
        wb_expect_scalar(&call, hinge(score, y), oracle_loss_hinge(score, y),
                         "max(0, 1 - y score) in long double", WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
    const double bad[] = {0.0, 2.0, 0.5};
    for (size_t c = 0; c < 3; c++) {
        wb_call call = wb_call_of("hinge", "score = 0.5, y = %g", bad[c]);
        wb_expect_nan(&call, hinge(0.5, bad[c]), "y must be -1 or +1");
    }
}

/* ---- one sigmoid neuron: MSE vs cross-entropy ---------------------------------------------------- */

static double sigmoid_mse_loss(double z, void *y) { return oracle_loss_sigmoid_mse(z, *(double *)y); }
static double sigmoid_ce_loss(double z, void *y) { return oracle_loss_sigmoid_ce(z, *(double *)y); }

typedef double (*neuron_grad)(double z, double y);

/* Checks a neuron gradient at random z against gsl_deriv_central of its loss; half_id names
   the gradient of half the loss (MSE's 1/2 convention), or is NULL. */
static void check_neuron_grad(const char *name, neuron_grad student, wb_scalar_fn loss,
                              const char *source, const char *half_id)
{
    for (int trial = 0; trial < 24; trial++) {
        double z = wb_uniform(-8, 8), y = trial % 3 == 2 ? wb_uniform(0, 1) : (double)(trial % 3);
        oracle_estimate d = oracle_derivative(loss, &y, z);
        double flipped = -d.value, half = d.value / 2;
        wb_call call = wb_call_of(name, "z = %.17g, y = %.17g", z, y);
        const wb_variant variants[] = {{"y_minus_p", &flipped}, {half_id, &half}};
        wb_expect_scalar(&call, student(z, y), d.value, source,
                         deriv_tol(d.abserr), variants, half_id ? 2 : 1);
    }
}

WB_TEST(lesson03, sigmoid_mse_grad, "sigmoid_mse_grad against gsl_deriv_central of (sigmoid(z) - y)^2")
{
    check_neuron_grad("sigmoid_mse_grad", sigmoid_mse_grad, sigmoid_mse_loss,
                      "gsl_deriv_central on (sigmoid(z) - y)^2", "half_squared_error");
}

WB_TEST(lesson03, sigmoid_ce_grad, "sigmoid_ce_grad against gsl_deriv_central of bce(sigmoid(z), y)")
{
    check_neuron_grad("sigmoid_ce_grad", sigmoid_ce_grad, sigmoid_ce_loss,
                      "gsl_deriv_central on bce(sigmoid(z), y)", NULL);
}

/*
 * The saturated neuron: at z = 40 with y = 0 the output is wrong by almost 1. Cross-entropy's
 * gradient is about 1; MSE's is about 2 exp(-40) = 8.5e-18, so MSE barely learns. MSE's
 * gradient is 2 (a - y) a (1 - a): only a - y cancels (to within eps), so it is known to
 * 4 eps times 2 a (1 - a), with 1 - a = sigmoid(-z), which a naive 1 - a rounds to 0.
 */
WB_TEST(lesson03, saturated_neuron,
        "both sigmoid gradients are finite for |z| up to 1000: CE's stays near 1 when the neuron "
        "is wrong (to 4 eps), MSE's vanishes but is not 0 (to 4 eps times a (1 - a))")
{
    const double zs[] = {10, -10, 20, -20, 40, -40, 100, -100, 1000, -1000};
    const wb_tol tol = wb_tol_plus(4.0 * DBL_EPSILON,
                                   "plus 4 eps: sigmoid(z) near 1 is stored to eps/2, so 1 - "
                                   "sigmoid(z) is known only to about eps");
    for (size_t c = 0; c < sizeof zs / sizeof zs[0]; c++) {
        for (int y = 0; y <= 1; y++) {
            double z = zs[c];
            double mse_want = oracle_loss_sigmoid_mse_grad(z, y), ce_want = oracle_loss_sigmoid_ce_grad(z, y);
            double mse_flipped = -mse_want, mse_half = mse_want / 2, ce_flipped = -ce_want;
            const char *source = "the closed form in long double, with 1 - sigmoid(z) = sigmoid(-z)";
            double a = 1.0 / (1.0 + exp(-z)), spread = a / (1.0 + exp(z));
            double naive = 2.0 * (a - y) * a * (1.0 - a);
            const wb_tol mse_tol = wb_tol_plus(8.0 * DBL_EPSILON * spread,
                                               "plus 4 eps times 2 a (1 - a): only a - y cancels");
            wb_call call = wb_call_of("sigmoid_ce_grad", "z = %g, y = %d", z, y);
            wb_expect_scalar(&call, sigmoid_ce_grad(z, y), ce_want, source, tol,
                             WB_VARIANTS({"y_minus_p", &ce_flipped}));
            call = wb_call_of("sigmoid_mse_grad", "z = %g, y = %d", z, y);
            wb_expect_scalar(&call, sigmoid_mse_grad(z, y), mse_want, source, mse_tol,
                             WB_VARIANTS({"y_minus_p", &mse_flipped},
                                         {"half_squared_error", &mse_half},
                                         {"one_minus_sigmoid_cancels", &naive}));
        }
    }
}
