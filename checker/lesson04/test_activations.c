/*
 * Lesson 4 suite: activations and vanishing gradients.
 * Expected values: the checker's activations in long double (oracle_activations.h), their
 * derivatives by gsl_deriv_central (with its error estimate as the tolerance), PyTorch's values
 * at the kinks, the long-double chain-rule product for deep stacks, and the course notes'
 * tanh'(4) = 0.0013410 (the Optimization blog post).
 */
#include "check.h"
#include "activations.h"
#include "oracle.h"
#include "oracle_activations.h"

#include <fenv.h>
#include <math.h>

static const wb_mistake mistakes[] = {
    {"sigmoid_overflow", "sigmoid",
     N_("Computing sigmoid overflowed: exp of a large positive number is +Inf, so the result "
     "relied on 1/Inf = 0 or became Inf/Inf = NaN."),
     N_("Use 1/(1 + exp(-x)) for x >= 0 and exp(x)/(1 + exp(x)) for x < 0: exp then only sees "
     "arguments <= 0 and can only underflow to 0, which is harmless here.")},
    {"sigmoid_grad_plus", "sigmoid_grad",
     N_("This is s(x)(1 + s(x)): the sign inside the bracket is wrong."),
     N_("d/dx 1/(1 + e^-x) = e^-x / (1 + e^-x)^2 = s(x)(1 - s(x)). Check: the slope at x = 0 is "
     "1/4, not 3/4.")},
    {"tanh_grad_not_squared", "tanh_grad",
     N_("This is 1 - tanh(x): the square is missing."),
     N_("d/dx tanh(x) = 1 - tanh(x)^2 (= 1/cosh(x)^2). The notes' check: tanh'(4) = 0.0013410, "
     "while 1 - tanh(4) = 0.00067.")},
    {"leaky_slope_positive_side", NULL,
     N_("The leak a is applied on the positive side: for x > 0 this uses slope a, for x <= 0 "
     "slope 1."),
     N_("Leaky ReLU keeps positive inputs as they are (slope 1) and lets a small fraction a of "
     "negative inputs through: x > 0 ? x : a*x, and its slope x > 0 ? 1 : a.")},
    {"prelu_grad_wrt_x", "prelu_grad_alpha",
     N_("This is the derivative with respect to x (1 or a), not with respect to the parameter a."),
     N_("As a function of a, prelu(x, a) is x (a constant) for x > 0 and a*x for x <= 0, so its "
     "slope in a is 0 for x > 0 and x for x <= 0.")},
    {"kink_convention", NULL,
     N_("At x = 0 this returns the positive side's slope (1). The derivative does not exist at a "
     "kink, so a convention is needed: PyTorch, and this workbook, take the x <= 0 side there."),
     N_("Test x > 0 (strictly) for the positive branch and let x = 0 fall into the other one: "
     "relu'(0) = 0, leaky_relu'(0, a) = a, elu'(0, a) = a.")},
    {"chain_same_point", "chain_grad",
     N_("Every layer's slope was taken at the input x: this is f'(x)^depth."),
     N_("Layer i sees the previous layer's output. Keep a = x; at each layer multiply by f'(a), "
     "then set a = f(a).")},
    {"chain_grad_at_outputs", "chain_grad",
     N_("Each layer's slope was taken at its output a_{i+1} = f(a_i) instead of its input a_i: "
     "this is f'(a_1) f'(a_2) ... f'(a_depth)."),
     N_("Multiply by f'(a) before you update a = f(a): a layer's slope belongs to the value that "
     "goes into it.")},
};
WB_MISTAKES(mistakes)

/* ---- the functions under test, and the oracle's counterpart of each ------------------------ */

/* A function of the lesson: f(x) or f(x, a). */
typedef struct {
    const char *name;
    double (*of_x)(double x);
    double (*of_x_a)(double x, double a);
} student_fn;

