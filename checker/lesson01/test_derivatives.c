/*
 * Lesson 1 suite: derivatives and partial derivatives.
 * Expected values: gsl_deriv_central (with its error estimate as the tolerance), the checker's
 * long-double difference quotients, and the worked examples of the course notes (기초미분과 최적화).
 */
#include "check.h"
#include "derivatives.h"
#include "oracle.h"

#include <float.h>
#include <math.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"forward_for_central", "derivative_central",
     N_("This is the forward difference (f(x+h) - f(x)) / h, whose error shrinks only like h."),
     N_("The central difference uses the two points around x: (f(x+h) - f(x-h)) / (2h).")},
    {"central_over_h", "derivative_central",
     N_("This is twice the central difference: it divides by h instead of 2h."),
     N_("x - h and x + h are 2h apart, so the slope between them is the rise over 2h.")},
    {"step_too_small", "central_difference_step",
     N_("The step is so small that round-off dominates: f(x+h) and f(x-h) agree in almost all "
     "their digits, and their difference is mostly rounding noise (error ~ eps/h)."),
     N_("Balance the two errors: truncation ~ h^2, round-off ~ eps/h; the sum is smallest near "
     "h = cbrt(DBL_EPSILON) * max(1, |x|). See the V-shaped plot of `make plots lesson1`.")},
    {"step_too_large", "central_difference_step",
     N_("The step is so large that truncation dominates: the error of the central difference "
     "grows like h^2."),
     N_("Balance the two errors: the sum of h^2 and eps/h is smallest near "
     "h = cbrt(DBL_EPSILON) * max(1, |x|).")},
    {"x_not_restored", "gradient_central",
     N_("x was not left as it was: after moving coordinate i to x[i] + h and x[i] - h, it must go "
     "back to its original value."),
     N_("Save xi = x[i] before changing it and assign x[i] = xi afterwards; computing x[i] + h - h "
     "does not always give back the same double.")},
    {"partials_swapped", NULL,
     N_("f_x and f_y are swapped: grad[0] must be the derivative with respect to x, grad[1] with "
     "respect to y."),
     N_("To get f_x, treat y as a constant and differentiate in x; write it to grad[0].")},
    {"chain_rule_missing_inner", "d_sin_t_squared",
     N_("This is cos(t^2): the outer derivative only, without the inner derivative 2t."),
     N_("Chain rule: d/dt f(g(t)) = f'(g(t)) * g'(t). Here f = sin and g(t) = t^2, so g'(t) = 2t.")},
    {"ascent_for_descent", "descend_1d",
     N_("x moved uphill: this is gradient ascent, x + lr f'(x), which walks away from the minimum."),
     N_("The derivative points uphill; descent subtracts it: x <- x - lr * f'(x).")},
    {"log_chain_missing_inner", "d_ln_x_cubed",
     N_("This is 1/x^3: the derivative of ln at x^3 without the inner derivative 3x^2."),
     N_("(ln g(x))' = g'(x) / g(x) with g(x) = x^3; or first write ln(x^3) = 3 ln x.")},
    {"exp_chain_missing_inner", NULL,
     N_("The inner derivative of e^{kx} is missing: (e^{kx})' = k e^{kx}, not e^{kx}."),
     N_("(e^{g(x)})' = g'(x) e^{g(x)}: for g(x) = kx that is k e^{kx}.")},
    {"product_rule_one_term", "d_x_exp_3x",
     N_("Only one term of the product rule: (fg)' = f'g + fg' has two."),
     N_("With f = x and g = e^{3x}: f'g = e^{3x} and fg' = 3x e^{3x}; add them.")},
    {"quotient_rule_sign", "d_exp_over_one_plus_exp",
     N_("The quotient rule with a plus: (f/g)' = (f'g - fg') / g^2 has a minus."),
     N_("With f = e^x and g = 1 + e^x: (e^x (1 + e^x) - e^x e^x) / (1 + e^x)^2 = e^x / (1 + e^x)^2.")},
    {"second_difference_over_4h2", "second_derivative_central",
     N_("This is a quarter of the second difference: it divides by (2h)^2 instead of h^2."),
     N_("x - h, x and x + h are h apart: f'' ~ (f(x+h) - 2 f(x) + f(x-h)) / h^2.")},
    {"reciprocal_derivative_sign", "hessian_x_ln_y",
     N_("f_yy has the wrong sign: d/dy (x/y) = -x/y^2."),
     N_("The derivative of 1/y is -1/y^2 (ToBig's slides print it without the minus: see Errata).")},
};
WB_MISTAKES(mistakes)

