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
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* Z[i][j] = (X[i][j] - mean[j]) / s_j,  s_j = std[j], or 1 where std[j] == 0 */
void standardize_apply(const double *X, size_t rows, size_t cols, const double *mean,
                       const double *std, double *Z)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* min[j] = min_i X[i][j],  max[j] = max_i X[i][j] */
int minmax_fit(const double *X, size_t rows, size_t cols, double *min, double *max)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* Z[i][j] = lo + (hi - lo) (X[i][j] - min[j]) / r_j,  r_j = max[j] - min[j], or 1 where it is 0 */
int minmax_apply(const double *X, size_t rows, size_t cols, const double *min, const double *max,
                 double lo, double hi, double *Z)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* out[k] = (k == category) for k = 0 .. n_categories - 1 */
int one_hot(int category, size_t n_categories, double *out)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* out = (height, weight, blood pressure, one_hot(sex, 2), one_hot(constitution, 4)) */
int encode_person(double height_m, double weight_kg, double blood_pressure, int sex,
                  int constitution, double out[PERSON_FEATURES])
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}
