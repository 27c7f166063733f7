/*
 * Lesson 12 suite: hyper-parameter search.
 * Expected values: the Kolmogorov-Smirnov distance of the samples (or of their logarithms) from
 * gsl_cdf_flat_P, below the Dvoretzky-Kiefer-Wolfowitz bound of stats.h; grids in long double
 * from oracle_search.h; and, for the searches, the record of every call your code made to the
 * objective: the checker's objectives are smooth bowls in (ln lr, ln weight decay) with ripples,
 * whose training loss keeps falling as the weight decay shrinks while the validation loss does
 * not (the picture of overfitting), so choosing by the wrong loss picks another point.
 * Every statistical test has a false-alarm rate of at most 1e-6 in total.
 */
#include "check.h"
#include "oracle_search.h"
#include "search.h"
#include "stats.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"uniform_value_not_exponent", NULL,
     N_("The values were drawn uniformly between lo and hi, not their logarithms: on [0.0001, 1] "
     "nine draws in ten land in [0.1, 1] and the small learning rates are almost never tried "
     "(the course notes' warning about uniform spacing)."),
     N_("Draw the exponent uniformly: x = exp(ln lo + (ln hi - ln lo) u) with u = "
     "gsl_rng_uniform(rng), so that every decade between lo and hi is equally likely.")},
    {"exclusive_grid_endpoint", NULL,
     N_("The grid stops one step short of hi: the step is (hi - lo) / k (or the exponent i / k), as "
     "numpy's arange or linspace(..., endpoint=False) would give."),
     N_("k values from lo to hi, both included, are k - 1 steps apart: t_i = i / (k - 1); then set "
     "out[0] = lo and out[k-1] = hi exactly.")},
    {"selected_on_train_loss", NULL,
     N_("The search chose the point with the smallest training loss. The training loss rewards "
     "fitting the training rows (here: the smallest weight decay always wins), so it cannot "
     "choose a regularisation strength."),
     N_("Compare the val_loss field of what the objective returned: the held-out validation loss "
     "is the one the search minimises (the course notes: measure performance on the valid set).")},
    {"tie_picks_last", NULL,
     N_("On equal validation losses the search returned the last of them, not the first: the "
     "comparison was <= where it must be <."),
     N_("Keep the first best: replace it only when a later loss is strictly smaller (<).")},
    {"draw_order_swapped", "random_search",
     N_("The weight decay was drawn before the learning rate: each trial's pair comes from the "
     "right numbers of the stream, in the wrong order."),
     N_("search.h fixes the order, so that a seed replays the same trials: for each trial, first "
     "the lr from lr_range, then the weight decay from wd_range.")},
    {"grid_integer_division", "grid_values",
     N_("i / (k - 1) was computed with integers: it is 0 for every i < k - 1, so the grid is lo, "
     "lo, ..., lo, hi."),
     N_("Divide in double: t = (double)i / (double)(k - 1).")},
    {"empty_range_refused", NULL,
     N_("lo == hi was refused (NaN): an empty range is valid and has one value, lo."),
     N_("Refuse only hi < lo (and non-finite ends): with lo == hi, lo + (hi - lo) u is lo.")},
    {"best_of_last_round", "coarse_to_fine",
     N_("The index returned is the best of the last round, not the best of all rounds: a later "
     "round, on a narrower grid, can be worse than an earlier one's best."),
     N_("Keep the best over every point tried, comparing each round's best with it.")},
};
WB_MISTAKES(mistakes)

static const double TEST_ALPHA = 1e-6;

/* ---- samplers -------------------------------------------------------------------------------- */

typedef double (*sampler)(double lo, double hi, gsl_rng *rng);

static double flat_cdf(double x, void *ab)
{
    const double *r = ab;
    return gsl_cdf_flat_P(x, r[0], r[1]);
}

/* n draws of f(lo, hi), every one inside [lo, hi] (a fact, not a statistic). */
static double *draw_checked(const wb_call *call, sampler f, double lo, double hi, size_t n)
{
    double *x = wb_buffer(n);
    for (size_t i = 0; i < n; i++) {
        x[i] = f(lo, hi, wb_rng());
        if (!wb_todo_reached(call->function) && !(x[i] >= lo && x[i] <= hi))
            wb_fail(call, NULL, "expected   every draw inside [lo, hi] = [%.17g, %.17g]\n"
                                "got        draw %zu = %.17g", lo, hi, i, x[i]);
    }
    return x;
}

/* The KS distance of v[0..n-1] (sorted in place) from U[a, b], below the DKW bound. */
static void expect_flat(const wb_call *call, const char *what, double *v, size_t n, double a,
                        double b, double alpha, const wb_variant_range *variants, size_t nv)
{
    double ab[2] = {a, b};
    double d = oracle_ks_distance(v, n, flat_cdf, ab);
    wb_expect_interval(call, what, d, 0.0, oracle_ks_bound(n, alpha),
                       "Dvoretzky-Kiefer-Wolfowitz bound (oracle_ks_bound) on the distance from "
                       "gsl_cdf_flat_P", alpha, variants, nv);
}

