/*
 * Lesson 13: a multilayer perceptron (다층 퍼셉트론) on the 8x8 handwritten digits, trained by
 * your own functions.
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in mlp.c.
 *
 * What is new here is the dense layer, the network's forward and backward passes, a gradient
 * check of the whole network and the training loop. Everything else comes from YOUR files of
 * the earlier lessons: the includes below are the lessons this one uses, and their files
 * (lessons/lessonNN/FILE.c) are linked into this lesson's checks. A function of theirs that is
 * still a stub is named by the checker: finish it first.
 *
 * The network, for a mini-batch of m rows X (m x n_in, row-major):
 *   Z1 = X W1 + b1                     dense, W1 is n_in x n_out = n_in x H (row-major)
 *   U  = BN(Z1)  or  U = Z1            batch normalization (lesson 8) when cfg->batchnorm
 *   A  = dropout(relu(U))              ReLU (lesson 4), inverted dropout (lesson 7)
 *   Z2 = A W2 + b2                     dense, W2 is H x n_out
 *   L  = (1/m) sum_i CE(Z2_i, y_i)     softmax cross-entropy (lesson 3), the mean over the batch
 * Labels y_i are class numbers 0 .. n_out - 1 (size_t).
 *
 * The parameters are one flat vector theta of MLP_PARAMS(cfg) values, in this order:
 *   W1 [n_in * H], b1 [H], gamma [H], beta [H], W2 [H * n_out], b2 [n_out]
 * (gamma and beta are there, and trained, only with batch normalization; without it their
 * gradient is 0). One vector makes the optimizer one call and the gradient check one loop.
 * Batch normalization's running statistics are not parameters (no gradient): they live in
 * running[0 .. 2H - 1] = running_mean [H], running_var [H].
 */
#ifndef LESSON13_MLP_H
#define LESSON13_MLP_H

#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stddef.h>

#include "workbook.h"

/* The lessons this one uses: their files are linked in with yours. */
#include "lesson01/derivatives.h"
#include "lesson03/losses.h"
#include "lesson04/activations.h"
#include "lesson05/preprocessing.h"
#include "lesson06/initialization.h"
#include "lesson07/dropout.h"
#include "lesson08/batchnorm.h"
#include "lesson09/optimizers.h"

/* The shape of the network. */
typedef struct {
    size_t n_in;    /* inputs per row (64 for the digits) */
    size_t hidden;  /* H, the hidden units */
    size_t n_out;   /* classes (10) */
    bool batchnorm; /* batch normalization between the first dense layer and the ReLU */
    double p_drop;  /* dropout after the ReLU: the probability of dropping a unit, 0 <= p < 1 */
} mlp_config;

/* The number of parameters, the length of theta and of every gradient. */
#define MLP_PARAMS(c) ((c)->n_in * (c)->hidden + 3 * (c)->hidden + (c)->hidden * (c)->n_out + (c)->n_out)

/* Where each part of theta starts. */
#define MLP_W1(c) ((size_t)0)
#define MLP_B1(c) ((c)->n_in * (c)->hidden)
#define MLP_GAMMA(c) (MLP_B1(c) + (c)->hidden)
#define MLP_BETA(c) (MLP_GAMMA(c) + (c)->hidden)
#define MLP_W2(c) (MLP_BETA(c) + (c)->hidden)
#define MLP_B2(c) (MLP_W2(c) + (c)->hidden * (c)->n_out)

/*
 * The forward pass's cache for m rows, MLP_CACHE(c, m) doubles, in this order:
 *   Z1 [m * H], U [m * H], A [m * H], mask [m * H], mean [H], var [H], Z2 [m * n_out],
 *   D [m * n_out]
 * (mask: the dropout mask, 1 kept and 0 dropped, all 1 without dropout or in evaluation;
 * mean, var: the batch statistics in training mode; D: the softmax cross-entropy gradient of
 * each row, softmax(Z2_i) - onehot(y_i), not yet divided by m).
 */
#define MLP_CACHE(c, m) (4 * (m) * (c)->hidden + 2 * (c)->hidden + 2 * (m) * (c)->n_out)
#define MLP_Z1(c, m) ((size_t)0)
#define MLP_U(c, m) ((m) * (c)->hidden)
#define MLP_A(c, m) (2 * (m) * (c)->hidden)
#define MLP_MASK(c, m) (3 * (m) * (c)->hidden)
#define MLP_MEAN(c, m) (4 * (m) * (c)->hidden)
#define MLP_VAR(c, m) (MLP_MEAN(c, m) + (c)->hidden)
#define MLP_Z2(c, m) (MLP_VAR(c, m) + (c)->hidden)
#define MLP_D(c, m) (MLP_Z2(c, m) + (m) * (c)->n_out)

/* The backward pass's scratch space for m rows: dZ2 [m * n_out], dA [m * H], dU [m * H],
   dX [m * n_in]. */
#define MLP_SCRATCH(c, m) ((m) * ((c)->n_out + 2 * (c)->hidden + (c)->n_in))

