/*
 * Lesson 5: data preprocessing (데이터 전처리): standardization (표준화), min-max scaling
 * (최대-최소 스케일링) and one-hot codes (원핫 코드) for nominal variables (명목 변수).
 *
 * A data matrix X has one row per example and one column per feature, row-major:
 * X[i * cols + j] is feature j of example i. Every statistic is per feature (per column).
 * Fit the statistics on the training rows only, then apply those same numbers to any rows
 * (training, validation or test): that is what sklearn's fit / transform and PyTorch pipelines do.
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in preprocessing.c.
 */
#ifndef LESSON05_PREPROCESSING_H
#define LESSON05_PREPROCESSING_H

#include <stddef.h>

#include "workbook.h"

/*
 * Per-column mean and population standard deviation (divisor n = rows, like sklearn's
 * StandardScaler; not the sample divisor n - 1) of X (rows x cols):
 *   mean[j] = (1/n) sum_i X[i][j],   var_j = (1/n) sum_i (X[i][j] - mean[j])^2,
 *   std[j] = sqrt(var_j).
 * A constant column gets std[j] = 0 exactly. Its computed var_j need not be 0: the mean of
 * equal values is rounded (eight copies of 0.1 average to 0.1 - 1.4e-17), so the deviations are
 * not exactly 0. As sklearn does (_is_constant_feature), a column is constant when
 *   var_j <= n eps var_j + (n eps mean[j])^2,   eps = DBL_EPSILON,
 * a bound on the rounding error of the two-pass variance; then std[j] = 0.
 * Returns 0; with rows == 0 returns -1 and writes nothing.
 */
int standardize_fit(const double *X /* [rows * cols] */, size_t rows, size_t cols, double *mean /* [cols] */, double *std /* [cols] */);

/*
 * Z[i][j] = (X[i][j] - mean[j]) / s_j with the statistics passed in (from standardize_fit on the
 * training rows), where s_j = std[j], or 1 when std[j] == 0 (as sklearn does: a constant feature
 * is only shifted, so its training values become 0, up to the rounding of the mean). Only an
 * exact 0 means "constant": standardize_fit has already decided that. Z may be the same array
 * as X.
 */
void standardize_apply(const double *X /* [rows * cols] */, size_t rows, size_t cols, const double *mean /* [cols] */,
                       const double *std /* [cols] */, double *Z /* [rows * cols] */);

/*
 * Per-column minimum and maximum of X (rows x cols) into min[j] and max[j].
 * Returns 0; with rows == 0 returns -1 and writes nothing.
 */
int minmax_fit(const double *X /* [rows * cols] */, size_t rows, size_t cols, double *min /* [cols] */, double *max /* [cols] */);

/*
 * Scales each column to the target range [lo, hi] with the statistics passed in:
 *   Z[i][j] = lo + (hi - lo) * (X[i][j] - min[j]) / r_j,   r_j = max[j] - min[j],
 * or r_j = 1 when max[j] == min[j] (as sklearn's MinMaxScaler: the training values become lo).
 * Training rows land in [lo, hi]; test rows may fall outside. Z may be the same array as X.
 * Returns 0; when lo >= hi (or either is not finite) returns -1 and writes nothing.
 */
int minmax_apply(const double *X /* [rows * cols] */, size_t rows, size_t cols, const double *min /* [cols] */, const double *max /* [cols] */,
                 double lo, double hi, double *Z /* [rows * cols] */);

/*
 * The one-hot code of a category numbered from 0: out[k] = 1 if k == category, else 0, for
 * k = 0 .. n_categories - 1 (like torch.nn.functional.one_hot).
 * Returns 0; when category < 0 or category >= n_categories returns -1 and writes nothing.
 */
int one_hot(int category, size_t n_categories, double *out /* [n_categories] */);

/* The course notes' record: 3 measurements, sex in 2 classes, constitution (체질) in 4. */
#define PERSON_SEX_CLASSES 2
#define PERSON_CONSTITUTION_CLASSES 4
#define PERSON_FEATURES (3 + PERSON_SEX_CLASSES + PERSON_CONSTITUTION_CLASSES) /* 9 */

/*
 * Encodes one person as the 9 values
 *   out = (height_m, weight_kg, blood_pressure, one_hot(sex, 2), one_hot(constitution, 4)),
 * sex 0 = male, 1 = female; constitution 0 .. 3 (the notes' 소양인 is class 2, the third).
 * Returns 0; when sex or constitution is out of range returns -1 and writes nothing.
 */
int encode_person(double height_m, double weight_kg, double blood_pressure, int sex,
                  int constitution, double out[PERSON_FEATURES]);

#endif
