/*
 * oracle_training.h: the checker's answers for lesson 11 (training logistic regression).
 * Losses, gradients, the standardization and a reference trainer in long double; gradients by
 * gsl_deriv_central coordinate by coordinate; the regularised minimum by gsl_multimin
 * (vector_bfgs2). The reference trainer draws its permutations with gsl_ran_shuffle from the
 * rng it is given, so a clone of the student's rng replays the student's batches. Nothing here
 * calls or copies solution code. (Named oracle_training, not training, so that it never shadows
 * the lesson's own training.h.)
 *
 * Layout as in the lesson: X is m x d row-major, w has d + 1 values, the bias is w[d].
 */
#ifndef WB_ORACLE_TRAINING_H
#define WB_ORACLE_TRAINING_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

/* p_i = sigma(w[d] + w . x_i). */
void oracle_logistic_predict(const double *X, const double *w, size_t m, size_t d, double *p);

/* Mean NLL with labels in {0, 1}; grad (d + 1, or NULL) = (1/m) sum (p_i - y_i)(x_i, 1). */
double oracle_logistic_loss(const double *X, const double *y, const double *w, size_t m, size_t d,
                            double *grad);

/* The wrong variant of a student who expects labels in {-1, +1}: mean log(1 + exp(-y_i z_i)),
   grad = (1/m) sum -y_i sigma(-y_i z_i) (x_i, 1), applied to the labels as given. */
double oracle_logistic_loss_pm1(const double *X, const double *y, const double *w, size_t m,
                                size_t d, double *grad);

/* MSE = (1/m) sum (z_i - y_i)^2, grad (or NULL) = (2/m) sum (z_i - y_i)(x_i, 1). */
double oracle_linear_mse(const double *X, const double *y, const double *w, size_t m, size_t d,
                         double *grad);

/* A loss of the d + 1 parameters for oracle_numeric_gradient. */
typedef struct {
    const double *X, *y;
    size_t m, d;
    int mse; /* 0: logistic NLL, 1: linear MSE */
} oracle_loss_problem;

/* The gradient of the problem's loss at w by gsl_deriv_central on each of the d + 1
   coordinates; abserr (or NULL) gets the largest error estimate. */
void oracle_numeric_gradient(const oracle_loss_problem *pr, const double *w, double *grad,
                             double *abserr);

/* The minimum over w of mean NLL + (lambda / 2) |w|^2 (all d + 1 entries), by gsl_multimin's
   vector_bfgs2 from w = 0 until the gradient norm is below 1e-10; the minimiser into wmin (or
   NULL). Returns the minimum value. */
double oracle_logistic_minimum(const double *X, const double *y, size_t m, size_t d,
                               double lambda, double *wmin);

/* Standardizes X in place with the population mean and std of its first train_rows rows (std 0
   divides by 1), in long double; std is exactly 0 where the variance is within the rounding
   bound of a constant column (oracle_constant_feature). mean and std may be NULL. */
void oracle_standardize_split(double *X, size_t rows, size_t train_rows, size_t cols,
                              double *mean, double *std);

/* Ways the reference trainer can go wrong on purpose (the lesson's mistakes), or 0. */
enum {
    ORACLE_TRAIN_EXACT = 0,
    ORACLE_TRAIN_SUM_GRAD = 1,     /* batch gradient not divided by the batch size */
    ORACLE_TRAIN_NO_RESHUFFLE = 2, /* shuffled before the first epoch only */
    ORACLE_TRAIN_STOP_BY_TRAIN = 4, /* best epoch and early stopping by the training loss */
    ORACLE_TRAIN_PATIENCE_PLUS_ONE = 8, /* stops after patience + 1 epochs without progress */
    ORACLE_TRAIN_LAST_WEIGHTS = 16 /* w left at the last epoch's, not the best epoch's */
};

typedef struct {
    double lr;
    size_t batch_size, epochs;
    double weight_decay;
    size_t patience;
} oracle_train_options;

/* The lesson's train_logistic in long double (see training.h), with the given flags. w is
   trained in place; train_loss and val_loss get one value per epoch run. Returns the epochs run.
   The arguments must be valid. */
int oracle_train_logistic(const double *X, const double *y, size_t m, const double *X_val,
                          const double *y_val, size_t m_val, size_t d, double *w,
                          oracle_train_options opt, double *train_loss, double *val_loss,
                          gsl_rng *rng, unsigned flags);

/* The least-squares w (d + 1 values, the bias last) of y ~ [X 1] w by gsl_multifit_linear (an SVD,
   not the normal equations). Returns GSL's status. */
int oracle_least_squares(const double *X, const double *y, size_t m, size_t d, double *w);

/* Lesson 11's softmax regression in long double (see training.h): the mean softmax cross-entropy
   of the m rows and, when grad is not NULL, its gradient (k * (d + 1) values). With
   ORACLE_SOFTMAX_SUM the gradient is the sum over the rows instead of the mean, with
   ORACLE_SOFTMAX_SIGN it is (onehot - q) instead of (q - onehot) (the lesson's mistakes). */
enum { ORACLE_SOFTMAX_EXACT = 0, ORACLE_SOFTMAX_SUM = 1, ORACLE_SOFTMAX_SIGN = 2 };
double oracle_softmax_regression(const double *X, const double *y, const double *W, size_t m,
                                 size_t d, size_t k, double *grad, unsigned flags);

/* Batch gradient descent on it, in long double, W in place: epochs steps W -= lr * grad.
   Returns the loss at the final W. */
double oracle_train_softmax_regression(const double *X, const double *y, size_t m, size_t d,
                                       size_t k, double *W, double lr, size_t epochs);

/* The fraction of the m rows whose label is the class with the largest logit under W (ties to
   the smaller class). */
double oracle_softmax_accuracy(const double *X, const double *y, const double *W, size_t m,
                               size_t d, size_t k);

#endif
