/*
 * check.c: comparisons and failure messages. Runs inside each test's own process.
 */
#include "check.h"
#include "seed.h"

#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the running test ------------------------------------------------------------------- */

static gsl_rng *test_rng;

/* FNV-1a: a test's stream depends on the run's seed and the test's name, not on its order. */
static unsigned long name_hash(const char *s)
{
    unsigned long h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void release_buffers(void);

void wb_test_begin(void)
{
    test_rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(test_rng, wb_run_seed() ^ name_hash(criterion_current_test->name));
    wb_todo_reset();
}

void wb_test_end(void)
{
    wb_remote_stop();
    release_buffers();
    gsl_rng_free(test_rng);
    test_rng = NULL;
    /* The one passing assertion: the runner counts a test as passed only if it sees it. */
    cr_assert(true, "test body completed");
}

gsl_rng *wb_rng(void) { return test_rng; }

double wb_uniform(double lo, double hi) { return lo + (hi - lo) * gsl_rng_uniform(test_rng); }

/* ---- the diagnosis table ---------------------------------------------------------------- */

enum { MAX_MISTAKES = 128 };
static const wb_mistake *mistakes[MAX_MISTAKES];
static size_t n_mistakes;

void wb_register_mistakes(const wb_mistake *table, size_t n)
{
    for (size_t i = 0; i < n && n_mistakes < MAX_MISTAKES; i++)
        mistakes[n_mistakes++] = &table[i];
}

static const wb_mistake *find_mistake(const char *id)
{
    for (size_t i = 0; i < n_mistakes; i++)
        if (strcmp(mistakes[i]->id, id) == 0)
            return mistakes[i];
    return NULL;
}

/* ---- messages ---------------------------------------------------------------------------- */

typedef struct {
    char text[8192];
    size_t len;
} message;

__attribute__((format(printf, 2, 3))) static void say(message *m, const char *fmt, ...)
{
    if (m->len >= sizeof m->text - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(m->text + m->len, sizeof m->text - m->len, fmt, ap);
    va_end(ap);
    if (k > 0)
        m->len += (size_t)k < sizeof m->text - m->len ? (size_t)k : sizeof m->text - m->len - 1;
}

/* A number as a student should read it: NaN and infinities by name. */
static const char *show(double v, char buf[40])
{
    if (isnan(v))
        return "NaN (not a number)";
    if (isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    snprintf(buf, 40, "%.15g", v);
    return buf;
}

static void say_vector(message *m, const char *label, const double *v, size_t n)
{
    char b[40];
    say(m, "%-10s ", label);
    if (n == 1) {
        say(m, "%s\n", show(v[0], b));
        return;
    }
    say(m, "[");
    size_t shown = n <= 12 ? n : 10;
    for (size_t i = 0; i < shown; i++)
        say(m, "%s%s", i ? ", " : "", show(v[i], b));
    say(m, "%s]\n", n > shown ? ", ..." : "");
}

static void say_stub_note(message *m, const wb_call *call)
{
    if (wb_todo_reached(call->function))
        say(m, "not written yet: %s still runs its stub placeholder (WB_TODO).\n", call->function);
    else if (wb_todo_first())
        say(m, "note: this call reached %s, which is still a stub.\n", wb_todo_first());
}

static void say_mistake(message *m, const char *id)
{
    const wb_mistake *k = find_mistake(id);
    if (!k) {
        say(m, "mistake    [%s]\n", id);
        return;
    }
    say(m, "mistake    [%s] %s\n", k->id, k->what);
    say(m, "hint       %s\n", k->hint);
}

static _Noreturn void fail_with(message *m)
{
    cr_assert_fail("%s", m->text);
    abort(); /* not reached: cr_assert_fail ends the test */
}

static void say_call(message *m, const wb_call *call)
{
    say_stub_note(m, call);
    say(m, "call       %s\n", call->text);
}

/* ---- calls and comparisons --------------------------------------------------------------- */

wb_call wb_call_of(const char *function, const char *args_fmt, ...)
{
    wb_call c = {.function = function};
    int k = snprintf(c.text, sizeof c.text, "%s(", function);
    va_list ap;
    va_start(ap, args_fmt);
    if (k > 0 && (size_t)k < sizeof c.text)
        k += vsnprintf(c.text + k, sizeof c.text - (size_t)k, args_fmt, ap);
    va_end(ap);
    if (k > 0 && (size_t)k < sizeof c.text - 1)
        strcat(c.text, ")");
    return c;
}

static bool close_enough(double got, double want, wb_tol tol)
{
    if (!isfinite(got) || !isfinite(want))
        return got == want;
    return fabs(got - want) <= tol.rtol * fabs(want) + tol.atol;
}

static bool all_close(const double *got, const double *want, size_t n, wb_tol tol)
{
    for (size_t i = 0; i < n; i++)
        if (!close_enough(got[i], want[i], tol))
            return false;
    return true;
}

/* The index where got is furthest from want: non-finite values first, then absolute error. */
static size_t worst_index(const double *got, const double *want, size_t n)
{
    size_t worst = 0;
    double worst_err = -1.0;
    for (size_t i = 0; i < n; i++) {
        double err = isfinite(got[i]) ? fabs(got[i] - want[i]) : INFINITY;
        if (err > worst_err) {
            worst_err = err;
            worst = i;
        }
    }
    return worst;
}

static const char *matching_variant(const double *got, size_t n, const double *expected,
                                    wb_tol tol, const wb_variant *variants, size_t nv)
{
    for (size_t k = 0; k < nv; k++)
        if (all_close(got, variants[k].values, n, tol) &&
            !all_close(variants[k].values, expected, n, tol))
            return variants[k].id;
    return NULL;
}

static void say_error_at(message *m, const char *name, size_t n, size_t i, double got,
                         double want, wb_tol tol)
{
    char b1[40], b2[40];
    if (n > 1)
        say(m, "worst      %s[%zu]: expected %s, got %s\n", name, i, show(want, b1), show(got, b2));
    if (isnan(got))
        say(m, "error      NaN where a finite number is expected: look for 0/0, log of a "
               "negative number, or an element that was never written.\n");
    else if (isinf(got) && isfinite(want))
        say(m, "error      an infinity where a finite number is expected: an overflow or a "
               "division by zero.\n");
    else if (!isfinite(want))
        say(m, "error      expected %s here, as the header documents.\n",
            isnan(want) ? "NaN" : "an infinity");
    else if (want != 0.0)
        say(m, "rel. error %.2e (allowed %.0e)\n", fabs(got - want) / fabs(want), tol.rtol);
    else
        say(m, "abs. error %.2e (expected exactly 0; allowed %.0e)\n", fabs(got - want), tol.atol);
    if (tol.why)
        say(m, "tolerance  %s\n", tol.why);
}

void wb_expect_vector(const wb_call *call, const char *name, const double *got,
                      wb_expected expected, size_t n, wb_tol tol, const wb_variant *variants,
                      size_t n_variants)
{
    /* A stub's placeholder never passes, even when its value happens to be right. */
    if (!wb_todo_reached(call->function) && all_close(got, expected.values, n, tol))
        return;
    message m = {.len = 0};
    say_call(&m, call);
    if (n > 1)
        say(&m, "checked    %s, %zu elements\n", name, n);
    say_vector(&m, "expected", expected.values, n);
    if (expected.source)
        say(&m, "           (%s)\n", expected.source);
    if (wb_todo_reached(call->function))
        fail_with(&m); /* an unwritten function: the expected value is all there is to say */
    say_vector(&m, "got", got, n);
    size_t i = worst_index(got, expected.values, n);
    say_error_at(&m, name, n, i, got[i], expected.values[i], tol);
    const char *id = matching_variant(got, n, expected.values, tol, variants, n_variants);
    if (id)
        say_mistake(&m, id);
    fail_with(&m);
}

void wb_expect_scalar(const wb_call *call, double got, double expected, const char *source,
                      wb_tol tol, const wb_variant *variants, size_t n_variants)
{
    wb_expect_vector(call, "result", &got, (wb_expected){&expected, source}, 1, tol, variants,
                     n_variants);
}

void wb_expect_count(const wb_call *call, const char *what, size_t got, size_t expected,
                     const wb_variant *variants, size_t n_variants)
{
    if (got == expected && !wb_todo_reached(call->function))
        return;
    message m = {.len = 0};
    say_call(&m, call);
    if (wb_todo_reached(call->function)) {
        say(&m, "expected   %s = %zu\n", what, expected);
        fail_with(&m); /* an unwritten function: no mistake to name */
    }
    say(&m, "expected   %s = %zu\ngot        %s = %zu\n", what, expected, what, got);
    for (size_t k = 0; k < n_variants; k++)
        if ((double)got == variants[k].values[0] && (double)expected != variants[k].values[0]) {
            say_mistake(&m, variants[k].id);
            break;
        }
    fail_with(&m);
}

void wb_expect_nan(const wb_call *call, double got, const char *why)
{
    if (isnan(got) && !wb_todo_reached(call->function))
        return;
    char b[40];
    message m = {.len = 0};
    say_call(&m, call);
    say(&m, "expected   NaN (%s)\n", why);
    if (!wb_todo_reached(call->function))
        say(&m, "got        %s\n", show(got, b));
    fail_with(&m);
}

void wb_expect_interval(const wb_call *call, const char *what, double got, double lo, double hi,
                        const char *how, double alpha, const wb_variant_range *variants,
                        size_t n_variants)
{
    if (!wb_todo_reached(call->function) && got >= lo && got <= hi)
        return;
    char b[40];
    message m = {.len = 0};
    say_call(&m, call);
    say(&m, "expected   %s in [%.6g, %.6g]\n", what, lo, hi);
    say(&m, "           (%s; correct code fails this with probability %.0e)\n", how, alpha);
    if (wb_todo_reached(call->function))
        fail_with(&m);
    say(&m, "got        %s\n", show(got, b));
    if (isnan(got) || isinf(got))
        say_error_at(&m, what, 1, 0, got, lo, WB_TOL_DEFAULT);
    for (size_t k = 0; k < n_variants; k++)
        if (got >= variants[k].lo && got <= variants[k].hi) {
            say_mistake(&m, variants[k].id);
            break;
        }
    fail_with(&m);
}

/* A call the worker could not complete (remote.c): in a test, that ends the test. */
void wb_remote_failed(const wb_call *call, const char *why)
{
    wb_fail(call, NULL, "%s", why);
}

void wb_fail(const wb_call *call, const char *mistake_id, const char *fmt, ...)
{
    message m = {.len = 0};
    say_call(&m, call);
    va_list ap;
    va_start(ap, fmt);
    if (m.len < sizeof m.text - 1) {
        int k = vsnprintf(m.text + m.len, sizeof m.text - m.len, fmt, ap);
        if (k > 0)
            m.len = strlen(m.text);
    }
    va_end(ap);
    say(&m, "\n");
    if (mistake_id)
        say_mistake(&m, mistake_id);
    fail_with(&m);
}

/* ---- guarded buffers ---------------------------------------------------------------------- */

enum { FENCE = 8, MAX_BUFFERS = 256 };
static const unsigned long long FENCE_BITS = 0x7ff4dead7ff4deadULL; /* a NaN no code computes */

static struct {
    double *base;
    size_t n;
} buffers[MAX_BUFFERS];
static size_t n_buffers;

static void fill_fence(double *f)
{
    for (size_t i = 0; i < FENCE; i++)
        memcpy(&f[i], &FENCE_BITS, sizeof FENCE_BITS);
}

static bool fence_intact(const double *f, size_t *bad)
{
    for (size_t i = 0; i < FENCE; i++)
        if (memcmp(&f[i], &FENCE_BITS, sizeof FENCE_BITS) != 0) {
            *bad = i;
            return false;
        }
    return true;
}

double *wb_buffer(size_t n)
{
    cr_assert(n_buffers < MAX_BUFFERS, "checker: too many buffers in one test");
    double *base = malloc((n + 2 * FENCE) * sizeof *base);
    cr_assert(base != NULL, "checker: out of memory");
    fill_fence(base);
    for (size_t i = 0; i < n; i++)
        base[FENCE + i] = NAN;
    fill_fence(base + FENCE + n);
    buffers[n_buffers].base = base;
    buffers[n_buffers].n = n;
    n_buffers++;
    return base + FENCE;
}

double *wb_buffer_copy(const double *src, size_t n)
{
    double *b = wb_buffer(n);
    memcpy(b, src, n * sizeof *b);
    return b;
}

void wb_expect_untouched_fences(const wb_call *call, const char *name, const double *buf)
{
    for (size_t k = 0; k < n_buffers; k++) {
        if (buffers[k].base + FENCE != buf)
            continue;
        size_t n = buffers[k].n, bad;
        if (!fence_intact(buffers[k].base, &bad))
            wb_fail(call, NULL,
                    "out of bounds: your code wrote %s[%d], before the start of an array of "
                    "length %zu.",
                    name, (int)bad - FENCE, n);
        if (!fence_intact(buffers[k].base + FENCE + n, &bad))
            wb_fail(call, NULL,
                    "out of bounds: your code wrote %s[%zu], past the end of an array of "
                    "length %zu (valid indices are 0 to %zu).",
                    name, n + bad, n, n - 1);
        return;
    }
}

static void release_buffers(void)
{
    for (size_t k = 0; k < n_buffers; k++)
        free(buffers[k].base);
    n_buffers = 0;
}