/* ---- the functions the checker differentiates ------------------------------------------------ */

static double sin_times_exp(double x, void *p) { (void)p; return sin(x) * exp(x); }
static double cubic(double x, void *p) { (void)p; return x * x * x - 2.0 * x; }
static double log_one_plus_square(double x, void *p) { (void)p; return log(1.0 + x * x); }
static double x_cos_pi_x(double x, void *p) { (void)p; return x * cos(M_PI * x); }

typedef struct {
    const char *name;
    wb_scalar_fn f;
} named_fn;

static const named_fn examples[] = {
    {"sin(x)*exp(x)", sin_times_exp},
    {"x^3 - 2x", cubic},
    {"log(1 + x^2)", log_one_plus_square},
    {"x*cos(pi*x)", x_cos_pi_x},
};

static const named_fn *random_example(void)
{
    return &examples[gsl_rng_uniform_int(wb_rng(), sizeof examples / sizeof examples[0])];
}

static double random_step(void) { return pow(10.0, -(double)(2 + gsl_rng_uniform_int(wb_rng(), 3))); }

/* The tolerance of a difference quotient: the rounding of f's values, divided by the step. */
static wb_tol quotient_tol(wb_scalar_fn f, double x, double h)
{
    return wb_tol_plus(oracle_difference_roundoff(f, NULL, x, h),
                       "plus 4 eps |f| / h: the rounding of f's values, divided by the step");
}

/* ---- difference quotients ---------------------------------------------------------------------- */

WB_TEST(lesson01, forward_difference, "derivative_forward on random functions, points and steps")
{
    for (int trial = 0; trial < 20; trial++) {
        const named_fn *e = random_example();
        double x = wb_uniform(-2.0, 2.0), h = random_step();
        wb_call call = wb_call_of("derivative_forward", "f = %s, params = NULL, x = %.17g, h = %g",
                                  e->name, x, h);
        double got = derivative_forward(e->f, NULL, x, h);
        double want = oracle_forward_difference(e->f, NULL, x, h);
        oracle_estimate truth = oracle_derivative(e->f, NULL, x);
        char source[200];
        snprintf(source, sizeof source,
                 "(f(x+h) - f(x)) / h in long double; the true f'(x) is %.12g by gsl_deriv_central",
                 truth.value);
        wb_expect_scalar(&call, got, want, source, quotient_tol(e->f, x, h), WB_NO_VARIANTS);
    }
}

WB_TEST(lesson01, central_difference, "derivative_central on random functions, points and steps")
{
    for (int trial = 0; trial < 20; trial++) {
        const named_fn *e = random_example();
        double x = wb_uniform(-2.0, 2.0), h = random_step();
        wb_call call = wb_call_of("derivative_central", "f = %s, params = NULL, x = %.17g, h = %g",
                                  e->name, x, h);
        double got = derivative_central(e->f, NULL, x, h);
        double want = oracle_central_difference(e->f, NULL, x, h);
        double forward = oracle_forward_difference(e->f, NULL, x, h), twice = 2.0 * want;
        oracle_estimate truth = oracle_derivative(e->f, NULL, x);
        char source[200];
        snprintf(source, sizeof source,
                 "(f(x+h) - f(x-h)) / (2h) in long double; the true f'(x) is %.12g by "
                 "gsl_deriv_central",
                 truth.value);
        wb_expect_scalar(&call, got, want, source, quotient_tol(e->f, x, h),
                         WB_VARIANTS({"forward_for_central", &forward},
                                     {"central_over_h", &twice}));
    }
}

/*
 * The order of the error, measured against gsl_deriv_central: halving h divides the central
 * difference's error by 4 (error ~ f'''(x) h^2 / 6) and the forward difference's by 2.
 */
WB_TEST(lesson01, central_is_second_order, "derivative_central's error shrinks like h^2")
{
    const double x = 0.7, h = 1e-2;
    oracle_estimate truth = oracle_derivative(sin_times_exp, NULL, x);
    double e1 = fabs(derivative_central(sin_times_exp, NULL, x, h) - truth.value);
    double e2 = fabs(derivative_central(sin_times_exp, NULL, x, h / 2) - truth.value);
    wb_call call = wb_call_of("derivative_central", "f = sin(x)*exp(x), x = 0.7, h = 0.01 and h = 0.005");
    double ratio = e1 / e2, four = 4.0, two = 2.0;
    char source[160];
    snprintf(source, sizeof source,
             "error(h) / error(h/2), errors against f'(0.7) = %.15g from gsl_deriv_central",
             truth.value);
    wb_expect_scalar(&call, ratio, four, source,
                     (wb_tol){0.05, 0.0, "5%: the h^4 term of the error and the round-off"},
                     WB_VARIANTS({"forward_for_central", &two}));
}

