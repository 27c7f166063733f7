/*
 * Lesson 11: training logistic regression (로지스틱 회귀) with batch, stochastic and mini-batch
 * gradient descent (BGD, SGD, MGD), weight decay, a validation set and early stopping.
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in training.c.
 *
 * Layout. X is m x d, row-major: row i is example x_i with d features. The bias is a SEPARATE
 * parameter: w has d + 1 entries, w[0..d-1] the weights and w[d] the bias, and
 *   z_i = w[d] + sum_j w[j] * X[i*d + j]
 * (so X needs no column of ones). Every gradient has d + 1 entries in the same order.
 * Labels y_i are 0 or 1 (as torch.nn.BCEWithLogitsLoss expects), never -1/+1.
 */
#ifndef LESSON11_TRAINING_H
#define LESSON11_TRAINING_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "workbook.h"

/* p_i = sigma(z_i) = 1 / (1 + exp(-z_i)) for each of the m rows, into p[0..m-1]. Finite and
 * inside [0, 1] for every finite z (write sigma so that exp never overflows). */
void logistic_predict(const double *X /* [m * d] */, const double *w /* [d + 1] */, size_t m, size_t d, double *p /* [m] */);

/* The mean negative log-likelihood (음의 로그우도) of labels y in {0, 1}, and its gradient:
 *   L = (1/m) sum_i [ log(1 + exp(z_i)) - y_i z_i ]
 *     = -(1/m) sum_i [ y_i log p_i + (1 - y_i) log(1 - p_i) ]
 *   grad[j] = (1/m) sum_i (p_i - y_i) X[i*d + j],   grad[d] = (1/m) sum_i (p_i - y_i)
 * Returns L (finite even for |z| of 1000: log(1 + exp(z)) = max(z, 0) + log1p(exp(-|z|))).
 * m = 0: returns NAN and writes nothing. */
double logistic_loss_grad(const double *X /* [m * d] */, const double *y /* [m] */, const double *w /* [d + 1] */, size_t m, size_t d,
                          double *grad /* [d + 1] */);

/* Linear regression's mean squared error (평균제곱오차), as torch.nn.MSELoss, with r_i = z_i - y_i:
 *   L = (1/m) sum_i r_i^2
 *   grad[j] = (2/m) sum_i r_i X[i*d + j],   grad[d] = (2/m) sum_i r_i
 * Returns L; m = 0: returns NAN and writes nothing. */
double linear_mse_grad(const double *X /* [m * d] */, const double *y /* [m] */, const double *w /* [d + 1] */, size_t m, size_t d,
                       double *grad /* [d + 1] */);

/* Standardizes X (rows x cols) in place with the statistics of its FIRST train_rows rows only:
 *   mean[j] = (1/n) sum_{i<n} X[i][j],  var_j = (1/n) sum_{i<n} (X[i][j] - mean[j])^2,
 *   std[j] = sqrt(var_j),  n = train_rows;
 *   then every row i < rows:  X[i][j] <- (X[i][j] - mean[j]) / std[j]
 * (std[j] = 0 divides by 1 instead, as lesson 5 and sklearn do). A constant column gets
 * std[j] = 0 exactly, also when its rounded mean leaves var_j a little above 0: as in lesson 5
 * (sklearn's _is_constant_feature), var_j <= n eps var_j + (n eps mean[j])^2 with
 * eps = DBL_EPSILON counts as 0. The statistics go to mean and std (cols values each).
 * Returns 0, or -1 (writing nothing) unless 1 <= train_rows <= rows. */
int standardize_split(double *X /* [rows * cols] */, size_t rows, size_t train_rows, size_t cols, double *mean /* [cols] */,
                      double *std /* [cols] */);

/* The options of train_logistic. */
typedef struct {
    double lr;           /* learning rate, > 0 */
    size_t batch_size;   /* 1..m: m is BGD, 1 is SGD, in between MGD */
    size_t epochs;       /* the most epochs to run, >= 1 */
    double weight_decay; /* lambda >= 0: L2 decay, as torch.optim.SGD(weight_decay=lambda) */
    size_t patience;     /* stop after this many epochs without a new best validation loss;
                            0: never stop early */
} train_options;

/* The caller's work space: train_logistic never allocates. */
typedef struct {
    size_t *order;  /* [m] the permutation of the training rows */
    double *grad;   /* [d + 1] a gradient */
    double *best_w; /* [d + 1] the weights of the best epoch so far */
} train_work;

/* Trains w (d + 1 values, the caller's starting point) on the m training rows (X, y) with
 * mini-batch gradient descent, watching the m_val validation rows (X_val, y_val):
 *
 *   order[i] = i for every i (once, before the first epoch)
 *   for each epoch e = 0, 1, ...:
 *     gsl_ran_shuffle(rng, order, m, sizeof(size_t))        (every epoch, before its batches)
 *     for each batch B = order[b .. b + batch_size - 1], b = 0, batch_size, ... (the last one
 *     may be shorter: |B| = min(batch_size, m - b)):
 *       g = (1/|B|) sum_{i in B} (p_i - y_i) (x_i, 1) + weight_decay * w      (all d + 1 entries)
 *       w <- w - lr * g
 *     train_loss[e] = logistic_loss_grad on all training rows (no decay term)
 *     val_loss[e]   = logistic_loss_grad on the validation rows
 *     if val_loss[e] < the best so far: remember e and copy w to best_w
 *     else if patience > 0 and the best is patience epochs old: stop
 *
 * At the end w holds best_w (the weights of the epoch with the lowest validation loss).
 * Returns the number of epochs run (train_loss and val_loss then hold that many values), or -1,
 * changing nothing, when an option is out of its range, m, m_val or d is 0, or a pointer is NULL.
 */
int train_logistic(const double *X /* [m * d] */, const double *y /* [m] */, size_t m, const double *X_val /* [m_val * d] */,
                   const double *y_val /* [m_val] */, size_t m_val, size_t d, double *w /* [d + 1] */,
                   const train_options *opt, train_work *work, double *train_loss /* [opt->epochs] */,
                   double *val_loss /* [opt->epochs] */, gsl_rng *rng);

#endif
