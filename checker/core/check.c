/*
 * check.c: comparisons and failure messages. Runs inside each test's own process.
 */
#include "calls.h"
#include "check.h"
#include "i18n.h"
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

/* Appends FMT's text to the message, cut at its end. */
static void vsay(message *m, const char *fmt, va_list ap)
{
    if (m->len >= sizeof m->text - 1)
        return;
    int k = vsnprintf(m->text + m->len, sizeof m->text - m->len, fmt, ap);
    if (k > 0)
        m->len += (size_t)k < sizeof m->text - m->len ? (size_t)k : sizeof m->text - m->len - 1;
}

__attribute__((format(printf, 2, 3))) static void say(message *m, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(m, fmt, ap);
    va_end(ap);
}

/* A line of the message under a label ("shape", "error"...): the label padded to its column. */
__attribute__((format(printf, 3, 4))) static void say_as(message *m, const char *label,
                                                         const char *fmt, ...)
{
    say(m, "%s", wb_label(label));
    va_list ap;
    va_start(ap, fmt);
    vsay(m, fmt, ap);
    va_end(ap);
}

/* A number as a student should read it: NaN and infinities by name. */
static const char *show(double v, char buf[40])
{
    if (isnan(v))
        return _("NaN (not a number)");
    if (isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    snprintf(buf, 40, "%.15g", v);
    return buf;
}

static void say_vector(message *m, const char *label, const double *v, size_t n)
{
    char b[40];
    say(m, "%s", wb_label(label));
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

/* The first function of an earlier lesson reached as a stub (calls.h: wb_used_functions), or
   NULL: this lesson's code calls it, so the lesson cannot be tested until it is written. */
static const wb_used_function *used_stub(void)
{
    for (size_t i = 0; i < wb_todo_count(); i++)
        for (size_t u = 0; wb_used_functions[u].name; u++)
            if (strcmp(wb_used_functions[u].name, wb_todo_at(i)) == 0)
                return &wb_used_functions[u];
    return NULL;
}

/* A stub's placeholder (this call's function, or an earlier lesson's it reached) never passes,
   even when its value happens to be right. */
static bool stub_reached(const wb_call *call)
{
    return wb_todo_reached(call->function) || used_stub();
}

static void say_stub_note(message *m, const wb_call *call)
{
    const wb_used_function *u = used_stub();
    if (u && !wb_todo_reached(call->function))
        say(m, _("not written yet: %s of lesson %d (%s) still runs its stub placeholder, and %s "
                 "calls it: finish it first (make check lesson%d).\n"),
            u->name, u->lesson, u->file, call->function, u->lesson);
    else if (wb_todo_reached(call->function))
        say(m, _("not written yet: %s still runs its stub placeholder (WB_TODO).\n"), call->function);
    else if (wb_todo_first())
        say(m, _("note: this call reached %s, which is still a stub.\n"), wb_todo_first());
}

static void say_mistake(message *m, const char *id)
{
    const wb_mistake *k = find_mistake(id);
    if (!k) {
        say(m, "%s[%s]\n", wb_label(N_("mistake")), id);
        return;
    }
    say(m, "%s[%s] %s\n", wb_label(N_("mistake")), k->id, _(k->what));
    say(m, "%s%s\n", wb_label(N_("hint")), _(k->hint));
}

static _Noreturn void fail_with(message *m)
{
    cr_assert_fail("%s", m->text);
    abort(); /* not reached: cr_assert_fail ends the test */
}

static void say_call(message *m, const wb_call *call)
{
    say_stub_note(m, call);
    say(m, "%s%s\n", wb_label(N_("call")), call->text);
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

/* ---- the shape of an error nobody listed ----------------------------------------------------- */

/*
 * When a result is wrong and no listed mistake matches, say what the error looks like, from
 * expected and got alone (and the call's own arguments, which remote.c keeps): a flipped sign,
 * a constant factor (and which: 2, 1/2, n, an argument, 1 - an argument...), a constant offset,
 * a shift by one index, a transpose, two entries swapped, a right prefix, the input returned
 * unchanged, exactly zero, or integer truncation. One line, the first shape that fits.
 */
static bool near(double a, double b, wb_tol tol)
{
    return isfinite(a) && isfinite(b) && fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b)) + tol.atol;
}

/* A name for a factor or an offset: a small constant, or one made of the call's arguments. */
static bool name_constant(double c, char *out, size_t size)
{
    static const struct { double v; const char *name; } small[] = {
        {2.0, "2"}, {0.5, "1/2"}, {-1.0, "-1"}, {4.0, "4"}, {0.25, "1/4"}, {10.0, "10"},
        {0.1, "1/10"}, {M_LN2, "ln 2"}, {1.0 / M_LN2, N_("1/ln 2 (log2 for ln)")}, {M_LN10, "ln 10"},
        {1.0 / M_LN10, N_("1/ln 10 (log10 for ln)")}, {M_PI, "pi"}};
    for (size_t k = 0; k < sizeof small / sizeof small[0]; k++)
        if (fabs(c - small[k].v) <= 1e-9 * fabs(small[k].v)) {
            snprintf(out, size, "%s", _(small[k].name));
            return true;
        }
    const wb_inputs *in = wb_last_inputs();
    for (size_t k = 0; in && k < in->n_scalars; k++) {
        double a = in->scalar[k];
        const char *nm = in->scalar_name[k];
        struct { double v; const char *fmt; } forms[] = {
            {a, "%s"}, {1.0 / a, "1/%s"}, {1.0 - a, "1 - %s"}, {1.0 / (1.0 - a), "1/(1 - %s)"},
            {a * a, "%s^2"}, {sqrt(fabs(a)), "sqrt(%s)"}, {-a, "-%s"}};
        for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
            if (isfinite(forms[f].v) && a != 0.0 && a != 1.0 &&
                fabs(c - forms[f].v) <= 1e-9 * fabs(forms[f].v)) {
                char what[96];
                snprintf(what, sizeof what, forms[f].fmt, nm);
                snprintf(out, size, _("%s, with %s = %.6g"), what, nm, a);
                return true;
            }
    }
    return false;
}

/* r as a/b with small a and b (up to 12), as a factor a student can recognise. */
static bool simple_fraction(double r, char *out, size_t size)
{
    for (int b = 1; b <= 12; b++)
        for (int a = -48; a <= 48; a++) {
            if (a == 0 || a == b)
                continue;
            double q = (double)a / b;
            if (fabs(r - q) <= 1e-9 * fabs(q)) {
                if (b == 1)
                    snprintf(out, size, "%d", a);
                else
                    snprintf(out, size, "%d/%d", a, b);
                return true;
            }
        }
    return false;
}

static bool all_zero(const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] != 0.0)
            return false;
    return true;
}