WB_TEST(lesson01, central_step, "central_difference_step balances truncation and round-off")
{
    const double points[] = {0.0, 1.0, -3.5, 250.0, 1e-3};
    for (size_t k = 0; k < sizeof points / sizeof points[0]; k++) {
        double x = points[k], best = oracle_central_step(x);
        wb_call call = wb_call_of("central_difference_step", "x = %g", x);
        double h = central_difference_step(x);
        const char *range = "a step within a factor of 10 of cbrt(eps)*max(1,|x|) = %.3g, "
                            "where the total error is within 100 times its minimum; got %.3g";
        if (wb_todo_reached(call.function))
            wb_fail(&call, NULL, "expected   a step near %.3g", best);
        if (!(h > 0.0) || !isfinite(h))
            wb_fail(&call, NULL, "expected   a positive finite step, got %g", h);
        if (h < best / 10)
            wb_fail(&call, "step_too_small", range, best, h);
        if (h > best * 10)
            wb_fail(&call, "step_too_large", range, best, h);
    }
}

/* ---- the numerical gradient -------------------------------------------------------------------- */

/* wavy along coordinate i, the others held at base: for the oracle's 1-D quotients. */
typedef struct {
    const double *base;
    size_t n, i;
} coordinate;

static double wavy_along(double t, void *p)
{
    const coordinate *c = p;
    double y[4];
    memcpy(y, c->base, c->n * sizeof *y);
    y[c->i] = t;
    return oracle_wavy(y, c->n, NULL);
}

WB_TEST(lesson01, gradient_central, "gradient_central on random points in 1 to 4 dimensions")
{
    for (int trial = 0; trial < 12; trial++) {
        size_t n = 1 + (size_t)trial % 4;
        double x0[4], want[4], forward[4], twice[4], roundoff = 0.0;
        double h = random_step();
        for (size_t i = 0; i < n; i++)
            x0[i] = wb_uniform(-2.0, 2.0);
        for (size_t i = 0; i < n; i++) {
            coordinate c = {x0, n, i};
            double xi = x0[i];
            want[i] = oracle_central_difference(wavy_along, &c, xi, h);
            forward[i] = oracle_forward_difference(wavy_along, &c, xi, h);
            twice[i] = 2.0 * want[i];
            roundoff = fmax(roundoff, oracle_difference_roundoff(wavy_along, &c, xi, h));
        }
        char xs[200];
        wb_format_vector(xs, sizeof xs, x0, n);
        wb_call call = wb_call_of("gradient_central",
                                  "f = sum sin((i+1) x_i) + prod (1 + x_i^2/4), x = {%s}, n = %zu, "
                                  "h = %g, grad",
                                  xs, n, h);
        double *x = wb_buffer_copy(x0, n), *grad = wb_buffer(n);
        gradient_central(oracle_wavy, NULL, x, n, h, grad);
        wb_expect_untouched_fences(&call, "grad", grad);
        wb_expect_untouched_fences(&call, "x", x);
        /* first, since a moved x also spoils the later coordinates' differences */
        if (memcmp(x, x0, n * sizeof *x) != 0) {
            char after[200];
            wb_format_vector(after, sizeof after, x, n);
            wb_fail(&call, "x_not_restored", "expected   x unchanged: {%s}\ngot        x = {%s}",
                    xs, after);
        }
        wb_expect_vector(&call, "grad", grad,
                         (wb_expected){want, "central differences in long double, one coordinate "
                                             "at a time"},
                         n, wb_tol_plus(roundoff, "plus 4 eps |f| / h: the rounding of f's values"),
                         WB_VARIANTS({"forward_for_central", forward}, {"central_over_h", twice}));
    }
}

/* ---- partial derivatives by hand ------------------------------------------------------------------ */

static double xy2_plus_x2y(const double *v, size_t n, void *p)
{
    (void)n, (void)p;
    return v[0] * v[1] * v[1] + v[0] * v[0] * v[1];
}

static double log_quadratic(const double *v, size_t n, void *p)
{
    (void)n, (void)p;
    return log(v[0] * v[0] + 2.0 * v[0] * v[1] - v[1] * v[1]);
}

static double xy_yz_zx(const double *v, size_t n, void *p)
{
    (void)n, (void)p;
    return v[0] * v[1] + v[1] * v[2] + v[2] * v[0];
}