WB_TEST(lesson12, uniform_law, "sample_uniform draws U[lo, hi): inside the range, KS distance "
                               "from gsl_cdf_flat_P")
{
    const size_t n = 4000;
    const double ranges[3][2] = {{0.0, 0.01}, {-3.0, 5.0}, {1e-4, 1.0}};
    for (size_t r = 0; r < 3; r++) {
        double lo = ranges[r][0], hi = ranges[r][1];
        wb_call call = wb_call_of("sample_uniform", "lo = %g, hi = %g, rng", lo, hi);
        double *x = draw_checked(&call, sample_uniform, lo, hi, n);
        expect_flat(&call, "the KS distance of 4000 draws from U[lo, hi]", x, n, lo, hi,
                    TEST_ALPHA / 3.0, WB_NO_VARIANTS);
    }
}

WB_TEST(lesson12, log_uniform_law, "sample_log_uniform: ln x is uniform on [ln lo, ln hi] (KS "
                                   "distance from gsl_cdf_flat_P), every x inside [lo, hi]")
{
    const size_t n = 4000;
    const double ranges[4][2] = {{1e-4, 1.0}, {1e-6, 1e-1}, {0.5, 2.0}, {3e-3, 3e-3 * 1e5}};
    const double alpha = TEST_ALPHA / 4.0;
    for (size_t r = 0; r < 4; r++) {
        double lo = ranges[r][0], hi = ranges[r][1];
        wb_call call = wb_call_of("sample_log_uniform", "lo = %g, hi = %g, rng", lo, hi);
        double *x = draw_checked(&call, sample_log_uniform, lo, hi, n);
        for (size_t i = 0; i < n; i++)
            x[i] = log(x[i]);
        /* uniform draws of x put ln x at distance ~gap from uniform; a disjoint range names it */
        double bound = oracle_ks_bound(n, alpha), gap = oracle_uniform_log_gap(lo, hi);
        wb_variant_range wrong = {"uniform_value_not_exponent", gap - bound, gap + bound};
        expect_flat(&call, "the KS distance of ln x, over 4000 draws, from U[ln lo, ln hi]", x, n, log(lo), log(hi),
                    alpha, &wrong, gap - bound > bound ? 1 : 0);
    }
}

WB_TEST(lesson12, samplers_replay, "both samplers draw from the rng passed in: same seed, same "
                                   "draws; the next draws differ")
{
    const sampler fs[2] = {sample_uniform, sample_log_uniform};
    const char *names[2] = {"sample_uniform", "sample_log_uniform"};
    for (size_t s = 0; s < 2; s++) {
        unsigned long seed = gsl_rng_get(wb_rng());
        gsl_rng *a = gsl_rng_alloc(gsl_rng_mt19937), *b = gsl_rng_alloc(gsl_rng_mt19937);
        gsl_rng_set(a, seed);
        gsl_rng_set(b, seed);
        wb_call call = wb_call_of(names[s], "lo = 1e-05, hi = 0.1, rng: two mt19937 rngs seeded "
                                  "with %lu, 20 draws from each", seed);
        double first[20], again[20];
        for (size_t i = 0; i < 20; i++) {
            first[i] = fs[s](1e-5, 0.1, a);
            again[i] = fs[s](1e-5, 0.1, b);
        }
        gsl_rng_free(a);
        gsl_rng_free(b);
        wb_expect_vector(&call, "draws", again,
                         (wb_expected){first, "your draws from the first rng: the same seed gives "
                                              "the same draws"},
                         20, (wb_tol){0.0, 0.0, "exactly equal"}, WB_NO_VARIANTS);
        for (size_t i = 1; i < 20; i++)
            if (first[i] == first[i - 1])
                wb_fail(&call, NULL, "expected   a new value from every draw\ngot        draws "
                                     "%zu and %zu both %.17g: draw from the rng each time", i - 1,
                        i, first[i]);
    }
}

WB_TEST(lesson12, samplers_invalid, "an empty range gives lo; an invalid range gives NaN")
{
    const sampler fs[2] = {sample_uniform, sample_log_uniform};
    const char *names[2] = {"sample_uniform", "sample_log_uniform"};
    const struct {
        double lo, hi;
        int log_only;
    } bad[] = {{2.0, 1.0, 0}, {NAN, 1.0, 0}, {0.0, INFINITY, 0}, {0.0, 1.0, 1}, {-1.0, 1.0, 1}};
    for (size_t s = 0; s < 2; s++) {
        wb_call same = wb_call_of(names[s], "lo = 0.01, hi = 0.01, rng");
        double one = fs[s](0.01, 0.01, wb_rng());
        if (isnan(one) && !wb_todo_reached(names[s]))
            wb_fail(&same, "empty_range_refused", "expected   0.01: lo == hi leaves one value\n"
                    "got        NaN, the answer for an invalid range");
        wb_expect_scalar(&same, one, 0.01, "lo == hi leaves one value",
                         (wb_tol){0.0, 0.0, "exactly lo"}, WB_NO_VARIANTS);
        for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++) {
            if (bad[c].log_only && s == 0)
                continue;
            wb_call call = wb_call_of(names[s], "lo = %g, hi = %g, rng", bad[c].lo, bad[c].hi);
            double got = fs[s](bad[c].lo, bad[c].hi, wb_rng());
            if (!isnan(got) || wb_todo_reached(names[s]))
                wb_fail(&call, NULL, "expected   NaN: the range is invalid (see search.h)\n"
                                     "got        %.17g", got);
        }
    }
}

/* ---- grids ------------------------------------------------------------------------------------- */

