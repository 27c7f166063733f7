/*
 * Lesson 5: data preprocessing. Write each function's body; the comment above it gives the
 * formula. Check your work with `make check lesson5`.
 */
#include "preprocessing.h"

#include <float.h>
#include <math.h>

/*
 * mean[j] = (1/n) sum_i X[i][j];  var_j = (1/n) sum_i (X[i][j] - mean[j])^2,  n = rows
 * std[j] = sqrt(var_j), or 0 where var_j <= n eps var_j + (n eps mean[j])^2  (eps = DBL_EPSILON:
 * a constant column, whose var_j is only the rounding of its mean)
 */
int standardize_fit(const double *X, size_t rows, size_t cols, double *mean, double *std)
{
    /* SOLUTION BEGIN */
    if (rows == 0)
        return -1;
    double n = (double)rows;
    for (size_t j = 0; j < cols; j++) {
        double sum = 0.0;
        for (size_t i = 0; i < rows; i++)
            sum += X[i * cols + j];
        double m = sum / n, squares = 0.0;
        for (size_t i = 0; i < rows; i++) {
            double d = X[i * cols + j] - m;
            squares += d * d;
        }
        double var = squares / n, noise = n * DBL_EPSILON * m;
        mean[j] = m;
        /* the mean of equal values is rounded (eight 0.1s average to 0.1 - 1.4e-17), so their
           deviations are not exactly 0: a variance within that rounding is a constant column */
        std[j] = var <= n * DBL_EPSILON * var + noise * noise ? 0.0 : sqrt(var);
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* Z[i][j] = (X[i][j] - mean[j]) / s_j,  s_j = std[j], or 1 where std[j] == 0 */
void standardize_apply(const double *X, size_t rows, size_t cols, const double *mean,
                       const double *std, double *Z)
{
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            double s = std[j] == 0.0 ? 1.0 : std[j];
            Z[i * cols + j] = (X[i * cols + j] - mean[j]) / s;
        }
    /* SOLUTION END */
}

/* min[j] = min_i X[i][j],  max[j] = max_i X[i][j] */
int minmax_fit(const double *X, size_t rows, size_t cols, double *min, double *max)
{
    /* SOLUTION BEGIN */
    if (rows == 0)
        return -1;
    for (size_t j = 0; j < cols; j++) {
        double lo = X[j], hi = X[j];
        for (size_t i = 1; i < rows; i++) {
            lo = fmin(lo, X[i * cols + j]);
            hi = fmax(hi, X[i * cols + j]);
        }
        min[j] = lo;
        max[j] = hi;
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* Z[i][j] = lo + (hi - lo) (X[i][j] - min[j]) / r_j,  r_j = max[j] - min[j], or 1 where it is 0 */
int minmax_apply(const double *X, size_t rows, size_t cols, const double *min, const double *max,
                 double lo, double hi, double *Z)
{
    /* SOLUTION BEGIN */
    if (!(lo < hi) || !isfinite(lo) || !isfinite(hi))
        return -1;
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            double range = max[j] - min[j];
            if (range == 0.0)
                range = 1.0;
            Z[i * cols + j] = lo + (hi - lo) * (X[i * cols + j] - min[j]) / range;
        }
    return 0;
    /* SOLUTION END return 0; */
}

/* out[k] = (k == category) for k = 0 .. n_categories - 1 */
int one_hot(int category, size_t n_categories, double *out)
{
    /* SOLUTION BEGIN */
    if (category < 0 || (size_t)category >= n_categories)
        return -1;
    for (size_t k = 0; k < n_categories; k++)
        out[k] = 0.0;
    out[category] = 1.0;
    return 0;
    /* SOLUTION END return 0; */
}

/* out = (height, weight, blood pressure, one_hot(sex, 2), one_hot(constitution, 4)) */
int encode_person(double height_m, double weight_kg, double blood_pressure, int sex,
                  int constitution, double out[PERSON_FEATURES])
{
    /* SOLUTION BEGIN */
    if (sex < 0 || sex >= PERSON_SEX_CLASSES || constitution < 0 ||
        constitution >= PERSON_CONSTITUTION_CLASSES)
        return -1;
    out[0] = height_m;
    out[1] = weight_kg;
    out[2] = blood_pressure;
    one_hot(sex, PERSON_SEX_CLASSES, out + 3);
    one_hot(constitution, PERSON_CONSTITUTION_CLASSES, out + 3 + PERSON_SEX_CLASSES);
    return 0;
    /* SOLUTION END return 0; */
}
