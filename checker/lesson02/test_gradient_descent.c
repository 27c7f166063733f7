/*
 * Lesson 2 suite: gradient descent steps.
 * Expected values: the course notes' worked examples (기초미분과 최적화's camelback table, ToBig's Optimization session's
 * x^2 steps), gsl_deriv_central for the camelback's gradient, gsl_multimin (vector_bfgs2) for
 * minimisers, and the checker's own descent in long double for trajectories.
 */
#include "check.h"
#include "gradient_descent.h"
#include "oracle.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"gradient_added", "gd_step",
     N_("This is gradient ascent: the code adds lr * grad, which climbs uphill."),
     N_("The gradient points to where f grows fastest; descent moves the other way: x - lr * grad.")},
    {"descent_for_ascent", "ga_step",
     N_("This is gradient descent: the code subtracts lr * grad, which goes downhill."),
     N_("Ascent climbs along the gradient: x + lr * grad.")},
    {"sequential_update", "camelback_step",
     N_("The second coordinate's gradient was computed with the already-updated first coordinate."),
     N_("Take the whole gradient at the old point first (camelback_grad into a local array), then "
     "update both coordinates.")},
    {"off_by_one", "gd_run",
     N_("The step count is off by one."),
     N_("Count updates, not gradient evaluations: if the tolerance is met at x_k, k updates were "
     "made. The trajectory then holds k + 1 points.")},
    {"tolerance_ignored", "gd_run",
     N_("The run always takes max_steps steps: it never stops when ||grad|| <= tol."),
     N_("Before each update, compute the Euclidean norm of the gradient and return the step count "
     "as soon as it is <= tol.")},
    {"tolerance_strict", "gd_run",
     N_("The run went on where ||grad|| equals tol exactly: the test is ||grad|| < tol, not <= tol."),
     N_("Stop when sqrt(sum g_i^2) <= tol: a gradient exactly at the tolerance meets it.")},
    {"norm_not_euclidean", "gd_run",
     N_("The stopping rule measured the gradient with another norm than the Euclidean one (the "
     "largest |g_i|, or the sum of the |g_i|): with two or more coordinates it stops at another "
     "step."),
     N_("||grad|| is sqrt(g_1^2 + ... + g_n^2): sum the squares of every coordinate, then take the "
     "square root (or compare the sum with tol^2).")},
    {"steepest_ascent_direction", "steepest_descent_direction",
     N_("This direction points uphill: grad / ||grad|| is the steepest ascent."),
     N_("D_u f = grad . u = ||grad|| cos(angle) is smallest when u points against grad: "
     "u = -grad / ||grad||.")},
    {"direction_not_unit", "steepest_descent_direction",
     N_("The direction is -grad itself, not a unit vector: its length is ||grad||, not 1."),
     N_("Divide by the Euclidean norm ||grad|| = sqrt(sum grad_i^2), so that ||u|| = 1.")},
    {"noise_not_annealed", "noisy_descent_1d",
     N_("The noise never fades: every step used sigma = noise instead of noise * (1 - k / steps)."),
     N_("Shrink the noise as the run goes on, sigma_k = noise * (1 - k / steps), so that the last "
     "steps settle into the minimum the noise has found (simulated annealing's cooling).")},
    {"noise_scaled_by_lr", "noisy_descent_1d",
     N_("The noise was multiplied by the learning rate: the header adds sigma_k N(0, 1) itself."),
     N_("Only the gradient term is scaled by lr: x - lr * f'(x) + gsl_ran_gaussian(rng, sigma_k).")},
};
WB_MISTAKES(mistakes)

/* ---- single steps -------------------------------------------------------------------------- */

/* x -/+ lr * grad in long double. */
static void reference_step(const double *x, const double *g, size_t n, double lr, double sign,
                           double *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (double)((long double)x[i] + sign * (long double)lr * g[i]);
}