/* grid_values(lo, hi, k, log_scale) against the oracle's grid, endpoints exactly. */
static void check_grid(double lo, double hi, size_t k, int log_scale, const char *source)
{
    wb_call call = wb_call_of("grid_values", "lo = %.17g, hi = %.17g, k = %zu, log_scale = %d, out",
                              lo, hi, k, log_scale);
    double *out = wb_buffer(k), want[64], wrong[64], truncated[64];
    int status = grid_values(lo, hi, k, log_scale, out);
    wb_expect_untouched_fences(&call, "out", out);
    wb_expect_scalar(&call, status, 0.0, "the status for a valid grid", WB_TOL_DEFAULT,
                     WB_NO_VARIANTS);
    oracle_grid(lo, hi, k, log_scale, want);
    oracle_grid_exclusive(lo, hi, k, log_scale, wrong);
    for (size_t i = 0; i < k; i++)
        truncated[i] = i + 1 < k ? lo : hi; /* t = i / (k - 1) in integers */
    double ends[2] = {out[0], out[k - 1]}, want_ends[2] = {lo, hi}, wrong_ends[2] = {wrong[0], wrong[k - 1]};
    wb_expect_vector(&call, "{out[0], out[k-1]}", ends, (wb_expected){want_ends, "lo and hi, both included"},
                     2, (wb_tol){0.0, 0.0, "the endpoints are exactly lo and hi"},
                     WB_VARIANTS({"exclusive_grid_endpoint", wrong_ends}));
    wb_tol tol = log_scale ? (wb_tol){1e-12, 1e-300, "1e-12 relative: the rounding of pow and exp"}
                           : wb_tol_plus(4.0 * DBL_EPSILON * (fabs(lo) + fabs(hi)),
                                         "plus 4 eps (|lo| + |hi|): the rounding of lo + (hi - lo) t");
    wb_expect_vector(&call, "out", out, (wb_expected){want, source}, k, tol,
                     WB_VARIANTS({"exclusive_grid_endpoint", wrong},
                                 {"grid_integer_division", truncated}));
}

WB_TEST(lesson12, grid_linear, "grid_values, linear: lo + (hi - lo) i / (k - 1), lo and hi included")
{
    check_grid(0.0, 1e-2, 5, 0, "lo + (hi - lo) i / (k - 1) in long double");
    check_grid(-1.0, 3.0, 2, 0, "lo + (hi - lo) i / (k - 1) in long double");
    check_grid(0.5, 0.5, 3, 0, "lo == hi is a valid range: k copies of lo");
    for (int t = 0; t < 5; t++) {
        double lo = wb_uniform(-2.0, 2.0), hi = lo + wb_uniform(0.01, 5.0);
        check_grid(lo, hi, 2 + gsl_rng_uniform_int(wb_rng(), 30), 0,
                   "lo + (hi - lo) i / (k - 1) in long double");
    }
}

WB_TEST(lesson12, grid_log, "grid_values, log: lo (hi/lo)^(i/(k-1)); the notes' 0.0001 .. 1 "
                            "gives one point per decade")
{
    check_grid(1e-4, 1.0, 5, 1, "the course notes' range 0.0001 .. 1 (Training Art): 1e-4, 1e-3, "
                                "1e-2, 1e-1, 1 (lo (hi/lo)^(i/(k-1)) in long double)");
    check_grid(1e-6, 1e-1, 6, 1, "one point per decade, lo (hi/lo)^(i/(k-1)) in long double");
    for (int t = 0; t < 5; t++) {
        double lo = exp(wb_uniform(log(1e-7), log(1e-1))), hi = lo * exp(wb_uniform(0.1, 12.0));
        check_grid(lo, hi, 2 + gsl_rng_uniform_int(wb_rng(), 30), 1,
                   "lo (hi/lo)^(i/(k-1)) in long double");
    }
}

WB_TEST(lesson12, grid_invalid, "grid_values returns -1 and writes nothing for k < 2, hi < lo, "
                                "a non-finite bound, or lo <= 0 on a log scale")
{
    const struct {
        double lo, hi;
        size_t k;
        int log_scale;
    } bad[] = {{0, 1, 0, 0}, {0, 1, 1, 0}, {2, 1, 4, 0}, {NAN, 1, 4, 0}, {0, INFINITY, 4, 0},
               {0, 1, 4, 1}, {-1e-3, 1, 4, 1}, {1e-3, 1e-4, 4, 1}};
    for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++) {
        wb_call call = wb_call_of("grid_values", "lo = %g, hi = %g, k = %zu, log_scale = %d, out",
                                  bad[c].lo, bad[c].hi, bad[c].k, bad[c].log_scale);
        double *out = wb_buffer(4);
        int status = grid_values(bad[c].lo, bad[c].hi, bad[c].k, bad[c].log_scale, out);
        wb_expect_untouched_fences(&call, "out", out);
        wb_expect_scalar(&call, status, -1.0, "the status for an invalid grid", WB_TOL_DEFAULT,
                         WB_NO_VARIANTS);
        for (size_t i = 0; i < 4; i++)
            if (!isnan(out[i]))
                wb_fail(&call, NULL, "expected   -1 and nothing written\ngot        out[%zu] = "
                                     "%g was written", i, out[i]);
    }
}

/* ---- the objective: a landscape that records every call ---------------------------------------- */

