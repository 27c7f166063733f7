/*
 * Lesson 10 suite: Hessians, critical points and Newton steps.
 * Expected values: second differences formed by the checker in long double (the rounding of f
 * as the tolerance) and the exact Hessians of the course notes' examples; eigenvalues by
 * gsl_eigen_symmv; solves, inverses and determinants by gsl_linalg_LU; minimisers by
 * gsl_multimin (vector_bfgs2); critical points by gsl_multiroot and gsl_root; the checker's own
 * Newton run and BFGS update in long double (checker/oracle/oracle_newton.h).
 */
#include "check.h"
#include "newton.h"
#include "oracle.h"
#include "oracle_newton.h"

#include <float.h>
#include <math.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"x_not_restored", "hessian_central",
     N_("x was not left as it was: after moving coordinates by +-h, each must go back to its "
     "original value."),
     N_("Save xi = x[i] (and xj = x[j]) before changing them and assign them back afterwards; "
     "x[i] + h - h does not always give back the same double.")},
    {"determinant_test", "classify_critical_point",
     N_("This is the two-variable determinant test (det H < 0: saddle; det H > 0: minimum or "
     "maximum by the sign of H_00). It holds for n = 2 only: det H is the product of all the "
     "eigenvalues, so with n = 3 the saddle with eigenvalues (-1, -2, 3) has det H > 0, and a "
     "maximum has det H < 0."),
     N_("Compute the eigenvalues (gsl_eigen_symm on a copy of H) and count how many are positive "
     "and how many negative.")},
    {"no_zero_tolerance", "classify_critical_point",
     N_("A tiny eigenvalue was counted as positive or negative. A Hessian from finite differences "
     "or from rounding is never exactly singular: an eigenvalue of 1e-10 * max|lambda| is zero "
     "to the accuracy of H, and the test cannot decide (degenerate)."),
     N_("Treat |lambda_i| <= CRITICAL_ZERO_RTOL * max_k |lambda_k| as zero before looking at the "
     "signs.")},
    {"multiplied_by_hessian", "newton_step",
     N_("delta = -H g: the gradient was multiplied by H instead of solving H delta = -g."),
     N_("The Newton step is delta = -H^-1 g. Solve the linear system (gsl_linalg_cholesky_decomp1 "
     "on a copy of H, then gsl_linalg_cholesky_solve) rather than multiplying.")},
    {"step_sign", "newton_step",
     N_("delta = +H^-1 g: the step points away from the minimum of the quadratic model."),
     N_("The model f(x) + g'delta + 1/2 delta'H delta is smallest where its gradient g + H delta "
     "is zero, so H delta = -g: solve with the right-hand side -g.")},
    {"not_positive_definite_ignored", "newton_step",
     N_("H is not positive definite, yet the step -H^-1 g was returned as NEWTON_OK. There the "
     "Newton step heads for a saddle point or a maximum as readily as for a minimum."),
     N_("Factorise with Cholesky (gsl_linalg_cholesky_decomp1, with gsl_set_error_handler_off() "
     "around it): when it fails, write delta = -g and return NEWTON_NOT_POSITIVE_DEFINITE. "
     "An LU solve succeeds for any invertible H, so it cannot tell.")},
    {"non_finite_not_checked", "newton_step",
     N_("A NaN or an infinity in H or g was not caught. The Cholesky factorisation does not notice "
     "a NaN (NaN <= 0 is false, so every pivot passes): H = [[NaN, 0], [0, 1]] comes back "
     "\"positive definite\" with delta all NaN, and newton_run then writes NaN into x."),
     N_("Before factorising, return NEWTON_INVALID (writing nothing) when n == 0 or any entry of H "
     "or g is not finite (isfinite from <math.h>).")},
    {"invalid_step_taken", "newton_run",
     N_("newton_run went on after newton_step returned NEWTON_INVALID, treating it like "
     "NEWTON_NOT_POSITIVE_DEFINITE: it stepped from a point whose gradient or Hessian is not "
     "finite."),
     N_("Check newton_step's status for all three values: on NEWTON_INVALID stop at once and return "
     "k, the number of updates made so far (x stays x_k).")},
    {"non_finite_update", "bfgs_update",
     N_("The update wrote NaN or an infinity into Hinv and reported BFGS_UPDATED. A positive but tiny "
     "y's (1e-320) makes rho = 1 / (y's) overflow to inf, and an overflow (or a NaN in s, y or "
     "Hinv) spreads through every entry."),
     N_("Skip, as for y's <= 0, when rho = 1 / (y's) is not finite, and compute every new entry "
     "before writing any: if one is not finite, leave Hinv as it was and return BFGS_SKIPPED.")},
    {"lambda_swapped", "convexity_gap",
     N_("The weights of the chord are swapped: lambda must go with f(x), the point that has weight "
     "lambda in the mix."),
     N_("The chord at lambda x + (1 - lambda) y has height lambda f(x) + (1 - lambda) f(y).")},
    {"psd_by_diagonal", "hessian_is_psd",
     N_("Only the diagonal was checked: a matrix with a positive diagonal can still have a negative "
     "eigenvalue ([[1, 2], [2, 1]] has -1)."),
     N_("Semi-definiteness is about every direction, v'Hv >= 0: look at the eigenvalues "
     "(gsl_eigen_symm on a copy).")},
    {"psd_zero_excluded", "hessian_is_psd",
     N_("A zero eigenvalue was counted as not semi-definite: that is the test for positive definite."),
     N_("Semi-definite allows lambda = 0 (x^4 is convex with f''(0) = 0); count |lambda| <= "
     "CRITICAL_ZERO_RTOL * max |lambda_k| as zero, like classify_critical_point.")},
};
WB_MISTAKES(mistakes)

/* ---- formatting ------------------------------------------------------------------------------ */

/* A matrix as {{row 0}, {row 1}, ...}, with 6 significant digits. */
static void format_matrix(char *out, size_t size, const double *A, size_t n)
{
    size_t len = (size_t)snprintf(out, size, "{");
    for (size_t i = 0; i < n && len < size; i++) {
        len += (size_t)snprintf(out + len, size - len, "%s{", i ? ", " : "");
        for (size_t j = 0; j < n && len < size; j++)
            len += (size_t)snprintf(out + len, size - len, "%s%.6g", j ? ", " : "", A[i * n + j]);
        if (len < size)
            len += (size_t)snprintf(out + len, size - len, "}");
    }
    if (len < size)
        snprintf(out + len, size - len, "}");
}

static double max_abs(const double *v, size_t n)
{
    double m = 0.0;
    for (size_t i = 0; i < n; i++)
        m = fmax(m, fabs(v[i]));
    return m;
}

/* Fails unless the array the student's function received is exactly as it was. */
static void expect_unchanged(const wb_call *call, const char *name, const double *now,
                             const double *before, size_t n, const char *mistake_id)
{
    if (memcmp(now, before, n * sizeof *now) == 0)
        return;
    char was[400], is[400];
    wb_format_vector(was, sizeof was, before, n);
    wb_format_vector(is, sizeof is, now, n);
    wb_fail(call, mistake_id, "expected   %s unchanged: {%s}\ngot        %s = {%s}", name, was,
            name, is);
}

/* ---- hessian_central ------------------------------------------------------------------------- */

/* Calls hessian_central on a fenced copy of x0; checks the fences and that x came back. */
static double *student_hessian(const wb_call *call, wb_vector_fn f, void *params,
                               const double *x0, size_t n, double h)
{
    double *x = wb_buffer_copy(x0, n), *H = wb_buffer(n * n);
    hessian_central(f, params, x, n, h, H);
    wb_expect_untouched_fences(call, "H", H);
    wb_expect_untouched_fences(call, "x", x);
    expect_unchanged(call, "x", x, x0, n, "x_not_restored");
    return H;
}

WB_TEST(lesson10, hessian_random, "hessian_central on random points in 1 to 4 dimensions")
{
    for (int trial = 0; trial < 12; trial++) {
        size_t n = 1 + (size_t)trial % 4;
        double x0[4], want[16], roundoff[16], h = pow(10.0, -(double)(2 + trial % 3));
        for (size_t i = 0; i < n; i++)
            x0[i] = wb_uniform(-2.0, 2.0);
        oracle_hessian_quotients(oracle_wavy, NULL, x0, n, h, want, roundoff);
        char xs[200];
        wb_format_vector(xs, sizeof xs, x0, n);
        wb_call call = wb_call_of("hessian_central",
                                  "f = sum sin((i+1) x_i) + prod (1 + x_i^2/4), params = NULL, "
                                  "x = {%s}, n = %zu, h = %g, H", xs, n, h);
        double *H = student_hessian(&call, oracle_wavy, NULL, x0, n, h);
        wb_expect_vector(&call, "H (row-major)", H,
                         (wb_expected){want, "the second differences in long double: "
                                             "(f(x+he_i) - 2f(x) + f(x-he_i)) / h^2 on the "
                                             "diagonal, the 4-point formula / (4h^2) off it"},
                         n * n,
                         wb_tol_plus(max_abs(roundoff, n * n),
                                     "plus 4 eps sum|f| / denominator: the rounding of f's values"),
                         WB_NO_VARIANTS);
    }
}

