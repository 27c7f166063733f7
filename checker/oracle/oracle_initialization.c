/* oracle_initialization.c: the checker's own answers for lesson 6 (see oracle_initialization.h). */
#include "oracle_initialization.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>

/* ---- draws, one layer, statistics ------------------------------------------------------------ */

void oracle_draw_uniform(double *W, size_t n, double r, gsl_rng *rng)
{
    for (size_t k = 0; k < n; k++)
        W[k] = gsl_ran_flat(rng, -r, r);
}

void oracle_draw_gaussian(double *W, size_t n, double sigma, gsl_rng *rng)
{
    for (size_t k = 0; k < n; k++)
        W[k] = gsl_ran_gaussian(rng, sigma);
}

double oracle_dense_layer(const double *in, size_t batch, size_t width, const double *W, int relu,
                          int transposed, double *out)
{
    long double worst = 0.0L;
    for (size_t b = 0; b < batch; b++)
        for (size_t j = 0; j < width; j++) {
            long double z = 0.0L, size = 0.0L;
            for (size_t i = 0; i < width; i++) {
                long double term = (long double)(transposed ? W[i * width + j] : W[j * width + i]) *
                                   in[b * width + i];
                z += term;
                size += fabsl(term);
            }
            out[b * width + j] = (double)(relu ? (z > 0.0L ? z : 0.0L) : tanhl(z));
            if (size > worst)
                worst = size;
        }
    return (double)(4.0L * (long double)width * DBL_EPSILON * worst);
}

void oracle_mean_std(const double *x, size_t n, double *mean, double *pop_std, double *sample_std)
{
    long double sum = 0.0L, sq = 0.0L;
    for (size_t k = 0; k < n; k++)
        sum += x[k];
    long double m = sum / (long double)n;
    for (size_t k = 0; k < n; k++)
        sq += (x[k] - m) * (x[k] - m);
    *mean = (double)m;
    *pop_std = (double)sqrtl(sq / (long double)n);
    *sample_std = n > 1 ? (double)sqrtl(sq / (long double)(n - 1)) : NAN;
}

void oracle_deep_forward(const double *X, size_t batch, size_t width, size_t depth, int relu,
                         int uniform, double scale, gsl_rng *rng, double *W, double *H,
                         double *mean, double *std)
{
    const double *in = X;
    for (size_t l = 0; l < depth; l++) {
        double *h = H + l * batch * width, sample;
        if (uniform)
            oracle_draw_uniform(W, width * width, scale, rng);
        else
            oracle_draw_gaussian(W, width * width, scale, rng);
        oracle_dense_layer(in, batch, width, W, relu, 0, h);
        oracle_mean_std(h, batch * width, &mean[l], &std[l], &sample);
        in = h;
    }
}

/* ---- bounds on the mean square of deep activations ---------------------------------------------- */

oracle_interval oracle_ms_vanishing(size_t width, size_t batch, size_t layer, double sigma,
                                    double alpha)
{
    double c = gsl_cdf_chisq_Qinv(alpha / (double)(batch * layer), (double)width);
    return (oracle_interval){0.0, pow(sigma * sigma * c, (double)layer), alpha,
                             "act(z)^2 <= z^2 and a chi^2(width) tail (gsl_cdf_chisq_Qinv): the "
                             "mean square shrinks at least by sigma^2 * that quantile per layer"};
}

oracle_interval oracle_ms_saturated(size_t width, size_t batch, size_t layer, double sigma,
                                    double alpha)
{
    const double n = (double)width;
    double best = 0.0;
    for (double theta = 0.5; theta < 0.999; theta += 0.005) {
        double a = atanh(theta);
        for (size_t u = 0; u < width; u++) {
            double m = theta * theta * (1.0 - (double)u / n);
            if (m <= best)
                break;
            double p = 2.0 * gsl_cdf_ugaussian_P(a / (sigma * sqrt(n * m))) - 1.0;
            if ((double)(batch * layer) * gsl_cdf_binomial_Q((unsigned)u, p, (unsigned)width) <= alpha) {
                best = m;
                break;
            }
        }
    }
    return (oracle_interval){best, 1.0, alpha,
                             "most units of every row have |h| near 1: a binomial tail "
                             "(gsl_cdf_binomial_Q) on the units with |z| < atanh(theta)"};
}