enum { MAX_CALLS = 2100, MAGIC = 0x5eac4 };

/*
 * val  = (u - u*)^2 + 0.6 (v - v*)^2 + 0.15 sin(3 u) cos(2 v) + 1
 * train = 0.8 (u - u*)^2 + 0.3 (v - v_lo) + 0.5
 * with u, v the lr and the weight decay on their ranges' scales (ln on a log scale), u*, v* a
 * random optimum inside the ranges and v_lo the weight decay range's low end (so the training
 * loss is smallest at the smallest weight decay).
 */
typedef struct {
    int magic;
    search_range lr, wd;
    double u_opt, v_opt;
    size_t n;
    double calls[MAX_CALLS][4]; /* lr, wd, train, val */
} recorder;

static double scaled(double x, search_range r) { return r.log_scale ? log(x) : x; }

static search_result record(double lr, double wd, void *ctx)
{
    recorder *r = ctx;
    if (!r || r->magic != MAGIC)
        abort(); /* ctx was not passed through: the test reports the crash */
    double u = scaled(lr, r->lr), v = scaled(wd, r->wd);
    double val = (u - r->u_opt) * (u - r->u_opt) + 0.6 * (v - r->v_opt) * (v - r->v_opt) +
                 0.15 * sin(3.0 * u) * cos(2.0 * v) + 1.0;
    double train = 0.8 * (u - r->u_opt) * (u - r->u_opt) + 0.3 * (v - scaled(r->wd.lo, r->wd)) + 0.5;
    if (r->n < MAX_CALLS) {
        double *c = r->calls[r->n];
        c[0] = lr, c[1] = wd, c[2] = train, c[3] = val;
    }
    r->n++;
    return (search_result){train, val};
}

/* A recorder with a random optimum in the middle of the ranges. */
static recorder *new_recorder(search_range lr, search_range wd)
{
    recorder *r = calloc(1, sizeof *r);
    cr_assert(r != NULL, "checker: out of memory");
    r->magic = MAGIC;
    r->lr = lr;
    r->wd = wd;
    double a = scaled(lr.lo, lr), b = scaled(lr.hi, lr), c = scaled(wd.lo, wd), d = scaled(wd.hi, wd);
    r->u_opt = a + (b - a) * wb_uniform(0.3, 0.7);
    r->v_opt = c + (d - c) * wb_uniform(0.3, 0.7);
    return r;
}

static void describe_range(char *buf, size_t size, search_range r)
{
    snprintf(buf, size, "{%g, %g, %s}", r.lo, r.hi, r.log_scale ? "log" : "linear");
}

/* tried as fenced doubles: search_point is four doubles. */
_Static_assert(sizeof(search_point) == 4 * sizeof(double), "search_point is four doubles");
static search_point *new_tried(size_t n) { return (search_point *)(void *)wb_buffer(4 * n); }

/*
 * What every search must do: call the objective exactly `calls` times, store in tried[t]
 * exactly the point of call t and what the objective returned, and return the index of the
 * smallest validation loss among the calls (the first on a tie).
 */
static void expect_record(const wb_call *call, const recorder *r, const search_point *tried,
                          size_t calls, long best)
{
    wb_expect_untouched_fences(call, "tried", (const double *)(const void *)tried);
    wb_expect_count(call, "calls to the objective", r->n, calls, WB_NO_VARIANTS);
    for (size_t t = 0; t < calls; t++) {
        char name[64];
        snprintf(name, sizeof name, "tried[%zu] {lr, wd, train, val}", t);
        const double *got = (const double *)(const void *)(tried + t);
        wb_expect_vector(call, name, got,
                         (wb_expected){r->calls[t], "call t of your code to the objective: its "
                                                    "lr and weight decay, and what it returned"},
                         4, (wb_tol){0.0, 0.0, "exactly what was passed and returned"},
                         WB_NO_VARIANTS);
    }
    double want = (double)oracle_argmin(&r->calls[0][3], calls, 4);
    double wrong = (double)oracle_argmin(&r->calls[0][2], calls, 4);
    wb_expect_scalar(call, (double)best, want, "the index of the smallest val_loss among your "
                                               "calls (the first on a tie)",
                     (wb_tol){0.0, 0.0, "an index"},
                     WB_VARIANTS({"selected_on_train_loss", &wrong}));
}

/* Every tried point inside its ranges (a fact of any search). */
static void expect_inside(const wb_call *call, const search_point *tried, size_t n,
                          search_range lr, search_range wd)
{
    for (size_t t = 0; t < n; t++)
        if (!(tried[t].lr >= lr.lo && tried[t].lr <= lr.hi && tried[t].weight_decay >= wd.lo &&
              tried[t].weight_decay <= wd.hi))
            wb_fail(call, NULL, "expected   every point inside lr in [%g, %g], weight decay in "
                                "[%g, %g]\ngot        tried[%zu] = (%.17g, %.17g)", lr.lo, lr.hi,
                    wd.lo, wd.hi, t, tried[t].lr, tried[t].weight_decay);
}

/* ---- random search ----------------------------------------------------------------------------- */

static wb_call random_call(search_range lr, search_range wd, size_t n)
{
    char a[64], b[64];
    describe_range(a, sizeof a, lr);
    describe_range(b, sizeof b, wd);
    return wb_call_of("random_search", "objective, ctx, lr_range = %s, wd_range = %s, n_trials = "
                      "%zu, rng, tried", a, b, n);
}

