/*
 * Lesson 4: activations and vanishing gradients (활성함수, 경사 소실).
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in activations.c.
 *
 * At a kink (x = 0) the derivative is not defined; like PyTorch, the functions below count
 * x = 0 as the negative side: relu_grad(0) = 0, leaky_relu_grad(0, a) = a, elu_grad(0, a) = a.
 */
#ifndef LESSON04_ACTIVATIONS_H
#define LESSON04_ACTIVATIONS_H

#include <stddef.h>

#include "workbook.h"

/* The logistic sigmoid s(x) = 1 / (1 + e^-x), in (0, 1). Must not overflow for any x: at
   x = -1000, e^-x = e^1000 is +Inf in double. */
double sigmoid(double x);

/* s'(x) = s(x) (1 - s(x)). */
double sigmoid_grad(double x);

/* tanh'(x) = 1 - tanh(x)^2. */
double tanh_grad(double x);

/* relu(x) = max(0, x). */
double relu(double x);

/* relu'(x) = 1 for x > 0, 0 for x <= 0 (PyTorch's choice at 0). */
double relu_grad(double x);

/* leaky_relu(x, a) = x for x > 0, a x for x <= 0. The notes use a = 0.01. */
double leaky_relu(double x, double a);

/* d/dx leaky_relu(x, a) = 1 for x > 0, a for x <= 0 (PyTorch's choice at 0). */
double leaky_relu_grad(double x, double a);

/* PReLU is leaky_relu(x, a) with a learned. Its gradient with respect to the parameter a:
   d/da prelu(x, a) = 0 for x > 0, x for x <= 0 (that is, min(x, 0)). */
double prelu_grad_alpha(double x, double a);

/* elu(x, a) = x for x > 0, a (e^x - 1) for x <= 0. */
double elu(double x, double a);

/* d/dx elu(x, a) = 1 for x > 0, a e^x for x <= 0 (PyTorch's choice at 0: a). */
double elu_grad(double x, double a);

/* The activations chain_grad can stack. */
typedef enum {
    WB_SIGMOID,
    WB_TANH,
    WB_RELU,
} wb_activation;

/*
 * The derivative of `depth` stacked activations f(f(...f(x))) at x, by the chain rule:
 *     a_0 = x,  a_{i+1} = f(a_i),   chain_grad = f'(a_0) f'(a_1) ... f'(a_{depth-1}).
 * depth = 0 is the identity: 1. An unknown kind returns NAN.
 */
double chain_grad(wb_activation kind, size_t depth, double x);

#endif