static double x3_plus_2xy3(const double *v, size_t n, void *p)
{
    (void)n, (void)p;
    return v[0] * v[0] * v[0] + 2.0 * v[0] * v[1] * v[1] * v[1];
}

/* The gradient of f at v by gsl_deriv_central, and the tolerance its error estimates give. */
static wb_tol gsl_gradient(wb_vector_fn f, const double *v, size_t n, double *grad)
{
    double err = 0.0;
    for (size_t i = 0; i < n; i++) {
        oracle_estimate e = oracle_partial(f, NULL, v, n, i);
        grad[i] = e.value;
        err = fmax(err, e.abserr);
    }
    return wb_tol_plus(4.0 * err, "plus 4 times gsl_deriv_central's error estimate, which is "
                                  "an estimate, not a bound");
}

typedef void (*grad2_fn)(double x, double y, double grad[2]);

/* Checks a hand-written 2-D gradient at (x, y) against gsl_deriv_central on f. */
static void check_grad2(const char *name, grad2_fn student, wb_vector_fn f, double x, double y)
{
    double v[2] = {x, y}, want[2], swapped[2];
    wb_tol tol = gsl_gradient(f, v, 2, want);
    swapped[0] = want[1], swapped[1] = want[0];
    wb_call call = wb_call_of(name, "x = %.17g, y = %.17g, grad", x, y);
    double *grad = wb_buffer(2);
    student(x, y, grad);
    wb_expect_untouched_fences(&call, "grad", grad);
    wb_expect_vector(&call, "grad", grad, (wb_expected){want, "gsl_deriv_central on f"}, 2, tol,
                     WB_VARIANTS({"partials_swapped", swapped}));
}

/* Checks a hand-written 2-D gradient at a worked example of the course notes. */
static void check_grad2_worked(const char *name, grad2_fn student, double x, double y,
                               double fx, double fy)
{
    double want[2] = {fx, fy}, swapped[2] = {fy, fx};
    wb_call call = wb_call_of(name, "x = %g, y = %g, grad", x, y);
    double *grad = wb_buffer(2);
    student(x, y, grad);
    wb_expect_untouched_fences(&call, "grad", grad);
    wb_expect_vector(&call, "grad", grad,
                     (wb_expected){want, "the worked example of the course notes, 기초미분과 최적화"}, 2,
                     wb_tol_plus(1e-12, NULL), WB_VARIANTS({"partials_swapped", swapped}));
}

WB_TEST(lesson01, xy2_plus_x2y_worked, "grad_xy2_plus_x2y at (1, 2) is (8, 5), as in the notes")
{
    check_grad2_worked("grad_xy2_plus_x2y", grad_xy2_plus_x2y, 1.0, 2.0, 8.0, 5.0);
}

WB_TEST(lesson01, xy2_plus_x2y_random, "grad_xy2_plus_x2y on random points")
{
    for (int trial = 0; trial < 20; trial++)
        check_grad2("grad_xy2_plus_x2y", grad_xy2_plus_x2y, xy2_plus_x2y, wb_uniform(-3, 3),
                    wb_uniform(-3, 3));
}

WB_TEST(lesson01, log_quadratic_worked, "grad_log_quadratic at (1, 1) is (2, 0), as in the notes")
{
    check_grad2_worked("grad_log_quadratic", grad_log_quadratic, 1.0, 1.0, 2.0, 0.0);
}

WB_TEST(lesson01, log_quadratic_random, "grad_log_quadratic on random points of its domain")
{
    for (int trial = 0; trial < 20; trial++) {
        double x, y;
        do { /* keep u = x^2 + 2xy - y^2 away from 0, where f is not defined */
            x = wb_uniform(-3, 3);
            y = wb_uniform(-3, 3);
        } while (x * x + 2.0 * x * y - y * y < 0.5);
        check_grad2("grad_log_quadratic", grad_log_quadratic, log_quadratic, x, y);
    }
}

WB_TEST(lesson01, xy_yz_zx, "grad_xy_yz_zx at (1, 2, 3) and on random points")
{
    for (int trial = 0; trial < 20; trial++) {
        double v[3] = {1.0, 2.0, 3.0}, want[3];
        if (trial > 0)
            for (int i = 0; i < 3; i++)
                v[i] = wb_uniform(-3, 3);
        wb_tol tol = gsl_gradient(xy_yz_zx, v, 3, want);
        wb_call call = wb_call_of("grad_xy_yz_zx", "v = {%.17g, %.17g, %.17g}, grad", v[0], v[1], v[2]);
        double *in = wb_buffer_copy(v, 3), *grad = wb_buffer(3);
        grad_xy_yz_zx(in, grad);
        wb_expect_untouched_fences(&call, "grad", grad);
        wb_expect_vector(&call, "grad", grad, (wb_expected){want, "gsl_deriv_central on f"}, 3, tol,
                         WB_NO_VARIANTS);
    }
}