WB_TEST(lesson12, random_search_best, "random_search calls the objective n_trials times, records "
                                      "every point and returns the best validation loss")
{
    const search_range lrs[3] = {{1e-5, 1.0, 1}, {1e-3, 0.5, 0}, {1e-4, 1e-1, 1}};
    const search_range wds[3] = {{1e-6, 1e-1, 1}, {0.0, 0.01, 0}, {1e-5, 1e-2, 1}};
    const size_t ns[3] = {60, 25, 1};
    for (size_t c = 0; c < 3; c++) {
        recorder *r = new_recorder(lrs[c], wds[c]);
        wb_call call = random_call(lrs[c], wds[c], ns[c]);
        search_point *tried = new_tried(ns[c]);
        long best = random_search(record, r, lrs[c], wds[c], ns[c], wb_rng(), tried);
        expect_record(&call, r, tried, ns[c], best);
        expect_inside(&call, tried, ns[c], lrs[c], wds[c]);
        free(r);
    }
}

/* The KS distance of a range's sampled values (ln on a log scale) from uniform. */
static void expect_sampled(const wb_call *call, const char *what, double *v, size_t n,
                           search_range range, double alpha)
{
    double a = scaled(range.lo, range), b = scaled(range.hi, range);
    for (size_t t = 0; t < n; t++)
        v[t] = scaled(v[t], range);
    double bound = oracle_ks_bound(n, alpha), gap = range.log_scale ? oracle_uniform_log_gap(range.lo, range.hi) : 0.0;
    wb_variant_range wrong = {"uniform_value_not_exponent", gap - bound, gap + bound};
    expect_flat(call, what, v, n, a, b, alpha, &wrong, gap - bound > bound ? 1 : 0);
}

WB_TEST(lesson12, random_search_law, "random_search samples lr log-uniformly and the weight decay "
                                     "on its range's scale (KS distance over 2000 trials)")
{
    const size_t n = 2000;
    const search_range lr = {1e-4, 1.0, 1}, wds[2] = {{1e-6, 1e-2, 1}, {0.0, 0.05, 0}};
    const double alpha = TEST_ALPHA / 4.0;
    for (size_t c = 0; c < 2; c++) {
        recorder *r = new_recorder(lr, wds[c]);
        wb_call call = random_call(lr, wds[c], n);
        search_point *tried = new_tried(n);
        long best = random_search(record, r, lr, wds[c], n, wb_rng(), tried);
        expect_record(&call, r, tried, n, best);
        double *lrs = malloc(n * sizeof *lrs), *wd = malloc(n * sizeof *wd);
        cr_assert(lrs && wd, "checker: out of memory");
        for (size_t t = 0; t < n; t++)
            lrs[t] = tried[t].lr, wd[t] = tried[t].weight_decay;
        expect_sampled(&call, "the KS distance of ln lr from U[ln lo, ln hi]", lrs, n, lr, alpha);
        expect_sampled(&call, wds[c].log_scale ? "the KS distance of ln wd from U[ln lo, ln hi]"
                                               : "the KS distance of wd from U[lo, hi]",
                       wd, n, wds[c], alpha);
        free(lrs);
        free(wd);
        free(r);
    }
}

/* ---- grid search ------------------------------------------------------------------------------- */

/* The lr and wd of the k_lr x k_wd grid (lr outer), from the oracle's grids; wrong: exclusive. */
static void grid_points(search_range lr, search_range wd, size_t k_lr, size_t k_wd, int exclusive,
                        double *lrs, double *wds)
{
    double x[64], y[64];
    (exclusive ? oracle_grid_exclusive : oracle_grid)(lr.lo, lr.hi, k_lr, lr.log_scale, x);
    (exclusive ? oracle_grid_exclusive : oracle_grid)(wd.lo, wd.hi, k_wd, wd.log_scale, y);
    for (size_t i = 0; i < k_lr; i++)
        for (size_t j = 0; j < k_wd; j++)
            lrs[i * k_wd + j] = x[i], wds[i * k_wd + j] = y[j];
}

/* The lr and the wd of tried[0..n-1] against the grid of lr x wd (grid_search's order). */
static void expect_grid_points(const wb_call *call, const search_point *tried, search_range lr,
                               search_range wd, size_t k_lr, size_t k_wd, const wb_variant *extra,
                               const double *extra_lr, const double *extra_wd)
{
    size_t n = k_lr * k_wd;
    double got_lr[256], got_wd[256], lrs[256], wds[256], bad_lr[256], bad_wd[256];
    for (size_t t = 0; t < n; t++)
        got_lr[t] = tried[t].lr, got_wd[t] = tried[t].weight_decay;
    grid_points(lr, wd, k_lr, k_wd, 0, lrs, wds);
    grid_points(lr, wd, k_lr, k_wd, 1, bad_lr, bad_wd);
    wb_tol tol = {1e-12, 1e-300, "1e-12 relative: the rounding of pow and exp"};
    if (!lr.log_scale || !wd.log_scale)
        tol = wb_tol_plus(4.0 * DBL_EPSILON * (fabs(lr.hi) + fabs(wd.hi)), "1e-12 relative plus "
                          "4 eps |hi|: the rounding of lo + (hi - lo) t");
    tol.rtol = 1e-12;
    const char *src = "grid_values of the ranges, lr in the outer loop (tried[i k_wd + j] = "
                      "(lr_i, wd_j)), in long double";
    wb_variant v_lr[2] = {{"exclusive_grid_endpoint", bad_lr}, {extra ? extra[0].id : "", extra_lr}};
    wb_variant v_wd[2] = {{"exclusive_grid_endpoint", bad_wd}, {extra ? extra[0].id : "", extra_wd}};
    wb_expect_vector(call, "tried[].lr", got_lr, (wb_expected){lrs, src}, n, tol, v_lr, extra ? 2 : 1);
    wb_expect_vector(call, "tried[].weight_decay", got_wd, (wb_expected){wds, src}, n, tol, v_wd,
                     extra ? 2 : 1);
}

