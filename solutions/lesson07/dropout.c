/*
 * Lesson 7: dropout and its scaling. Write each function's body; the comment above it gives
 * the formula. Check your work with `make check lesson7`.
 */
#include "dropout.h"

/*
 * p must lie in [0, 1), else return DROPOUT_INVALID_P before writing anything.
 * training:   mask[i] = 0 with probability p, else 1;  y[i] = mask[i] * x[i] / (1 - p)
 * evaluation: mask[i] = 1;  y[i] = x[i]
 */
int dropout_forward(const double *x, double *y, double *mask, size_t n, double p_drop, bool train,
                    gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    if (!(p_drop >= 0.0 && p_drop < 1.0)) /* also rejects NaN */
        return DROPOUT_INVALID_P;
    if (!train) {
        for (size_t i = 0; i < n; i++) {
            mask[i] = 1.0;
            y[i] = x[i];
        }
        return 0;
    }
    double scale = 1.0 / (1.0 - p_drop);
    for (size_t i = 0; i < n; i++) {
        mask[i] = gsl_rng_uniform(rng) < p_drop ? 0.0 : 1.0;
        y[i] = mask[i] * x[i] * scale;
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* p must lie in [0, 1);  dx[i] = dy[i] * mask[i] / (1 - p) */
int dropout_backward(const double *dy, const double *mask, double *dx, size_t n, double p_drop)
{
    /* SOLUTION BEGIN */
    if (!(p_drop >= 0.0 && p_drop < 1.0))
        return DROPOUT_INVALID_P;
    double scale = 1.0 / (1.0 - p_drop);
    for (size_t i = 0; i < n; i++)
        dx[i] = dy[i] * mask[i] * scale;
    return 0;
    /* SOLUTION END return 0; */
}

/*
 * p must lie in [0, 1), else return DROPOUT_INVALID_P before writing anything.
 * training:   mask[i] = 0 with probability p, else 1;  y[i] = mask[i] * x[i]
 * evaluation: mask[i] = 1;  y[i] = (1 - p) * x[i]
 */
int dropout_forward_classic(const double *x, double *y, double *mask, size_t n, double p_drop,
                            bool train, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    if (!(p_drop >= 0.0 && p_drop < 1.0))
        return DROPOUT_INVALID_P;
    for (size_t i = 0; i < n; i++) {
        if (train) {
            mask[i] = gsl_rng_uniform(rng) < p_drop ? 0.0 : 1.0;
            y[i] = mask[i] * x[i];
        } else {
            mask[i] = 1.0;
            y[i] = (1.0 - p_drop) * x[i];
        }
    }
    return 0;
    /* SOLUTION END return 0; */
}
