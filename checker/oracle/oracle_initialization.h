/*
 * oracle_initialization.h: the checker's own answers for lesson 6 (weight initialization): weight
 * draws and a dense layer in long double for the reference curves and the exact checks, and
 * the bounds that the mean square of deep tanh / ReLU activations obeys, each with its
 * false-alarm rate. Nothing here calls or copies solution code, and nothing includes the
 * lesson's header (this library is built once for every lesson).
 *
 * The bounds concern a batch whose rows each have mean square 1 (sum_i x_i^2 = width), pushed
 * through square layers of `width` units with independent weights and no bias. ms_l is the mean
 * square of layer l's activations over the batch: ms = std^2 + mean^2.
 */
#ifndef WB_ORACLE_INITIALIZATION_H
#define WB_ORACLE_INITIALIZATION_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "stats.h"

/* W[k] = gsl_ran_flat(rng, -r, r) for k < n: U[-r, r]. */
void oracle_draw_uniform(double *W, size_t n, double r, gsl_rng *rng);

/* W[k] = gsl_ran_gaussian(rng, sigma) for k < n: N(0, sigma^2). */
void oracle_draw_gaussian(double *W, size_t n, double sigma, gsl_rng *rng);

/*
 * One square dense layer in long double: out[b][j] = act(sum_i W[j][i] in[b][i]) for b < batch,
 * j < width, act = tanh or (relu != 0) max(0, .). With transposed != 0 it uses W[i][j] instead
 * (the mistake of reading W as fan_in x fan_out). Returns a rounding allowance for the same
 * layer computed in double: 4 width eps max_{b,j} sum_i |W[j][i] in[b][i]| (act is 1-Lipschitz).
 */
double oracle_dense_layer(const double *in, size_t batch, size_t width, const double *W, int relu,
                          int transposed, double *out);

/* The mean and the standard deviation of x[0..n-1] in long double, with the population divisor n
   and with the sample divisor n - 1 (n > 1). */
void oracle_mean_std(const double *x, size_t n, double *mean, double *pop_std, double *sample_std);

/*
 * The reference network of the plots: for l = 1..depth draws W (width x width, scratch) with
 * uniform ? U[-scale, scale] : N(0, scale^2), then H_l = act(H_{l-1} W^T) (H holds depth layers
 * of batch x width, H_0 = X) and the layer's mean and population std.
 */
void oracle_deep_forward(const double *X, size_t batch, size_t width, size_t depth, int relu,
                         int uniform, double scale, gsl_rng *rng, double *W, double *H,
                         double *mean, double *std);

/*
 * Too small, N(0, sigma^2) weights, tanh or ReLU: act(z)^2 <= z^2 and, given a row h, the
 * width pre-activations are N(0, sigma^2 |h|^2), so ms_l <= sigma^2 C ms_{l-1} row by row with
 * C ~ chi^2(width). Bound: ms_layer <= (sigma^2 c)^layer, c = gsl_cdf_chisq_Qinv(alpha /
 * (batch * layer), width), a union bound over the rows and layers.
 */
oracle_interval oracle_ms_vanishing(size_t width, size_t batch, size_t layer, double sigma,
                                    double alpha);

/*
 * Too large, N(0, sigma^2) weights, tanh: a unit with |z| >= atanh(theta) has h^2 >= theta^2.
 * If a row has mean square >= m, its z are N(0, s^2) with s^2 >= sigma^2 width m, and the number
 * of units with |z| < atanh(theta) is at most Binomial(width, p), p = 2 Phi(atanh(theta) / s) - 1;
 * if it is <= u, the row's next mean square is >= theta^2 (1 - u / width). The bound takes the
 * largest m = theta^2 (1 - u / width) over theta, u for which batch * layer *
 * gsl_cdf_binomial_Q(u, p, width) <= alpha: ms_layer >= m (by induction from ms_0 = 1).
 */
oracle_interval oracle_ms_saturated(size_t width, size_t batch, size_t layer, double sigma,
                                    double alpha);

/*
 * Xavier normal (sigma^2 = 1 / width) with tanh: given a row of mean square q <= 1, its z are
 * N(0, q). Upper: the h^2 are in [0, 1] with mean E tanh(sqrt(q) g)^2 <= f1 = E tanh(g)^2
 * (gsl_integration_qagiu), so by Hoeffding ms <= f1 + t. Lower: tanh(z)^2 >= tanh(1)^2
 * min(z^2, 1) >= tanh(1)^2 q min(g^2, 1), and the mean of min(g^2, 1) is >= mu - t (Hoeffding,
 * mu = E min(g^2, 1) from gsl_cdf_ugaussian_P), so ms_layer >= (tanh(1)^2 (mu - t))^layer.
 * t = sqrt(ln(batch (layer + 1) / alpha) / (2 width)).
 */
oracle_interval oracle_ms_xavier_tanh(size_t width, size_t batch, size_t layer, double alpha);

/*
 * He normal (sigma^2 = 2 / width) with ReLU: a row's mean square is multiplied at each layer by
 * an independent R = (2 / width) X, X | K ~ chi^2(K), K ~ Binomial(width, 1/2), E R = 1
 * (He et al.'s derivation). Chernoff bounds on the product of `layer` such factors, with the
 * moments E R^s = sum_k P(K = k) (4 / width)^s Gamma(k/2 + s) / Gamma(k/2) (gsl_sf_lngamma,
 * gsl_ran_binomial_pdf), each tail at alpha / (2 batch).
 */
oracle_interval oracle_ms_he_relu(size_t width, size_t batch, size_t layer, double alpha);

#endif