WB_TEST(lesson12, grid_search_points, "grid_search tries every point of the grid once, lr outer, "
                                      "and returns the best validation loss")
{
    const search_range lrs[3] = {{1e-5, 1.0, 1}, {1e-4, 1e-1, 1}, {0.01, 0.5, 0}};
    const search_range wds[3] = {{1e-6, 1e-1, 1}, {0.0, 0.01, 0}, {1e-5, 1e-2, 1}};
    const size_t ks[3][2] = {{6, 5}, {4, 3}, {2, 7}};
    for (size_t c = 0; c < 3; c++) {
        size_t k_lr = ks[c][0], k_wd = ks[c][1], n = k_lr * k_wd;
        recorder *r = new_recorder(lrs[c], wds[c]);
        char a[64], b[64];
        describe_range(a, sizeof a, lrs[c]);
        describe_range(b, sizeof b, wds[c]);
        wb_call call = wb_call_of("grid_search", "objective, ctx, lr_range = %s, wd_range = %s, "
                                  "k_lr = %zu, k_wd = %zu, tried", a, b, k_lr, k_wd);
        search_point *tried = new_tried(n);
        long best = grid_search(record, r, lrs[c], wds[c], k_lr, k_wd, tried);
        wb_expect_untouched_fences(&call, "tried", (const double *)(void *)tried);
        wb_expect_count(&call, "calls to the objective", r->n, n, WB_NO_VARIANTS);
        expect_grid_points(&call, tried, lrs[c], wds[c], k_lr, k_wd, NULL, NULL, NULL);
        expect_record(&call, r, tried, n, best);
        free(r);
    }
}

/* ---- coarse to fine ---------------------------------------------------------------------------- */

/*
 * Round by round: round 0 is the grid of the given ranges; round r + 1 the grid of the ranges
 * narrowed (oracle_narrow) around the best validation loss of your round r. A grid narrowed
 * around the best training loss instead names that mistake.
 */
static void check_coarse_to_fine_at(search_range lr, search_range wd, size_t k, size_t rounds,
                                    const double *corner)
{
    size_t per = k * k, n = rounds * per;
    recorder *r = new_recorder(lr, wd);
    if (corner) { /* the optimum at a corner of the ranges: the best point on the grid's edge */
        r->u_opt = corner[0] < 0.5 ? scaled(lr.lo, lr) : scaled(lr.hi, lr);
        r->v_opt = corner[1] < 0.5 ? scaled(wd.lo, wd) : scaled(wd.hi, wd);
    }
    char a[64], b[64];
    describe_range(a, sizeof a, lr);
    describe_range(b, sizeof b, wd);
    wb_call call = wb_call_of("coarse_to_fine", "objective, ctx, lr_range = %s, wd_range = %s, "
                              "k = %zu, rounds = %zu, tried", a, b, k, rounds);
    search_point *tried = new_tried(n);
    long best = coarse_to_fine(record, r, lr, wd, k, rounds, tried);
    wb_expect_untouched_fences(&call, "tried", (const double *)(void *)tried);
    wb_expect_count(&call, "calls to the objective", r->n, n, WB_NO_VARIANTS);
    oracle_range now_lr = {lr.lo, lr.hi, lr.log_scale}, now_wd = {wd.lo, wd.hi, wd.log_scale};
    oracle_range bad_lr = now_lr, bad_wd = now_wd;
    for (size_t round = 0; round < rounds; round++) {
        const search_point *p = tried + round * per;
        wb_call at = call;
        snprintf(at.text + strlen(at.text), sizeof at.text - strlen(at.text),
                 ", round %zu: tried[%zu .. %zu], lr in [%.9g, %.9g], wd in [%.9g, %.9g]", round,
                 round * per, (round + 1) * per - 1, now_lr.lo, now_lr.hi, now_wd.lo, now_wd.hi);
        double wrong_lr[256], wrong_wd[256];
        grid_points((search_range){bad_lr.lo, bad_lr.hi, bad_lr.log_scale},
                    (search_range){bad_wd.lo, bad_wd.hi, bad_wd.log_scale}, k, k, 0, wrong_lr,
                    wrong_wd);
        wb_variant train = {"selected_on_train_loss", NULL};
        expect_grid_points(&at, p, (search_range){now_lr.lo, now_lr.hi, now_lr.log_scale},
                           (search_range){now_wd.lo, now_wd.hi, now_wd.log_scale}, k, k,
                           round > 0 ? &train : NULL, wrong_lr, wrong_wd);
        size_t bv = oracle_argmin(&r->calls[round * per][3], per, 4);
        size_t bt = oracle_argmin(&r->calls[round * per][2], per, 4);
        bad_lr = oracle_narrow(now_lr, k, bt / k);
        bad_wd = oracle_narrow(now_wd, k, bt % k);
        now_lr = oracle_narrow(now_lr, k, bv / k);
        now_wd = oracle_narrow(now_wd, k, bv % k);
    }
    size_t last = (rounds - 1) * per + oracle_argmin(&r->calls[(rounds - 1) * per][3], per, 4);
    if (rounds > 1 && best == (long)last && last != oracle_argmin(&r->calls[0][3], n, 4))
        wb_fail(&call, "best_of_last_round", "expected   %zu, the smallest val_loss of all %zu "
                "points\ngot        %ld, the best of the last round", oracle_argmin(&r->calls[0][3], n, 4),
                n, best);
    expect_record(&call, r, tried, n, best);
    free(r);
}

