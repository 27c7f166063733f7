/*
 * oracle_preprocessing.h: the checker's answers for lesson 5 (standardization and min-max scaling).
 * Statistics come from GSL (gsl_stats_mean, gsl_stats_variance_with_fixed_mean, gsl_stats_sd_m,
 * gsl_stats_minmax) on each column, read with a stride of cols; the scalings are computed in
 * long double. X is row-major, rows x cols. Nothing here calls or copies solution code.
 */
#ifndef WB_ORACLE_PREPROCESSING_H
#define WB_ORACLE_PREPROCESSING_H

#include <stdbool.h>
#include <stddef.h>

/* Whether a column of n values with population variance var and mean `mean` counts as constant:
   var <= n eps var + (n eps mean)^2, eps = DBL_EPSILON (the lessons' rule, sklearn's
   _is_constant_feature: a bound on the rounding error of the two-pass variance in double). */
bool oracle_constant_feature(long double var, long double mean, size_t n);

/* mean[j] by gsl_stats_mean; std[j] the population standard deviation (divisor n): the square
   root of gsl_stats_variance_with_fixed_mean about that mean, or exactly 0 where that variance
   is within the rounding bound of oracle_constant_feature. rows >= 1. */
void oracle_standardize_fit(const double *X, size_t rows, size_t cols, double *mean, double *std);

/* The sample standard deviation (divisor n - 1) by gsl_stats_sd_m: a wrong variant for the
   lesson, whose convention is the population one. rows >= 2. */
void oracle_sample_std(const double *X, size_t rows, size_t cols, const double *mean, double *std);

/* Z = (X - mean[j]) / s_j, s_j = std[j] or 1 where std[j] == 0, in long double. */
void oracle_standardize_apply(const double *X, size_t rows, size_t cols, const double *mean,
                              const double *std, double *Z);

/* min[j], max[j] by gsl_stats_minmax. rows >= 1. */
void oracle_minmax_fit(const double *X, size_t rows, size_t cols, double *min, double *max);

/* Z = lo + (hi - lo) (X - min[j]) / r_j, r_j = max[j] - min[j] or 1 where it is 0, in long
   double. */
void oracle_minmax_apply(const double *X, size_t rows, size_t cols, const double *min,
                         const double *max, double lo, double hi, double *Z);

#endif
