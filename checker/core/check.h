/*
 * check.h: what every lesson suite uses to compare a student's results with the oracle's.
 *
 * A suite declares its tests with WB_TEST, describes each call it makes with wb_call_of,
 * and compares with wb_expect_* . A failed comparison ends the test with a message that
 * names the call, its inputs, the expected value, what the student's code returned, the
 * relative error, and, when the result equals a known wrong variant, that mistake's
 * diagnosis and hint (see WB_MISTAKES). Passing checks print nothing.
 */
#ifndef WB_CHECK_H
#define WB_CHECK_H

#include <criterion/criterion.h>
#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"
#include "todo.h"

/* ---- tests ------------------------------------------------------------------------- */

void wb_test_begin(void);
void wb_test_end(void);

/*
 * WB_TEST(suite, name, "what it checks") { body }
 * The body runs in its own process (Criterion forks), with a fresh random stream seeded from
 * the run's seed and the test's name. The student's functions it calls run in a worker process
 * of the test's own (remote.c), started at the first call and ended with the test. A test
 * counts as passed only when its body ran to the end: wb_test_end() records the one passing
 * assertion the runner looks for.
 */
/* The Criterion suite of every test is the lesson's, lessonNN (build.mk defines WB_SUITE), so
   that the runner, make check and the grader name tests the same way for every lesson. */
#ifdef WB_SUITE
#define WB_TEST(suite, name, what)                                                    \
    static void suite##_##name##_body(void);                                          \
    Test(WB_SUITE, name, .description = what) {                                       \
        wb_test_begin();                                                              \
        suite##_##name##_body();                                                      \
        wb_test_end();                                                                \
    }                                                                                 \
    static void suite##_##name##_body(void)
#endif

/* What a signal that ended the student's code means, in a phrase. */
const char *wb_signal_story(int sig);

/* Ends the running test's worker, the process that runs the student's code (remote.c). */
void wb_remote_stop(void);

/* In grading, starts the one sandboxed zygote that forks each test's worker (remote.c); called
   by the runner's main process before the tests. */
void wb_zygote_start(void);

/* The seconds one call of the student's code may take (WB_TIMEOUT, default 5). */
double wb_call_timeout(void);

/* The random stream of the running test (mt19937). */
gsl_rng *wb_rng(void);
/* A uniform double in [lo, hi). */
double wb_uniform(double lo, double hi);

/* ---- the diagnosis table --------------------------------------------------------------- */

/* A known wrong way to write a function: its stable id, what it is, and how to fix it. */
typedef struct {
    const char *id;
    const char *function;
    const char *what;
    const char *hint;
} wb_mistake;

void wb_register_mistakes(const wb_mistake *table, size_t n);

/* WB_MISTAKES(table): registers a suite's diagnosis table before its tests run. */
#define WB_MISTAKES(table)                                                            \
    __attribute__((constructor)) static void wb_register_table_##table(void) {             \
        wb_register_mistakes(table, sizeof(table) / sizeof(table[0]));                \
    }

/* What a wrong variant returns for the current inputs (length = the compared length). */
typedef struct {
    const char *id;
    const double *values;
} wb_variant;

/* WB_VARIANTS({"id", &value}, {"id2", array}) expands to (array, count). */
#define WB_VARIANTS(...)                                                              \
    (const wb_variant[]){__VA_ARGS__},                                                \
        (sizeof((const wb_variant[]){__VA_ARGS__}) / sizeof(wb_variant))
#define WB_NO_VARIANTS NULL, 0

/* ---- calls and tolerances -------------------------------------------------------------- */

/* The call being checked, as the student would write it, with its inputs. */
typedef struct {
    const char *function;
    char text[768];
} wb_call;

/*
 * What to do when a call of the student's code could not complete (a crash, a timeout...):
 * the judge's ends the test (check.c); the plot driver's notes it and goes on (plots/driver.c).
 */
void wb_remote_failed(const wb_call *call, const char *why);

wb_call wb_call_of(const char *function, const char *args_fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * The arguments of the last call of the student's code (kept by remote.c), for describing the
 * shape of a wrong result: its double and size_t scalars, and its const double arrays (the
 * first 64 values of up to four).
 */
typedef struct {
    size_t n_scalars;
    double scalar[8];
    const char *scalar_name[8];
    size_t n_sizes;
    size_t size[8];
    size_t n_arrays;
    const char *array_name[4];
    size_t array_len[4];
    double array[4][64];
} wb_inputs;

const wb_inputs *wb_last_inputs(void);

/* "v0, v1, ..." with every digit (%.17g), for a call's description; returns out. */
const char *wb_format_vector(char *out, size_t size, const double *v, size_t n);

/*
 * |got - expected| <= rtol * |expected| + atol.  `why` says where a bound looser than the
 * course's default (rtol 1e-9) comes from; it is printed with every failure.
 */
typedef struct {
    double rtol;
    double atol;
    const char *why;
} wb_tol;

#define WB_TOL_DEFAULT ((wb_tol){1e-9, 1e-300, NULL})

/* The default relative bound plus an absolute allowance, with the reason for it. */
static inline wb_tol wb_tol_plus(double atol, const char *why)
{
    return (wb_tol){1e-9, atol, why};
}

/* An expected value with the provenance the student is shown ("gsl_deriv_central", ...). */
typedef struct {
    const double *values;
    const char *source;
} wb_expected;

/* ---- comparisons ----------------------------------------------------------------------- */

void wb_expect_vector(const wb_call *call, const char *name, const double *got,
                      wb_expected expected, size_t n, wb_tol tol,
                      const wb_variant *variants, size_t n_variants);

void wb_expect_scalar(const wb_call *call, double got, double expected, const char *source,
                      wb_tol tol, const wb_variant *variants, size_t n_variants);

void wb_expect_count(const wb_call *call, const char *what, size_t got, size_t expected,
                     const wb_variant *variants, size_t n_variants);

/* A result that must be NaN (a documented answer to invalid input); `why` says why. */
void wb_expect_nan(const wb_call *call, double got, const char *why);

/*
 * A statistic that must fall in [lo, hi]: for tests of random functions. `how` says where the
 * bounds come from and alpha is the false-alarm rate (the chance that correct code fails);
 * both are printed with a failure. A variant matches when it falls in its own [lo, hi].
 */
typedef struct {
    const char *id;
    double lo, hi;
} wb_variant_range;

void wb_expect_interval(const wb_call *call, const char *what, double got, double lo, double hi,
                        const char *how, double alpha, const wb_variant_range *variants,
                        size_t n_variants);

/* Ends the test with a message; mistake_id (or NULL) adds that mistake's diagnosis. */
void wb_fail(const wb_call *call, const char *mistake_id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

/* ---- guarded buffers ------------------------------------------------------------------- */

/*
 * An array of n doubles for the student's code to write, poisoned with NaN and fenced on
 * both sides. wb_expect_untouched_fences() fails the test, naming the index, when the code
 * wrote outside [0, n). Buffers are released at the end of the test.
 */
double *wb_buffer(size_t n);
double *wb_buffer_copy(const double *src, size_t n);
void wb_expect_untouched_fences(const wb_call *call, const char *name, const double *buf);

#endif
