/*
 * Lesson 11: training logistic regression. Write each function's body; the comment above it
 * gives the formula. Check your work with `make check lesson11`.
 */
#include "training.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

/* Given: z = w[d] + sum_j w[j] x[j] for one row x of d features (the bias is w[d]). */
static inline double linear_score(const double *x, const double *w, size_t d)
{
    double z = w[d];
    for (size_t j = 0; j < d; j++)
        z += w[j] * x[j];
    return z;
}

/* p_i = 1 / (1 + exp(-z_i)); for z < 0 write it exp(z) / (1 + exp(z)) so exp never overflows. */
void logistic_predict(const double *X, const double *w, size_t m, size_t d, double *p)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* L = (1/m) sum_i [max(z_i, 0) + log1p(exp(-|z_i|)) - y_i z_i];
   grad = (1/m) sum_i (p_i - y_i) (x_i, 1).  m = 0: NAN, nothing written. */
double logistic_loss_grad(const double *X, const double *y, const double *w, size_t m, size_t d,
                          double *grad)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* L = (1/m) sum_i r_i^2, r_i = z_i - y_i;  grad = (2/m) sum_i r_i (x_i, 1).  m = 0: NAN. */
double linear_mse_grad(const double *X, const double *y, const double *w, size_t m, size_t d,
                       double *grad)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* mean, std (divisor n) of the first n = train_rows rows, std = 0 where the variance is within
   rounding (var <= n eps var + (n eps mean)^2, eps = DBL_EPSILON); every row: (x - mean) / std
   (std 0: divide by 1).  -1 unless 1 <= train_rows <= rows. */
int standardize_split(double *X, size_t rows, size_t train_rows, size_t cols, double *mean,
                      double *std)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* Given: whether the options and sizes are in range (a NaN is out of every range); use it
   first, with a check that no pointer is NULL. */
static inline int valid_training(size_t m, size_t m_val, size_t d, const train_options *opt)
{
    return m > 0 && m_val > 0 && d > 0 && opt->lr > 0.0 && isfinite(opt->lr) &&
           opt->batch_size >= 1 && opt->batch_size <= m && opt->epochs >= 1 &&
           opt->weight_decay >= 0.0 && isfinite(opt->weight_decay);
}

/* Each epoch: shuffle order with gsl_ran_shuffle; for each batch B of order,
   w <- w - lr * ((1/|B|) sum_{i in B} (p_i - y_i)(x_i, 1) + weight_decay * w);
   then train_loss[e], val_loss[e]; keep the best w by validation loss; stop after `patience`
   epochs without a new best.  At the end w = best_w.  Returns the epochs run, or -1. */
int train_logistic(const double *X, const double *y, size_t m, const double *X_val,
                   const double *y_val, size_t m_val, size_t d, double *w,
                   const train_options *opt, train_work *work, double *train_loss,
                   double *val_loss, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* log(p / (1 - p)) = log p - log1p(-p) */
double log_odds(double p)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* log(1 - sigma(z)) = -log(1 + e^z) = -(max(z, 0) + log1p(e^-|z|)) */
double log_one_minus_sigmoid(double z)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* l(z) = log(1 + e^z) - y z */
double nll_of_logit(double z, double y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* dl/dz = e^z / (1 + e^z) - y = sigma(z) - y */
double nll_of_logit_grad(double z, double y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* -log L = m log(sqrt(2 pi) sigma) + sum_i (y_i - z_i)^2 / (2 sigma^2) */
double gaussian_nll(const double *X, const double *y, const double *w, size_t m, size_t d,
                    double sigma)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* (A'A) w = A'y with A = [X 1], by Cholesky A'A = L L' */
int linear_least_squares(const double *X, const double *y, size_t m, size_t d, double *w,
                         double *work)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return -1;
}

/* L = (1/m) sum_i [log sum_c e^{z_ic} - z_{i,y_i}],  grad_c = (1/m) sum_i (q_ic - [y_i = c]) (x_i, 1) */
double softmax_regression_loss_grad(const double *X, const double *y, const double *W, size_t m,
                                    size_t d, size_t k, double *grad, double *probs)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* epochs times: W <- W - lr * grad L(W); then L at the final W */
double train_softmax_regression(const double *X, const double *y, size_t m, size_t d, size_t k,
                                double *W, double lr, size_t epochs, double *grad, double *probs)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}