/* got[i] = c want[i] for every i (c from the first nonzero want). */
static bool constant_factor(const double *got, const double *want, size_t n, wb_tol tol, double *c)
{
    size_t first = n;
    for (size_t i = 0; i < n && first == n; i++)
        if (want[i] != 0.0 && isfinite(want[i]))
            first = i;
    if (first == n || !isfinite(got[first]) || got[first] == 0.0)
        return false;
    *c = got[first] / want[first];
    for (size_t i = 0; i < n; i++)
        if (!near(got[i], *c * want[i], tol))
            return false;
    return true;
}

static bool shifted(const double *got, const double *want, size_t n, wb_tol tol, int by)
{
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++) {
        long j = (long)i + by;
        if (j < 0 || j >= (long)n)
            continue;
        if (!near(got[i], want[j], tol))
            return false;
    }
    return true;
}

static bool transposed(const double *got, const double *want, size_t rows, size_t cols, wb_tol tol)
{
    bool differs = false;
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            if (!near(got[j * rows + i], want[i * cols + j], tol))
                return false;
            differs |= !near(got[i * cols + j], want[i * cols + j], tol);
        }
    return differs;
}

static bool say_shape(message *m, const char *name, const double *got, const double *want, size_t n,
                      wb_tol tol)
{
    const char *shape = N_("shape");
    char what[160];
    if (all_zero(got, n) && !all_zero(want, n)) {
        if (n > 1)
            say_as(m, shape, _("%s is exactly 0 everywhere: was it computed and written?\n"), name);
        else
            say_as(m, shape, _("%s is exactly 0: was it computed and written?\n"), name);
        return true;
    }
    const wb_inputs *in = wb_last_inputs();
    for (size_t k = 0; in && k < in->n_arrays; k++)
        if (in->array_len[k] == n && n > 1 && all_close(got, in->array[k], n, tol)) {
            say_as(m, shape, _("%s is the input %s, unchanged: the function returned what it was "
                               "given.\n"), name, in->array_name[k]);
            return true;
        }
    double c;
    if (constant_factor(got, want, n, tol, &c) &&
        (n > 1 || name_constant(c, what, sizeof what) || simple_fraction(c, what, sizeof what))) {
        if ((c == -1.0 || fabs(c + 1.0) <= 1e-9) && n > 1)
            say_as(m, shape, _("the sign is flipped: got = -expected everywhere.\n"));
        else if (c == -1.0 || fabs(c + 1.0) <= 1e-9)
            say_as(m, shape, _("the sign is flipped: got = -expected.\n"));
        else if (name_constant(c, what, sizeof what) || simple_fraction(c, what, sizeof what))
            say_as(m, shape, _("off by a constant factor: got = expected x %s.\n"), what);
        else
            say_as(m, shape, _("off by the same factor everywhere: got = expected x %.6g.\n"), c);
        return true;
    }
    bool truncated = true, fraction = false;
    for (size_t i = 0; i < n && truncated; i++) {
        truncated = isfinite(want[i]) && (got[i] == trunc(want[i]) || got[i] == floor(want[i]));
        fraction |= want[i] != trunc(want[i]);
    }
    if (truncated && fraction) {
        say_as(m, shape, _("the fractions were dropped: integer arithmetic somewhere (an int "
                           "division, or a value stored in an int)?\n"));
        return true;
    }
    if (n < 2)
        return false;
    double d = got[0] - want[0];
    bool offset = isfinite(d) && d != 0.0;
    for (size_t i = 1; i < n && offset; i++)
        offset = near(got[i], want[i] + d, tol);
    if (offset) {
        if (name_constant(d, what, sizeof what))
            say_as(m, shape, _("off by the same amount everywhere: got = expected + %s.\n"), what);
        else
            say_as(m, shape, _("off by the same amount everywhere: got = expected + %.6g.\n"), d);
        return true;
    }
    if (shifted(got, want, n, tol, 1) || shifted(got, want, n, tol, -1)) {
        say_as(m, shape, _("shifted by one index: %s[i] holds what belongs in %s[i %s 1].\n"), name,
               name, shifted(got, want, n, tol, 1) ? "+" : "-");
        return true;
    }
    for (size_t k = 0; in && k + 1 < in->n_sizes; k++) {
        size_t r = in->size[k], cl = in->size[k + 1];
        if (r > 1 && cl > 1 && r * cl == n && transposed(got, want, r, cl, tol)) {
            say_as(m, shape, _("transposed: %s holds the %zu x %zu matrix read column by column "
                               "(row-major: element (i, j) is at i * cols + j).\n"), name, r, cl);
            return true;
        }
    }
    size_t k = (size_t)sqrt((double)n);
    if (k > 1 && k * k == n && transposed(got, want, k, k, tol)) {
        say_as(m, shape, _("transposed: %s holds the matrix's transpose (row-major: element (i, "
                           "j) is at i * n + j).\n"), name);
        return true;
    }
    size_t bad[3], n_bad = 0;
    for (size_t i = 0; i < n; i++)
        if (!near(got[i], want[i], tol) && n_bad < 3)
            bad[n_bad++] = i;
    if (n_bad == 2 && near(got[bad[0]], want[bad[1]], tol) && near(got[bad[1]], want[bad[0]], tol)) {
        say_as(m, shape, _("two entries swapped: %s[%zu] and %s[%zu].\n"), name, bad[0], name, bad[1]);
        return true;
    }
    size_t prefix = 0;
    while (prefix < n && near(got[prefix], want[prefix], tol))
        prefix++;
    if (prefix > 0 && prefix < n) {
        if (n - prefix == 1)
            say_as(m, shape, _("every entry but the last is right: %s[%zu] is not.\n"), name, prefix);
        else if (prefix == 1)
            say_as(m, shape, _("only the first entry is right; from %s[%zu] on they are not.\n"),
                   name, prefix);
        else
            say_as(m, shape, _("the first %zu entries are right; from %s[%zu] on they are not.\n"),
                   prefix, name, prefix);
        return true;
    }
    return false;
}

