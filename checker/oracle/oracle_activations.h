/*
 * oracle_activations.h: the checker's own activations for lesson 4, in long double, with
 * PyTorch's conventions at the kinks. The suite and the plot driver use them for the expected
 * values and the reference curves; derivatives come from gsl_deriv_central on these functions.
 * (Named oracle_activations.h, not activations.h, so that it never shadows the lesson's header.)
 */
#ifndef WB_ORACLE_ACTIVATIONS_H
#define WB_ORACLE_ACTIVATIONS_H

#include <stddef.h>

#include "oracle.h"

/* The checker's own list of activations (independent of the lesson's enum). */
typedef enum {
    ORACLE_SIGMOID,
    ORACLE_TANH,
    ORACLE_RELU,
    ORACLE_LEAKY_RELU,
    ORACLE_ELU,
} oracle_activation;

/* f(x); a is the negative-side parameter of leaky ReLU and ELU (ignored by the others).
   sigmoid 1/(1+e^-x), tanh, relu max(0,x), leaky x>0 ? x : a x, elu x>0 ? x : a (e^x - 1). */
double oracle_activation_value(oracle_activation kind, double x, double a);

/* f'(x) by the analytic formula in long double: sigmoid s(x) s(-x), tanh 1/cosh^2, and at
   the kinks PyTorch's values: relu'(0) = 0, leaky'(0) = a, elu'(0) = a. */
double oracle_activation_slope(oracle_activation kind, double x, double a);

/* f'(x) by gsl_deriv_central on oracle_activation_value (x must be away from a kink). */
oracle_estimate oracle_activation_derivative(oracle_activation kind, double x, double a);

/* d/da of leaky_relu(x, a) (PReLU's parameter gradient) by gsl_deriv_central in a. */
oracle_estimate oracle_prelu_alpha_derivative(double x, double a);

/* depth stacked activations: a_0 = x, a_{i+1} = f(a_i); returns a_depth. */
double oracle_chain_value(oracle_activation kind, double a, size_t depth, double x);

/* The chain rule for the stack, in long double: prod_{i=0}^{depth-1} f'(a_i); 1 for depth 0. */
double oracle_chain_slope(oracle_activation kind, double a, size_t depth, double x);

/* d a_depth / dx by gsl_deriv_central on oracle_chain_value. */
oracle_estimate oracle_chain_derivative(oracle_activation kind, double a, size_t depth, double x);

#endif