static void check_coarse_to_fine(search_range lr, search_range wd, size_t k, size_t rounds)
{
    check_coarse_to_fine_at(lr, wd, k, rounds, NULL);
}

WB_TEST(lesson12, coarse_to_fine_edges, "coarse_to_fine and grid_search with k = 2, and with the "
                                        "best point on the edges of the grid")
{
    const search_range lr = {1e-4, 1e-1, 1}, wd = {0.0, 0.02, 0};
    const double low[2] = {0.0, 0.0}, high[2] = {1.0, 1.0};
    check_coarse_to_fine_at(lr, wd, 4, 3, low);
    check_coarse_to_fine_at(lr, wd, 4, 3, high);
    check_coarse_to_fine_at(lr, wd, 2, 3, NULL);
    recorder *r = new_recorder(lr, wd);
    wb_call call = wb_call_of("grid_search", "objective, ctx, lr_range = {0.0001, 0.1, log}, "
                              "wd_range = {0, 0.02, linear}, k_lr = 3, k_wd = 2, tried");
    search_point *tried = new_tried(6);
    long best = grid_search(record, r, lr, wd, 3, 2, tried);
    wb_expect_count(&call, "calls to the objective", r->n, 6, WB_NO_VARIANTS);
    expect_grid_points(&call, tried, lr, wd, 3, 2, NULL, NULL, NULL);
    expect_record(&call, r, tried, 6, best);
    free(r);
}

WB_TEST(lesson12, coarse_to_fine_rounds, "coarse_to_fine: each round a k x k grid between the grid "
                                         "neighbours of the previous round's best point")
{
    check_coarse_to_fine((search_range){1e-5, 1.0, 1}, (search_range){1e-6, 1e-1, 1}, 5, 3);
    check_coarse_to_fine((search_range){1e-4, 1e-1, 1}, (search_range){0.0, 0.02, 0}, 3, 4);
    check_coarse_to_fine((search_range){1e-3, 1.0, 1}, (search_range){1e-5, 1e-2, 1}, 4, 1);
}

/* ---- ties and the order of the draws ------------------------------------------------------------ */

/* A flat landscape: every call returns the same losses, so every point ties. */
static search_result flat(double lr, double wd, void *ctx)
{
    (void)lr, (void)wd;
    ++*(size_t *)ctx;
    return (search_result){0.5, 1.0};
}

WB_TEST(lesson12, ties_pick_first, "on a constant objective every search returns 0, the first of "
                                   "the tied points")
{
    const search_range lr = {1e-4, 1e-1, 1}, wd = {0.0, 0.01, 0};
    for (int which = 0; which < 3; which++) {
        size_t calls = 0, n = which == 0 ? 7 : which == 1 ? 12 : 18;
        search_point *tried = new_tried(n);
        const char *name = which == 0 ? "random_search" : which == 1 ? "grid_search" : "coarse_to_fine";
        wb_call call = wb_call_of(name, "objective = the same losses {train 0.5, val 1} at every "
                                  "point, lr_range = {0.0001, 0.1, log}, wd_range = {0, 0.01, "
                                  "linear}, %s, tried", which == 0 ? "n_trials = 7, rng"
                                  : which == 1 ? "k_lr = 4, k_wd = 3" : "k = 3, rounds = 2");
        long best = which == 0   ? random_search(flat, &calls, lr, wd, 7, wb_rng(), tried)
                    : which == 1 ? grid_search(flat, &calls, lr, wd, 4, 3, tried)
                                 : coarse_to_fine(flat, &calls, lr, wd, 3, 2, tried);
        wb_expect_untouched_fences(&call, "tried", (const double *)(void *)tried);
        double last = (double)(n - 1);
        wb_expect_scalar(&call, (double)best, 0.0, "0: the first of the tied points",
                         (wb_tol){0.0, 0.0, "an index"}, WB_VARIANTS({"tie_picks_last", &last}));
    }
}

static oracle_range as_oracle(search_range r) { return (oracle_range){r.lo, r.hi, r.log_scale}; }