WB_TEST(lesson02, gd_step_worked, "gd_step on f(x) = x^2: 2 -> 1.96 and -3 -> -2.4, as in the notes")
{
    const double x0[] = {2.0, -3.0}, lr[] = {0.01, 0.1}, want[] = {1.96, -2.4};
    for (int k = 0; k < 2; k++) {
        double g = 2.0 * x0[k], uphill = x0[k] + lr[k] * g;
        wb_call call = wb_call_of("gd_step", "x = {%g}, grad = {%g}, n = 1, lr = %g", x0[k], g, lr[k]);
        double *x = wb_buffer_copy(&x0[k], 1);
        gd_step(x, &g, 1, lr[k]);
        wb_expect_untouched_fences(&call, "x", x);
        wb_expect_scalar(&call, x[0], want[k], "the course notes, ToBig's Optimization session", WB_TOL_DEFAULT,
                         WB_VARIANTS({"gradient_added", &uphill}));
    }
}

/* Checks one in-place step (descent sign -1, ascent +1) on random vectors. */
static void check_random_steps(const char *name, void (*step)(double *, const double *, size_t, double),
                               double sign, const char *wrong_sign)
{
    for (int trial = 0; trial < 20; trial++) {
        size_t n = 1 + (size_t)trial % 6;
        double x0[6], g[6], want[6], wrong[6], lr = pow(10.0, -wb_uniform(0, 3));
        for (size_t i = 0; i < n; i++) {
            x0[i] = wb_uniform(-5, 5);
            g[i] = wb_uniform(-5, 5);
        }
        reference_step(x0, g, n, lr, sign, want);
        reference_step(x0, g, n, lr, -sign, wrong);
        char xs[200], gs[200];
        wb_format_vector(xs, sizeof xs, x0, n);
        wb_format_vector(gs, sizeof gs, g, n);
        wb_call call = wb_call_of(name, "x = {%s}, grad = {%s}, n = %zu, lr = %g", xs, gs, n, lr);
        double *x = wb_buffer_copy(x0, n);
        const double *grad = wb_buffer_copy(g, n);
        step(x, grad, n, lr);
        wb_expect_untouched_fences(&call, "x", x);
        wb_expect_vector(&call, "x", x, (wb_expected){want, "the update in long double"}, n,
                         WB_TOL_DEFAULT, WB_VARIANTS({wrong_sign, wrong}));
    }
}

WB_TEST(lesson02, gd_step_random, "gd_step on random vectors of 1 to 6 coordinates")
{
    check_random_steps("gd_step", gd_step, -1.0, "gradient_added");
}

WB_TEST(lesson02, ga_step_random, "ga_step on random vectors of 1 to 6 coordinates")
{
    check_random_steps("ga_step", ga_step, +1.0, "descent_for_ascent");
}

/* ---- the camelback ------------------------------------------------------------------------- */

static const double THETA0[2] = {-0.5, 0.5}, RHO = 0.01;

