/*
 * oracle_mlp.h: an independent multilayer perceptron for lesson 13's checks and figures: its own
 * dense layers on GSL BLAS (gsl_blas_dgemm), the oracle's batch normalization, softmax
 * cross-entropy in long double, Adam and momentum (oracle_*.h); and the digits dataset with its
 * fixed stratified split (datasets/README.md).
 *
 * The network is the lesson's: Z1 = X W1 + b1, U = BN(Z1) or Z1, A = mask * relu(U) / (1 - p),
 * Z2 = A W2 + b2, L = mean softmax cross-entropy; the parameters one vector in the order
 * W1, b1, gamma, beta, W2, b2. Flags give the known wrong variants, for naming mistakes.
 */
#ifndef WB_ORACLE_MLP_H
#define WB_ORACLE_MLP_H

#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    size_t n_in, hidden, n_out;
    bool batchnorm;
    double p_drop;
} oracle_mlp_shape;

size_t oracle_mlp_params(const oracle_mlp_shape *s);

/* Offsets of the parts of theta. */
typedef struct {
    size_t W1, b1, gamma, beta, W2, b2;
} oracle_mlp_layout;
oracle_mlp_layout oracle_mlp_parts(const oracle_mlp_shape *s);

/* The wrong variants (bit flags). */
enum {
    ORACLE_MLP_GRAD_SUM = 1 << 0,          /* dZ2 = D: the batch gradient not divided by m */
    ORACLE_MLP_RELU_MASK_OF_Z1 = 1 << 1,   /* the ReLU mask of Z1, before batch norm */
    ORACLE_MLP_RELU_VALUE_AS_MASK = 1 << 2, /* dU = dR * relu(U): the value, not the derivative */
    ORACLE_MLP_DB_WRONG_AXIS = 1 << 3,     /* db[j] = sum of row j of dY (j < m) */
    ORACLE_MLP_W_TRANSPOSED = 1 << 4,      /* dX = dY W read as n_out x n_in */
    ORACLE_MLP_BN_BATCH_AT_EVAL = 1 << 5,  /* evaluation with the batch's statistics */
    ORACLE_MLP_NO_RESHUFFLE = 1 << 6,      /* the rows shuffled in the first epoch only */
    ORACLE_MLP_STOP_ON_TRAIN = 1 << 7,     /* the best epoch chosen by the training loss */
};

/* One forward pass's values (allocated by oracle_mlp_forward, freed by oracle_mlp_pass_free). */
typedef struct {
    size_t m;
    double *Z1, *U, *A, *mask, *mean, *var, *Z2, *D;
    double loss;
} oracle_mlp_pass;

/* Y = X W + b (X m x n_in, W n_in x n_out), by gsl_blas_dgemm. */
void oracle_dense_forward(const double *X, const double *W, const double *b, size_t m,
                          size_t n_in, size_t n_out, double *Y);
/* dX = dY W^T, dW = X^T dY, db = column sums of dY (by gsl_blas_dgemm); flags: the variants. */
void oracle_dense_backward(const double *dY, const double *X, const double *W, size_t m,
                           size_t n_in, size_t n_out, double *dX, double *dW, double *db,
                           unsigned flags);

/* The forward pass; mask (m * hidden, 1 kept 0 dropped) is the dropout mask in training mode
   (NULL: all kept); running = running_mean, running_var. */
oracle_mlp_pass oracle_mlp_forward(const oracle_mlp_shape *s, const double *theta,
                                   const double *running, const double *X, const size_t *y,
                                   size_t m, bool train, const double *mask, unsigned flags);
void oracle_mlp_pass_free(oracle_mlp_pass *p);

/* dL/dtheta of a training-mode pass. */
void oracle_mlp_backward(const oracle_mlp_shape *s, const double *theta, const double *X,
                         const oracle_mlp_pass *p, unsigned flags, double *grad);

/* The evaluation-mode loss; pred (may be NULL): the argmax of each row (the first on a tie);
   *accuracy (may be NULL): the fraction right. */
double oracle_mlp_evaluate(const oracle_mlp_shape *s, const double *theta, const double *running,
                           const double *X, const size_t *y, size_t m, size_t *pred,
                           double *accuracy, unsigned flags);

typedef struct {
    size_t epochs, batch_size, patience;
    int adam; /* 1: Adam with the paper's betas and eps; 0: momentum */
    double lr, momentum;
    size_t record_steps;
} oracle_mlp_options;

/* The lesson's training loop (no dropout), shuffling with gsl_ran_shuffle from rng; returns the
   epochs run; history 4 per epoch (train loss, train accuracy, val loss, val accuracy). */
int oracle_mlp_train(const oracle_mlp_shape *s, const oracle_mlp_options *o, double *theta,
                     double *running, const double *X, const size_t *y, size_t m,
                     const double *Xv, const size_t *yv, size_t mv, double *history,
                     double *step_loss, gsl_rng *rng, unsigned flags);

/* The digits (datasets/digits.csv): 1797 images of 8x8 pixels, 10 classes, split by a fixed
   rule: within each class, in file order, the k-th image goes to validation when k mod 5 = 3,
   to test when k mod 5 = 4, to training otherwise. */
enum { DIGITS_ROWS = 1797, DIGITS_PIXELS = 64, DIGITS_CLASSES = 10 };
typedef struct {
    size_t n[3];     /* rows of training, validation, test */
    double *X[3];    /* n[k] x 64, raw pixels 0..16 */
    size_t *y[3];    /* labels */
    size_t *row[3];  /* each row's line in the file (0-based, header not counted) */
} oracle_digits;

/* Loads and splits; on failure returns -1 with a message in error. */
int oracle_digits_load(oracle_digits *d, char *error, size_t error_size);
void oracle_digits_free(oracle_digits *d);
/* Standardizes the three parts in place with the training part's mean and std (lesson 5's
   rule: a constant column is only shifted). mean, std: 64 values each, or NULL. */
void oracle_digits_standardize(oracle_digits *d, double *mean, double *std);

#endif
