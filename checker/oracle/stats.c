/* stats.c: acceptance bounds for statistical tests (see stats.h). */
#include "stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <math.h>

oracle_interval oracle_mean_interval(double mu, double sigma, size_t n, double alpha)
{
    double half = gsl_cdf_ugaussian_Qinv(alpha / 2.0) * sigma / sqrt((double)n);
    return (oracle_interval){mu - half, mu + half, alpha, "normal approximation, gsl_cdf_ugaussian_Qinv"};
}

oracle_interval oracle_variance_interval(double sigma2, size_t n, double alpha)
{
    double dof = (double)(n - 1);
    return (oracle_interval){sigma2 * gsl_cdf_chisq_Pinv(alpha / 2.0, dof) / dof,
                             sigma2 * gsl_cdf_chisq_Qinv(alpha / 2.0, dof) / dof, alpha,
                             "(n-1) s^2 / sigma^2 ~ chi^2(n-1), gsl_cdf_chisq_Pinv/Qinv"};
}

oracle_interval oracle_binomial_interval(double p, size_t n, double alpha)
{
    unsigned N = (unsigned)n;
    unsigned lo = 0, hi = N;
    /* the smallest lo with P(X < lo) <= alpha/2, the largest hi with P(X > hi) <= alpha/2 */
    while (lo < N && gsl_cdf_binomial_P(lo, p, N) <= alpha / 2.0)
        lo++;
    while (hi > 0 && gsl_cdf_binomial_Q(hi - 1, p, N) <= alpha / 2.0)
        hi--;
    return (oracle_interval){(double)lo, (double)hi, alpha, "binomial tails, gsl_cdf_binomial_P/Q"};
}

double oracle_ks_bound(size_t n, double alpha) { return sqrt(log(2.0 / alpha) / (2.0 * (double)n)); }

double oracle_ks_distance(double *x, size_t n, double (*cdf)(double x, void *params), void *params)
{
    gsl_sort(x, 1, n);
    double d = 0.0;
    for (size_t i = 0; i < n; i++) {
        double F = cdf(x[i], params);
        d = fmax(d, fmax((double)(i + 1) / (double)n - F, F - (double)i / (double)n));
    }
    return d;
}
