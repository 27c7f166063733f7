/*
 * Lesson 8: batch normalization (배치 정규화).
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in batchnorm.c.
 *
 * A mini-batch (미니배치) X is m x d, row-major: row i is example i, column j is feature j
 * (one unit of a layer), so its element is X[i*d + j]. Everything works column by column:
 * feature j has its own mean[j], var[j], gamma[j] and beta[j].
 *
 * Every function returns 0, or -1 for invalid arguments, and then writes nothing.
 * m >= 2 is what training needs. With m = 1 the forward pass is still defined: every feature
 * equals its own mean, var = 0, x_hat = 0 / sqrt(0 + eps) = 0 and Y = beta (with eps = 0 it
 * would be 0/0 = NaN), so a single example carries no information. batchnorm_running_update
 * refuses m < 2, where the unbiased variance var * m / (m - 1) would divide by zero.
 */
#ifndef LESSON08_BATCHNORM_H
#define LESSON08_BATCHNORM_H

#include <stddef.h>

#include "workbook.h"

/* PyTorch's defaults (torch.nn.BatchNorm1d): eps = 1e-5, momentum = 0.1. */
#define BATCHNORM_EPS 1e-5
#define BATCHNORM_MOMENTUM 0.1

/*
 * The training-mode forward pass over the batch X (m x d):
 *   mean[j]  = (1/m) sum_i X_ij
 *   var[j]   = (1/m) sum_i (X_ij - mean[j])^2          (biased: divide by m, not m - 1)
 *   x_hat_ij = (X_ij - mean[j]) / sqrt(var[j] + eps)   (eps inside the square root)
 *   Y_ij     = gamma[j] x_hat_ij + beta[j]
 * Y is m x d; mean and var have d entries each (the backward pass and the running averages
 * need them). Returns -1 when m = 0, d = 0, or eps is negative or NaN.
 */
int batchnorm_forward(const double *X /* [m * d] */, size_t m, size_t d, const double *gamma /* [d] */,
                      const double *beta /* [d] */, double eps, double *Y /* [m * d] */, double *mean /* [d] */, double *var /* [d] */);

/*
 * The backward pass: given dY = dL/dY (m x d) and the forward pass's X, mean and var, writes
 *   dbeta[j]  = sum_i dY_ij
 *   dgamma[j] = sum_i dY_ij x_hat_ij
 *   dX_ij     = gamma[j] / sqrt(var[j] + eps) * (dY_ij - dbeta[j] / m - x_hat_ij dgamma[j] / m)
 * dX is m x d. The two subtracted terms are the gradient that flows through the batch mean
 * and the batch variance: every x_ij moves mean[j] and var[j], and with them every Y_kj.
 * Returns -1 when m = 0, d = 0, or eps is negative or NaN.
 */
int batchnorm_backward(const double *dY /* [m * d] */, const double *X /* [m * d] */, size_t m, size_t d,
                       const double *gamma /* [d] */, const double *mean /* [d] */, const double *var /* [d] */, double eps,
                       double *dX /* [m * d] */, double *dgamma /* [d] */, double *dbeta /* [d] */);

/*
 * The running averages used at inference, updated in place after a training batch of m
 * examples whose statistics (from batchnorm_forward) are mean and var (PyTorch's convention):
 *   running_mean[j] = (1 - momentum) running_mean[j] + momentum mean[j]
 *   running_var[j]  = (1 - momentum) running_var[j]  + momentum var[j] m / (m - 1)
 * (the running variance takes the unbiased batch variance). Returns -1, changing nothing,
 * when m < 2 (m / (m - 1) would divide by zero), d = 0, or momentum is outside [0, 1].
 */
int batchnorm_running_update(double *running_mean /* [d] */, double *running_var /* [d] */, const double *mean /* [d] */,
                             const double *var /* [d] */, size_t m, size_t d, double momentum);

/*
 * The inference-mode (evaluation) pass: the same normalisation with the running statistics
 * instead of the batch's own, so each row's output depends on that row only:
 *   Y_ij = gamma[j] (X_ij - running_mean[j]) / sqrt(running_var[j] + eps) + beta[j]
 * Returns -1 when m = 0, d = 0, or eps is negative or NaN.
 */
int batchnorm_inference(const double *X /* [m * d] */, size_t m, size_t d, const double *gamma /* [d] */,
                        const double *beta /* [d] */, double eps, const double *running_mean /* [d] */,
                        const double *running_var /* [d] */, double *Y /* [m * d] */);

#endif
