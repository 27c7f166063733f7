/*
 * Lesson 4: activations and vanishing gradients. Write each function's body; the comment
 * above it gives the formula. Check your work with `make check lesson4`.
 */
#include "activations.h"

#include <math.h>

/* s(x) = 1 / (1 + e^-x) for x >= 0, and the same value e^x / (1 + e^x) for x < 0, so that
   exp only ever sees a non-positive argument and cannot overflow */
double sigmoid(double x)
{
    /* SOLUTION BEGIN */
    if (x >= 0.0)
        return 1.0 / (1.0 + exp(-x));
    double e = exp(x);
    return e / (1.0 + e);
    /* SOLUTION END return 0.0; */
}

/* s'(x) = s(x) (1 - s(x)) */
double sigmoid_grad(double x)
{
    /* SOLUTION BEGIN */
    double s = sigmoid(x);
    return s * (1.0 - s);
    /* SOLUTION END return 0.0; */
}

/* tanh'(x) = 1 - tanh(x)^2 */
double tanh_grad(double x)
{
    /* SOLUTION BEGIN */
    double t = tanh(x);
    return 1.0 - t * t;
    /* SOLUTION END return 0.0; */
}

/* relu(x) = max(0, x) */
double relu(double x)
{
    /* SOLUTION BEGIN */
    return x > 0.0 ? x : 0.0;
    /* SOLUTION END return 0.0; */
}

/* relu'(x) = 1 if x > 0, else 0 (0 at x = 0, as in PyTorch) */
double relu_grad(double x)
{
    /* SOLUTION BEGIN */
    return x > 0.0 ? 1.0 : 0.0;
    /* SOLUTION END return 0.0; */
}

/* leaky_relu(x, a) = x if x > 0, else a x */
double leaky_relu(double x, double a)
{
    /* SOLUTION BEGIN */
    return x > 0.0 ? x : a * x;
    /* SOLUTION END return 0.0; */
}

/* d/dx leaky_relu(x, a) = 1 if x > 0, else a (a at x = 0, as in PyTorch) */
double leaky_relu_grad(double x, double a)
{
    /* SOLUTION BEGIN */
    return x > 0.0 ? 1.0 : a;
    /* SOLUTION END return 0.0; */
}

/* d/da prelu(x, a) = 0 if x > 0, else x  (prelu(x, a) = leaky_relu(x, a), a learned) */
double prelu_grad_alpha(double x, double a)
{
    /* SOLUTION BEGIN */
    (void)a;
    return x > 0.0 ? 0.0 : x;
    /* SOLUTION END return 0.0; */
}

/* elu(x, a) = x if x > 0, else a (e^x - 1)  (expm1(x) computes e^x - 1 without cancellation) */
double elu(double x, double a)
{
    /* SOLUTION BEGIN */
    return x > 0.0 ? x : a * expm1(x);
    /* SOLUTION END return 0.0; */
}

/* d/dx elu(x, a) = 1 if x > 0, else a e^x (a at x = 0, as in PyTorch) */
double elu_grad(double x, double a)
{
    /* SOLUTION BEGIN */
    return x > 0.0 ? 1.0 : a * exp(x);
    /* SOLUTION END return 0.0; */
}

/* a_0 = x, a_{i+1} = f(a_i):  d a_depth / dx = f'(a_0) f'(a_1) ... f'(a_{depth-1});
   1 for depth = 0; NAN for an unknown kind */
double chain_grad(wb_activation kind, size_t depth, double x)
{
    /* SOLUTION BEGIN */
    double (*f)(double), (*df)(double);
    switch (kind) {
    case WB_SIGMOID: f = sigmoid, df = sigmoid_grad; break;
    case WB_TANH: f = tanh, df = tanh_grad; break;
    case WB_RELU: f = relu, df = relu_grad; break;
    default: return NAN;
    }
    double a = x, product = 1.0;
    for (size_t i = 0; i < depth; i++) {
        product *= df(a); /* the slope at this layer's input, before moving on */
        a = f(a);
    }
    return product;
    /* SOLUTION END return 0.0; */
}
