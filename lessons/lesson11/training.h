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

/* ---- the gradient of the NLL, derived step by step (ToBig's Optimization session) ---------------
 * One example with logit z = w.x + b, p = sigma(z) and label y in {0, 1}:
 *   l = -[y log p + (1 - y) log(1 - p)]                              (the NLL of one example)
 *     = -[y log(p / (1 - p)) + log(1 - p)]                           (regroup the y terms)
 *     = -[y z - log(1 + e^z)]                                        (log-odds and log(1 - p))
 *   dl/dz = -(y - e^z / (1 + e^z)) = p - y,   dl/dw_j = (p - y) x_j  (the chain rule, dz/dw_j = x_j)
 * Each step below is one function. */

/* Step 2: the log-odds (logit) log(p / (1 - p)) of a probability 0 < p < 1; for p = sigma(z) it
 * is z again. */
double log_odds(double p);

/* Step 3: log(1 - sigma(z)) = -log(1 + e^z), finite for every finite z (for z of -1000 it is
 * about -e^-1000, for z of 1000 about -1000). */
double log_one_minus_sigmoid(double z);

/* Step 4: the NLL of one example as a function of its logit, log(1 + e^z) - y z, finite for every
 * finite z (see logistic_loss_grad). */
double nll_of_logit(double z, double y);

/* Step 5: its derivative dl/dz = sigma(z) - y. */
double nll_of_logit_grad(double z, double y);

/* ---- linear regression: maximum likelihood is least squares -------------------------------------
 * With Gaussian noise y_i = z_i + e_i, e_i ~ N(0, sigma^2), the likelihood of the data is
 * prod_i (1 / (sqrt(2 pi) sigma)) exp(-(y_i - z_i)^2 / (2 sigma^2)). */

/* The negative log-likelihood of the m rows under that model, z_i = w.x_i + w[d]:
 *   -log L = m log(sqrt(2 pi) sigma) + (1 / (2 sigma^2)) sum_i (y_i - z_i)^2,
 * for a given sigma > 0. For every sigma it is a constant plus a positive multiple of the sum of
 * squares, so its minimiser is the least-squares w. */
double gaussian_nll(const double *X /* [m * d] */, const double *y /* [m] */, const double *w /* [d + 1] */, size_t m,
                    size_t d, double sigma);

/* The least-squares w in closed form (the normal equation, 정규 방정식): with A = [X 1] (m x (d + 1),
 * a column of ones for the bias), the gradient of sum_i r_i^2 is 2 A'(A w - y), and it is zero where
 *   (A'A) w = A'y.
 * Forms A'A (into work[0 .. (d+1)^2 - 1], row-major) and A'y (into the next d + 1 values), then
 * solves by Cholesky, A'A = L L', L y' = A'y, L' w = y' (written by hand: no GSL here).
 * Returns 0, or -1 (w unchanged) when A'A is not positive definite (a pivot <= 0: the columns of A
 * are linearly dependent, or m < d + 1). */
#define LEAST_SQUARES_WORK(d) (((d) + 1) * ((d) + 1) + ((d) + 1))
int linear_least_squares(const double *X /* [m * d] */, const double *y /* [m] */, size_t m, size_t d,
                         double *w /* [d + 1] */, double *work /* [LEAST_SQUARES_WORK(d)] */);

/* ---- softmax regression: more than two classes (iris, wine) -------------------------------------
 * k classes, W is k x (d + 1) row-major: row c holds class c's d weights, then its bias, and
 *   z_ic = W[c*(d+1) + d] + sum_j W[c*(d+1) + j] * X[i*d + j].
 * Labels y_i are 0, 1, ..., k - 1 (stored as doubles). */

/* The mean softmax cross-entropy of the m rows (lesson 3's softmax_cross_entropy on each row's
 * logits z_i, averaged) and its gradient:
 *   L = (1/m) sum_i [ log sum_c e^{z_ic} - z_{i,y_i} ]
 *   grad[c*(d+1) + j] = (1/m) sum_i (q_ic - [y_i == c]) X[i*d + j],
 *   grad[c*(d+1) + d] = (1/m) sum_i (q_ic - [y_i == c]),     q_i = softmax(z_i)
 * (the binary case's (p_i - y_i) x_i, one row of W per class). Stable for logits of +-1000
 * (subtract each row's max). probs is scratch space for one row's k probabilities.
 * Returns L; m = 0 or k = 0: returns NAN and writes nothing. */
double softmax_regression_loss_grad(const double *X /* [m * d] */, const double *y /* [m] */, const double *W /* [k * (d + 1)] */,
                                    size_t m, size_t d, size_t k, double *grad /* [k * (d + 1)] */,
                                    double *probs /* [k] */);

/* Batch gradient descent on that loss from the caller's W: epochs times
 *   grad = softmax_regression_loss_grad(all m rows);  W <- W - lr * grad.
 * Returns the loss at the final W (one more call after the last step). grad and probs are
 * scratch space as above. */
double train_softmax_regression(const double *X /* [m * d] */, const double *y /* [m] */, size_t m, size_t d, size_t k,
                                double *W /* [k * (d + 1)] */, double lr, size_t epochs,
                                double *grad /* [k * (d + 1)] */, double *probs /* [k] */);

#endif