static double x3_plus_2xy3(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * x[0] * x[0] + 2.0 * x[0] * x[1] * x[1] * x[1];
}

/* Compares hessian_central at x0 with an exact Hessian, allowing the formula's truncation
   error `truncation` plus the rounding of f's values. */
static void check_exact_hessian(const char *fname, wb_vector_fn f, const double *x0, double h,
                                const double *exact, double truncation, const char *source,
                                const char *why)
{
    double quotients[4], roundoff[4];
    oracle_hessian_quotients(f, NULL, x0, 2, h, quotients, roundoff);
    wb_call call = wb_call_of("hessian_central", "f = %s, params = NULL, x = {%.17g, %.17g}, "
                                                 "n = 2, h = %g, H", fname, x0[0], x0[1], h);
    double *H = student_hessian(&call, f, NULL, x0, 2, h);
    wb_expect_vector(&call, "H (row-major)", H, (wb_expected){exact, source}, 4,
                     wb_tol_plus(truncation + max_abs(roundoff, 4), why), WB_NO_VARIANTS);
}

WB_TEST(lesson10, hessian_exact, "hessian_central on the notes' examples and the camelback")
{
    const double origin[2] = {0.0, 0.0}, saddle_H[4] = {2.0, 0.0, 0.0, -2.0};
    check_exact_hessian("x^2 - y^2", oracle_saddle, origin, 1e-3, saddle_H, 0.0,
                        "the notes' saddle (the Optimization blog post): H = [[2, 0], [0, -2]] everywhere",
                        "plus the rounding of f's values; second differences of a quadratic "
                        "are exact");
    const double p[2] = {1.0, 2.0}, p_H[4] = {6.0, 24.0, 24.0, 24.0}, h = 1e-4;
    check_exact_hessian("x^3 + 2xy^3", x3_plus_2xy3, p, h, p_H, 2.0 * h * h,
                        "기초미분과 최적화: f_xx = 6x, f_xy = f_yx = 6y^2, f_yy = 12xy at (1, 2)",
                        "plus 2h^2, the 4-point formula's error h^2 (f_xxxy + f_xyyy) / 6, and "
                        "the rounding of f's values");
    double points[20][2];
    size_t count = oracle_camelback_critical_points(points, 20);
    for (size_t k = 0; k < count; k++) {
        double exact[4], t1 = points[k][0];
        oracle_camelback_hessian(points[k], 2, NULL, exact);
        /* diagonal error h^2 f''''/12 + h^4 f''''''/360; the coupling t1 t2 has none */
        double truncation = h * h / 12.0 * fmax(fabs(120.0 * t1 * t1 - 50.4), 96.0) +
                            pow(h, 4) / 360.0 * 240.0;
        check_exact_hessian("the camelback", oracle_camelback_fn, points[k], h, exact, truncation,
                            "the exact Hessian [[8 - 25.2 t1^2 + 10 t1^4, 1], [1, -8 + 48 t2^2]] "
                            "at a critical point (gsl_multiroot)",
                            "plus the truncation h^2 |f''''| / 12 + h^4 |f''''''| / 360 and the "
                            "rounding of f's values");
    }
}

/* Counts the calls of f, to see that an invalid h never reaches it. */
static double counted(const double *x, size_t n, void *p)
{
    (*(int *)p)++;
    return oracle_wavy(x, n, NULL);
}

WB_TEST(lesson10, hessian_invalid_step, "hessian_central with h <= 0 writes NaN and never calls f")
{
    const double x0[3] = {0.5, -1.0, 2.0}, steps[3] = {0.0, -1e-3, NAN};
    for (int k = 0; k < 3; k++) {
        int calls = 0;
        wb_call call = wb_call_of("hessian_central",
                                  "f, params, x = {0.5, -1, 2}, n = 3, h = %g, H", steps[k]);
        double *x = wb_buffer_copy(x0, 3), *H = wb_buffer(9);
        H[4] = 0.0; /* one entry not NaN beforehand, so that it must be written */
        hessian_central(counted, &calls, x, 3, steps[k], H);
        wb_expect_untouched_fences(&call, "H", H);
        if (wb_todo_reached(call.function))
            wb_fail(&call, NULL, "expected   every entry of H NaN, and f never called");
        for (size_t i = 0; i < 9; i++)
            if (!isnan(H[i]))
                wb_fail(&call, NULL, "expected   every entry of H NaN (h <= 0 is invalid), got "
                                     "H[%zu] = %g", i, H[i]);
        if (calls != 0)
            wb_fail(&call, NULL, "expected   f never called (h <= 0 is invalid), got %d calls",
                    calls);
        expect_unchanged(&call, "x", x, x0, 3, NULL);
    }
}

/* ---- classify_critical_point ----------------------------------------------------------------- */

static const char *kind_name(int kind)
{
    switch (kind) {
    case CRITICAL_INVALID: return "CRITICAL_INVALID";
    case CRITICAL_MINIMUM: return "CRITICAL_MINIMUM";
    case CRITICAL_MAXIMUM: return "CRITICAL_MAXIMUM";
    case CRITICAL_SADDLE: return "CRITICAL_SADDLE";
    case CRITICAL_DEGENERATE: return "CRITICAL_DEGENERATE";
    default: return "not a critical_kind";
    }
}

/* The kind the eigenvalues of A give with zero tolerance rtol (the lesson's rule). */
static int kind_by_eigenvalues(const double *A, size_t n, double rtol)
{
    double eval[ORACLE_NEWTON_MAX_N];
    oracle_eigen_symm(A, n, eval, NULL);
    oracle_inertia in = oracle_inertia_of(eval, n, rtol);
    if (in.positive > 0 && in.negative > 0)
        return CRITICAL_SADDLE;
    if (in.positive == n)
        return CRITICAL_MINIMUM;
    if (in.negative == n)
        return CRITICAL_MAXIMUM;
    return CRITICAL_DEGENERATE;
}

/* The mistake: the two-variable test, det H < 0 saddle, det H > 0 minimum or maximum by H_00. */
static int kind_by_determinant(const double *A, size_t n)
{
    double det = oracle_determinant(A, n);
    if (det < 0.0)
        return CRITICAL_SADDLE;
    if (det > 0.0)
        return A[0] > 0.0 ? CRITICAL_MINIMUM : CRITICAL_MAXIMUM;
    return CRITICAL_DEGENERATE;
}

/* Calls classify_critical_point on a fenced copy of A and compares with the eigenvalue rule;
   the two mistakes are computed from the same A, in the order given. */
static void check_classify(const char *what, const double *A, size_t n, const char *source,
                           bool zero_first)
{
    char Hs[600];
    format_matrix(Hs, sizeof Hs, A, n);
    wb_call call = wb_call_of("classify_critical_point", "H = %s (%s), n = %zu, work", Hs, what, n);
    const double *H = wb_buffer_copy(A, n * n);
    double *work = wb_buffer(CLASSIFY_WORK(n));
    int got = classify_critical_point(H, n, work);
    wb_expect_untouched_fences(&call, "work", work);
    expect_unchanged(&call, "H", H, A, n * n, NULL);
    int want = kind_by_eigenvalues(A, n, CRITICAL_ZERO_RTOL);
    if (got == want && !wb_todo_reached(call.function))
        return;
    double eval[ORACLE_NEWTON_MAX_N];
    char evs[300];
    oracle_eigen_symm(A, n, eval, NULL);
    wb_format_vector(evs, sizeof evs, eval, n);
    if (wb_todo_reached(call.function))
        wb_fail(&call, NULL, "expected   %s\n           (%s; eigenvalues {%s} by gsl_eigen_symmv)",
                kind_name(want), source, evs);
    int det = kind_by_determinant(A, n), strict = kind_by_eigenvalues(A, n, 0.0);
    const char *id = NULL;
    if (zero_first)
        id = got == strict && strict != want ? "no_zero_tolerance"
             : got == det && det != want     ? "determinant_test"
                                             : NULL;
    else
        id = got == det && det != want         ? "determinant_test"
             : got == strict && strict != want ? "no_zero_tolerance"
                                               : NULL;
    wb_fail(&call, id,
            "expected   %s\n           (%s; eigenvalues {%s} by gsl_eigen_symmv, zero when "
            "|lambda| <= %g max|lambda|)\ngot        %s (%d)",
            kind_name(want), source, evs, CRITICAL_ZERO_RTOL, kind_name(got), got);
}

static double cubic_plus_square(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return 1.0 + x[0] * x[0] * x[0] + x[1] * x[1];
}

