/*
 * Lesson 6: weight initialization (가중치 초기화): Xavier/Glorot, He, LeCun.
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in initialization.c.
 *
 * A layer with fan_in inputs and fan_out outputs has a weight matrix W of fan_out rows and
 * fan_in columns, row-major: W[j * fan_in + i] connects input i to output j, and output j
 * computes z_j = sum_i W[j * fan_in + i] h_i (as torch.nn.Linear's weight). Every random number
 * comes from the gsl_rng the caller passes in, so a run can be replayed from its seed.
 */
#ifndef LESSON06_INITIALIZATION_H
#define LESSON06_INITIALIZATION_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "workbook.h"

/*
 * Xavier/Glorot uniform: every W[k] drawn from U[-r, r] with r = sqrt(6 / (fan_in + fan_out)),
 * so Var(W) = r^2 / 3 = 2 / (fan_in + fan_out).  fan_out * fan_in values.
 * Returns 0, or -1 without writing anything when fan_in or fan_out is 0.
 */
int init_xavier_uniform(double *W /* [fan_in * fan_out] */, size_t fan_in, size_t fan_out, gsl_rng *rng);

/*
 * Xavier/Glorot normal: every W[k] drawn from N(0, sigma^2) with the standard deviation
 * sigma = sqrt(2 / (fan_in + fan_out)).  Returns 0, or -1 (nothing written) for a zero fan.
 */
int init_xavier_normal(double *W /* [fan_in * fan_out] */, size_t fan_in, size_t fan_out, gsl_rng *rng);

/*
 * He (Kaiming) normal, for ReLU layers: N(0, sigma^2) with sigma = sqrt(2 / fan_in).
 * Returns 0, or -1 (nothing written) for a zero fan.
 */
int init_he_normal(double *W /* [fan_in * fan_out] */, size_t fan_in, size_t fan_out, gsl_rng *rng);

/*
 * "LeCun uniform", as the curriculum names it: U[-r, r] with r = 1 / sqrt(fan_in), so
 * Var(W) = 1 / (3 fan_in). Despite the name this is neither Glorot/Xavier
 * (r = sqrt(6 / (fan_in + fan_out))) nor LeCun's own recommendation (Var(W) = 1 / fan_in,
 * r = sqrt(3 / fan_in)): it is the "common heuristic" of Glorot and Bengio's paper and the
 * default of PyTorch's nn.Linear. (The course notes call this range "Xavier".)
 * Returns 0, or -1 (nothing written) for a zero fan.
 */
int init_lecun_uniform(double *W /* [fan_in * fan_out] */, size_t fan_in, size_t fan_out, gsl_rng *rng);

/* Biases start at zero: b[0..n-1] = 0. */
void init_zeros(double *b /* [n] */, size_t n);

/* The activation of every layer of deep_forward_stats. */
typedef enum { ACT_TANH, ACT_RELU } activation;

/* How deep_forward_stats draws each layer's weights. */
typedef enum {
    INIT_XAVIER_UNIFORM, /* init_xavier_uniform */
    INIT_XAVIER_NORMAL,  /* init_xavier_normal */
    INIT_HE_NORMAL,      /* init_he_normal */
    INIT_LECUN_UNIFORM,  /* init_lecun_uniform */
    INIT_GAUSSIAN        /* N(0, std^2) with the fixed std below (AlexNet used 0.01) */
} init_kind;

typedef struct {
    init_kind kind;
    double std; /* used by INIT_GAUSSIAN only; must be finite and >= 0 */
} init_scheme;

/*
 * Pushes the batch X through depth fully connected layers of width units each (no bias) and
 * reports every layer's activation statistics. For l = 1 .. depth, in this order:
 *     W_l = width x width weights drawn from rng with scheme (fan_in = fan_out = width)
 *     h_l = act(h_{l-1} W_l^T), that is h_l[b][j] = act(sum_i W_l[j][i] h_{l-1}[b][i]),
 *           with h_0 = X
 *     mean[l-1] = the mean of the batch * width values of h_l
 *     std[l-1]  = their standard deviation with the population divisor:
 *                 sqrt(sum (h - mean)^2 / (batch * width))
 * X is batch rows of width values (row-major), e.g. a random batch the caller drew.
 * Work buffers, owned by the caller, which also hold the results:
 *     W  depth * width * width doubles: W_l is left at W + (l-1) * width * width
 *     H  depth * batch * width doubles: h_l is left at H + (l-1) * batch * width
 * Returns 0, or -1 without writing anything when batch, width or depth is 0, act or
 * scheme.kind is not one of the values above, or an INIT_GAUSSIAN std is negative or not finite.
 */
int deep_forward_stats(const double *X /* [batch * width] */, size_t batch, size_t width, size_t depth, activation act,
                       init_scheme scheme, gsl_rng *rng, double *W /* [depth * width * width] */, double *H /* [depth * batch * width] */, double *mean /* [depth] */,
                       double *std /* [depth] */);

#endif
