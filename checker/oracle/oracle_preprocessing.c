/* oracle_preprocessing.c: the checker's answers for lesson 5 (see oracle_preprocessing.h). */
#include "oracle_preprocessing.h"

#include <float.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>

bool oracle_constant_feature(long double var, long double mean, size_t n)
{
    long double eps = DBL_EPSILON, noise = (long double)n * eps * mean;
    return var <= (long double)n * eps * var + noise * noise;
}

void oracle_standardize_fit(const double *X, size_t rows, size_t cols, double *mean, double *std)
{
    for (size_t j = 0; j < cols; j++) {
        mean[j] = gsl_stats_mean(X + j, cols, rows);
        double var = gsl_stats_variance_with_fixed_mean(X + j, cols, rows, mean[j]);
        std[j] = oracle_constant_feature(var, mean[j], rows) ? 0.0 : sqrt(var);
    }
}

void oracle_sample_std(const double *X, size_t rows, size_t cols, const double *mean, double *std)
{
    for (size_t j = 0; j < cols; j++)
        std[j] = gsl_stats_sd_m(X + j, cols, rows, mean[j]);
}

void oracle_standardize_apply(const double *X, size_t rows, size_t cols, const double *mean,
                              const double *std, double *Z)
{
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            long double s = std[j] == 0.0 ? 1.0L : (long double)std[j];
            Z[i * cols + j] = (double)(((long double)X[i * cols + j] - mean[j]) / s);
        }
}

void oracle_minmax_fit(const double *X, size_t rows, size_t cols, double *min, double *max)
{
    for (size_t j = 0; j < cols; j++)
        gsl_stats_minmax(&min[j], &max[j], X + j, cols, rows);
}

void oracle_minmax_apply(const double *X, size_t rows, size_t cols, const double *min,
                         const double *max, double lo, double hi, double *Z)
{
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            long double range = (long double)max[j] - min[j];
            if (range == 0.0L)
                range = 1.0L;
            long double t = ((long double)X[i * cols + j] - min[j]) / range;
            Z[i * cols + j] = (double)((long double)lo + ((long double)hi - lo) * t);
        }
}