WB_TEST(lesson01, hessian, "hessian_x3_plus_2xy3 on random points")
{
    for (int trial = 0; trial < 10; trial++) {
        double v[2] = {wb_uniform(-2, 2), wb_uniform(-2, 2)}, want[4];
        for (size_t i = 0; i < 2; i++)
            for (size_t j = 0; j < 2; j++)
                want[2 * i + j] = oracle_second_partial(x3_plus_2xy3, NULL, v, 2, i, j);
        wb_call call = wb_call_of("hessian_x3_plus_2xy3", "x = %.17g, y = %.17g, H", v[0], v[1]);
        double *H = wb_buffer(4);
        hessian_x3_plus_2xy3(v[0], v[1], H);
        wb_expect_untouched_fences(&call, "H", H);
        wb_expect_vector(&call, "H", H,
                         (wb_expected){want, "gsl_deriv_central along x_j of a central difference "
                                             "along x_i"}, 4,
                         (wb_tol){1e-9, 2e-7, "plus 2e-7 absolute: the oracle's own error, at "
                                              "most 8.5e-8 over 20000 random points of [-2, 2]^2"},
                         WB_NO_VARIANTS);
    }
}

/* ---- the chain rule --------------------------------------------------------------------------------- */

static double sin_t_squared(double t, void *p) { (void)p; return sin(t * t); }

WB_TEST(lesson01, chain_rule, "d_sin_t_squared on random points")
{
    for (int trial = 0; trial < 20; trial++) {
        double t = wb_uniform(-3, 3);
        oracle_estimate d = oracle_derivative(sin_t_squared, NULL, t);
        double outer_only = cos(t * t);
        wb_call call = wb_call_of("d_sin_t_squared", "t = %.17g", t);
        wb_expect_scalar(&call, d_sin_t_squared(t), d.value, "gsl_deriv_central on sin(t^2)",
                         wb_tol_plus(4.0 * d.abserr, "plus 4 times gsl_deriv_central's error estimate"),
                         WB_VARIANTS({"chain_rule_missing_inner", &outer_only}));
    }
}

/* ---- the gradient check ------------------------------------------------------------------------------- */

/* max_i |a_i - n_i| / max(|a_i| + |n_i|, GRADCHECK_TINY), in long double. */
static double reference_gradcheck(const double *a, const double *num, size_t n)
{
    long double worst = 0.0L;
    for (size_t i = 0; i < n; i++) {
        long double scale = fabsl((long double)a[i]) + fabsl((long double)num[i]);
        if (scale < GRADCHECK_TINY)
            scale = GRADCHECK_TINY;
        long double r = fabsl((long double)a[i] - num[i]) / scale;
        if (r > worst)
            worst = r;
    }
    return (double)worst;
}