/*
 * A dense (fully connected) layer over a mini-batch, as torch.nn.Linear but with W stored
 * n_in x n_out (so that the formula reads X W):
 *   Y[i][j] = b[j] + sum_k X[i][k] W[k][j]      X is m x n_in, W is n_in x n_out, Y is m x n_out
 */
void dense_forward(const double *X /* [m * n_in] */, const double *W /* [n_in * n_out] */, const double *b /* [n_out] */,
                   size_t m, size_t n_in, size_t n_out, double *Y /* [m * n_out] */);

/*
 * Its backward pass: given dY = dL/dY (m x n_out) and the forward pass's X and W,
 *   dX = dY W^T        dX[i][k] = sum_j dY[i][j] W[k][j]        (m x n_in)
 *   dW = X^T dY        dW[k][j] = sum_i X[i][k] dY[i][j]        (n_in x n_out)
 *   db = the column sums of dY:  db[j] = sum_i dY[i][j]        (n_out)
 * No 1/m here: the mean over the batch is already in dY (the loss is a mean).
 */
void dense_backward(const double *dY /* [m * n_out] */, const double *X /* [m * n_in] */, const double *W /* [n_in * n_out] */,
                    size_t m, size_t n_in, size_t n_out, double *dX /* [m * n_in] */, double *dW /* [n_in * n_out] */,
                    double *db /* [n_out] */);

/*
 * Fits the scaler on the TRAINING rows only and applies it to every row. X holds
 * n_train + n_val + n_test rows of cols values, in that order (training rows first):
 *   standardize_fit (lesson 5) on the first n_train rows -> mean, std
 *   standardize_apply (lesson 5) on all the rows, in place
 * Returns 0, or -1 (nothing written) when n_train is 0.
 */
int mlp_standardize(double *X /* [(n_train + n_val + n_test) * cols] */, size_t n_train, size_t n_val, size_t n_test,
                    size_t cols, double *mean /* [cols] */, double *std /* [cols] */);

/*
 * The starting point, drawn from rng in this order:
 *   W1: init_he_normal(W1, n_in, H, rng)        (lesson 6: ReLU follows this layer)
 *   W2: init_xavier_normal(W2, H, n_out, rng)   (lesson 6: softmax follows, no ReLU)
 *   b1, b2, beta: 0 (init_zeros);  gamma: 1
 *   running_mean: 0, running_var: 1             (as torch.nn.BatchNorm1d starts)
 */
void mlp_init(const mlp_config *cfg, double *theta /* [MLP_PARAMS(cfg)] */, double *running /* [2 * cfg->hidden] */,
              gsl_rng *rng);

/*
 * The forward pass over m rows (the network above); returns the mean loss L and fills the cache.
 * train = true (training mode): batch normalization with the batch's own statistics
 *   (batchnorm_forward with eps = BATCHNORM_EPS; mean and var go to the cache), and
 *   dropout_forward(.., train = true, rng) over all m * H units of the ReLU's output at once,
 *   called only when p_drop > 0 (with p_drop = 0 no random number is drawn: the mask is all 1).
 * train = false (evaluation mode, 추론): batchnorm_inference with running (eps = BATCHNORM_EPS),
 *   and no dropout (mask all 1); rng is not used and may be NULL.
 * m = 0: returns NAN.
 */
double mlp_forward(const mlp_config *cfg, const double *theta /* [MLP_PARAMS(cfg)] */, const double *running /* [2 * cfg->hidden] */,
                   const double *X /* [m * cfg->n_in] */, const size_t *y /* [m] */, size_t m, bool train, gsl_rng *rng,
                   double *cache /* [MLP_CACHE(cfg, m)] */);

/*
 * The backward pass (역전파) of the last training-mode mlp_forward over the same rows, from its
 * cache; writes dL/dtheta into grad (MLP_PARAMS(cfg) values, in theta's order):
 *   dZ2 = D / m                                              (softmax CE, the mean over the batch)
 *   dA, dW2, db2 = dense_backward(dZ2, A, W2)
 *   dR = dropout_backward(dA, mask)   (or dR = dA when p_drop = 0)
 *   dU = dR * relu_grad(U)            (the mask of the ReLU's INPUT U)
 *   dZ1, dgamma, dbeta = batchnorm_backward(dU, Z1, ...)   (or dZ1 = dU, dgamma = dbeta = 0)
 *   dX, dW1, db1 = dense_backward(dZ1, X, W1)
 */
void mlp_backward(const mlp_config *cfg, const double *theta /* [MLP_PARAMS(cfg)] */, const double *X /* [m * cfg->n_in] */,
                  size_t m, const double *cache /* [MLP_CACHE(cfg, m)] */, double *scratch /* [MLP_SCRATCH(cfg, m)] */,
                  double *grad /* [MLP_PARAMS(cfg)] */);

/*
 * The gradient check of the whole network: grad from mlp_forward (training mode) and
 * mlp_backward, numeric by central differences of the loss with step h over every parameter
 * (gradient_central, lesson 1); returns gradcheck_rel_error(grad, numeric) (lesson 1).
 * theta is changed during the call and must be exactly as it was when it returns.
 * Dropout makes the loss random, so with p_drop != 0 it returns NAN and writes nothing.
 */