/* Invalid input: classify_critical_point must say CRITICAL_INVALID. */
static void check_classify_invalid(const char *what, const double *A, size_t n)
{
    wb_call call = wb_call_of("classify_critical_point", "H = %s, n = %zu, work", what, n);
    const double *H = wb_buffer_copy(A, n ? n * n : 1);
    double *work = wb_buffer(n ? CLASSIFY_WORK(n) : 1);
    int got = classify_critical_point(H, n, work);
    wb_expect_untouched_fences(&call, "work", work);
    const char *why = n ? "an entry of H is not finite" : "n = 0";
    if (wb_todo_reached(call.function))
        wb_fail(&call, NULL, "expected   CRITICAL_INVALID (%s)", why);
    if (got != CRITICAL_INVALID)
        wb_fail(&call, NULL, "expected   CRITICAL_INVALID (%s)\ngot        %s (%d)", why,
                kind_name(got), got);
}

WB_TEST(lesson10, classify_worked, "classify_critical_point on the course notes' examples")
{
    const double sad[4] = {2, 0, 0, -2}, bowl[4] = {2, 0, 0, 2}, cap[4] = {-2, 0, 0, -2};
    check_classify("x^2 - y^2 at (0, 0)", sad, 2, "the Optimization blog post: the saddle of x^2 - y^2", false);
    check_classify("x^2 + y^2 at (0, 0)", bowl, 2, "both curvatures positive", false);
    check_classify("-x^2 - y^2 at (0, 0)", cap, 2, "both curvatures negative", false);
    const double zero = 0.0;
    check_classify("x^3 at 0: f'' = 0", &zero, 1,
                   "the Optimization blog post: f' vanishes at 0, yet x^3 has no minimum there", false);

    /* the Optimization blog post's x cos(pi x) on [-1, 2]: a 1 x 1 Hessian f''(x*) at each critical point */
    double xs[4], f2[4];
    size_t count = oracle_x_cos_pi_x_critical_points(-1.0, 2.0, xs, f2, 4);
    for (size_t k = 0; k < count; k++) {
        char what[120];
        snprintf(what, sizeof what, "f''(x*) of x cos(pi x) at its critical point x* = %.6f",
                 xs[k]);
        check_classify(what, &f2[k], 1,
                       "the Optimization blog post marks a local minimum near -0.3 and the global minimum near 1.1; "
                       "x* by gsl_root", false);
    }

    /* 1 + x^3 + y^2 at (0, 0) by second differences: rounding makes f_xx about 1e-10, not 0 */
    const double origin[2] = {0.0, 0.0};
    double H[4], roundoff[4];
    oracle_hessian_quotients(cubic_plus_square, NULL, origin, 2, 1e-3, H, roundoff);
    check_classify("1 + x^3 + y^2 at (0, 0), second differences with h = 1e-3", H, 2,
                   "f_xx is rounding noise: x^3 has no minimum at 0", true);

    const double with_nan[4] = {1.0, NAN, NAN, 1.0};
    check_classify_invalid("{{1, NaN}, {NaN, 1}}", with_nan, 2);
    check_classify_invalid("{}", &zero, 0);
}

/* A random sign for each of n eigenvalues, magnitudes in [0.1, 10] times a common scale. */
static void random_eigenvalues(double *lambda, size_t n, double scale)
{
    for (size_t i = 0; i < n; i++)
        lambda[i] = (gsl_rng_uniform(wb_rng()) < 0.5 ? -1.0 : 1.0) * scale * wb_uniform(0.1, 10.0);
}

WB_TEST(lesson10, classify_random, "classify_critical_point on random symmetric matrices, n = 1 to 5")
{
    /* first the cases where the determinant test goes wrong, then random sign patterns */
    const double fixed[3][4] = {{-1, -2, 3, 0}, {-1, -2, -3, 0}, {-1, -2, 3, 4}};
    const size_t fixed_n[3] = {3, 3, 4};
    for (int trial = 0; trial < 23; trial++) {
        double lambda[5], A[25];
        size_t n;
        if (trial < 3) {
            n = fixed_n[trial];
            memcpy(lambda, fixed[trial], n * sizeof *lambda);
        } else {
            n = 1 + (size_t)trial % 5;
            random_eigenvalues(lambda, n, pow(10.0, wb_uniform(-3.0, 3.0)));
        }
        oracle_symmetric_with_eigenvalues(wb_rng(), lambda, n, A);
        char what[200];
        wb_format_vector(what, sizeof what, lambda, n);
        char label[240];
        snprintf(label, sizeof label, "Q diag(%s) Q', Q random orthogonal", what);
        check_classify(label, A, n, "the signs of the eigenvalues", false);
    }
}

WB_TEST(lesson10, classify_tiny_eigenvalue, "classify_critical_point with an eigenvalue that is zero up to rounding")
{
    for (int trial = 0; trial < 16; trial++) {
        size_t n = 2 + (size_t)trial % 3;
        double lambda[4], A[16], scale = pow(10.0, wb_uniform(-2.0, 2.0));
        /* the others share one sign (degenerate) or, every fourth trial, mix (a saddle) */
        double sign = trial % 2 ? 1.0 : -1.0;
        for (size_t i = 0; i < n; i++)
            lambda[i] = sign * scale * wb_uniform(0.5, 5.0);
        if (trial % 4 == 3)
            lambda[1] = -lambda[1];
        /* zero up to rounding: +-1e-10 of the scale, or exactly 0 before the rotation */
        lambda[0] = trial % 3 == 2 ? 0.0 : (wb_uniform(0, 1) < 0.5 ? -1e-10 : 1e-10) * scale;
        oracle_symmetric_with_eigenvalues(wb_rng(), lambda, n, A);
        char what[200], label[240];
        wb_format_vector(what, sizeof what, lambda, n);
        snprintf(label, sizeof label, "Q diag(%s) Q', Q random orthogonal", what);
        check_classify(label, A, n, "the signs of the eigenvalues", true);
    }
}

WB_TEST(lesson10, classify_camelback, "classify_critical_point at the camelback's 15 critical points")
{
    double points[20][2];
    size_t count = oracle_camelback_critical_points(points, 20);
    cr_assert(count == 15, "checker: gsl_multiroot found %zu critical points of the camelback, "
                           "not 15", count);
    for (size_t k = 0; k < count; k++) {
        double H[4];
        char what[160];
        oracle_camelback_hessian(points[k], 2, NULL, H);
        snprintf(what, sizeof what, "the camelback's Hessian at its critical point (%.10f, %.10f)",
                 points[k][0], points[k][1]);
        check_classify(what, H, 2, "the camelback has 6 minima, 7 saddles and 2 maxima; points by "
                                   "gsl_multiroot", false);
    }
}

/* ---- newton_step ----------------------------------------------------------------------------- */

/* Calls newton_step on fenced copies; checks that H and g are unchanged. Returns delta. */
static double *student_step(const wb_call *call, const double *A, const double *g0, size_t n,
                            int *status)
{
    const double *H = wb_buffer_copy(A, n * n), *g = wb_buffer_copy(g0, n);
    double *delta = wb_buffer(n), *work = wb_buffer(NEWTON_STEP_WORK(n));
    *status = newton_step(H, g, n, delta, work);
    wb_expect_untouched_fences(call, "delta", delta);
    wb_expect_untouched_fences(call, "work", work);
    expect_unchanged(call, "H", H, A, n * n, NULL);
    expect_unchanged(call, "g", g, g0, n, NULL);
    return delta;
}

static wb_call step_call(const double *A, const double *g, size_t n, const char *what)
{
    char Hs[600], gs[300];
    format_matrix(Hs, sizeof Hs, A, n);
    wb_format_vector(gs, sizeof gs, g, n);
    return wb_call_of("newton_step", "H = %s (%s), g = {%s}, n = %zu, delta, work", Hs, what, gs,
                      n);
}

WB_TEST(lesson10, newton_step_random, "newton_step solves H delta = -g for random positive definite H")
{
    for (int trial = 0; trial < 12; trial++) {
        size_t n = 1 + (size_t)trial % 5;
        double lambda[5], A[25], g[5], minus_g[5], want[5], times_H[5], uphill[5];
        for (size_t i = 0; i < n; i++) {
            lambda[i] = wb_uniform(0.1, 10.0);
            g[i] = wb_uniform(-3.0, 3.0);
            minus_g[i] = -g[i];
        }
        oracle_symmetric_with_eigenvalues(wb_rng(), lambda, n, A);
        oracle_solve(A, minus_g, n, want);
        oracle_matvec(A, minus_g, n, times_H);
        for (size_t i = 0; i < n; i++)
            uphill[i] = -want[i];
        wb_call call = step_call(A, g, n, "positive definite, eigenvalues in [0.1, 10]");
        int status;
        double *delta = student_step(&call, A, g, n, &status);
        wb_expect_vector(&call, "delta", delta,
                         (wb_expected){want, "-H^-1 g by gsl_linalg_LU_solve"}, n,
                         wb_tol_plus(1e-10 * max_abs(want, n),
                                     "plus 1e-10 max|delta|: a solve's rounding (cond H <= 100) "
                                     "is shared by all components"),
                         WB_VARIANTS({"multiplied_by_hessian", times_H}, {"step_sign", uphill}));
        wb_expect_count(&call, "the returned status (0 = NEWTON_OK)", (size_t)status, NEWTON_OK,
                        WB_NO_VARIANTS);
    }
}

