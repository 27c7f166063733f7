/* oracle_batchnorm.c: lesson 8's batch normalization in long double (see oracle_batchnorm.h). */
#include "oracle_batchnorm.h"

#include <math.h>

void oracle_bn_stats(const double *X, size_t m, size_t d, double *mean, double *var)
{
    for (size_t j = 0; j < d; j++) {
        long double sum = 0.0L;
        for (size_t i = 0; i < m; i++)
            sum += X[i * d + j];
        long double mu = sum / (long double)m, sq = 0.0L;
        for (size_t i = 0; i < m; i++) {
            long double dev = (long double)X[i * d + j] - mu;
            sq += dev * dev;
        }
        mean[j] = (double)mu;
        var[j] = (double)(sq / (long double)m);
    }
}

void oracle_bn_normalize(const double *X, size_t m, size_t d, const double *mean,
                         const double *denom, const double *gamma, const double *beta, double *Y)
{
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < d; j++) {
            long double g = gamma ? gamma[j] : 1.0L, b = beta ? beta[j] : 0.0L;
            long double xhat = ((long double)X[i * d + j] - mean[j]) / denom[j];
            Y[i * d + j] = (double)(g * xhat + b);
        }
}

static int invalid(size_t m, size_t d, double eps) { return m == 0 || d == 0 || !(eps >= 0.0); }

/* denom_j = sqrt(var_j + eps) */
static void denominators(const double *var, size_t d, double eps, double *denom)
{
    for (size_t j = 0; j < d; j++)
        denom[j] = (double)sqrtl((long double)var[j] + eps);
}

int oracle_batchnorm_forward(const double *X, size_t m, size_t d, const double *gamma,
                             const double *beta, double eps, double *Y, double *mean, double *var)
{
    if (invalid(m, d, eps))
        return -1;
    double denom[d];
    oracle_bn_stats(X, m, d, mean, var);
    denominators(var, d, eps, denom);
    oracle_bn_normalize(X, m, d, mean, denom, gamma, beta, Y);
    return 0;
}

/*
 * With s = sqrt(var + eps), x_hat = (x - mean) / s and g = dY:
 *   dbeta = sum_i g_i,  dgamma = sum_i g_i x_hat_i,
 *   dX_k = gamma / s * (g_k - dbeta / m - x_hat_k dgamma / m),
 * the last two terms being the paths through the batch mean and the batch variance.
 */
int oracle_batchnorm_backward(const double *dY, const double *X, size_t m, size_t d,
                              const double *gamma, const double *mean, const double *var,
                              double eps, double *dX, double *dgamma, double *dbeta)
{
    if (invalid(m, d, eps))
        return -1;
    for (size_t j = 0; j < d; j++) {
        long double s = sqrtl((long double)var[j] + eps), sg = 0.0L, sgx = 0.0L;
        for (size_t i = 0; i < m; i++) {
            long double xhat = ((long double)X[i * d + j] - mean[j]) / s;
            sg += dY[i * d + j];
            sgx += dY[i * d + j] * xhat;
        }
        for (size_t i = 0; i < m; i++) {
            long double xhat = ((long double)X[i * d + j] - mean[j]) / s;
            dX[i * d + j] =
                (double)(gamma[j] / s * (dY[i * d + j] - sg / m - xhat * sgx / m));
        }
        dgamma[j] = (double)sgx;
        dbeta[j] = (double)sg;
    }
    return 0;
}

/* running = (1 - momentum) running + momentum batch; the variance's batch value is unbiased. */
int oracle_batchnorm_running_update(double *running_mean, double *running_var, const double *mean,
                                    const double *var, size_t m, size_t d, double momentum)
{
    if (m < 2 || d == 0 || !(momentum >= 0.0 && momentum <= 1.0))
        return -1;
    long double keep = 1.0L - (long double)momentum, unbias = (long double)m / (m - 1);
    for (size_t j = 0; j < d; j++) {
        running_mean[j] = (double)(keep * running_mean[j] + (long double)momentum * mean[j]);
        running_var[j] = (double)(keep * running_var[j] + (long double)momentum * var[j] * unbias);
    }
    return 0;
}

int oracle_batchnorm_inference(const double *X, size_t m, size_t d, const double *gamma,
                               const double *beta, double eps, const double *running_mean,
                               const double *running_var, double *Y)
{
    if (invalid(m, d, eps))
        return -1;
    double denom[d];
    denominators(running_var, d, eps, denom);
    oracle_bn_normalize(X, m, d, running_mean, denom, gamma, beta, Y);
    return 0;
}