/* The listed mistakes whose values the result matches (and the right answer does not): the
   number found, and the first two ids. When two fit, both are named, never just one. */
static size_t matching_variants(const double *got, size_t n, const double *expected, wb_tol tol,
                                const wb_variant *variants, size_t nv, const char *ids[2])
{
    size_t found = 0;
    for (size_t k = 0; k < nv; k++)
        if (all_close(got, variants[k].values, n, tol) &&
            !all_close(variants[k].values, expected, n, tol)) {
            bool again = false;
            for (size_t j = 0; j < found && j < 2; j++)
                again |= strcmp(ids[j], variants[k].id) == 0;
            if (again)
                continue;
            if (found < 2)
                ids[found] = variants[k].id;
            found++;
        }
    return found;
}

static void say_error_at(message *m, const char *name, size_t n, size_t i, double got,
                         double want, wb_tol tol)
{
    char b1[40], b2[40];
    if (n > 1)
        say_as(m, N_("worst"), _("%s[%zu]: expected %s, got %s\n"), name, i, show(want, b1),
               show(got, b2));
    if (isnan(got))
        say_as(m, N_("error"), _("NaN where a finite number is expected: look for 0/0, log of a "
                                 "negative number, or an element that was never written.\n"));
    else if (isinf(got) && isfinite(want))
        say_as(m, N_("error"), _("an infinity where a finite number is expected: an overflow or "
                                 "a division by zero.\n"));
    else if (isnan(want))
        say_as(m, N_("error"), _("expected NaN here, as the header documents.\n"));
    else if (!isfinite(want))
        say_as(m, N_("error"), _("expected an infinity here, as the header documents.\n"));
    else if (want != 0.0)
        say_as(m, N_("rel. error"), _("%.2e (allowed %.0e)\n"), fabs(got - want) / fabs(want),
               tol.rtol);
    else
        say_as(m, N_("abs. error"), _("%.2e (expected exactly 0; allowed %.0e)\n"),
               fabs(got - want), tol.atol);
    if (tol.why)
        say_as(m, N_("tolerance"), "%s\n", tol.why);
}

