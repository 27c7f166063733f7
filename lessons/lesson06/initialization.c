/*
 * Lesson 6: weight initialization. Write each function's body; the comment above it gives the
 * formula. Check your work with `make check lesson6`.
 *
 * gsl_ran_flat(rng, a, b) draws from U[a, b) and gsl_ran_gaussian(rng, sigma) from N(0, sigma^2):
 * its second argument is a standard deviation, not a variance.
 */
#include "initialization.h"

#include <gsl/gsl_randist.h>
#include <math.h>

/* W[k] ~ U[-r, r],  r = sqrt(6 / (fan_in + fan_out)),  k = 0 .. fan_out * fan_in - 1 */
int init_xavier_uniform(double *W, size_t fan_in, size_t fan_out, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* W[k] ~ N(0, sigma^2),  sigma = sqrt(2 / (fan_in + fan_out)) */
int init_xavier_normal(double *W, size_t fan_in, size_t fan_out, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* W[k] ~ N(0, sigma^2),  sigma = sqrt(2 / fan_in) */
int init_he_normal(double *W, size_t fan_in, size_t fan_out, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* W[k] ~ U[-r, r],  r = 1 / sqrt(fan_in) */
int init_lecun_uniform(double *W, size_t fan_in, size_t fan_out, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* b[i] = 0 */
void init_zeros(double *b, size_t n)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/*
 * For l = 1 .. depth:  W_l drawn with scheme;  h_l[b][j] = act(sum_i W_l[j][i] h_{l-1}[b][i]);
 * mean = sum h / N,  std = sqrt(sum (h - mean)^2 / N),  N = batch * width;  h_0 = X.
 */
int deep_forward_stats(const double *X, size_t batch, size_t width, size_t depth, activation act,
                       init_scheme scheme, gsl_rng *rng, double *W, double *H, double *mean,
                       double *std)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}
