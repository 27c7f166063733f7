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
    /* SOLUTION BEGIN */
    if (m == 0 || d == 0 || !(eps >= 0.0))
        return -1;
    for (size_t j = 0; j < d; j++) {
        double sum = 0.0;
        for (size_t i = 0; i < m; i++)
            sum += X[i * d + j];
        mean[j] = sum / (double)m;

        double sq = 0.0;
        for (size_t i = 0; i < m; i++)
            sq += (X[i * d + j] - mean[j]) * (X[i * d + j] - mean[j]);
        var[j] = sq / (double)m;

        double inv_std = 1.0 / sqrt(var[j] + eps);
        for (size_t i = 0; i < m; i++)
            Y[i * d + j] = gamma[j] * (X[i * d + j] - mean[j]) * inv_std + beta[j];
    }
    return 0;
    /* SOLUTION END return 0; */
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
    /* SOLUTION BEGIN */
    if (m == 0 || d == 0 || !(eps >= 0.0))
        return -1;
    for (size_t j = 0; j < d; j++) {
        double inv_std = 1.0 / sqrt(var[j] + eps);
        double sum_dy = 0.0, sum_dy_xhat = 0.0;
        for (size_t i = 0; i < m; i++) {
            double xhat = (X[i * d + j] - mean[j]) * inv_std;
            sum_dy += dY[i * d + j];
            sum_dy_xhat += dY[i * d + j] * xhat;
        }
        dbeta[j] = sum_dy;
        dgamma[j] = sum_dy_xhat;

        for (size_t i = 0; i < m; i++) {
            double xhat = (X[i * d + j] - mean[j]) * inv_std;
            dX[i * d + j] = gamma[j] * inv_std *
                            (dY[i * d + j] - sum_dy / (double)m - xhat * sum_dy_xhat / (double)m);
        }
    }
    return 0;
    /* SOLUTION END return 0; */
}

/*
 * running_mean[j] = (1 - momentum) running_mean[j] + momentum mean[j]
 * running_var[j]  = (1 - momentum) running_var[j]  + momentum var[j] m / (m - 1)
 */
int batchnorm_running_update(double *running_mean, double *running_var, const double *mean,
                             const double *var, size_t m, size_t d, double momentum)
{
    /* SOLUTION BEGIN */
    if (m < 2 || d == 0 || !(momentum >= 0.0 && momentum <= 1.0))
        return -1;
    double unbias = (double)m / (double)(m - 1);
    for (size_t j = 0; j < d; j++) {
        running_mean[j] = (1.0 - momentum) * running_mean[j] + momentum * mean[j];
        running_var[j] = (1.0 - momentum) * running_var[j] + momentum * var[j] * unbias;
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* Y_ij = gamma[j] (X_ij - running_mean[j]) / sqrt(running_var[j] + eps) + beta[j] */
int batchnorm_inference(const double *X, size_t m, size_t d, const double *gamma,
                        const double *beta, double eps, const double *running_mean,
                        const double *running_var, double *Y)
{
    /* SOLUTION BEGIN */
    if (m == 0 || d == 0 || !(eps >= 0.0))
        return -1;
    for (size_t j = 0; j < d; j++) {
        double inv_std = 1.0 / sqrt(running_var[j] + eps);
        for (size_t i = 0; i < m; i++)
            Y[i * d + j] = gamma[j] * (X[i * d + j] - running_mean[j]) * inv_std + beta[j];
    }
    return 0;
    /* SOLUTION END return 0; */
}
