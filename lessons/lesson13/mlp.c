/*
 * Lesson 13: a multilayer perceptron on the handwritten digits. Write each function's body;
 * the comment above it gives the formula. Check your work with `make check lesson13`.
 * The functions of the earlier lessons (relu, softmax_cross_entropy, batchnorm_forward,
 * adam_step, ...) are yours, from their lessons' files: call them.
 */
#include "mlp.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

/* Y[i][j] = b[j] + sum_k X[i][k] W[k][j] */
void dense_forward(const double *X, const double *W, const double *b, size_t m, size_t n_in,
                   size_t n_out, double *Y)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* dX = dY W^T,  dW = X^T dY,  db[j] = sum_i dY[i][j] */
void dense_backward(const double *dY, const double *X, const double *W, size_t m, size_t n_in,
                    size_t n_out, double *dX, double *dW, double *db)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* standardize_fit on the first n_train rows; standardize_apply on all of them. */
int mlp_standardize(double *X, size_t n_train, size_t n_val, size_t n_test, size_t cols,
                    double *mean, double *std)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return -1;
}

/* W1 He normal, W2 Xavier normal (in that order, from rng); b1, b2, beta 0; gamma 1;
   running_mean 0, running_var 1. */
void mlp_init(const mlp_config *cfg, double *theta, double *running, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* Z1 = X W1 + b1; U = BN(Z1) or Z1; A = dropout(relu(U)); Z2 = A W2 + b2;
   L = (1/m) sum_i softmax_cross_entropy(Z2_i, y_i), whose gradient rows go to D. */
double mlp_forward(const mlp_config *cfg, const double *theta, const double *running,
                   const double *X, const size_t *y, size_t m, bool train, gsl_rng *rng,
                   double *cache)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* dZ2 = D/m; back through dense 2, dropout, ReLU (mask of U), batch norm, dense 1. */
void mlp_backward(const mlp_config *cfg, const double *theta, const double *X, size_t m,
                  const double *cache, double *scratch, double *grad)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
}

/* Given: what the gradient check's loss needs besides theta. */
typedef struct {
    const mlp_config *cfg;
    const double *running, *X;
    const size_t *y;
    size_t m;
    double *cache;
} loss_at;

/* Given: the training-mode loss at theta, as a wb_vector_fn for gradient_central (no dropout:
   the gradient check refuses it). */
__attribute__((unused)) static double loss_of_theta(const double *theta, size_t n, void *params)
{
    (void)n;
    const loss_at *p = params;
    return mlp_forward(p->cfg, theta, p->running, p->X, p->y, p->m, true, NULL, p->cache);
}

/* grad by mlp_forward + mlp_backward; numeric by gradient_central of the loss with step h;
   returns gradcheck_rel_error(grad, numeric). p_drop != 0: NAN, nothing written. */
double mlp_gradcheck(const mlp_config *cfg, double *theta, const double *running,
                     const double *X, const size_t *y, size_t m, double h, double *cache,
                     double *scratch, double *grad, double *numeric)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* Evaluation mode: the mean loss; pred[i] = argmax_j Z2[i][j] (the first on a tie);
   accuracy[0] = (1/m) #{i : pred[i] = y[i]}. */
double mlp_evaluate(const mlp_config *cfg, const double *theta, const double *running,
                    const double *X, const size_t *y, size_t m, double *cache, size_t *pred,
                    double *accuracy)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* Mini-batches reshuffled every epoch, one optimizer step per batch, the running statistics,
   an evaluation per epoch, early stopping on the validation loss (see mlp.h). */
int mlp_train(const mlp_config *cfg, const mlp_options *opt, double *theta, double *running,
              const double *X, const size_t *y, size_t m, const double *X_val,
              const size_t *y_val, size_t m_val, double *work, size_t *order, double *history,
              double *step_loss, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return -1;
}
