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
    /* SOLUTION BEGIN */
    if (fan_in == 0 || fan_out == 0)
        return -1;
    double r = sqrt(6.0 / (double)(fan_in + fan_out));
    for (size_t k = 0; k < fan_out * fan_in; k++)
        W[k] = gsl_ran_flat(rng, -r, r);
    return 0;
    /* SOLUTION END return 0; */
}

/* W[k] ~ N(0, sigma^2),  sigma = sqrt(2 / (fan_in + fan_out)) */
int init_xavier_normal(double *W, size_t fan_in, size_t fan_out, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    if (fan_in == 0 || fan_out == 0)
        return -1;
    double sigma = sqrt(2.0 / (double)(fan_in + fan_out));
    for (size_t k = 0; k < fan_out * fan_in; k++)
        W[k] = gsl_ran_gaussian(rng, sigma);
    return 0;
    /* SOLUTION END return 0; */
}

/* W[k] ~ N(0, sigma^2),  sigma = sqrt(2 / fan_in) */
int init_he_normal(double *W, size_t fan_in, size_t fan_out, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    if (fan_in == 0 || fan_out == 0)
        return -1;
    double sigma = sqrt(2.0 / (double)fan_in);
    for (size_t k = 0; k < fan_out * fan_in; k++)
        W[k] = gsl_ran_gaussian(rng, sigma);
    return 0;
    /* SOLUTION END return 0; */
}

/* W[k] ~ U[-r, r],  r = 1 / sqrt(fan_in) */
int init_lecun_uniform(double *W, size_t fan_in, size_t fan_out, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    if (fan_in == 0 || fan_out == 0)
        return -1;
    double r = 1.0 / sqrt((double)fan_in);
    for (size_t k = 0; k < fan_out * fan_in; k++)
        W[k] = gsl_ran_flat(rng, -r, r);
    return 0;
    /* SOLUTION END return 0; */
}

/* b[i] = 0 */
void init_zeros(double *b, size_t n)
{
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < n; i++)
        b[i] = 0.0;
    /* SOLUTION END */
}

/*
 * For l = 1 .. depth:  W_l drawn with scheme;  h_l[b][j] = act(sum_i W_l[j][i] h_{l-1}[b][i]);
 * mean = sum h / N,  std = sqrt(sum (h - mean)^2 / N),  N = batch * width;  h_0 = X.
 */
int deep_forward_stats(const double *X, size_t batch, size_t width, size_t depth, activation act,
                       init_scheme scheme, gsl_rng *rng, double *W, double *H, double *mean,
                       double *std)
{
    /* SOLUTION BEGIN */
    int known_act = act == ACT_TANH || act == ACT_RELU;
    int known_kind = scheme.kind >= INIT_XAVIER_UNIFORM && scheme.kind <= INIT_GAUSSIAN;
    int good_std = scheme.kind != INIT_GAUSSIAN || (isfinite(scheme.std) && scheme.std >= 0.0);
    if (batch == 0 || width == 0 || depth == 0 || !known_act || !known_kind || !good_std)
        return -1;
    const size_t n = width, N = batch * width;
    const double *in = X;
    for (size_t l = 0; l < depth; l++) {
        double *Wl = W + l * n * n, *h = H + l * N;
        switch (scheme.kind) {
        case INIT_XAVIER_UNIFORM: init_xavier_uniform(Wl, n, n, rng); break;
        case INIT_XAVIER_NORMAL: init_xavier_normal(Wl, n, n, rng); break;
        case INIT_HE_NORMAL: init_he_normal(Wl, n, n, rng); break;
        case INIT_LECUN_UNIFORM: init_lecun_uniform(Wl, n, n, rng); break;
        case INIT_GAUSSIAN:
            for (size_t k = 0; k < n * n; k++)
                Wl[k] = gsl_ran_gaussian(rng, scheme.std);
            break;
        }
        /* h[b][j] = act(z),  z = sum_i Wl[j][i] in[b][i] */
        for (size_t b = 0; b < batch; b++)
            for (size_t j = 0; j < n; j++) {
                double z = 0.0;
                for (size_t i = 0; i < n; i++)
                    z += Wl[j * n + i] * in[b * n + i];
                h[b * n + j] = act == ACT_TANH ? tanh(z) : fmax(z, 0.0);
            }
        double sum = 0.0, sq = 0.0;
        for (size_t k = 0; k < N; k++)
            sum += h[k];
        mean[l] = sum / (double)N;
        for (size_t k = 0; k < N; k++)
            sq += (h[k] - mean[l]) * (h[k] - mean[l]);
        std[l] = sqrt(sq / (double)N);
        in = h;
    }
    return 0;
    /* SOLUTION END return 0; */
}
