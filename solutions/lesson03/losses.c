/*
 * Lesson 3: losses. Write each function's body; the comment above it gives the formula.
 * Check your work with `make check lesson3`.
 */
#include "losses.h"

#include <math.h>

/* mse = (1/n) sum_i (pred_i - target_i)^2;  NAN when n = 0 */
double mse(const double *pred, const double *target, size_t n)
{
    /* SOLUTION BEGIN */
    if (n == 0)
        return NAN;
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = pred[i] - target[i];
        sum += d * d;
    }
    return sum / (double)n;
    /* SOLUTION END return 0.0; */
}

/* m = max_j z_j;  out_i = exp(z_i - m) / sum_j exp(z_j - m) */
void softmax(const double *z, size_t k, double *out)
{
    /* SOLUTION BEGIN */
    if (k == 0)
        return;
    double m = z[0], sum = 0.0;
    for (size_t i = 1; i < k; i++)
        m = fmax(m, z[i]);
    for (size_t i = 0; i < k; i++) {
        out[i] = exp(z[i] - m);
        sum += out[i];
    }
    for (size_t i = 0; i < k; i++)
        out[i] /= sum;
    /* SOLUTION END */
}

/* m = max_j z_j;  out_i = (z_i - m) - ln sum_j exp(z_j - m) */
void log_softmax(const double *z, size_t k, double *out)
{
    /* SOLUTION BEGIN */
    if (k == 0)
        return;
    double m = z[0], sum = 0.0;
    for (size_t i = 1; i < k; i++)
        m = fmax(m, z[i]);
    for (size_t i = 0; i < k; i++)
        sum += exp(z[i] - m);
    double log_sum = log(sum);
    for (size_t i = 0; i < k; i++)
        out[i] = (z[i] - m) - log_sum;
    /* SOLUTION END */
}

/* H(p, q) = - sum_{i: p_i > 0} p_i ln q_i   (0 ln 0 = 0) */
double cross_entropy(const double *p, const double *q, size_t k)
{
    /* SOLUTION BEGIN */
    double h = 0.0;
    for (size_t i = 0; i < k; i++)
        if (p[i] > 0.0)
            h -= p[i] * log(q[i]);
    return h;
    /* SOLUTION END return 0.0; */
}

/* H(p, q) in bits = - sum_{i: p_i > 0} p_i log2 q_i */
double cross_entropy_bits(const double *p, const double *q, size_t k)
{
    /* SOLUTION BEGIN */
    double h = 0.0;
    for (size_t i = 0; i < k; i++)
        if (p[i] > 0.0)
            h -= p[i] * log2(q[i]);
    return h;
    /* SOLUTION END return 0.0; */
}

/* nll = -ln q[label];  NAN when label >= k */
double nll(const double *q, size_t k, size_t label)
{
    /* SOLUTION BEGIN */
    if (label >= k)
        return NAN;
    return -log(q[label]);
    /* SOLUTION END return 0.0; */
}

/* m = max_j z_j;  loss = (m - z_label) + ln sum_j exp(z_j - m);
   grad_i = exp(z_i - m) / sum_j exp(z_j - m) - [i == label];  NAN when label >= k */
double softmax_cross_entropy(const double *z, size_t k, size_t label, double *grad)
{
    /* SOLUTION BEGIN */
    if (label >= k)
        return NAN;
    double m = z[0], sum = 0.0;
    for (size_t i = 1; i < k; i++)
        m = fmax(m, z[i]);
    for (size_t i = 0; i < k; i++)
        sum += exp(z[i] - m);
    for (size_t i = 0; i < k; i++)
        grad[i] = exp(z[i] - m) / sum - (i == label ? 1.0 : 0.0);
    return (m - z[label]) + log(sum);
    /* SOLUTION END return 0.0; */
}

/* bce = -(y ln p + (1 - y) ln(1 - p)), a term with weight 0 counting 0;
   NAN when p or y is outside [0, 1] */
double binary_cross_entropy(double p, double y)
{
    /* SOLUTION BEGIN */
    if (!(p >= 0.0 && p <= 1.0 && y >= 0.0 && y <= 1.0))
        return NAN;
    double loss = 0.0;
    if (y > 0.0)
        loss -= y * log(p);
    if (y < 1.0)
        loss -= (1.0 - y) * log1p(-p);
    return loss;
    /* SOLUTION END return 0.0; */
}

/* bce_with_logits = max(z, 0) - z y + ln(1 + exp(-|z|));  NAN when y is outside [0, 1] */
double bce_with_logits(double z, double y)
{
    /* SOLUTION BEGIN */
    if (!(y >= 0.0 && y <= 1.0))
        return NAN;
    return fmax(z, 0.0) - z * y + log1p(exp(-fabs(z)));
    /* SOLUTION END return 0.0; */
}

/* hinge = max(0, 1 - y score);  NAN unless y is -1 or +1 */
double hinge(double score, double y)
{
    /* SOLUTION BEGIN */
    if (y != 1.0 && y != -1.0)
        return NAN;
    return fmax(0.0, 1.0 - y * score);
    /* SOLUTION END return 0.0; */
}

/* a = 1 / (1 + exp(-z)),  1 - a = 1 / (1 + exp(z));  dL/dz = 2 (a - y) a (1 - a) */
double sigmoid_mse_grad(double z, double y)
{
    /* SOLUTION BEGIN */
    double a = 1.0 / (1.0 + exp(-z)), one_minus_a = 1.0 / (1.0 + exp(z));
    return 2.0 * (a - y) * a * one_minus_a;
    /* SOLUTION END return 0.0; */
}

/* a = 1 / (1 + exp(-z));  dL/dz = a - y */
double sigmoid_ce_grad(double z, double y)
{
    /* SOLUTION BEGIN */
    double a = 1.0 / (1.0 + exp(-z));
    return a - y;
    /* SOLUTION END return 0.0; */
}