void wb_expect_vector(const wb_call *call, const char *name, const double *got,
                      wb_expected expected, size_t n, wb_tol tol, const wb_variant *variants,
                      size_t n_variants)
{
    /* A stub's placeholder never passes, even when its value happens to be right. */
    if (!stub_reached(call) && all_close(got, expected.values, n, tol))
        return;
    message m = {.len = 0};
    say_call(&m, call);
    if (n > 1)
        say_as(&m, N_("checked"), _("%s, %zu elements\n"), name, n);
    say_vector(&m, N_("expected"), expected.values, n);
    if (expected.source)
        say_as(&m, "", "(%s)\n", expected.source);
    if (stub_reached(call))
        fail_with(&m); /* an unwritten function: the expected value is all there is to say */
    say_vector(&m, N_("got"), got, n);
    size_t i = worst_index(got, expected.values, n);
    say_error_at(&m, name, n, i, got[i], expected.values[i], tol);
    const char *ids[2];
    size_t found = matching_variants(got, n, expected.values, tol, variants, n_variants, ids);
    if (found == 1) {
        say_mistake(&m, ids[0]);
    } else if (found > 1) {
        say_as(&m, N_("mistakes"), _("two listed mistakes give this same result here:\n"));
        say_mistake(&m, ids[0]);
        say_mistake(&m, ids[1]);
    } else {
        say_shape(&m, name, got, expected.values, n, tol);
    }
    fail_with(&m);
}

void wb_expect_scalar(const wb_call *call, double got, double expected, const char *source,
                      wb_tol tol, const wb_variant *variants, size_t n_variants)
{
    wb_expect_vector(call, _("result"), &got, (wb_expected){&expected, source}, 1, tol, variants,
                     n_variants);
}

void wb_expect_count(const wb_call *call, const char *what, size_t got, size_t expected,
                     const wb_variant *variants, size_t n_variants)
{
    if (got == expected && !stub_reached(call))
        return;
    message m = {.len = 0};
    say_call(&m, call);
    if (stub_reached(call)) {
        say_as(&m, N_("expected"), "%s = %zu\n", what, expected);
        fail_with(&m); /* an unwritten function: no mistake to name */
    }
    say_as(&m, N_("expected"), "%s = %zu\n", what, expected);
    say_as(&m, N_("got"), "%s = %zu\n", what, got);
    /* every listed mistake that fits is named (each once): never just one of two */
    for (size_t k = 0; k < n_variants; k++) {
        bool named = false;
        for (size_t j = 0; j < k; j++)
            named |= (double)got == variants[j].values[0] && !strcmp(variants[j].id, variants[k].id);
        if ((double)got == variants[k].values[0] && (double)expected != variants[k].values[0] &&
            !named)
            say_mistake(&m, variants[k].id);
    }
    fail_with(&m);
}

void wb_expect_nan(const wb_call *call, double got, const char *why)
{
    if (isnan(got) && !stub_reached(call))
        return;
    char b[40];
    message m = {.len = 0};
    say_call(&m, call);
    say_as(&m, N_("expected"), _("NaN (%s)\n"), why);
    if (!stub_reached(call))
        say_as(&m, N_("got"), "%s\n", show(got, b));
    fail_with(&m);
}

void wb_expect_interval(const wb_call *call, const char *what, double got, double lo, double hi,
                        const char *how, double alpha, const wb_variant_range *variants,
                        size_t n_variants)
{
    if (!stub_reached(call) && got >= lo && got <= hi)
        return;
    char b[40];
    message m = {.len = 0};
    say_call(&m, call);
    say_as(&m, N_("expected"), _("%s in [%.6g, %.6g]\n"), what, lo, hi);
    say_as(&m, "", _("(%s; correct code fails this with probability %.0e)\n"), how, alpha);
    if (stub_reached(call))
        fail_with(&m);
    say_as(&m, N_("got"), "%s\n", show(got, b));
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
                    _("out of bounds: your code wrote %s[%d], before the start of an array of "
                      "length %zu."),
                    name, (int)bad - FENCE, n);
        if (!fence_intact(buffers[k].base + FENCE + n, &bad))
            wb_fail(call, NULL,
                    _("out of bounds: your code wrote %s[%zu], past the end of an array of "
                      "length %zu (valid indices are 0 to %zu)."),
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
