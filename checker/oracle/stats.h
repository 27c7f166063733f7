/*
 * stats.h: acceptance bounds for statistical tests, each with a stated false-alarm rate alpha
 * (the probability that correct code fails the test). The course asks for alpha <= 1e-6 per test.
 * Bounds come from GSL's cdf functions; the Kolmogorov-Smirnov bound from the
 * Dvoretzky-Kiefer-Wolfowitz inequality (Massart's constant), which holds for every n.
 */
#ifndef WB_ORACLE_STATS_H
#define WB_ORACLE_STATS_H

#include <stddef.h>

/* An interval [lo, hi] that a statistic falls in with probability at least 1 - alpha. */
typedef struct {
    double lo, hi;
    double alpha;
    const char *how; /* where the bound comes from, for the student */
} oracle_interval;

/* The mean of n independent draws with mean mu and standard deviation sigma (normal
   approximation, two-sided): mu +- z * sigma / sqrt(n), z = gsl_cdf_ugaussian_Qinv(alpha/2). */
oracle_interval oracle_mean_interval(double mu, double sigma, size_t n, double alpha);

/* The unbiased sample variance of n draws from N(mu, sigma^2): (n-1) s^2 / sigma^2 ~ chi^2(n-1),
   bounds from gsl_cdf_chisq_Pinv / Qinv at alpha/2. */
oracle_interval oracle_variance_interval(double sigma2, size_t n, double alpha);

/* The number of successes in n Bernoulli(p) trials: bounds from gsl_cdf_binomial_P / Q, each
   tail at most alpha/2. */
oracle_interval oracle_binomial_interval(double p, size_t n, double alpha);

/* The largest KS distance sup |F_n - F| that n draws from F exceed with probability at most
   alpha: sqrt(ln(2/alpha) / (2n)) (DKW-Massart). */
double oracle_ks_bound(size_t n, double alpha);

/* The KS distance of a sample (sorted in place) from a continuous cdf. */
double oracle_ks_distance(double *x, size_t n, double (*cdf)(double x, void *params), void *params);

#endif
