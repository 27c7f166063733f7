/*
 * Lesson 3: losses. Write each function's body; the comment above it gives the formula.
 * Check your work with `make check lesson3`.
 */
#include "losses.h"

#include <math.h>

/* mse = (1/n) sum_i (pred_i - target_i)^2;  NAN when n = 0 */
double mse(const double *pred, const double *target, size_t n)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* m = max_j z_j;  out_i = exp(z_i - m) / sum_j exp(z_j - m) */
void softmax(const double *z, size_t k, double *out)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* m = max_j z_j;  out_i = (z_i - m) - ln sum_j exp(z_j - m) */
void log_softmax(const double *z, size_t k, double *out)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* H(p, q) = - sum_{i: p_i > 0} p_i ln q_i   (0 ln 0 = 0) */
double cross_entropy(const double *p, const double *q, size_t k)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* H(p, q) in bits = - sum_{i: p_i > 0} p_i log2 q_i */
double cross_entropy_bits(const double *p, const double *q, size_t k)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* nll = -ln q[label];  NAN when label >= k */
double nll(const double *q, size_t k, size_t label)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* m = max_j z_j;  loss = (m - z_label) + ln sum_j exp(z_j - m);
   grad_i = exp(z_i - m) / sum_j exp(z_j - m) - [i == label];  NAN when label >= k */
double softmax_cross_entropy(const double *z, size_t k, size_t label, double *grad)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* bce = -(y ln p + (1 - y) ln(1 - p)), a term with weight 0 counting 0;
   NAN when p or y is outside [0, 1] */
double binary_cross_entropy(double p, double y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* bce_with_logits = max(z, 0) - z y + ln(1 + exp(-|z|));  NAN when y is outside [0, 1] */
double bce_with_logits(double z, double y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* hinge = max(0, 1 - y score);  NAN unless y is -1 or +1 */
double hinge(double score, double y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* a = 1 / (1 + exp(-z)),  1 - a = 1 / (1 + exp(z));  dL/dz = 2 (a - y) a (1 - a) */
double sigmoid_mse_grad(double z, double y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* a = 1 / (1 + exp(-z));  dL/dz = a - y */
double sigmoid_ce_grad(double z, double y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}