double mlp_gradcheck(const mlp_config *cfg, double *theta /* [MLP_PARAMS(cfg)] */, const double *running /* [2 * cfg->hidden] */,
                     const double *X /* [m * cfg->n_in] */, const size_t *y /* [m] */, size_t m, double h,
                     double *cache /* [MLP_CACHE(cfg, m)] */, double *scratch /* [MLP_SCRATCH(cfg, m)] */,
                     double *grad /* [MLP_PARAMS(cfg)] */, double *numeric /* [MLP_PARAMS(cfg)] */);

/*
 * Evaluation mode over m rows: returns the mean loss, writes the predicted class of each row
 * (the index of its largest logit, the first one on a tie) and the accuracy, the fraction of
 * rows predicted right, into accuracy[0].
 */
double mlp_evaluate(const mlp_config *cfg, const double *theta /* [MLP_PARAMS(cfg)] */, const double *running /* [2 * cfg->hidden] */,
                    const double *X /* [m * cfg->n_in] */, const size_t *y /* [m] */, size_t m,
                    double *cache /* [MLP_CACHE(cfg, m)] */, size_t *pred /* [m] */, double *accuracy /* [1] */);

/* The optimizers mlp_train can use (lesson 9). */
typedef enum { MLP_ADAM, MLP_MOMENTUM } mlp_optimizer;

/* The options of mlp_train. */
typedef struct {
    size_t epochs;           /* the most epochs to run, >= 1 */
    size_t batch_size;       /* rows per mini-batch, 1 .. m */
    size_t patience;         /* stop after this many epochs without a new best validation loss;
                                0: never stop early */
    mlp_optimizer optimizer; /* MLP_ADAM: adam_step with the paper's betas and eps;
                                MLP_MOMENTUM: momentum_step with mu = momentum */
    double lr;               /* the learning rate */
    double momentum;         /* mu, for MLP_MOMENTUM */
    size_t record_steps;     /* the losses of the first record_steps mini-batches go to step_loss */
} mlp_options;

/* mlp_train's work space, in doubles: the batch's rows, cache and scratch, the gradient, the
   optimizer's two state vectors, the best parameters and running statistics so far, and a
   cache for evaluating max(m, m_val) rows. */
#define MLP_MAX(a, b) ((a) > (b) ? (a) : (b))
#define MLP_TRAIN_WORK(c, o, m, m_val)                                                                      \
    ((o)->batch_size * (c)->n_in + MLP_CACHE(c, (o)->batch_size) + MLP_SCRATCH(c, (o)->batch_size) +    \
     4 * MLP_PARAMS(c) + 2 * (c)->hidden + MLP_CACHE(c, MLP_MAX(m, m_val)))

/*
 * Trains theta (the caller's starting point, e.g. from mlp_init) on the m training rows,
 * watching the m_val validation rows:
 *
 *   order[i] = i (once, before the first epoch); the optimizer's state starts at 0 (t = 0)
 *   for each epoch e = 0, 1, ...:
 *     gsl_ran_shuffle(rng, order, m, sizeof(size_t))          (every epoch, before its batches)
 *     for each batch B = order[b .. b + batch_size - 1], b = 0, batch_size, ... (the last one
 *     may be shorter): copy its rows to work and its labels to order[m ...], then
 *       loss = mlp_forward(train = true, rng)          (the rows in B's order)
 *       if the step is one of the first record_steps: step_loss[step] = loss
 *       mlp_backward -> grad; one optimizer step over all of theta
 *       with batch normalization and |B| >= 2: batchnorm_running_update(running, the batch's
 *       mean and var, |B|, H, BATCHNORM_MOMENTUM)
 *     history[4e .. 4e + 3] = mlp_evaluate on the training rows (loss, accuracy), then on the
 *     validation rows (loss, accuracy), its predictions written to order[m ...]
 *     if the validation loss is below the best so far: remember theta and running
 *     else if patience > 0 and the best is patience epochs old: stop
 *
 * At the end theta and running hold those of the epoch with the lowest validation loss (early
 * stopping, lesson 11). Returns the number of epochs run, or -1 (changing nothing) when an
 * option is out of range or m or m_val is 0.
 */
int mlp_train(const mlp_config *cfg, const mlp_options *opt, double *theta /* [MLP_PARAMS(cfg)] */,
              double *running /* [2 * cfg->hidden] */, const double *X /* [m * cfg->n_in] */, const size_t *y /* [m] */,
              size_t m, const double *X_val /* [m_val * cfg->n_in] */, const size_t *y_val /* [m_val] */, size_t m_val,
              double *work /* [MLP_TRAIN_WORK(cfg, opt, m, m_val)] */, size_t *order /* [m + MLP_MAX(m, m_val)] */,
              double *history /* [4 * opt->epochs] */, double *step_loss /* [opt->record_steps] */, gsl_rng *rng);

#endif