WB_TEST(lesson02, camelback_worked, "camelback at the notes' theta0 = (-0.5, 0.5) and theta1")
{
    const double points[2][2] = {{-0.5, 0.5}, {-0.474875, 0.525}};
    const char *notes[2] = {"the notes' formula in long double; the notes print J(theta0) = -0.12604",
                            "the notes' formula in long double; the notes print -0.24906 because "
                            "they round theta1 to (-0.4748, 0.525) first"};
    for (int k = 0; k < 2; k++) {
        wb_call call = wb_call_of("camelback", "theta = {%g, %g}", points[k][0], points[k][1]);
        const double *theta = wb_buffer_copy(points[k], 2);
        wb_expect_scalar(&call, camelback(theta), oracle_camelback(points[k]), notes[k],
                         WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
}

WB_TEST(lesson02, camelback_random, "camelback on random points of [-2, 2] x [-1, 1]")
{
    for (int trial = 0; trial < 30; trial++) {
        double p[2] = {wb_uniform(-2, 2), wb_uniform(-1, 1)};
        wb_call call = wb_call_of("camelback", "theta = {%.17g, %.17g}", p[0], p[1]);
        const double *theta = wb_buffer_copy(p, 2);
        wb_expect_scalar(&call, camelback(theta), oracle_camelback(p),
                         "the notes' formula in long double",
                         wb_tol_plus(1e-14, "plus 1e-14: J can be 0 where its terms cancel"),
                         WB_NO_VARIANTS);
    }
}

/* Checks camelback_grad at p against gsl_deriv_central on the camelback. */
static void check_camelback_grad(const double p[2], const char *source)
{
    double want[2], err[2];
    oracle_camelback_grad(p, want, err);
    wb_call call = wb_call_of("camelback_grad", "theta = {%.17g, %.17g}, grad", p[0], p[1]);
    const double *theta = wb_buffer_copy(p, 2);
    double *grad = wb_buffer(2);
    camelback_grad(theta, grad);
    wb_expect_untouched_fences(&call, "grad", grad);
    wb_expect_vector(&call, "grad", grad, (wb_expected){want, source}, 2,
                     wb_tol_plus(4.0 * fmax(err[0], err[1]),
                                 "plus 4 times gsl_deriv_central's error estimate"),
                     WB_NO_VARIANTS);
}

WB_TEST(lesson02, camelback_grad_worked, "camelback_grad at theta0 is (-2.5125, -2.5), as in the notes")
{
    check_camelback_grad(THETA0, "gsl_deriv_central; the notes print (-2.5125, -2.5)");
}

WB_TEST(lesson02, camelback_grad_random, "camelback_grad on random points")
{
    for (int trial = 0; trial < 30; trial++) {
        double p[2] = {wb_uniform(-2, 2), wb_uniform(-1, 1)};
        check_camelback_grad(p, "gsl_deriv_central on the camelback");
    }
}

/* Checks one camelback_step from p: the notes' update, and the sequential variant. */
static void check_camelback_step(const double p[2], double lr, const char *source)
{
    double g[2], err[2], want[2], sequential[2];
    oracle_camelback_grad(p, g, err);
    want[0] = p[0] - lr * g[0];
    want[1] = p[1] - lr * g[1];
    /* the mistake: t2's gradient taken at (new t1, old t2), which adds (new t1 - old t1) */
    sequential[0] = want[0];
    sequential[1] = p[1] - lr * (g[1] + (want[0] - p[0]));
    wb_call call = wb_call_of("camelback_step", "theta = {%.17g, %.17g}, lr = %g", p[0], p[1], lr);
    double *theta = wb_buffer_copy(p, 2);
    camelback_step(theta, lr);
    wb_expect_untouched_fences(&call, "theta", theta);
    wb_expect_vector(&call, "theta", theta, (wb_expected){want, source}, 2,
                     wb_tol_plus(4.0 * lr * fmax(err[0], err[1]) + 1e-15,
                                 "plus lr times 4 gsl_deriv_central error estimates"),
                     WB_VARIANTS({"sequential_update", sequential}));
}

WB_TEST(lesson02, camelback_step_worked, "camelback_step from theta0 with rho = 0.01: the notes' two steps")
{
    double theta1[2] = {-0.474875, 0.525};
    check_camelback_step(THETA0, RHO, "theta1 = theta0 - 0.01 grad J(theta0) = (-0.474875, 0.525); "
                                      "the notes print (-0.4748, 0.525)");
    check_camelback_step(theta1, RHO, "theta2 = theta1 - 0.01 grad J(theta1) with gsl_deriv_central; "
                                      "the notes print (-0.4506, 0.5486)");
}

WB_TEST(lesson02, camelback_step_random, "camelback_step from random points")
{
    for (int trial = 0; trial < 20; trial++) {
        double p[2] = {wb_uniform(-2, 2), wb_uniform(-1, 1)};
        check_camelback_step(p, pow(10.0, -wb_uniform(1, 3)), "theta - lr grad J(theta), gradient by "
                                                              "gsl_deriv_central");
    }
}

/* ---- whole runs ------------------------------------------------------------------------------ */

static double x_squared(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * x[0];
}

static void x_squared_grad(const double *x, size_t n, void *p, double *g)
{
    (void)n, (void)p;
    g[0] = 2.0 * x[0];
}

/* f(x, y) = x^2 + y^2: from (1, 1) with lr = 0.25 both coordinates are 2^-k after k steps. */
static double sum_of_squares(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * x[0] + x[1] * x[1];
}

static void sum_of_squares_grad(const double *x, size_t n, void *p, double *g)
{
    (void)n, (void)p;
    g[0] = 2.0 * x[0];
    g[1] = 2.0 * x[1];
}

/* Runs the student's gd_run with fenced buffers; returns the steps, fills x and traj. */
static size_t run_student(const wb_call *call, const wb_objective *obj, double *x, size_t n,
                          double lr, size_t max_steps, double tol, double **traj_out)
{
    double *traj = wb_buffer((max_steps + 1) * n), *grad = wb_buffer(n);
    size_t steps = gd_run(obj, x, n, lr, max_steps, tol, grad, traj);
    wb_expect_untouched_fences(call, "trajectory", traj);
    wb_expect_untouched_fences(call, "grad", grad);
    wb_expect_untouched_fences(call, "x", x);
    *traj_out = traj;
    return steps;
}

/*
 * On f(x) = x^2 from x0 = 1 with lr = 0.25 every iterate is a power of two, x_k = 2^-k, so the
 * step at which ||grad|| = 2^(1-k) first reaches tol is exact in binary: no rounding can move it.
 */
WB_TEST(lesson02, gd_run_counts, "gd_run stops as soon as ||grad|| <= tol and counts its updates")
{
    const wb_objective obj = {x_squared, x_squared_grad, NULL};
    const struct {
        double x0, tol;
        size_t max_steps, steps;
    } cases[] = {
        {1.0, 0x1p-9, 50, 10}, /* ||g|| = 2^(1-k) <= 2^-9 first at k = 10 */
        {1.0, 2.0, 50, 0},     /* the start already meets the tolerance */
        {1.0, 0x1p-9, 4, 4},   /* the budget runs out first */
        {1.0, 0x1p-9, 0, 0},   /* no budget at all */
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        wb_call call = wb_call_of("gd_run", "f(x) = x^2, x = {%g}, n = 1, lr = 0.25, max_steps = %zu, "
                                            "tol = %g", cases[c].x0, cases[c].max_steps, cases[c].tol);
        double *x = wb_buffer_copy(&cases[c].x0, 1), *traj;
        size_t steps = run_student(&call, &obj, x, 1, 0.25, cases[c].max_steps, cases[c].tol, &traj);
        double plus = (double)cases[c].steps + 1, minus = (double)cases[c].steps - 1,
               all = (double)cases[c].max_steps;
        /* in the first two cases ||grad|| equals tol exactly at the stop: one step more is
           also what ||grad|| < tol in place of <= gives */
        const char *equal_at_stop = c < 2 ? "tolerance_strict" : "off_by_one";
        wb_expect_count(&call, "the returned number of steps", steps, cases[c].steps,
                        WB_VARIANTS({"tolerance_ignored", &all}, {"off_by_one", &plus},
                                    {"off_by_one", &minus}, {equal_at_stop, &plus}));
        double want = ldexp(1.0, -(int)cases[c].steps);
        wb_expect_scalar(&call, x[0], want, "x_steps = 2^-steps", WB_TOL_DEFAULT, WB_NO_VARIANTS);
        wb_expect_scalar(&call, traj[0], cases[c].x0, "trajectory row 0 is the starting point",
                         WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
}

/*
 * In two dimensions the norms part: at (2^-k, 2^-k) the gradient's largest |g_i| is 2^(1-k), its
 * Euclidean norm sqrt(2) 2^(1-k) and its sum of |g_i| 2^(2-k). With tol = 2^-9 the Euclidean
 * norm first meets it at k = 11 (the largest |g_i| at k = 10); with tol = 1.5 2^-9 at k = 10
 * (the sum at k = 11).
 */
WB_TEST(lesson02, gd_run_norm, "gd_run measures the gradient with the Euclidean norm (two "
                               "coordinates, where the norms part)")
{
    const wb_objective obj = {sum_of_squares, sum_of_squares_grad, NULL};
    const struct {
        double tol;
        size_t steps, other;
    } cases[] = {{0x1p-9, 11, 10}, {0x1.8p-9, 10, 11}};
    for (size_t c = 0; c < 2; c++) {
        const double start[2] = {1.0, 1.0};
        wb_call call = wb_call_of("gd_run", "f(x, y) = x^2 + y^2, x = {1, 1}, n = 2, lr = 0.25, "
                                            "max_steps = 50, tol = %a", cases[c].tol);
        double *x = wb_buffer_copy(start, 2), *traj;
        size_t steps = run_student(&call, &obj, x, 2, 0.25, 50, cases[c].tol, &traj);
        double other = (double)cases[c].other;
        wb_expect_count(&call, "the returned number of steps", steps, cases[c].steps,
                        WB_VARIANTS({"norm_not_euclidean", &other}));
    }
}

WB_TEST(lesson02, gd_run_trajectory, "gd_run records x_0 ... x_steps on random quadratics")
{
    for (int trial = 0; trial < 8; trial++) {
        size_t n = 1 + (size_t)trial % 4, max_steps = 25;
        oracle_quadratic q = oracle_quadratic_random(wb_rng(), n, 0.5, 2.0);
        wb_objective obj = {oracle_quadratic_value, oracle_quadratic_grad, &q};
        double x0[4], lr = 0.3, want[26 * 4];
        for (size_t i = 0; i < n; i++)
            x0[i] = wb_uniform(-3, 3);
        size_t want_steps = oracle_gd_run(&obj, x0, n, lr, max_steps, 0.0, want);
        char xs[200];
        wb_format_vector(xs, sizeof xs, x0, n);
        wb_call call = wb_call_of("gd_run", "f = 1/2 x'Ax - b'x (random, curvatures in [0.5, 2]), "
                                            "x = {%s}, n = %zu, lr = %g, max_steps = %zu, tol = 0",
                                  xs, n, lr, max_steps);
        double *x = wb_buffer_copy(x0, n), *traj;
        size_t steps = run_student(&call, &obj, x, n, lr, max_steps, 0.0, &traj);
        double plus = (double)want_steps + 1, minus = (double)want_steps - 1;
        wb_expect_count(&call, "the returned number of steps", steps, want_steps,
                        WB_VARIANTS({"off_by_one", &plus}, {"off_by_one", &minus}));
        wb_expect_vector(&call, "trajectory", traj,
                         (wb_expected){want, "the checker's descent in long double"},
                         (want_steps + 1) * n,
                         wb_tol_plus(1e-12, "plus 1e-12: 25 roundings of the update"),
                         WB_NO_VARIANTS);
    }
}

WB_TEST(lesson02, gd_run_converges, "gd_run reaches the minimiser that gsl_multimin finds")
{
    for (int trial = 0; trial < 8; trial++) {
        size_t n = 1 + (size_t)trial % 4;
        oracle_quadratic q = oracle_quadratic_random(wb_rng(), n, 0.5, 2.0);
        wb_objective obj = {oracle_quadratic_value, oracle_quadratic_grad, &q};
        double x0[4], xmin[4], tol = 1e-10;
        for (size_t i = 0; i < n; i++)
            x0[i] = wb_uniform(-3, 3);
        cr_assert(oracle_minimize(&obj, x0, n, xmin) == 0, "checker: gsl_multimin did not converge");
        char xs[200];
        wb_format_vector(xs, sizeof xs, x0, n);
        wb_call call = wb_call_of("gd_run", "f = 1/2 x'Ax - b'x (random, curvatures in [0.5, 2]), "
                                            "x = {%s}, n = %zu, lr = 0.5, max_steps = 2000, tol = 1e-10",
                                  xs, n);
        double *x = wb_buffer_copy(x0, n), *traj;
        run_student(&call, &obj, x, n, 0.5, 2000, tol, &traj);
        wb_expect_vector(&call, "x", x, (wb_expected){xmin, "gsl_multimin, vector_bfgs2"}, n,
                         wb_tol_plus(1e-8, "plus 1e-8: ||grad|| <= 1e-10 puts x within "
                                           "1e-10 / 0.5 of the minimiser"),
                         WB_NO_VARIANTS);
    }
}

/*
 * With lr > 2/L the run moves away: along A's top eigenvector v (eigenvalue L) the distance to
 * the minimiser is multiplied by (1 - lr L) every step, exactly; here |1 - 2.2| = 1.2.
 */
WB_TEST(lesson02, gd_run_diverges, "gd_run with lr > 2/L moves away from the minimum")
{
    oracle_quadratic q = oracle_quadratic_random(wb_rng(), 2, 0.5, 2.0);
    wb_objective obj = {oracle_quadratic_value, oracle_quadratic_grad, &q};
    double v[2], xmin[2], x0[2] = {1.0, -1.0}, want[31 * 2];
    double L = oracle_quadratic_top_direction(&q, v), lr = 2.2 / L;
    cr_assert(oracle_minimize(&obj, x0, 2, xmin) == 0, "checker: gsl_multimin did not converge");
    oracle_gd_run(&obj, x0, 2, lr, 30, 1e-12, want);
    wb_call call = wb_call_of("gd_run", "f = 1/2 x'Ax - b'x with largest curvature L = %.6g, "
                                        "x = {1, -1}, n = 2, lr = 2.2/L = %.6g, max_steps = 30, "
                                        "tol = 1e-12", L, lr);
    double *x = wb_buffer_copy(x0, 2), *traj;
    size_t steps = run_student(&call, &obj, x, 2, lr, 30, 1e-12, &traj);
    wb_expect_count(&call, "the returned number of steps", steps, 30, WB_NO_VARIANTS);
    wb_expect_vector(&call, "x", x, (wb_expected){&want[30 * 2], "the checker's descent in long double"},
                     2, wb_tol_plus(1e-9, "plus 1e-9: rounding grows with the iterates"),
                     WB_NO_VARIANTS);
    double along0 = v[0] * (x0[0] - xmin[0]) + v[1] * (x0[1] - xmin[1]);
    double along = v[0] * (x[0] - xmin[0]) + v[1] * (x[1] - xmin[1]);
    wb_expect_scalar(&call, along, pow(1.0 - lr * L, 30) * along0,
                     "v'(x_30 - x*) = (1 - lr L)^30 v'(x_0 - x*), v the top eigenvector of A "
                     "(gsl_eigen_symmv), x* from gsl_multimin",
                     (wb_tol){1e-6, 1e-9, "relative 1e-6: x* is known to about 1e-12, and "
                                          "30 steps multiply its error by 1.2^30 = 237"},
                     WB_NO_VARIANTS);
}

/* ---- the directional derivative and the steepest descent ----------------------------------------- */

/* The camelback along a line: t -> J(p + t u), for the limit that defines D_u J. */
typedef struct {
    const double *p, *u;
} camel_line;

static double camelback_along(double t, void *params)
{
    const camel_line *line = params;
    double q[2] = {line->p[0] + t * line->u[0], line->p[1] + t * line->u[1]};
    return oracle_camelback(q);
}

/* D_u J(p) from its definition, lim (J(p + h u) - J(p)) / h, by gsl_deriv_central. */
static oracle_estimate camelback_slope_along(const double p[2], const double u[2])
{
    camel_line line = {p, u};
    return oracle_derivative(camelback_along, &line, 0.0);
}

/* ||g|| by gsl_blas_dnrm2. */
static double euclidean_norm(const double *g, size_t n)
{
    gsl_vector_const_view v = gsl_vector_const_view_array(g, n);
    return gsl_blas_dnrm2(&v.vector);
}

WB_TEST(lesson02, directional_derivative, "directional_derivative equals the limit along u on the camelback")
{
    for (int trial = 0; trial < 20; trial++) {
        double p[2] = {wb_uniform(-2, 2), wb_uniform(-1, 1)}, u[2], g[2], err[2];
        gsl_ran_dir_2d(wb_rng(), &u[0], &u[1]);
        oracle_camelback_grad(p, g, err);
        oracle_estimate slope = camelback_slope_along(p, u);
        wb_call call = wb_call_of("directional_derivative",
                                  "grad = {%.17g, %.17g} (the camelback's at {%.17g, %.17g}), "
                                  "u = {%.17g, %.17g}, n = 2",
                                  g[0], g[1], p[0], p[1], u[0], u[1]);
        const double *cg = wb_buffer_copy(g, 2), *cu = wb_buffer_copy(u, 2);
        wb_expect_scalar(&call, directional_derivative(cg, cu, 2), slope.value,
                         "gsl_deriv_central on t -> J(p + t u) at t = 0, the definition of D_u J",
                         wb_tol_plus(4.0 * (slope.abserr + err[0] + err[1]),
                                     "plus 4 times gsl_deriv_central's error estimates"),
                         WB_NO_VARIANTS);
    }
}

static void check_steepest_direction(void)
{
    for (int trial = 0; trial < 20; trial++) {
        size_t n = 1 + (size_t)trial % 6;
        double g[6], want[6], uphill[6], raw[6];
        double scale = pow(10.0, wb_uniform(-3.0, 3.0));
        for (size_t i = 0; i < n; i++)
            g[i] = scale * wb_uniform(-1.0, 1.0);
        double norm = euclidean_norm(g, n);
        for (size_t i = 0; i < n; i++) {
            want[i] = -g[i] / norm;
            uphill[i] = g[i] / norm;
            raw[i] = -g[i];
        }
        char gs[200];
        wb_format_vector(gs, sizeof gs, g, n);
        wb_call call = wb_call_of("steepest_descent_direction", "grad = {%s}, n = %zu, u", gs, n);
        const double *cg = wb_buffer_copy(g, n);
        double *u = wb_buffer(n);
        double got = steepest_descent_direction(cg, n, u);
        wb_expect_untouched_fences(&call, "u", u);
        wb_expect_vector(&call, "u", u, (wb_expected){want, "-grad / ||grad||, the norm by gsl_blas_dnrm2"},
                         n, WB_TOL_DEFAULT,
                         WB_VARIANTS({"steepest_ascent_direction", uphill}, {"direction_not_unit", raw}));
        wb_expect_scalar(&call, got, norm, "||grad|| by gsl_blas_dnrm2 (the return value)",
                         WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
}

static void check_steepest_direction_zero(void)
{
    const double zero[3] = {0.0, 0.0, 0.0};
    wb_call call = wb_call_of("steepest_descent_direction", "grad = {0, 0, 0}, n = 3, u");
    const double *cg = wb_buffer_copy(zero, 3);
    double *u = wb_buffer(3);
    double got = steepest_descent_direction(cg, 3, u);
    wb_expect_untouched_fences(&call, "u", u);
    wb_expect_vector(&call, "u", u, (wb_expected){zero, "the header: a flat point has no descent direction"},
                     3, wb_tol_plus(0.0, NULL), WB_NO_VARIANTS);
    wb_expect_scalar(&call, got, 0.0, "||0|| = 0", wb_tol_plus(0.0, NULL), WB_NO_VARIANTS);
}

/*
 * ToBig's Optimization session, 정리 2: D_u f = ||grad|| cos(angle) is smallest, -||grad||, when u
 * points against the gradient. Measured: the slope of the camelback along the student's u (by
 * gsl_deriv_central, from the definition) against the slopes along 2000 random unit directions.
 */
static void check_steepest_direction_unbeaten(void)
{
    for (int trial = 0; trial < 5; trial++) {
        double p[2] = {wb_uniform(-2, 2), wb_uniform(-1, 1)}, g[2], err[2];
        oracle_camelback_grad(p, g, err);
        double norm = euclidean_norm(g, 2);
        wb_call call = wb_call_of("steepest_descent_direction",
                                  "grad = {%.17g, %.17g} (the camelback's at {%.17g, %.17g}), n = 2, u",
                                  g[0], g[1], p[0], p[1]);
        const double *cg = wb_buffer_copy(g, 2);
        double *u = wb_buffer(2);
        steepest_descent_direction(cg, 2, u);
        wb_expect_untouched_fences(&call, "u", u);
        double mine[2] = {u[0], u[1]};
        oracle_estimate slope = camelback_slope_along(p, mine);
        double uphill = norm, unnormalised = -norm * norm;
        wb_tol tol = wb_tol_plus(4.0 * (slope.abserr + err[0] + err[1]),
                                 "plus 4 times gsl_deriv_central's error estimates");
        wb_expect_scalar(&call, slope.value, -norm,
                         "the slope along your u (gsl_deriv_central on t -> J(p + t u)) must be "
                         "-||grad||, the least of all unit directions",
                         tol, WB_VARIANTS({"steepest_ascent_direction", &uphill},
                                          {"direction_not_unit", &unnormalised}));
        for (int k = 0; k < 2000; k++) {
            double v[2];
            gsl_ran_dir_2d(wb_rng(), &v[0], &v[1]);
            double dv = g[0] * v[0] + g[1] * v[1];
            if (dv < slope.value - tol.atol - 1e-9 * fabs(slope.value))
                wb_fail(&call, NULL,
                        "expected   no unit direction steeper than yours (slope %.12g)\n"
                        "got        v = {%.6f, %.6f} descends at %.12g", slope.value, v[0], v[1], dv);
        }
    }
}

/* ---- escaping a local minimum with noise ------------------------------------------------------------ */

/* The derivative of the blog post's risk f(x) = x cos(pi x), and of its empirical risk
   g(x) = f(x) + 0.2 cos(5 pi x). */
static double d_risk(double x, void *p)
{
    (void)p;
    return cos(M_PI * x) - M_PI * x * sin(M_PI * x);
}

static double d_empirical_risk(double x, void *p)
{
    return d_risk(x, p) - M_PI * sin(5.0 * M_PI * x);
}

WB_TEST(lesson02, noisy_descent_replay, "noisy_descent_1d replays the header's recurrence on your rng's stream")
{
    for (int trial = 0; trial < 16; trial++) {
        int empirical = trial % 2;
        wb_scalar_fn dfdx = empirical ? d_empirical_risk : d_risk;
        double x0 = wb_uniform(-1.0, 2.0), lr = wb_uniform(0.005, 0.02);
        double noise = trial % 4 == 0 ? 0.0 : wb_uniform(0.05, 0.5);
        size_t steps = 1 + gsl_rng_uniform_int(wb_rng(), 30);
        gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
        gsl_rng_set(rng, gsl_rng_get(wb_rng()));
        double want = oracle_noisy_descent_1d(dfdx, NULL, x0, lr, steps, noise, rng, ORACLE_NOISE_ANNEALED);
        double constant = oracle_noisy_descent_1d(dfdx, NULL, x0, lr, steps, noise, rng, ORACLE_NOISE_CONSTANT);
        double times_lr = oracle_noisy_descent_1d(dfdx, NULL, x0, lr, steps, noise, rng, ORACLE_NOISE_TIMES_LR);
        wb_call call = wb_call_of("noisy_descent_1d",
                                  "dfdx = %s, params = NULL, x0 = %.17g, lr = %.17g, steps = %zu, "
                                  "noise = %.17g, rng (mt19937)",
                                  empirical ? "d/dx [x cos(pi x) + 0.2 cos(5 pi x)]" : "d/dx x cos(pi x)",
                                  x0, lr, steps, noise);
        double got = noisy_descent_1d(dfdx, NULL, x0, lr, steps, noise, rng);
        gsl_rng_free(rng);
        wb_expect_scalar(&call, got, want,
                         "the header's recurrence on a clone of the same mt19937 stream",
                         wb_tol_plus(1e-9, "plus 1e-9: the rounding of each step, grown by at most "
                                           "(1 + lr |f''|)^steps < 3e4"),
                         WB_VARIANTS({"noise_not_annealed", &constant},
                                     {"noise_scaled_by_lr", &times_lr}));
    }
}

WB_TEST(lesson02, steepest_descent, "steepest_descent_direction: -grad / ||grad||, zero for a zero gradient, and unbeaten by 2000 random unit directions")
{
    check_steepest_direction();
    check_steepest_direction_zero();
    check_steepest_direction_unbeaten();
}