WB_TEST(lesson01, gradcheck, "gradcheck_rel_error on agreeing, disagreeing and zero gradients")
{
    for (int trial = 0; trial < 20; trial++) {
        size_t n = 1 + (size_t)trial % 5;
        double a[5], num[5];
        for (size_t i = 0; i < n; i++) {
            a[i] = wb_uniform(-5, 5);
            /* a mix of tiny, moderate and large disagreements, and exact zeros */
            num[i] = a[i] * (1.0 + pow(10.0, -wb_uniform(0, 12)) * wb_uniform(-1, 1));
        }
        if (trial % 7 == 3)
            a[0] = num[0] = 0.0;
        char as[200], ns[200];
        wb_format_vector(as, sizeof as, a, n);
        wb_format_vector(ns, sizeof ns, num, n);
        wb_call call = wb_call_of("gradcheck_rel_error", "analytic = {%s}, numeric = {%s}, n = %zu",
                                  as, ns, n);
        const double *ca = wb_buffer_copy(a, n), *cn = wb_buffer_copy(num, n);
        wb_expect_scalar(&call, gradcheck_rel_error(ca, cn, n), reference_gradcheck(a, num, n),
                         "the formula in long double", WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
}

/* ---- the optimization problem, solved numerically ----------------------------------------------- */

/* q(x) = a (x - c)^2 + d: a parabola with its minimum d at x = c. */
typedef struct {
    double a, c, d;
} parabola;

static double parabola_value(double x, void *p)
{
    const parabola *q = p;
    return q->a * (x - q->c) * (x - q->c) + q->d;
}

/*
 * Gradient descent on a parabola, in closed form: q'(x) = 2a (x - c), so
 * x_k - c = (1 - 2 a lr)^k (x_0 - c); gradient ascent gives (1 + 2 a lr)^k instead.
 * (The central difference of a parabola is exact, apart from the rounding of q's values.)
 */
static double parabola_iterate(const parabola *q, double x0, double factor, size_t steps)
{
    return (double)(q->c + powl((long double)factor, (long double)steps) * (x0 - q->c));
}

/* The rounding of every step's derivative, 4 eps |q| / h with h >= cbrt(eps), times lr. */
static wb_tol descent_tol(const parabola *q, double x0, double lr, size_t steps)
{
    double worst = fmax(fabs(parabola_value(x0, (void *)q)), fabs(q->d)) + 1.0;
    return wb_tol_plus((double)steps * lr * 4.0 * DBL_EPSILON * worst / cbrt(DBL_EPSILON),
                       "plus steps * lr * 4 eps |q| / cbrt(eps): the rounding of each step's "
                       "central difference");
}

static void check_descent(const parabola *q, double x0, double lr, size_t steps, const char *name,
                          double want, const char *source)
{
    wb_call call = wb_call_of("descend_1d", "f = %s, params, x0 = %.17g, lr = %.17g, steps = %zu",
                              name, x0, lr, steps);
    double ascent = parabola_iterate(q, x0, 1.0 + 2.0 * q->a * lr, steps);
    wb_expect_scalar(&call, descend_1d(parabola_value, (void *)q, x0, lr, steps), want, source,
                     descent_tol(q, x0, lr, steps), WB_VARIANTS({"ascent_for_descent", &ascent}));
}

static void check_descend_1d_notes(void)
{
    /* the notes' problem: y' = 2(x - 2) = 0 gives x = 2 (and y = 2) analytically */
    const parabola q = {1.0, 2.0, 2.0};
    check_descent(&q, 0.0, 0.1, 100, "(x - 2)^2 + 2", 2.0,
                  "the analytic minimiser of 기초미분과 최적화: y' = 2(x - 2) = 0 at x = 2 "
                  "(100 steps of lr 0.1 leave 2 * 0.8^100 ~ 4e-10)");
}

static void check_descend_1d_random(void)
{
    for (int trial = 0; trial < 12; trial++) {
        parabola q = {wb_uniform(0.5, 3.0), wb_uniform(-3.0, 3.0), wb_uniform(-2.0, 2.0)};
        double lr = wb_uniform(0.05, 0.95) / q.a, x0 = wb_uniform(-5.0, 5.0);
        size_t steps = 1 + gsl_rng_uniform_int(wb_rng(), 25);
        char name[120];
        snprintf(name, sizeof name, "%.17g (x - %.17g)^2 + %.17g", q.a, q.c, q.d);
        check_descent(&q, x0, lr, steps, name, parabola_iterate(&q, x0, 1.0 - 2.0 * q.a * lr, steps),
                      "x_k = c + (1 - 2 a lr)^k (x0 - c), the iterates in closed form");
    }
}

/* ---- 직접 해보기: the derivative rules ---------------------------------------------------------------- */

static double ln_x(double x, void *p) { (void)p; return log(x); }
static double ln_x_cubed(double x, void *p) { (void)p; return log(x * x * x); }
static double exp_4x(double x, void *p) { (void)p; return exp(4.0 * x); }
static double x_exp_3x(double x, void *p) { (void)p; return x * exp(3.0 * x); }
static double exp_over_one_plus_exp(double x, void *p) { (void)p; return exp(x) / (1.0 + exp(x)); }

typedef double (*rule_fn)(double x);

/* Checks a derivative written by the rules at x against gsl_deriv_central on f. */
static void check_rule(const char *name, rule_fn student, wb_scalar_fn f, const char *formula,
                       double x, const wb_variant *variants, size_t n_variants)
{
    oracle_estimate d = oracle_derivative(f, NULL, x);
    char source[120];
    snprintf(source, sizeof source, "gsl_deriv_central on f(x) = %s", formula);
    wb_call call = wb_call_of(name, "x = %.17g", x);
    wb_expect_scalar(&call, student(x), d.value, source,
                     wb_tol_plus(4.0 * d.abserr, "plus 4 times gsl_deriv_central's error estimate"),
                     variants, n_variants);
}

WB_TEST(lesson01, rule_ln_x, "d_ln_x and d_ln_x_cubed on random x > 0")
{
    for (int trial = 0; trial < 10; trial++) {
        double x = wb_uniform(0.2, 5.0), outer_only = 1.0 / (x * x * x);
        check_rule("d_ln_x", d_ln_x, ln_x, "ln x", x, WB_NO_VARIANTS);
        check_rule("d_ln_x_cubed", d_ln_x_cubed, ln_x_cubed, "ln(x^3)", x,
                   WB_VARIANTS({"log_chain_missing_inner", &outer_only}));
    }
}

WB_TEST(lesson01, rule_exp_4x, "d_exp_4x on random x")
{
    for (int trial = 0; trial < 10; trial++) {
        double x = wb_uniform(-2.0, 2.0), outer_only = exp(4.0 * x);
        check_rule("d_exp_4x", d_exp_4x, exp_4x, "e^{4x}", x,
                   WB_VARIANTS({"exp_chain_missing_inner", &outer_only}));
    }
}

WB_TEST(lesson01, rule_x_exp_3x, "d_x_exp_3x on random x")
{
    for (int trial = 0; trial < 10; trial++) {
        double x = wb_uniform(-2.0, 2.0), e = exp(3.0 * x);
        double first = e, second = 3.0 * x * e, no_inner = (1.0 + x) * e;
        check_rule("d_x_exp_3x", d_x_exp_3x, x_exp_3x, "x e^{3x}", x,
                   WB_VARIANTS({"product_rule_one_term", &first},
                               {"product_rule_one_term", &second},
                               {"exp_chain_missing_inner", &no_inner}));
    }
}

WB_TEST(lesson01, rule_quotient, "d_exp_over_one_plus_exp on random x")
{
    for (int trial = 0; trial < 10; trial++) {
        double x = wb_uniform(-8.0, 8.0), e = exp(x);
        double plus = (e * (1.0 + e) + e * e) / ((1.0 + e) * (1.0 + e));
        check_rule("d_exp_over_one_plus_exp", d_exp_over_one_plus_exp, exp_over_one_plus_exp,
                   "e^x / (1 + e^x)", x, WB_VARIANTS({"quotient_rule_sign", &plus}));
    }
}

/* ---- higher derivatives ----------------------------------------------------------------------------- */

static void check_second_derivative(void)
{
    for (int trial = 0; trial < 20; trial++) {
        const named_fn *e = random_example();
        double x = wb_uniform(-2.0, 2.0), h = pow(10.0, -wb_uniform(2.0, 4.0));
        wb_call call = wb_call_of("second_derivative_central",
                                  "f = %s, params = NULL, x = %.17g, h = %.17g", e->name, x, h);
        double want = oracle_second_difference(e->f, NULL, x, h), quarter = want / 4.0;
        double roundoff = oracle_difference_roundoff(e->f, NULL, x, h) / h;
        wb_expect_scalar(&call, second_derivative_central(e->f, NULL, x, h), want,
                         "(f(x+h) - 2 f(x) + f(x-h)) / h^2 in long double",
                         wb_tol_plus(roundoff, "plus 4 eps |f| / h^2: the rounding of f's values"),
                         WB_VARIANTS({"second_difference_over_4h2", &quarter}));
    }
}

/* D^2 (x^3 - 2x) = 6x: the second difference is exact for a cubic (its error is h^2 f^(4) / 12). */
static void check_second_derivative_cubic(void)
{
    const double x = 0.7, h = 1e-3;
    wb_call call = wb_call_of("second_derivative_central",
                              "f = x^3 - 2x, params = NULL, x = 0.7, h = 0.001");
    double quarter = 4.2 / 4.0;
    wb_expect_scalar(&call, second_derivative_central(cubic, NULL, x, h), 4.2,
                     "f''(x) = 6x, the rules applied twice",
                     wb_tol_plus(oracle_difference_roundoff(cubic, NULL, x, h) / h,
                                 "plus 4 eps |f| / h^2: the rounding of f's values"),
                     WB_VARIANTS({"second_difference_over_4h2", &quarter}));
}

/* ---- 직접 해보기: second partials ---------------------------------------------------------------- */

static double two_x1cube_x2_plus_5x3quad_x2(const double *v, size_t n, void *p)
{
    (void)n, (void)p;
    return 2.0 * v[0] * v[0] * v[0] * v[1] + 5.0 * pow(v[2], 4) * v[1];
}

static double x_minus_norm_yz(const double *v, size_t n, void *p)
{
    (void)n, (void)p;
    return v[0] - sqrt(v[1] * v[1] + v[2] * v[2]);
}

static double x_ln_y(const double *v, size_t n, void *p)
{
    (void)n, (void)p;
    return v[0] * log(v[1]);
}

/* The Hessian of f at v by the oracle's nested differences; row-major n x n. */
static void oracle_hessian(wb_vector_fn f, const double *v, size_t n, double *H)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            H[n * i + j] = oracle_second_partial(f, NULL, v, n, i, j);
}

/* The oracle's nested differences divide the inner rounding by the outer step; the bounds are
   its largest errors over 20000 random points of each test's domain, with a margin. */
static const wb_tol nested_tol = {1e-6, 1e-6, "relative 1e-6 plus 1e-6 absolute: the oracle's own "
                                               "error, at most 4.6e-7 over 20000 random points"};
static const wb_tol nested_tol_quintic = {1e-6, 6e-5, "relative 1e-6 plus 6e-5 absolute: the "
                                                      "oracle's own error (|f| reaches 200 here), at "
                                                      "most 1.5e-5 over 20000 random points"};

WB_TEST(lesson01, hessian_3d_exercises,
        "the 3x3 Hessians of 2 x1^3 x2 + 5 x3^4 x2 and x - sqrt(y^2 + z^2)")
{
    for (int trial = 0; trial < 10; trial++) {
        double v[3], want[9];
        for (int i = 0; i < 3; i++)
            v[i] = wb_uniform(-2.0, 2.0);
        char vs[160];
        wb_format_vector(vs, sizeof vs, v, 3);
        oracle_hessian(two_x1cube_x2_plus_5x3quad_x2, v, 3, want);
        wb_call call = wb_call_of("hessian_2x1cube_x2_plus_5x3quad_x2", "v = {%s}, H", vs);
        double *in = wb_buffer_copy(v, 3), *H = wb_buffer(9);
        hessian_2x1cube_x2_plus_5x3quad_x2(in, H);
        wb_expect_untouched_fences(&call, "H", H);
        wb_expect_vector(&call, "H", H,
                         (wb_expected){want, "nested differences around gsl_deriv_central"}, 9,
                         nested_tol_quintic, WB_NO_VARIANTS);

        do { /* keep r = sqrt(y^2 + z^2) away from 0, the tip of the cone */
            v[1] = wb_uniform(-2.0, 2.0);
            v[2] = wb_uniform(-2.0, 2.0);
        } while (v[1] * v[1] + v[2] * v[2] < 0.5);
        wb_format_vector(vs, sizeof vs, v, 3);
        oracle_hessian(x_minus_norm_yz, v, 3, want);
        call = wb_call_of("hessian_x_minus_norm_yz", "v = {%s}, H", vs);
        in = wb_buffer_copy(v, 3), H = wb_buffer(9);
        hessian_x_minus_norm_yz(in, H);
        wb_expect_untouched_fences(&call, "H", H);
        wb_expect_vector(&call, "H", H,
                         (wb_expected){want, "nested differences around gsl_deriv_central"}, 9,
                         nested_tol, WB_NO_VARIANTS);
    }
}

WB_TEST(lesson01, hessian_x_ln_y, "hessian_x_ln_y on random points with y > 0")
{
    for (int trial = 0; trial < 10; trial++) {
        double v[2] = {wb_uniform(-3.0, 3.0), wb_uniform(0.5, 3.0)}, want[4], flipped[4];
        oracle_hessian(x_ln_y, v, 2, want);
        memcpy(flipped, want, sizeof want);
        flipped[3] = -want[3];
        wb_call call = wb_call_of("hessian_x_ln_y", "x = %.17g, y = %.17g, H", v[0], v[1]);
        double *H = wb_buffer(4);
        hessian_x_ln_y(v[0], v[1], H);
        wb_expect_untouched_fences(&call, "H", H);
        wb_expect_vector(&call, "H", H,
                         (wb_expected){want, "nested differences around gsl_deriv_central"}, 4,
                         nested_tol, WB_VARIANTS({"reciprocal_derivative_sign", flipped}));
    }
}

WB_TEST(lesson01, descend_1d, "descend_1d reaches x = 2 on the notes' y = (x - 2)^2 + 2, and the closed-form iterates on random parabolas")
{
    check_descend_1d_notes();
    check_descend_1d_random();
}

WB_TEST(lesson01, second_derivative_all, "second_derivative_central: 6 * 0.7 for x^3 - 2x at 0.7, and random functions, points and steps")
{
    check_second_derivative_cubic();
    check_second_derivative();
}
