/* oracle_activations.c: lesson 4's activations in long double, and their derivatives by GSL. */
#include "oracle_activations.h"

#include <math.h>

/* 1/(1+e^-x), written so that exp never sees a large positive argument. */
static long double sigmoid_l(long double x)
{
    if (x >= 0)
        return 1.0L / (1.0L + expl(-x));
    long double e = expl(x);
    return e / (1.0L + e);
}

static long double value_l(oracle_activation kind, long double x, long double a)
{
    switch (kind) {
    case ORACLE_SIGMOID: return sigmoid_l(x);
    case ORACLE_TANH: return tanhl(x);
    case ORACLE_RELU: return x > 0 ? x : 0.0L;
    case ORACLE_LEAKY_RELU: return x > 0 ? x : a * x;
    case ORACLE_ELU: return x > 0 ? x : a * expm1l(x);
    }
    return NAN;
}

/* The analytic derivatives. s(x) s(-x) and 1/cosh^2 avoid the cancellation of 1 - s and
   1 - tanh^2 near saturation; at x = 0 the ReLU family takes PyTorch's side (x > 0 is "positive"). */
static long double slope_l(oracle_activation kind, long double x, long double a)
{
    switch (kind) {
    case ORACLE_SIGMOID: return sigmoid_l(x) * sigmoid_l(-x);
    case ORACLE_TANH: {
        long double c = coshl(x);
        return 1.0L / (c * c);
    }
    case ORACLE_RELU: return x > 0 ? 1.0L : 0.0L;
    case ORACLE_LEAKY_RELU: return x > 0 ? 1.0L : a;
    case ORACLE_ELU: return x > 0 ? 1.0L : a * expl(x);
    }
    return NAN;
}

double oracle_activation_value(oracle_activation kind, double x, double a)
{
    return (double)value_l(kind, x, a);
}

double oracle_activation_slope(oracle_activation kind, double x, double a)
{
    return (double)slope_l(kind, x, a);
}

typedef struct {
    oracle_activation kind;
    double a;        /* the activation's parameter */
    double x;        /* the fixed input, for derivatives in a */
    size_t depth;    /* the number of stacked layers, for chains */
} activation_params;

static double value_in_x(double x, void *p)
{
    const activation_params *c = p;
    return oracle_activation_value(c->kind, x, c->a);
}

static double leaky_in_a(double a, void *p)
{
    const activation_params *c = p;
    return oracle_activation_value(ORACLE_LEAKY_RELU, c->x, a);
}

static double chain_in_x(double x, void *p)
{
    const activation_params *c = p;
    return oracle_chain_value(c->kind, c->a, c->depth, x);
}

oracle_estimate oracle_activation_derivative(oracle_activation kind, double x, double a)
{
    activation_params c = {kind, a, 0.0, 0};
    return oracle_derivative(value_in_x, &c, x);
}

oracle_estimate oracle_prelu_alpha_derivative(double x, double a)
{
    activation_params c = {ORACLE_LEAKY_RELU, 0.0, x, 0};
    return oracle_derivative(leaky_in_a, &c, a);
}

double oracle_chain_value(oracle_activation kind, double a, size_t depth, double x)
{
    long double v = x;
    for (size_t i = 0; i < depth; i++)
        v = value_l(kind, v, a);
    return (double)v;
}

double oracle_chain_slope(oracle_activation kind, double a, size_t depth, double x)
{
    long double v = x, product = 1.0L;
    for (size_t i = 0; i < depth; i++) {
        product *= slope_l(kind, v, a);
        v = value_l(kind, v, a);
    }
    return (double)product;
}

oracle_estimate oracle_chain_derivative(oracle_activation kind, double a, size_t depth, double x)
{
    activation_params c = {kind, a, 0.0, depth};
    return oracle_derivative(chain_in_x, &c, x);
}