WB_TEST(lesson10, newton_step_not_positive_definite, "newton_step reports an H that is not positive definite")
{
    const struct {
        size_t n;
        double H[9], g[3];
        const char *what;
    } cases[] = {
        {2, {2, 0, 0, -2}, {1.0, -0.6}, "x^2 - y^2 at (0.5, 0.3): the notes' saddle"},
        {1, {-6.5257686353813575}, {0.25}, "x cos(pi x) near its local maximum"},
        {2, {2, 0, 0, 0}, {1.0, 0.0}, "singular: x^2 + y^4 at (0.5, 0)"},
        {3, {-2, 1, 0, 1, -2, 1, 0, 1, -2}, {1, 2, 3}, "negative definite"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t n = cases[c].n;
        double minus_g[3], solved[3];
        for (size_t i = 0; i < n; i++)
            minus_g[i] = -cases[c].g[i];
        wb_call call = step_call(cases[c].H, cases[c].g, n, cases[c].what);
        int status;
        double *delta = student_step(&call, cases[c].H, cases[c].g, n, &status);
        /* a stub's placeholder status is no diagnosis */
        const wb_variant returned_ok[] = {{"not_positive_definite_ignored", &(double){NEWTON_OK}}};
        wb_expect_count(&call, "the returned status (1 = NEWTON_NOT_POSITIVE_DEFINITE)",
                        (size_t)status, NEWTON_NOT_POSITIVE_DEFINITE, returned_ok,
                        wb_todo_reached(call.function) ? 0 : 1);
        /* the mistake: -H^-1 g anyway, as an LU solve gives it (when H is invertible) */
        bool invertible = fabs(oracle_determinant(cases[c].H, n)) > 0.0;
        if (invertible)
            oracle_solve(cases[c].H, minus_g, n, solved);
        const wb_variant ignored[] = {{"not_positive_definite_ignored", solved}};
        wb_expect_vector(&call, "delta", delta,
                         (wb_expected){minus_g, "-g: the gradient-descent direction, since the "
                                                "Cholesky factorisation does not exist"},
                         n, WB_TOL_DEFAULT, ignored, invertible ? 1 : 0);
    }
}

/* A value no correct code writes into an array it must leave alone. */
static const double UNTOUCHED = 12345.678;

static const char *step_status_name(int status)
{
    switch (status) {
    case NEWTON_OK: return "NEWTON_OK";
    case NEWTON_NOT_POSITIVE_DEFINITE: return "NEWTON_NOT_POSITIVE_DEFINITE";
    case NEWTON_INVALID: return "NEWTON_INVALID";
    default: return "not a newton_step status";
    }
}

/* newton_step on input it must refuse: NEWTON_INVALID, delta not written, H and g unchanged. */
static void check_step_invalid(const double *A, const double *g0, size_t n, const char *what)
{
    wb_call call = n ? step_call(A, g0, n, what)
                     : wb_call_of("newton_step", "H = {}, g = {}, n = 0, delta, work");
    size_t len = n ? n : 1;
    double fill[ORACLE_NEWTON_MAX_N];
    for (size_t i = 0; i < len; i++)
        fill[i] = UNTOUCHED;
    const double *H = wb_buffer_copy(A, n ? n * n : 1), *g = wb_buffer_copy(g0, len);
    double *delta = wb_buffer_copy(fill, len), *work = wb_buffer(n ? NEWTON_STEP_WORK(n) : 1);
    int status = newton_step(H, g, n, delta, work);
    wb_expect_untouched_fences(&call, "delta", delta);
    wb_expect_untouched_fences(&call, "work", work);
    if (n) {
        expect_unchanged(&call, "H", H, A, n * n, NULL);
        expect_unchanged(&call, "g", g, g0, n, NULL);
    }
    if (wb_todo_reached(call.function))
        wb_fail(&call, NULL, "expected   NEWTON_INVALID (%d) and delta not written", NEWTON_INVALID);
    if (status != NEWTON_INVALID) {
        char ds[300];
        wb_format_vector(ds, sizeof ds, delta, n);
        wb_fail(&call, n ? "non_finite_not_checked" : NULL,
                "expected   NEWTON_INVALID (%d): %s, so there is no step to take\n"
                "got        %s (%d), delta = {%s}", NEWTON_INVALID, what,
                step_status_name(status), status, ds);
    }
    for (size_t i = 0; i < n; i++)
        if (delta[i] != UNTOUCHED)
            wb_fail(&call, NULL, "expected   delta not written with NEWTON_INVALID\n"
                                 "got        delta[%zu] = %g (it held %g before the call)",
                    i, delta[i], UNTOUCHED);
}

WB_TEST(lesson10, newton_step_non_finite,
        "newton_step with a NaN or an infinity in H or g returns NEWTON_INVALID and writes nothing")
{
    const struct {
        size_t n;
        double H[9], g[3];
        const char *what;
    } cases[] = {
        {2, {NAN, 0, 0, 1}, {1.0, -0.5}, "H[0][0] is NaN"},
        {2, {INFINITY, 0, 0, 1}, {1.0, -0.5}, "H[0][0] is +inf"},
        {2, {1, INFINITY, INFINITY, 1}, {1.0, -0.5}, "H[0][1] = H[1][0] = +inf"},
        {2, {-INFINITY, 0, 0, 1}, {1.0, -0.5}, "H[0][0] is -inf"},
        {3, {2, 0, NAN, 0, 2, 0, NAN, 0, 2}, {1, 2, 3}, "H[0][2] = H[2][0] = NaN"},
        {2, {2, 0, 0, 2}, {NAN, 1.0}, "g[0] is NaN (H = 2I is positive definite)"},
        {2, {2, 0, 0, 2}, {1.0, -INFINITY}, "g[1] is -inf (H = 2I is positive definite)"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        check_step_invalid(cases[c].H, cases[c].g, cases[c].n, cases[c].what);
}

WB_TEST(lesson10, newton_step_empty, "newton_step with n = 0 returns NEWTON_INVALID (and does not abort)")
{
    const double none[1] = {0.0};
    check_step_invalid(none, none, 0, "n = 0: no unknowns; GSL aborts the program on a 0 x 0 "
                                      "matrix view");
}

/* ---- newton_run ------------------------------------------------------------------------------ */

/* A check of the checker: gsl_multimin (vector_bfgs2) from x0 ends within tol of want. Its
   stopping rule (GSL_ENOPROG near machine precision) makes it the locator, not the answer. */
static void expect_multimin_near(const wb_objective *obj, const double *x0, size_t n,
                                 const double *want, double tol)
{
    double xmin[ORACLE_NEWTON_MAX_N];
    oracle_minimize(obj, x0, n, xmin);
    for (size_t i = 0; i < n; i++)
        cr_assert(fabs(xmin[i] - want[i]) <= tol * (1.0 + fabs(want[i])),
                  "checker: gsl_multimin ends at x[%zu] = %.17g, not near %.17g", i, xmin[i],
                  want[i]);
}

enum { MAX_RUN = 60 };

/* Runs the student's newton_run on fenced buffers; returns the steps, fills x and traj. */
static size_t run_student(const wb_call *call, const wb_objective *obj, hessian_fn hessian,
                          double *x, size_t n, newton_options opt, double **traj_out)
{
    double *traj = wb_buffer((opt.max_steps + 1) * n), *work = wb_buffer(NEWTON_RUN_WORK(n));
    size_t steps = newton_run(obj, hessian, x, n, opt, work, traj);
    wb_expect_untouched_fences(call, "trajectory", traj);
    wb_expect_untouched_fences(call, "work", work);
    wb_expect_untouched_fences(call, "x", x);
    *traj_out = traj;
    return steps;
}

static wb_call run_call(const char *fname, const double *x0, size_t n, newton_options opt)
{
    char xs[300];
    wb_format_vector(xs, sizeof xs, x0, n);
    return wb_call_of("newton_run", "f = %s, x = {%s}, n = %zu, {.max_steps = %zu, .tol = %g, "
                                    ".damping = %g, .fallback_lr = %g}, work, trajectory",
                      fname, xs, n, opt.max_steps, opt.tol, opt.damping, opt.fallback_lr);
}

/* Compares a student's run with the checker's: the step count, then every row. */
static void expect_same_run(const wb_call *call, size_t steps, const double *traj, size_t n,
                            const wb_objective *obj, hessian_fn hessian, const double *x0,
                            newton_options opt, double atol, const char *why)
{
    static double want[(MAX_RUN + 1) * ORACLE_NEWTON_MAX_N];
    size_t want_steps = oracle_newton_run(obj, hessian, x0, n, opt.max_steps, opt.tol,
                                          opt.damping, opt.fallback_lr, want);
    wb_expect_count(call, "the returned number of steps", steps, want_steps, WB_NO_VARIANTS);
    wb_expect_vector(call, "trajectory", traj,
                     (wb_expected){want, "the checker's Newton run in long double, steps by "
                                         "gsl_linalg_LU_solve"},
                     (want_steps + 1) * n, wb_tol_plus(atol, why), WB_NO_VARIANTS);
}

WB_TEST(lesson10, newton_run_quadratic, "newton_run reaches a convex quadratic's minimum in one step")
{
    for (int trial = 0; trial < 6; trial++) {
        size_t n = 1 + (size_t)trial % 4;
        oracle_quadratic q = oracle_quadratic_random(wb_rng(), n, 0.1, 10.0);
        wb_objective obj = {oracle_quadratic_value, oracle_quadratic_grad, &q};
        double x0[4], xmin[4], g0[4], Ag[4], uphill[4], times_H[4];
        for (size_t i = 0; i < n; i++)
            x0[i] = wb_uniform(-3.0, 3.0);
        oracle_solve(q.A, q.b, n, xmin);
        expect_multimin_near(&obj, x0, n, xmin, 1e-7);
        /* the mistakes' first steps: x0 - (xmin - x0) and x0 - A g0 */
        oracle_quadratic_grad(x0, n, &q, g0);
        oracle_matvec(q.A, g0, n, Ag);
        for (size_t i = 0; i < n; i++) {
            uphill[i] = 2.0 * x0[i] - xmin[i];
            times_H[i] = x0[i] - Ag[i];
        }
        newton_options one = {.max_steps = 1, .tol = 0.0, .damping = 1.0, .fallback_lr = 0.0};
        const char *fname = "1/2 x'Ax - b'x (random, curvatures in [0.1, 10])";
        wb_call call = run_call(fname, x0, n, one);
        double *x = wb_buffer_copy(x0, n), *traj;
        run_student(&call, &obj, oracle_quadratic_hessian, x, n, one, &traj);
        wb_expect_vector(&call, "x after one step", x,
                         (wb_expected){xmin, "the minimiser A^-1 b by gsl_linalg_LU_solve; "
                                             "gsl_multimin (vector_bfgs2) agrees"},
                         n, wb_tol_plus(1e-12, "plus 1e-12: the rounding of one solve"),
                         WB_VARIANTS({"step_sign", uphill}, {"multiplied_by_hessian", times_H}));

        newton_options run = {.max_steps = 20, .tol = 1e-8, .damping = 1.0, .fallback_lr = 0.0};
        call = run_call(fname, x0, n, run);
        x = wb_buffer_copy(x0, n);
        size_t steps = run_student(&call, &obj, oracle_quadratic_hessian, x, n, run, &traj);
        wb_expect_count(&call, "the returned number of steps (||grad|| <= 1e-8 after one step)",
                        steps, 1, WB_NO_VARIANTS);
    }
}

WB_TEST(lesson10, newton_run_rosenbrock, "newton_run on Rosenbrock: a few steps where gradient descent needs thousands")
{
    const double x0[2] = {-1.2, 1.0};
    const wb_objective obj = {oracle_rosenbrock, oracle_rosenbrock_grad, NULL};
    newton_options opt = {.max_steps = 50, .tol = 1e-8, .damping = 1.0, .fallback_lr = 1e-3};
    wb_call call = run_call("(1 - x)^2 + 100 (y - x^2)^2 (Rosenbrock), exact Hessian", x0, 2, opt);
    double *x = wb_buffer_copy(x0, 2), *traj;
    size_t steps = run_student(&call, &obj, oracle_rosenbrock_hessian, x, 2, opt, &traj);
    expect_same_run(&call, steps, traj, 2, &obj, oracle_rosenbrock_hessian, x0, opt, 1e-12,
                    "plus 1e-12: rounding, which Newton's method does not amplify");
    const double xmin[2] = {1.0, 1.0};
    expect_multimin_near(&obj, x0, 2, xmin, 1e-6);
    wb_expect_vector(&call, "x", x,
                     (wb_expected){xmin, "the minimum (1, 1); gsl_multimin (vector_bfgs2) agrees"},
                     2, wb_tol_plus(3e-8, "plus 3e-8: ||grad|| <= 1e-8 and the smallest curvature "
                                          "at (1, 1) is 0.4"),
                     WB_NO_VARIANTS);
    static double gd[2 * 50001];
    size_t gd_steps = oracle_gd_run(&obj, x0, 2, 1e-3, 50000, 1e-8, gd);
    if (!(steps < gd_steps))
        wb_fail(&call, NULL, "expected   fewer steps than gradient descent with lr = 1e-3, which "
                             "needs %zu; got %zu", gd_steps, steps);
}

WB_TEST(lesson10, newton_run_damping_fallback, "newton_run: the damped step, and the fallback at a saddle")
{
    /* damping 1/2 on a quadratic: the distance to the minimum halves at every step */
    oracle_quadratic q = oracle_quadratic_random(wb_rng(), 3, 0.1, 10.0);
    wb_objective obj = {oracle_quadratic_value, oracle_quadratic_grad, &q};
    double x0[3] = {wb_uniform(-3, 3), wb_uniform(-3, 3), wb_uniform(-3, 3)}, *traj;
    newton_options damped = {.max_steps = 12, .tol = 0.0, .damping = 0.5, .fallback_lr = 0.0};
    wb_call call = run_call("1/2 x'Ax - b'x (random, curvatures in [0.1, 10])", x0, 3, damped);
    double *x = wb_buffer_copy(x0, 3);
    size_t steps = run_student(&call, &obj, oracle_quadratic_hessian, x, 3, damped, &traj);
    expect_same_run(&call, steps, traj, 3, &obj, oracle_quadratic_hessian, x0, damped, 1e-12,
                    "plus 1e-12: the rounding of 12 solves");

    /* the notes' saddle x^2 - y^2: H = diag(2, -2) is never positive definite, so every step is
       the gradient step, which leaves the saddle; the full Newton step would land on it */
    const double s0[2] = {0.5, 0.2};
    newton_options fallback = {.max_steps = 10, .tol = 1e-12, .damping = 1.0, .fallback_lr = 0.1};
    call = run_call("x^2 - y^2 (the Optimization blog post's saddle), H = [[2, 0], [0, -2]]", s0, 2, fallback);
    x = wb_buffer_copy(s0, 2);
    const wb_objective sad = {oracle_saddle, oracle_saddle_grad, NULL};
    steps = run_student(&call, &sad, oracle_saddle_hessian, x, 2, fallback, &traj);
    if (x[0] == 0.0 && x[1] == 0.0 && !wb_todo_reached(call.function))
        wb_fail(&call, NULL, "expected   gradient steps away from the saddle, got x = (0, 0) after "
                             "%zu step(s): the saddle itself. That is where the full Newton step "
                             "-H^-1 g goes; when newton_step reports NEWTON_NOT_POSITIVE_DEFINITE, "
                             "take x - fallback_lr * g instead.", steps);
    expect_same_run(&call, steps, traj, 2, &sad, oracle_saddle_hessian, s0, fallback, 1e-14,
                    "plus 1e-14: gradient steps x <- x - 0.1 (2x, -2y)");
}

WB_TEST(lesson10, newton_run_stops, "newton_run: the tolerance, max_steps = 0 and invalid options")
{
    const wb_objective sad = {oracle_saddle, oracle_saddle_grad, NULL};
    const double s0[2] = {0.5, 0.2};
    const struct {
        newton_options opt;
        size_t steps;
        const char *why;
    } cases[] = {
        {{.max_steps = 5, .tol = 10.0, .damping = 1.0, .fallback_lr = 0.1}, 0,
         "||grad f(x_0)|| = 1.08 already meets the tolerance"},
        {{.max_steps = 0, .tol = 0.0, .damping = 1.0, .fallback_lr = 0.1}, 0, "no budget at all"},
        {{.max_steps = 5, .tol = 0.0, .damping = 0.0, .fallback_lr = 0.1}, NEWTON_RUN_INVALID,
         "damping 0 is outside (0, 1]"},
        {{.max_steps = 5, .tol = 0.0, .damping = 1.5, .fallback_lr = 0.1}, NEWTON_RUN_INVALID,
         "damping 1.5 is outside (0, 1]"},
        {{.max_steps = 5, .tol = 0.0, .damping = 1.0, .fallback_lr = -0.1}, NEWTON_RUN_INVALID,
         "a negative fallback_lr is invalid"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        wb_call call = run_call("x^2 - y^2", s0, 2, cases[c].opt);
        double *x = wb_buffer_copy(s0, 2), *traj;
        size_t steps = run_student(&call, &sad, oracle_saddle_hessian, x, 2, cases[c].opt, &traj);
        char what[160];
        snprintf(what, sizeof what, "the returned number of steps (%s%s)", cases[c].why,
                 cases[c].steps == NEWTON_RUN_INVALID ? ": NEWTON_RUN_INVALID" : "");
        if (cases[c].steps != NEWTON_RUN_INVALID)
            wb_expect_vector(&call, "trajectory row 0", traj,
                             (wb_expected){s0, "row 0 is the starting point"}, 2, WB_TOL_DEFAULT,
                             WB_NO_VARIANTS);
        wb_expect_count(&call, what, steps, cases[c].steps, WB_NO_VARIANTS);
        expect_unchanged(&call, "x", x, s0, 2, NULL);
        if (cases[c].steps == NEWTON_RUN_INVALID && (!isnan(traj[0]) || !isnan(traj[1])))
            wb_fail(&call, NULL, "expected   nothing written to the trajectory for invalid "
                                 "options, got row 0 = {%g, %g}", traj[0], traj[1]);
    }
}

/* A quadratic whose derivatives go bad: after `finite_hessians` calls the Hessian has `bad` in
   H[0][0], after `finite_gradients` calls the gradient has NaN in g[0]. */
typedef struct {
    oracle_quadratic q;
    int finite_hessians, finite_gradients, hessian_calls, gradient_calls;
    double bad;
} spoiled_quadratic;

static double spoiled_value(const double *x, size_t n, void *p)
{
    return oracle_quadratic_value(x, n, &((spoiled_quadratic *)p)->q);
}

static void spoiled_grad(const double *x, size_t n, void *p, double *g)
{
    spoiled_quadratic *sq = p;
    oracle_quadratic_grad(x, n, &sq->q, g);
    if (sq->gradient_calls++ >= sq->finite_gradients)
        g[0] = NAN;
}

static void spoiled_hessian(const double *x, size_t n, void *p, double *H)
{
    spoiled_quadratic *sq = p;
    oracle_quadratic_hessian(x, n, &sq->q, H);
    if (sq->hessian_calls++ >= sq->finite_hessians)
        H[0] = sq->bad;
}

WB_TEST(lesson10, newton_run_non_finite,
        "newton_run stops where the Hessian or the gradient turns NaN or infinite, keeping the "
        "last finite x")
{
    const struct {
        int finite_hessians, finite_gradients;
        double bad;
        const char *what, *mistake;
    } cases[] = {
        {1, 1000, NAN, "the Hessian is finite at x_0, then H[0][0] = NaN", "non_finite_not_checked"},
        {2, 1000, INFINITY, "the Hessian is finite at x_0 and x_1, then H[0][0] = +inf",
         "non_finite_not_checked"},
        {1000, 1, 0.0, "the gradient is finite at x_0, then g[0] = NaN", NULL},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        spoiled_quadratic sq = {.q = oracle_quadratic_random(wb_rng(), 2, 0.5, 5.0),
                                .finite_hessians = cases[c].finite_hessians,
                                .finite_gradients = cases[c].finite_gradients,
                                .bad = cases[c].bad};
        const wb_objective obj = {spoiled_value, spoiled_grad, &sq};
        double x0[2] = {wb_uniform(-3, 3), wb_uniform(-3, 3)}, *traj;
        newton_options opt = {.max_steps = 6, .tol = 0.0, .damping = 0.5, .fallback_lr = 0.1};
        static double want[7 * 2];
        size_t want_steps = oracle_newton_run(&obj, spoiled_hessian, x0, 2, opt.max_steps, opt.tol,
                                              opt.damping, opt.fallback_lr, want);
        cr_assert(want_steps == (size_t)(c == 1 ? 2 : 1),
                  "checker: the reference run stopped after %zu steps", want_steps);
        sq.hessian_calls = sq.gradient_calls = 0;
        char fname[200];
        snprintf(fname, sizeof fname, "1/2 x'Ax - b'x (random, curvatures in [0.5, 5]), where %s",
                 cases[c].what);
        wb_call call = run_call(fname, x0, 2, opt);
        double *x = wb_buffer_copy(x0, 2);
        size_t steps = run_student(&call, &obj, spoiled_hessian, x, 2, opt, &traj);
        if (!wb_todo_reached(call.function)) {
            if (!isfinite(x[0]) || !isfinite(x[1]))
                wb_fail(&call, cases[c].mistake,
                        "expected   the run to stop after %zu step(s) with x = {%.17g, %.17g}: "
                        "newton_step reports NEWTON_INVALID where %s\n"
                        "got        x = {%g, %g} after %zu step(s)",
                        want_steps, want[want_steps * 2], want[want_steps * 2 + 1],
                        cases[c].what, x[0], x[1], steps);
            if (steps > want_steps && steps <= opt.max_steps)
                wb_fail(&call, cases[c].mistake ? "invalid_step_taken" : NULL,
                        "expected   the run to stop after %zu step(s), x = x_%zu: at x_%zu "
                        "newton_step reports NEWTON_INVALID (%s)\n"
                        "got        %zu steps, ending at x = {%g, %g}",
                        want_steps, want_steps, want_steps, cases[c].what, steps, x[0], x[1]);
        }
        wb_expect_count(&call, "the returned number of steps", steps, want_steps, WB_NO_VARIANTS);
        wb_expect_vector(&call, "trajectory", traj,
                         (wb_expected){want, "the checker's Newton run in long double, stopping "
                                             "where g or H is not finite"},
                         (want_steps + 1) * 2, wb_tol_plus(1e-12, "plus 1e-12: the rounding of "
                                                                  "two solves"),
                         WB_NO_VARIANTS);
        wb_expect_vector(&call, "x", x,
                         (wb_expected){want + want_steps * 2, "the last finite point, x_steps"},
                         2, wb_tol_plus(1e-12, "plus 1e-12: the rounding of two solves"),
                         WB_NO_VARIANTS);
    }
}

/*
 * The camelback's local minima as the course finds them: gsl_multimin (vector_bfgs2) from a grid
 * of starts; each end point is matched to the critical point (gsl_multiroot, gradient ~1e-15)
 * it reached, and kept when the Hessian there is positive definite. Returns how many.
 */
static size_t camelback_minima(double (*minima)[2], size_t max)
{
    const wb_objective obj = {oracle_camelback_fn, oracle_camelback_gradient, NULL};
    double points[20][2];
    size_t count = oracle_camelback_critical_points(points, 20), found = 0;
    for (int i = 0; i <= 4; i++)
        for (int j = 0; j <= 2; j++) {
            double x0[2] = {-2.0 + i, -1.0 + j}, end[2];
            oracle_minimize(&obj, x0, 2, end);
            for (size_t k = 0; k < count; k++) {
                double H[4];
                oracle_camelback_hessian(points[k], 2, NULL, H);
                if (hypot(end[0] - points[k][0], end[1] - points[k][1]) > 1e-6 ||
                    !oracle_positive_definite(H, 2))
                    continue;
                bool seen = false;
                for (size_t m = 0; m < found; m++)
                    seen = seen || (minima[m][0] == points[k][0] && minima[m][1] == points[k][1]);
                if (!seen && found < max) {
                    minima[found][0] = points[k][0];
                    minima[found][1] = points[k][1];
                    found++;
                }
            }
        }
    return found;
}

WB_TEST(lesson10, newton_run_camelback, "newton_run finds each of the camelback's six local minima")
{
    double minima[8][2];
    size_t count = camelback_minima(minima, 8);
    cr_assert(count == 6, "checker: gsl_multimin found %zu local minima of the camelback, not 6",
              count);
    const wb_objective obj = {oracle_camelback_fn, oracle_camelback_gradient, NULL};
    newton_options opt = {.max_steps = 40, .tol = 1e-10, .damping = 1.0, .fallback_lr = 0.01};
    for (size_t k = 0; k < count; k++) {
        double angle = wb_uniform(0.0, 2.0 * M_PI), x0[2];
        x0[0] = minima[k][0] + 0.1 * cos(angle);
        x0[1] = minima[k][1] + 0.1 * sin(angle);
        wb_call call = run_call("the camelback, exact Hessian", x0, 2, opt);
        double *x = wb_buffer_copy(x0, 2), *traj;
        run_student(&call, &obj, oracle_camelback_hessian, x, 2, opt, &traj);
        char source[200];
        snprintf(source, sizeof source, "the nearest local minimum, J = %.6f: found by gsl_multimin "
                                        "(vector_bfgs2) from a grid of starts, polished by "
                                        "gsl_multiroot", oracle_camelback(minima[k]));
        wb_expect_vector(&call, "x", x, (wb_expected){minima[k], source}, 2,
                         wb_tol_plus(1e-10, "plus 1e-10: ||grad|| <= 1e-10 and the curvature is "
                                            "at least 7 there"),
                         WB_NO_VARIANTS);
    }
}

/* ---- bfgs_update ----------------------------------------------------------------------------- */

/* Random s and y with y's >= 0.2 |y| |s| (the curvature condition, comfortably). */
static void random_pair(double *s, double *y, size_t n)
{
    for (;;) {
        double ys = 0.0, ss = 0.0, yy = 0.0;
        for (size_t i = 0; i < n; i++) {
            s[i] = wb_uniform(-1.0, 1.0);
            y[i] = wb_uniform(-1.0, 1.0);
            ys += y[i] * s[i], ss += s[i] * s[i], yy += y[i] * y[i];
        }
        if (ys >= 0.2 * sqrt(ss * yy))
            return;
    }
}

static wb_call bfgs_call(const double *Hinv, const double *s, const double *y, size_t n)
{
    char Hs[600], ss[300], ys[300];
    format_matrix(Hs, sizeof Hs, Hinv, n);
    wb_format_vector(ss, sizeof ss, s, n);
    wb_format_vector(ys, sizeof ys, y, n);
    return wb_call_of("bfgs_update", "Hinv = %s, s = {%s}, y = {%s}, n = %zu, work", Hs, ss, ys, n);
}

/* Calls bfgs_update on fenced copies; returns the updated Hinv. */
static double *student_bfgs(const wb_call *call, const double *H0, const double *s0,
                            const double *y0, size_t n, int *status)
{
    double *Hinv = wb_buffer_copy(H0, n * n), *work = wb_buffer(n);
    const double *s = wb_buffer_copy(s0, n), *y = wb_buffer_copy(y0, n);
    *status = bfgs_update(Hinv, s, y, n, work);
    wb_expect_untouched_fences(call, "Hinv", Hinv);
    wb_expect_untouched_fences(call, "work", work);
    expect_unchanged(call, "s", s, s0, n, NULL);
    expect_unchanged(call, "y", y, y0, n, NULL);
    return Hinv;
}

WB_TEST(lesson10, bfgs_update_random, "bfgs_update on random matrices; the secant condition Hinv y = s")
{
    for (int trial = 0; trial < 12; trial++) {
        size_t n = 1 + (size_t)trial % 5;
        double lambda[5], H0[25], s[5], y[5], want[25], Hy[5];
        for (size_t i = 0; i < n; i++)
            lambda[i] = wb_uniform(0.2, 5.0);
        oracle_symmetric_with_eigenvalues(wb_rng(), lambda, n, H0);
        random_pair(s, y, n);
        oracle_bfgs_update(H0, s, y, n, want);
        wb_call call = bfgs_call(H0, s, y, n);
        int status;
        double *Hinv = student_bfgs(&call, H0, s, y, n, &status);
        double scale = max_abs(want, n * n);
        wb_expect_vector(&call, "Hinv (row-major)", Hinv,
                         (wb_expected){want, "(I - rho s y') Hinv (I - rho y s') + rho s s' in "
                                             "long double"},
                         n * n, wb_tol_plus(1e-12 * scale, "plus 1e-12 max|Hinv|: the rounding of "
                                                           "two equal forms of the update"),
                         WB_NO_VARIANTS);
        oracle_matvec(Hinv, y, n, Hy);
        wb_expect_vector(&call, "Hinv_new y (the secant condition)", Hy,
                         (wb_expected){s, "s: the new inverse Hessian maps the change of "
                                          "gradient to the step"},
                         n, wb_tol_plus(1e-12 * scale, "plus 1e-12 max|Hinv|: rounding"),
                         WB_NO_VARIANTS);
        wb_expect_count(&call, "the returned status (0 = BFGS_UPDATED)", (size_t)status,
                        BFGS_UPDATED, WB_NO_VARIANTS);
    }
    /* the curvature condition fails: y's < 0, and y's = 0 exactly */
    const double I2[4] = {1, 0, 0, 1}, s[2] = {1.0, 0.5}, y_neg[2] = {-1.0, 0.25},
                 y_zero[2] = {-0.5, 1.0};
    const double *ys[2] = {y_neg, y_zero};
    for (int k = 0; k < 2; k++) {
        wb_call call = bfgs_call(I2, s, ys[k], 2);
        int status;
        double *Hinv = student_bfgs(&call, I2, s, ys[k], 2, &status);
        wb_expect_count(&call, k ? "the returned status for y's = 0 (1 = BFGS_SKIPPED)"
                                 : "the returned status for y's = -0.875 (1 = BFGS_SKIPPED)",
                        (size_t)status, BFGS_SKIPPED, WB_NO_VARIANTS);
        expect_unchanged(&call, "Hinv", Hinv, I2, 4, NULL);
    }
}

/*
 * On a quadratic with Hessian A, steps along A's eigenvectors are A-conjugate, and BFGS keeps
 * every earlier secant condition (Hinv y_j = s_j): after n updates from the identity, Hinv is
 * exactly A^-1.
 */
WB_TEST(lesson10, bfgs_learns_inverse, "bfgs_update: n conjugate steps on a quadratic give A^-1")
{
    for (int trial = 0; trial < 4; trial++) {
        size_t n = 2 + (size_t)trial % 3;
        double lambda[4], A[16], eval[4], evec[16], want[16], Hinv0[16];
        for (size_t i = 0; i < n; i++)
            lambda[i] = wb_uniform(0.2, 5.0);
        oracle_symmetric_with_eigenvalues(wb_rng(), lambda, n, A);
        oracle_eigen_symm(A, n, eval, evec);
        oracle_inverse(A, n, want);
        for (size_t i = 0; i < n * n; i++)
            Hinv0[i] = i % (n + 1) == 0;
        char As[600];
        format_matrix(As, sizeof As, A, n);
        wb_call call = wb_call_of("bfgs_update", "n = %zu times from Hinv = I, with s_k = the k-th "
                                                 "eigenvector of A = %s times %d, y_k = A s_k",
                                  n, As, trial + 1);
        double *Hinv = wb_buffer_copy(Hinv0, n * n), *work = wb_buffer(n);
        for (size_t k = 0; k < n; k++) {
            double s[4], y[4];
            for (size_t i = 0; i < n; i++)
                s[i] = (trial + 1) * evec[i * n + k];
            oracle_matvec(A, s, n, y);
            bfgs_update(Hinv, s, y, n, work);
        }
        wb_expect_untouched_fences(&call, "Hinv", Hinv);
        wb_expect_untouched_fences(&call, "work", work);
        wb_expect_vector(&call, "Hinv after n updates", Hinv,
                         (wb_expected){want, "A^-1 by gsl_linalg_LU_invert"}, n * n,
                         wb_tol_plus(1e-11 * max_abs(want, n * n),
                                     "plus 1e-11 max|A^-1|: the rounding of n updates"),
                         WB_NO_VARIANTS);
    }
}

WB_TEST(lesson10, bfgs_update_non_finite,
        "bfgs_update skips an update that would not be finite: y's = 1e-320 (1 / (y's) "
        "overflows), an entry of 1e400, NaN or inf in s, y or Hinv")
{
    const double I2[4] = {1, 0, 0, 1}, nan_H[4] = {NAN, 0, 0, 1};
    const struct {
        const double *Hinv, s[2], y[2];
        const char *why;
    } cases[] = {
        {I2, {1e-160, 0}, {1e-160, 0}, "y's = 1e-320 > 0, but rho = 1 / (y's) overflows to inf"},
        {I2, {1e200, 0}, {1e-200, 0}, "y's = 1, but the new Hinv[0][0] = rho s_0^2 = 1e400"},
        {I2, {INFINITY, 1}, {1, 1}, "s has an infinity"},
        {I2, {1, 0.5}, {NAN, 1}, "y has a NaN (so y's is NaN)"},
        {nan_H, {1, 0.5}, {1, 0.25}, "Hinv has a NaN"},
    };
    /* the checker's premises: the first two overflow in double, whatever the formula */
    long double tiny = (long double)cases[0].y[0] * cases[0].s[0];
    cr_assert(tiny > 0 && 1.0L / tiny > DBL_MAX, "checker: 1 / (y's) does not overflow");
    double product[4];
    oracle_bfgs_update(I2, cases[1].s, cases[1].y, 2, product);
    cr_assert(!isfinite(product[0]), "checker: the product form does not overflow");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        wb_call call = bfgs_call(cases[c].Hinv, cases[c].s, cases[c].y, 2);
        int status;
        double *Hinv = student_bfgs(&call, cases[c].Hinv, cases[c].s, cases[c].y, 2, &status);
        bool changed = memcmp(Hinv, cases[c].Hinv, sizeof I2) != 0, finite = true;
        for (size_t i = 0; i < 4; i++)
            finite = finite && isfinite(Hinv[i]);
        if (!wb_todo_reached(call.function) && (status == BFGS_UPDATED || changed) && !finite) {
            char Hs[300];
            format_matrix(Hs, sizeof Hs, Hinv, 2);
            wb_fail(&call, "non_finite_update",
                    "expected   BFGS_SKIPPED (1) and Hinv unchanged: %s\n"
                    "got        status %d, Hinv = %s", cases[c].why, status, Hs);
        }
        char what[200];
        snprintf(what, sizeof what, "the returned status (1 = BFGS_SKIPPED: %s)", cases[c].why);
        wb_expect_count(&call, what, (size_t)status, BFGS_SKIPPED, WB_NO_VARIANTS);
        expect_unchanged(&call, "Hinv", Hinv, cases[c].Hinv, 4, NULL);
    }
}

/* ---- convexity ----------------------------------------------------------------------------------- */

/* The blog post Optimization's f(x) = x cos(pi x): convex near its minima, concave near its maxima. */
static double x_cos_pi_x_vec(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * cos(M_PI * x[0]);
}

/* lambda f(x) + (1 - lambda) f(y) - f(mix) in long double, with the mix as the header forms it
   (in double) so that f is evaluated at the same point; w_x is lambda's partner (the mistake
   swaps them). */
static double reference_gap(wb_vector_fn f, void *params, const double *x, const double *y,
                            size_t n, double lambda, double w_x, double *scale)
{
    double mix[ORACLE_NEWTON_MAX_N];
    for (size_t i = 0; i < n; i++)
        mix[i] = lambda * x[i] + (1.0 - lambda) * y[i];
    long double fx = f(x, n, params), fy = f(y, n, params), fm = f(mix, n, params);
    *scale = (double)(fabsl(fx) + fabsl(fy) + fabsl(fm));
    return (double)((long double)w_x * fx + (1.0L - w_x) * fy - fm);
}

typedef struct {
    const char *name;
    wb_vector_fn f;
    size_t n;
} convex_case;

WB_TEST(lesson10, convexity_gap, "convexity_gap on a convex quadratic, Rosenbrock and x cos(pi x)")
{
    for (int trial = 0; trial < 18; trial++) {
        oracle_quadratic q = oracle_quadratic_random(wb_rng(), 3, 0.5, 4.0);
        const convex_case cases[3] = {{"1/2 x'Ax - b'x, A positive definite", oracle_quadratic_value, 3},
                                      {"Rosenbrock (1 - x)^2 + 100 (y - x^2)^2", oracle_rosenbrock, 2},
                                      {"x cos(pi x)", x_cos_pi_x_vec, 1}};
        const convex_case *c = &cases[trial % 3];
        void *params = c->f == oracle_quadratic_value ? (void *)&q : NULL;
        double x[3], y[3], lambda = wb_uniform(0.0, 1.0), scale;
        for (size_t i = 0; i < c->n; i++) {
            x[i] = wb_uniform(-1.5, 1.5);
            y[i] = wb_uniform(-1.5, 1.5);
        }
        double want = reference_gap(c->f, params, x, y, c->n, lambda, lambda, &scale);
        double swapped = reference_gap(c->f, params, x, y, c->n, lambda, 1.0 - lambda, &scale);
        char xs[200], ys[200];
        wb_format_vector(xs, sizeof xs, x, c->n);
        wb_format_vector(ys, sizeof ys, y, c->n);
        wb_call call = wb_call_of("convexity_gap", "f = %s, x = {%s}, y = {%s}, n = %zu, lambda = %.17g, mix",
                                  c->name, xs, ys, c->n, lambda);
        const double *cx = wb_buffer_copy(x, c->n), *cy = wb_buffer_copy(y, c->n);
        double *mix = wb_buffer(c->n);
        double got = convexity_gap(c->f, params, cx, cy, c->n, lambda, mix);
        wb_expect_untouched_fences(&call, "mix", mix);
        wb_expect_scalar(&call, got, want,
                         "lambda f(x) + (1 - lambda) f(y) - f(lambda x + (1 - lambda) y) in long double",
                         wb_tol_plus(1e-12 * (1.0 + scale),
                                     "plus 1e-12 (1 + |f(x)| + |f(y)| + |f(mix)|): the rounding of f's "
                                     "values and of the mixed point, where |grad f| < 2000"),
                         WB_VARIANTS({"lambda_swapped", &swapped}));
    }
}

/* Calls hessian_is_psd on a fenced copy of A and expects `want`; `wrong` is what `mistake` says. */
static void check_psd(const char *what, const double *A, size_t n, int want, const char *source,
                      const char *mistake, int wrong)
{
    char Hs[600];
    format_matrix(Hs, sizeof Hs, A, n);
    wb_call call = wb_call_of("hessian_is_psd", "H = %s (%s), n = %zu, work", Hs, what, n);
    const double *H = wb_buffer_copy(A, n * n);
    double *work = wb_buffer(CLASSIFY_WORK(n));
    int got = hessian_is_psd(H, n, work);
    wb_expect_untouched_fences(&call, "work", work);
    expect_unchanged(&call, "H", H, A, n * n, NULL);
    if (wb_todo_reached(call.function))
        wb_fail(&call, NULL, "expected   %d (%s)", want, source);
    if (got != want)
        wb_fail(&call, mistake != NULL && got == wrong ? mistake : NULL,
                "expected   %d (%s)\ngot        %d", want, source, got);
}

static void check_hessian_is_psd(void)
{
    for (int trial = 0; trial < 12; trial++) {
        size_t n = 2 + (size_t)trial % 3;
        double lambda[4], A[16], eval[4];
        char evs[200], source[300];
        /* positive definite */
        for (size_t i = 0; i < n; i++)
            lambda[i] = wb_uniform(0.5, 4.0);
        oracle_symmetric_with_eigenvalues(wb_rng(), lambda, n, A);
        oracle_eigen_symm(A, n, eval, NULL);
        wb_format_vector(evs, sizeof evs, eval, n);
        snprintf(source, sizeof source, "eigenvalues {%s} by gsl_eigen_symmv: all > 0", evs);
        check_psd("positive definite", A, n, 1, source, NULL, 0);
        /* semi-definite: one eigenvalue is zero */
        lambda[gsl_rng_uniform_int(wb_rng(), n)] = 0.0;
        oracle_symmetric_with_eigenvalues(wb_rng(), lambda, n, A);
        oracle_eigen_symm(A, n, eval, NULL);
        wb_format_vector(evs, sizeof evs, eval, n);
        snprintf(source, sizeof source,
                 "eigenvalues {%s} by gsl_eigen_symmv: one is zero to within CRITICAL_ZERO_RTOL, "
                 "the others > 0", evs);
        check_psd("singular, semi-definite", A, n, 1, source, "psd_zero_excluded", 0);
        /* indefinite with a positive diagonal: one small negative eigenvalue among large ones */
        bool positive_diagonal;
        do {
            for (size_t i = 0; i < n; i++)
                lambda[i] = wb_uniform(1.0, 4.0);
            lambda[gsl_rng_uniform_int(wb_rng(), n)] = -wb_uniform(0.1, 0.5);
            oracle_symmetric_with_eigenvalues(wb_rng(), lambda, n, A);
            positive_diagonal = true;
            for (size_t i = 0; i < n; i++)
                positive_diagonal = positive_diagonal && A[i * n + i] > 0.0;
        } while (!positive_diagonal);
        oracle_eigen_symm(A, n, eval, NULL);
        wb_format_vector(evs, sizeof evs, eval, n);
        snprintf(source, sizeof source,
                 "eigenvalues {%s} by gsl_eigen_symmv: one < 0, though every H_ii > 0", evs);
        check_psd("indefinite, positive diagonal", A, n, 0, source, "psd_by_diagonal", 1);
    }
}

static void check_hessian_is_psd_invalid(void)
{
    const double bad[4] = {1.0, NAN, NAN, 1.0};
    wb_call call = wb_call_of("hessian_is_psd", "H = [[1, nan], [nan, 1]], n = 2, work");
    const double *H = wb_buffer_copy(bad, 4);
    double *work = wb_buffer(CLASSIFY_WORK(2));
    int got = hessian_is_psd(H, 2, work);
    if (wb_todo_reached(call.function) || got != -1)
        wb_fail(&call, NULL, "expected   -1 (an entry of H is not finite)\ngot        %d", got);
    call = wb_call_of("hessian_is_psd", "H = {}, n = 0, work");
    const double one = 1.0;
    H = wb_buffer_copy(&one, 1);
    work = wb_buffer(1);
    got = hessian_is_psd(H, 0, work);
    if (got != -1)
        wb_fail(&call, NULL, "expected   -1 (n = 0)\ngot        %d", got);
}

WB_TEST(lesson10, hessian_is_psd_all, "hessian_is_psd on definite, singular and indefinite matrices, and -1 for NaN or n = 0")
{
    check_hessian_is_psd();
    check_hessian_is_psd_invalid();
}
