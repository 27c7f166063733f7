/*
 * oracle_dropout.h: the checker's own dropout (lesson 7), for the expected values of the suite and the
 * reference curves of the plots. An independent implementation: nothing here calls or copies
 * solution code.
 */
#ifndef WB_ORACLE_DROPOUT_H
#define WB_ORACLE_DROPOUT_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "stats.h"

/* A dropout mask: mask[i] = 0 (dropped) with probability p, 1 (kept) with probability 1 - p,
   one gsl_rng_uniform draw per unit (dropped when u < p). */
void oracle_dropout_mask(gsl_rng *rng, double p, double *mask, size_t n);

/* y[i] = mask[i] * x[i] * scale, computed in long double (0, never -0, where mask[i] = 0). */
void oracle_dropout_apply(const double *x, const double *mask, size_t n, long double scale,
                          double *y);

/*
 * Where the mean of y[i] = m[i] * x[i] * scale falls when each m[i] is 1 with probability
 * keep (independently): mean(y) has expectation scale * keep * mean(x) and variance
 * scale^2 * keep * (1 - keep) * sum x[i]^2 / n^2; the interval is its normal approximation
 * (oracle_mean_interval) at false-alarm rate alpha.
 */
oracle_interval oracle_dropout_mean_interval(const double *x, size_t n, double keep, double scale,
                                             double alpha);

#endif