static const student_fn SIGMOID = {"sigmoid", sigmoid, NULL};
static const student_fn SIGMOID_GRAD = {"sigmoid_grad", sigmoid_grad, NULL};
static const student_fn TANH_GRAD = {"tanh_grad", tanh_grad, NULL};
static const student_fn RELU = {"relu", relu, NULL};
static const student_fn RELU_GRAD = {"relu_grad", relu_grad, NULL};
static const student_fn LEAKY = {"leaky_relu", NULL, leaky_relu};
static const student_fn LEAKY_GRAD = {"leaky_relu_grad", NULL, leaky_relu_grad};
static const student_fn PRELU_GRAD_ALPHA = {"prelu_grad_alpha", NULL, prelu_grad_alpha};
static const student_fn ELU = {"elu", NULL, elu};
static const student_fn ELU_GRAD = {"elu_grad", NULL, elu_grad};

static double call_student(const student_fn *s, double x, double a)
{
    return s->of_x ? s->of_x(x) : s->of_x_a(x, a);
}

static wb_call call_of(const student_fn *s, double x, double a)
{
    return s->of_x ? wb_call_of(s->name, "x = %.17g", x)
                   : wb_call_of(s->name, "x = %.17g, a = %.17g", x, a);
}

static wb_tol gsl_tol(oracle_estimate e)
{
    return wb_tol_plus(4.0 * e.abserr, "plus 4 times gsl_deriv_central's error estimate, which "
                                       "is an estimate, not a bound");
}

/* A random point of [-r, r] at least gap away from the kink at 0, where gsl_deriv_central's
   points x +- 1e-3 max(1, |x|) all stay on one side. */
static double away_from_kink(double r, double gap)
{
    double x;
    do
        x = wb_uniform(-r, r);
    while (fabs(x) < gap);
    return x;
}

/* f(x, a) against the oracle's long-double value. */
static void expect_value(const student_fn *s, oracle_activation kind, double x, double a,
                         const wb_variant *variants, size_t n_variants)
{
    wb_call call = call_of(s, x, a);
    wb_expect_scalar(&call, call_student(s, x, a), oracle_activation_value(kind, x, a),
                     "the formula in long double", WB_TOL_DEFAULT, variants, n_variants);
}

/* f'(x) (a gradient function of the lesson) against gsl_deriv_central on the oracle's f. */
static void expect_derivative(const student_fn *s, oracle_activation kind, double x, double a,
                              const wb_variant *variants, size_t n_variants)
{
    oracle_estimate d = oracle_activation_derivative(kind, x, a);
    wb_call call = call_of(s, x, a);
    wb_expect_scalar(&call, call_student(s, x, a), d.value, "gsl_deriv_central on the activation",
                     gsl_tol(d), variants, n_variants);
}

/* The slope at the kink x = 0, where the derivative is a convention (PyTorch's). */
static void expect_at_kink(const student_fn *s, oracle_activation kind, double a,
                           const char *convention)
{
    double positive_side = 1.0;
    wb_call call = call_of(s, 0.0, a);
    wb_expect_scalar(&call, call_student(s, 0.0, a), oracle_activation_slope(kind, 0.0, a),
                     convention, WB_TOL_DEFAULT, WB_VARIANTS({"kink_convention", &positive_side}));
}

/* ---- sigmoid ------------------------------------------------------------------------------ */

WB_TEST(lesson04, sigmoid_values, "sigmoid at 0 and on random points of [-20, 20]")
{
    for (int trial = 0; trial < 25; trial++)
        expect_value(&SIGMOID, ORACLE_SIGMOID, trial == 0 ? 0.0 : wb_uniform(-20, 20), 0.0,
                     WB_NO_VARIANTS);
}

WB_TEST(lesson04, sigmoid_extremes, "sigmoid at +-40, +-710, +-745, +-1000: no overflow, no NaN")
{
    const double points[] = {40, -40, 710, -710, 745, -745, 1000, -1000};
    for (size_t k = 0; k < sizeof points / sizeof points[0]; k++) {
        double x = points[k], want = oracle_activation_value(ORACLE_SIGMOID, x, 0.0);
        wb_call call = wb_call_of("sigmoid", "x = %g", x);
        feclearexcept(FE_ALL_EXCEPT);
        double got = sigmoid(x);
        bool overflowed = fetestexcept(FE_OVERFLOW) != 0;
        if (overflowed && !wb_todo_reached(call.function))
            wb_fail(&call, "sigmoid_overflow",
                    "expected   %.17g, computed without overflow\n"
                    "got        %.17g, and the computation raised the floating-point overflow "
                    "flag (an intermediate value was +Inf)",
                    want, got);
        wb_expect_scalar(&call, got, want, "the stable formula in long double", WB_TOL_DEFAULT,
                         WB_NO_VARIANTS);
    }
}

