/*
 * Lesson 8: batch normalization. Write each function's body; the comment above it gives the
 * formula. Check your work with `make check lesson8`.
 *
 * X[i*d + j] is feature j of example i; work one feature (column) at a time.
 */
#include "batchnorm.h"

#include <math.h>

/*
 * mean[j] = (1/m) sum_i X_ij,  var[j] = (1/m) sum_i (X_ij - mean[j])^2,
 * Y_ij = gamma[j] (X_ij - mean[j]) / sqrt(var[j] + eps) + beta[j]
 */
int batchnorm_forward(const double *X, size_t m, size_t d, const double *gamma,
                      const double *beta, double eps, double *Y, double *mean, double *var)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/*
 * With s = sqrt(var[j] + eps) and x_hat_ij = (X_ij - mean[j]) / s:
 * dbeta[j] = sum_i dY_ij,  dgamma[j] = sum_i dY_ij x_hat_ij,
 * dX_ij = gamma[j] / s * (dY_ij - dbeta[j] / m - x_hat_ij dgamma[j] / m)
 */
int batchnorm_backward(const double *dY, const double *X, size_t m, size_t d,
                       const double *gamma, const double *mean, const double *var, double eps,
                       double *dX, double *dgamma, double *dbeta)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/*
 * running_mean[j] = (1 - momentum) running_mean[j] + momentum mean[j]
 * running_var[j]  = (1 - momentum) running_var[j]  + momentum var[j] m / (m - 1)
 */
int batchnorm_running_update(double *running_mean, double *running_var, const double *mean,
                             const double *var, size_t m, size_t d, double momentum)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* Y_ij = gamma[j] (X_ij - running_mean[j]) / sqrt(running_var[j] + eps) + beta[j] */
int batchnorm_inference(const double *X, size_t m, size_t d, const double *gamma,
                        const double *beta, double eps, const double *running_mean,
                        const double *running_var, double *Y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}
