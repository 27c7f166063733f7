/* oracle_dropout.c: the checker's own dropout (see oracle_dropout.h). */
#include "oracle_dropout.h"

#include <math.h>

void oracle_dropout_mask(gsl_rng *rng, double p, double *mask, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mask[i] = gsl_rng_uniform(rng) < p ? 0.0 : 1.0;
}

void oracle_dropout_apply(const double *x, const double *mask, size_t n, long double scale,
                          double *y)
{
    for (size_t i = 0; i < n; i++) /* a dropped unit as 0, not -0, for readable messages */
        y[i] = mask[i] == 0.0 ? 0.0 : (double)((long double)mask[i] * (long double)x[i] * scale);
}

oracle_interval oracle_dropout_mean_interval(const double *x, size_t n, double keep, double scale,
                                             double alpha)
{
    long double sum = 0.0L, sum2 = 0.0L;
    for (size_t i = 0; i < n; i++) {
        sum += x[i];
        sum2 += (long double)x[i] * x[i];
    }
    double mean = (double)(sum / n), mean2 = (double)(sum2 / n);
    /* one draw per unit: sd of m x scale, averaged over the units' second moments */
    double sigma = fabs(scale) * sqrt(keep * (1.0 - keep) * mean2);
    oracle_interval band = oracle_mean_interval(scale * keep * mean, sigma, n, alpha);
    band.how = "mean of independent Bernoulli-masked units, normal approximation "
               "(gsl_cdf_ugaussian_Qinv)";
    return band;
}