static double tanh_square_density(double x, void *params)
{
    (void)params;
    double t = tanh(x);
    return 2.0 * t * t * gsl_ran_ugaussian_pdf(x);
}

oracle_interval oracle_ms_xavier_tanh(size_t width, size_t batch, size_t layer, double alpha)
{
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(200);
    gsl_function F = {tanh_square_density, NULL};
    double f1 = 1.0, err;
    gsl_integration_qagiu(&F, 0.0, 1e-12, 1e-10, 200, ws, &f1, &err);
    gsl_integration_workspace_free(ws);
    /* E min(g^2, 1) = E[g^2; |g| < 1] + P(|g| >= 1) = (2 Phi(1) - 1) - 2 phi(1) + 2 Q(1) */
    double mu = 2.0 * gsl_cdf_ugaussian_P(1.0) - 1.0 - 2.0 * gsl_ran_ugaussian_pdf(1.0) +
                2.0 * gsl_cdf_ugaussian_Q(1.0);
    double t = sqrt(log((double)(batch * (layer + 1)) / alpha) / (2.0 * (double)width));
    double rho = tanh(1.0) * tanh(1.0) * (mu - t);
    return (oracle_interval){pow(rho, (double)layer), fmin(f1 + t, 1.0), alpha,
                             "Hoeffding bounds: E tanh(g)^2 + t above (gsl_integration_qagiu), "
                             "(tanh(1)^2 (E min(g^2,1) - t))^layer below"};
}

/* ln E[R^s 1(K >= k0)], R = (2 / n) chi^2(K), K ~ Binomial(n, 1/2); +Inf where a moment diverges. */
static double log_moment(unsigned n, double s, unsigned k0)
{
    double terms[1024], top = -INFINITY;
    unsigned count = 0;
    for (unsigned k = k0 > 0 ? k0 : 1; k <= n && count < 1024; k++) {
        if (k / 2.0 + s <= 0.0)
            return INFINITY;
        double t = log(gsl_ran_binomial_pdf(k, 0.5, n)) + s * log(4.0 / n) +
                   gsl_sf_lngamma(k / 2.0 + s) - gsl_sf_lngamma(k / 2.0);
        terms[count++] = t;
        top = fmax(top, t);
    }
    double sum = 0.0;
    for (unsigned c = 0; c < count; c++)
        sum += exp(terms[c] - top);
    return top + log(sum);
}

/* The Chernoff exponent (layers ln E[R^(sign s)] + ln(1/alpha)) / s, minimised over s in (0, smax)
   by golden-section search (any s gives a valid bound; the search only makes it tighter). */
static double chernoff_exponent(unsigned n, unsigned layers, double sign, unsigned k0, double smax,
                                double alpha)
{
    const double g = (sqrt(5.0) - 1.0) / 2.0;
    double lo = 1e-3, hi = smax;
#define EXPONENT(s) (((double)layers * log_moment(n, sign * (s), k0) + log(1.0 / alpha)) / (s))
    for (int it = 0; it < 60; it++) {
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        if (EXPONENT(a) < EXPONENT(b))
            hi = b;
        else
            lo = a;
    }
    double s = (lo + hi) / 2.0;
    return EXPONENT(s);
#undef EXPONENT
}

oracle_interval oracle_ms_he_relu(size_t width, size_t batch, size_t layer, double alpha)
{
    unsigned n = (unsigned)width, k0 = n / 4;
    double tail = alpha / (2.0 * (double)batch);
    /* rows where fewer than k0 units are active in some layer: counted in the lower tail */
    double few = (double)layer * gsl_cdf_binomial_P(k0 - 1, 0.5, n);
    double up = chernoff_exponent(n, (unsigned)layer, +1.0, 0, 4.0 * n, tail);
    double down = chernoff_exponent(n, (unsigned)layer, -1.0, k0, k0 / 2.0 - 0.01, tail - few);
    return (oracle_interval){exp(-down), exp(up), alpha,
                             "each layer multiplies a row's mean square by (2/width) chi^2(K), "
                             "K ~ Binomial(width, 1/2), mean 1: Chernoff bounds on the product "
                             "(gsl_sf_lngamma, gsl_ran_binomial_pdf)"};
}