WB_TEST(lesson12, random_search_stream, "random_search draws each trial's lr, then its weight "
                                        "decay, from the rng: replayed draw by draw")
{
    const search_range lr = {1e-5, 1.0, 1}, wd = {0.0, 0.05, 0};
    const size_t n = 20;
    recorder *r = new_recorder(lr, wd);
    wb_call call = random_call(lr, wd, n);
    gsl_rng *twin = gsl_rng_clone(wb_rng()), *other = gsl_rng_clone(wb_rng());
    cr_assert(twin && other, "checker: out of memory");
    search_point *tried = new_tried(n);
    random_search(record, r, lr, wd, n, wb_rng(), tried);
    wb_expect_untouched_fences(&call, "tried", (const double *)(void *)tried);
    double got[2 * 20], want[2 * 20], swapped[2 * 20];
    for (size_t t = 0; t < n; t++) {
        got[2 * t] = tried[t].lr, got[2 * t + 1] = tried[t].weight_decay;
        want[2 * t] = oracle_draw(as_oracle(lr), twin);
        want[2 * t + 1] = oracle_draw(as_oracle(wd), twin);
        swapped[2 * t + 1] = oracle_draw(as_oracle(wd), other);
        swapped[2 * t] = oracle_draw(as_oracle(lr), other);
    }
    gsl_rng_free(twin);
    gsl_rng_free(other);
    free(r);
    wb_expect_vector(&call, "{tried[t].lr, tried[t].weight_decay} for each t", got,
                     (wb_expected){want, "a copy of the rng replayed: per trial u1 for lr, then "
                                         "u2 for the weight decay"},
                     2 * n, wb_tol_plus(1e-18, "1e-9 relative: the rounding of exp and log"),
                     WB_VARIANTS({"draw_order_swapped", swapped}));
}

/* ---- invalid arguments ------------------------------------------------------------------------- */

/* A search that must return -1, call nothing and write nothing. */
static void expect_refused(const wb_call *call, long got, const recorder *r, const search_point *tried,
                           size_t n)
{
    wb_expect_scalar(call, (double)got, -1.0, "the result for invalid arguments",
                     (wb_tol){0.0, 0.0, "exactly -1"}, WB_NO_VARIANTS);
    wb_expect_count(call, "calls to the objective", r->n, 0, WB_NO_VARIANTS);
    const double *d = (const double *)(const void *)tried;
    wb_expect_untouched_fences(call, "tried", d);
    for (size_t i = 0; i < 4 * n; i++)
        if (!isnan(d[i]))
            wb_fail(call, NULL, "expected   -1 and nothing written\ngot        tried[%zu] was "
                                "written", i / 4);
}

WB_TEST(lesson12, searches_invalid, "each search returns -1, calls nothing and writes nothing for "
                                    "invalid arguments")
{
    const search_range ok = {1e-4, 1.0, 1};
    const search_range bad[3] = {{0.0, 1.0, 1}, {1.0, 0.1, 0}, {NAN, 1.0, 0}};
    search_point *tried = new_tried(32);
    recorder *r = new_recorder(ok, ok);
    for (size_t c = 0; c < 3; c++) {
        char a[64];
        describe_range(a, sizeof a, bad[c]);
        wb_call rc = wb_call_of("random_search", "objective, ctx, lr_range = %s, wd_range = ok, "
                                "n_trials = 4, rng, tried", a);
        expect_refused(&rc, random_search(record, r, bad[c], ok, 4, wb_rng(), tried), r, tried, 32);
        wb_call gc = wb_call_of("grid_search", "objective, ctx, lr_range = ok, wd_range = %s, "
                                "k_lr = 3, k_wd = 3, tried", a);
        expect_refused(&gc, grid_search(record, r, ok, bad[c], 3, 3, tried), r, tried, 32);
        wb_call cc = wb_call_of("coarse_to_fine", "objective, ctx, lr_range = %s, wd_range = ok, "
                                "k = 3, rounds = 2, tried", a);
        expect_refused(&cc, coarse_to_fine(record, r, bad[c], ok, 3, 2, tried), r, tried, 32);
    }
    wb_call c1 = wb_call_of("random_search", "objective, ctx, ok, ok, n_trials = 0, rng, tried");
    expect_refused(&c1, random_search(record, r, ok, ok, 0, wb_rng(), tried), r, tried, 32);
    wb_call c2 = wb_call_of("random_search", "objective = NULL, ctx, ok, ok, n_trials = 4, rng, tried");
    expect_refused(&c2, random_search(NULL, r, ok, ok, 4, wb_rng(), tried), r, tried, 32);
    wb_call c3 = wb_call_of("grid_search", "objective, ctx, ok, ok, k_lr = 1, k_wd = 3, tried");
    expect_refused(&c3, grid_search(record, r, ok, ok, 1, 3, tried), r, tried, 32);
    wb_call c4 = wb_call_of("grid_search", "objective = NULL, ctx, ok, ok, k_lr = 3, k_wd = 3, tried");
    expect_refused(&c4, grid_search(NULL, r, ok, ok, 3, 3, tried), r, tried, 32);
    wb_call c5 = wb_call_of("coarse_to_fine", "objective, ctx, ok, ok, k = 1, rounds = 2, tried");
    expect_refused(&c5, coarse_to_fine(record, r, ok, ok, 1, 2, tried), r, tried, 32);
    wb_call c6 = wb_call_of("coarse_to_fine", "objective, ctx, ok, ok, k = 3, rounds = 0, tried");
    expect_refused(&c6, coarse_to_fine(record, r, ok, ok, 3, 0, tried), r, tried, 32);
    free(r);
}