WB_TEST(lesson04, sigmoid_grad, "sigmoid_grad(0) = 1/4, and on random points of [-10, 10]")
{
    double three_quarters = 0.75;
    wb_call call = wb_call_of("sigmoid_grad", "x = 0");
    wb_expect_scalar(&call, sigmoid_grad(0.0), 0.25, "s(0) (1 - s(0)) = 1/2 * 1/2",
                     WB_TOL_DEFAULT, WB_VARIANTS({"sigmoid_grad_plus", &three_quarters}));
    for (int trial = 0; trial < 20; trial++) {
        double x = wb_uniform(-10, 10);
        double s = oracle_activation_value(ORACLE_SIGMOID, x, 0.0), plus = s * (1.0 + s);
        expect_derivative(&SIGMOID_GRAD, ORACLE_SIGMOID, x, 0.0,
                          WB_VARIANTS({"sigmoid_grad_plus", &plus}));
    }
}

/* ---- tanh ------------------------------------------------------------------------------------ */

WB_TEST(lesson04, tanh_grad_worked, "tanh_grad(4) = 0.0013410, as in the notes, and tanh_grad(0) = 1")
{
    double not_squared = 1.0 - tanh(4.0);
    wb_call call = wb_call_of("tanh_grad", "x = 4");
    wb_expect_scalar(&call, tanh_grad(4.0), 0.0013410,
                     "the course notes, the Optimization blog post: f'(4) = 0.0013 for f = tanh; 0.0013410 to 7 "
                     "decimals",
                     wb_tol_plus(5e-8, "plus 5e-8: the notes' value is rounded to 7 decimals"),
                     WB_VARIANTS({"tanh_grad_not_squared", &not_squared}));
    call = wb_call_of("tanh_grad", "x = 0");
    wb_expect_scalar(&call, tanh_grad(0.0), 1.0, "1 - tanh(0)^2 = 1: tanh is steepest at 0",
                     WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

WB_TEST(lesson04, tanh_grad_random, "tanh_grad on random points of [-6, 6]")
{
    for (int trial = 0; trial < 20; trial++) {
        double x = wb_uniform(-6, 6), not_squared = 1.0 - tanh(x);
        expect_derivative(&TANH_GRAD, ORACLE_TANH, x, 0.0,
                          WB_VARIANTS({"tanh_grad_not_squared", &not_squared}));
    }
}

WB_TEST(lesson04, saturated_grads, "sigmoid_grad and tanh_grad at |x| = 30, 100, 1000: tiny, not NaN")
{
    const double points[] = {30, -30, 100, -100, 1000, -1000};
    const wb_tol tiny = wb_tol_plus(1e-15, "plus 1e-15: 1 - s(x) and 1 - tanh(x)^2 cannot "
                                           "resolve slopes below the rounding of values near 1");
    for (size_t k = 0; k < sizeof points / sizeof points[0]; k++) {
        double x = points[k];
        double s = oracle_activation_value(ORACLE_SIGMOID, x, 0.0), plus = s * (1.0 + s);
        wb_call call = wb_call_of("sigmoid_grad", "x = %g", x);
        wb_expect_scalar(&call, sigmoid_grad(x), oracle_activation_slope(ORACLE_SIGMOID, x, 0.0),
                         "s(x) s(-x) in long double", tiny,
                         WB_VARIANTS({"sigmoid_grad_plus", &plus}));
        double not_squared = 1.0 - tanh(x);
        call = wb_call_of("tanh_grad", "x = %g", x);
        wb_expect_scalar(&call, tanh_grad(x), oracle_activation_slope(ORACLE_TANH, x, 0.0),
                         "1/cosh(x)^2 in long double", tiny,
                         WB_VARIANTS({"tanh_grad_not_squared", &not_squared}));
    }
}

/* ---- ReLU and its variants ------------------------------------------------------------------ */

WB_TEST(lesson04, relu_values, "relu at 0 and on random points of [-5, 5]")
{
    for (int trial = 0; trial < 20; trial++)
        expect_value(&RELU, ORACLE_RELU, trial == 0 ? 0.0 : wb_uniform(-5, 5), 0.0, WB_NO_VARIANTS);
}

WB_TEST(lesson04, relu_grad, "relu_grad on random points away from 0, and relu_grad(0) = 0")
{
    for (int trial = 0; trial < 20; trial++)
        expect_derivative(&RELU_GRAD, ORACLE_RELU, away_from_kink(5, 0.01), 0.0, WB_NO_VARIANTS);
    expect_at_kink(&RELU_GRAD, ORACLE_RELU, 0.0, "PyTorch's convention at the kink: relu'(0) = 0");
}

/* The leak on the wrong side: slope a for x > 0 and 1 for x <= 0. */
static double leak_on_positive_side(double x, double a) { return x > 0 ? a * x : x; }
static double leak_slope_on_positive_side(double x, double a) { return x > 0 ? a : 1.0; }

WB_TEST(lesson04, leaky_relu_values, "leaky_relu at a = 0.01 (the notes' value) and random a")
{
    for (int trial = 0; trial < 20; trial++) {
        double x = trial == 0 ? 0.0 : wb_uniform(-5, 5), a = trial < 5 ? 0.01 : wb_uniform(0, 0.5);
        double wrong = leak_on_positive_side(x, a);
        expect_value(&LEAKY, ORACLE_LEAKY_RELU, x, a,
                     WB_VARIANTS({"leaky_slope_positive_side", &wrong}));
    }
}

WB_TEST(lesson04, leaky_relu_grad, "leaky_relu_grad away from 0, and leaky_relu_grad(0, a) = a")
{
    for (int trial = 0; trial < 20; trial++) {
        double x = away_from_kink(5, 0.01), a = trial < 5 ? 0.01 : wb_uniform(0, 0.5);
        double wrong = leak_slope_on_positive_side(x, a);
        expect_derivative(&LEAKY_GRAD, ORACLE_LEAKY_RELU, x, a,
                          WB_VARIANTS({"leaky_slope_positive_side", &wrong}));
    }
    expect_at_kink(&LEAKY_GRAD, ORACLE_LEAKY_RELU, 0.01,
                   "PyTorch's convention at the kink: leaky_relu'(0, a) = a");
}

WB_TEST(lesson04, prelu_grad_alpha, "prelu_grad_alpha against gsl_deriv_central in a")
{
    for (int trial = 0; trial < 20; trial++) {
        double x = trial == 0 ? 0.0 : away_from_kink(5, 0.01), a = wb_uniform(0, 0.5);
        oracle_estimate d = oracle_prelu_alpha_derivative(x, a);
        double wrt_x = oracle_activation_slope(ORACLE_LEAKY_RELU, x, a);
        wb_call call = call_of(&PRELU_GRAD_ALPHA, x, a);
        wb_expect_scalar(&call, prelu_grad_alpha(x, a), d.value,
                         "gsl_deriv_central of leaky_relu(x, a) in a, x fixed", gsl_tol(d),
                         WB_VARIANTS({"prelu_grad_wrt_x", &wrt_x}));
    }
}

WB_TEST(lesson04, elu_values, "elu at 0, at -1000 and on random points, for random a")
{
    for (int trial = 0; trial < 20; trial++) {
        double x = trial == 0 ? 0.0 : trial == 1 ? -1000.0 : wb_uniform(-5, 5);
        expect_value(&ELU, ORACLE_ELU, x, wb_uniform(0.1, 2.0), WB_NO_VARIANTS);
    }
}

WB_TEST(lesson04, elu_grad, "elu_grad away from 0, at -1000, and elu_grad(0, a) = a")
{
    for (int trial = 0; trial < 20; trial++)
        expect_derivative(&ELU_GRAD, ORACLE_ELU, away_from_kink(5, 0.01), wb_uniform(0.1, 2.0),
                          WB_NO_VARIANTS);
    wb_call call = call_of(&ELU_GRAD, -1000.0, 1.0);
    wb_expect_scalar(&call, elu_grad(-1000.0, 1.0), 0.0, "a e^-1000, which is 0 in double",
                     WB_TOL_DEFAULT, WB_NO_VARIANTS);
    /* a != 1: with a = 1 both sides of the kink have slope 1 */
    expect_at_kink(&ELU_GRAD, ORACLE_ELU, 0.5, "PyTorch's convention at the kink: elu'(0, a) = a");
}

/* ---- stacked activations --------------------------------------------------------------------- */

typedef struct {
    wb_activation kind;
    oracle_activation oracle;
    const char *name;
} chain_kind;

static const chain_kind KINDS[] = {
    {WB_SIGMOID, ORACLE_SIGMOID, "WB_SIGMOID"},
    {WB_TANH, ORACLE_TANH, "WB_TANH"},
    {WB_RELU, ORACLE_RELU, "WB_RELU"},
};
enum { N_KINDS = sizeof KINDS / sizeof KINDS[0] };

/* The two wrong products: every slope at x, and every slope at the layer's output. */
static void chain_mistakes(const chain_kind *k, size_t depth, double x, double *same_point,
                           double *at_outputs)
{
    *same_point = (double)powl(oracle_activation_slope(k->oracle, x, 0.0), (long double)depth);
    *at_outputs = oracle_chain_slope(k->oracle, 0.0, depth, oracle_activation_value(k->oracle, x, 0.0));
}

static void expect_chain(const chain_kind *k, size_t depth, double x, double want,
                         const char *source, wb_tol tol)
{
    double same_point, at_outputs;
    chain_mistakes(k, depth, x, &same_point, &at_outputs);
    wb_call call = wb_call_of("chain_grad", "kind = %s, depth = %zu, x = %.17g", k->name, depth, x);
    wb_expect_scalar(&call, chain_grad(k->kind, depth, x), want, source, tol,
                     WB_VARIANTS({"chain_same_point", &same_point},
                                 {"chain_grad_at_outputs", &at_outputs}));
}

WB_TEST(lesson04, chain_grad_shallow, "chain_grad for 1 to 4 layers against gsl_deriv_central")
{
    for (int trial = 0; trial < 24; trial++) {
        const chain_kind *k = &KINDS[trial % N_KINDS];
        size_t depth = 1 + (size_t)(trial / N_KINDS) % 4;
        double x = away_from_kink(3, 0.01);
        oracle_estimate d = oracle_chain_derivative(k->oracle, 0.0, depth, x);
        expect_chain(k, depth, x, d.value, "gsl_deriv_central on f(f(...f(x)))", gsl_tol(d));
    }
}

WB_TEST(lesson04, chain_grad_deep, "chain_grad for 10, 25 and 50 layers: the product in long double")
{
    const size_t depths[] = {10, 25, 50};
    for (int trial = 0; trial < 18; trial++) {
        const chain_kind *k = &KINDS[trial % N_KINDS];
        size_t depth = depths[(size_t)(trial / N_KINDS) % 3];
        double x = away_from_kink(5, 0.01);
        expect_chain(k, depth, x, oracle_chain_slope(k->oracle, 0.0, depth, x),
                     "prod f'(a_i), a_0 = x, a_{i+1} = f(a_i), in long double (too small for "
                     "gsl_deriv_central to resolve)",
                     WB_TOL_DEFAULT);
    }
}

/* NaN is the documented answer for an unknown kind; the comparisons treat NaN as a failure. */
WB_TEST(lesson04, chain_grad_edges, "chain_grad with depth 0, ReLU at and below 0, unknown kind")
{
    for (int k = 0; k < N_KINDS; k++)
        expect_chain(&KINDS[k], 0, wb_uniform(-3, 3), 1.0,
                     "zero layers are the identity: the empty product is 1", WB_TOL_DEFAULT);
    double positive_side = 1.0;
    wb_call call = wb_call_of("chain_grad", "kind = WB_RELU, depth = 3, x = 0");
    wb_expect_scalar(&call, chain_grad(WB_RELU, 3, 0.0), 0.0,
                     "relu'(0) = 0 (PyTorch's convention) in the first layer", WB_TOL_DEFAULT,
                     WB_VARIANTS({"kink_convention", &positive_side}));
    expect_chain(&KINDS[2], 5, -1.5, 0.0, "relu'(-1.5) = 0: a dead unit passes no gradient",
                 WB_TOL_DEFAULT);
    call = wb_call_of("chain_grad", "kind = (wb_activation)7, depth = 3, x = 0.5");
    wb_expect_nan(&call, chain_grad((wb_activation)7, 3, 0.5), "7 is not a wb_activation");
}
