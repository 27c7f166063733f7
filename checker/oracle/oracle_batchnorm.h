/*
 * oracle_batchnorm.h: lesson 8's batch normalization in long double, written independently of
 * the solution. The functions with the lesson's signatures compute the correct formulas (the
 * plot driver trains its reference network with them); oracle_bn_stats and oracle_bn_normalize
 * let a suite build the known wrong variants from the same inputs.
 *
 * The lesson's header has the same file name: include this one by its path,
 * "../oracle/batchnorm.h" from checker/lessonNN/.
 *
 * A batch X is m x d, row-major: X[i*d + j] is feature j of example i.
 */
#ifndef WB_ORACLE_BATCHNORM_H
#define WB_ORACLE_BATCHNORM_H

#include <stddef.h>

/* Per feature j: mean[j] = (1/m) sum_i X_ij and the biased variance
   var[j] = (1/m) sum_i (X_ij - mean[j])^2, two passes in long double. */
void oracle_bn_stats(const double *X, size_t m, size_t d, double *mean, double *var);

/* Y_ij = gamma_j (X_ij - mean_j) / denom_j + beta_j in long double; gamma NULL means 1,
   beta NULL means 0. Passing denom_j = sqrt(var_j + eps) gives batch normalization; other
   denominators (or swapped gamma and beta) give the wrong variants. */
void oracle_bn_normalize(const double *X, size_t m, size_t d, const double *mean,
                         const double *denom, const double *gamma, const double *beta, double *Y);

/* The four functions of lesson 8, same arguments and results (0, or -1 for invalid ones). */
int oracle_batchnorm_forward(const double *X, size_t m, size_t d, const double *gamma,
                             const double *beta, double eps, double *Y, double *mean, double *var);
int oracle_batchnorm_backward(const double *dY, const double *X, size_t m, size_t d,
                              const double *gamma, const double *mean, const double *var,
                              double eps, double *dX, double *dgamma, double *dbeta);
int oracle_batchnorm_running_update(double *running_mean, double *running_var, const double *mean,
                                    const double *var, size_t m, size_t d, double momentum);
int oracle_batchnorm_inference(const double *X, size_t m, size_t d, const double *gamma,
                               const double *beta, double eps, const double *running_mean,
                               const double *running_var, double *Y);

#endif
