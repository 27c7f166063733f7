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
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* s'(x) = s(x) (1 - s(x)) */
double sigmoid_grad(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* tanh'(x) = 1 - tanh(x)^2 */
double tanh_grad(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* relu(x) = max(0, x) */
double relu(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* relu'(x) = 1 if x > 0, else 0 (0 at x = 0, as in PyTorch) */
double relu_grad(double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* leaky_relu(x, a) = x if x > 0, else a x */
double leaky_relu(double x, double a)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* d/dx leaky_relu(x, a) = 1 if x > 0, else a (a at x = 0, as in PyTorch) */
double leaky_relu_grad(double x, double a)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* d/da prelu(x, a) = 0 if x > 0, else x  (prelu(x, a) = leaky_relu(x, a), a learned) */
double prelu_grad_alpha(double x, double a)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* elu(x, a) = x if x > 0, else a (e^x - 1)  (expm1(x) computes e^x - 1 without cancellation) */
double elu(double x, double a)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* d/dx elu(x, a) = 1 if x > 0, else a e^x (a at x = 0, as in PyTorch) */
double elu_grad(double x, double a)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* a_0 = x, a_{i+1} = f(a_i):  d a_depth / dx = f'(a_0) f'(a_1) ... f'(a_{depth-1});
   1 for depth = 0; NAN for an unknown kind */
double chain_grad(wb_activation kind, size_t depth, double x)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}
