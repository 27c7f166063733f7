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
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < m; i++) {
        double *y = Y + i * n_out;
        for (size_t j = 0; j < n_out; j++)
            y[j] = b[j];
        for (size_t k = 0; k < n_in; k++) {
            double x = X[i * n_in + k];
            const double *w = W + k * n_out;
            for (size_t j = 0; j < n_out; j++)
                y[j] += x * w[j];
        }
    }
    /* SOLUTION END */
}

/* dX = dY W^T,  dW = X^T dY,  db[j] = sum_i dY[i][j] */
void dense_backward(const double *dY, const double *X, const double *W, size_t m, size_t n_in,
                    size_t n_out, double *dX, double *dW, double *db)
{
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < m; i++)
        for (size_t k = 0; k < n_in; k++) {
            double s = 0.0;
            for (size_t j = 0; j < n_out; j++)
                s += dY[i * n_out + j] * W[k * n_out + j];
            dX[i * n_in + k] = s;
        }
    for (size_t k = 0; k < n_in * n_out; k++)
        dW[k] = 0.0;
    for (size_t j = 0; j < n_out; j++)
        db[j] = 0.0;
    for (size_t i = 0; i < m; i++) {
        const double *dy = dY + i * n_out;
        for (size_t k = 0; k < n_in; k++) {
            double x = X[i * n_in + k];
            for (size_t j = 0; j < n_out; j++)
                dW[k * n_out + j] += x * dy[j];
        }
        for (size_t j = 0; j < n_out; j++)
            db[j] += dy[j];
    }
    /* SOLUTION END */
}

/* standardize_fit on the first n_train rows; standardize_apply on all of them. */
int mlp_standardize(double *X, size_t n_train, size_t n_val, size_t n_test, size_t cols,
                    double *mean, double *std)
{
    /* SOLUTION BEGIN */
    if (n_train == 0)
        return -1;
    standardize_fit(X, n_train, cols, mean, std);
    standardize_apply(X, n_train + n_val + n_test, cols, mean, std, X);
    return 0;
    /* SOLUTION END return -1; */
}

/* W1 He normal, W2 Xavier normal (in that order, from rng); b1, b2, beta 0; gamma 1;
   running_mean 0, running_var 1. */
void mlp_init(const mlp_config *cfg, double *theta, double *running, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    size_t H = cfg->hidden;
    init_he_normal(theta + MLP_W1(cfg), cfg->n_in, H, rng);
    init_xavier_normal(theta + MLP_W2(cfg), H, cfg->n_out, rng);
    init_zeros(theta + MLP_B1(cfg), H);
    init_zeros(theta + MLP_BETA(cfg), H);
    init_zeros(theta + MLP_B2(cfg), cfg->n_out);
    for (size_t j = 0; j < H; j++) {
        theta[MLP_GAMMA(cfg) + j] = 1.0;
        running[j] = 0.0;
        running[H + j] = 1.0;
    }
    /* SOLUTION END */
}

/* Z1 = X W1 + b1; U = BN(Z1) or Z1; A = dropout(relu(U)); Z2 = A W2 + b2;
   L = (1/m) sum_i softmax_cross_entropy(Z2_i, y_i), whose gradient rows go to D. */
double mlp_forward(const mlp_config *cfg, const double *theta, const double *running,
                   const double *X, const size_t *y, size_t m, bool train, gsl_rng *rng,
                   double *cache)
{
    /* SOLUTION BEGIN */
    if (m == 0)
        return NAN;
    size_t H = cfg->hidden, K = cfg->n_out;
    double *Z1 = cache + MLP_Z1(cfg, m), *U = cache + MLP_U(cfg, m), *A = cache + MLP_A(cfg, m);
    double *mask = cache + MLP_MASK(cfg, m), *mean = cache + MLP_MEAN(cfg, m);
    double *var = cache + MLP_VAR(cfg, m), *Z2 = cache + MLP_Z2(cfg, m), *D = cache + MLP_D(cfg, m);
    const double *gamma = theta + MLP_GAMMA(cfg), *beta = theta + MLP_BETA(cfg);

    dense_forward(X, theta + MLP_W1(cfg), theta + MLP_B1(cfg), m, cfg->n_in, H, Z1);
    if (cfg->batchnorm && train)
        batchnorm_forward(Z1, m, H, gamma, beta, BATCHNORM_EPS, U, mean, var);
    else if (cfg->batchnorm)
        batchnorm_inference(Z1, m, H, gamma, beta, BATCHNORM_EPS, running, running + H, U);
    else
        memcpy(U, Z1, m * H * sizeof *U);
    for (size_t k = 0; k < m * H; k++)
        A[k] = relu(U[k]);
    if (train && cfg->p_drop > 0)
        dropout_forward(A, A, mask, m * H, cfg->p_drop, true, rng);
    else
        for (size_t k = 0; k < m * H; k++)
            mask[k] = 1.0;
    dense_forward(A, theta + MLP_W2(cfg), theta + MLP_B2(cfg), m, H, K, Z2);
    double loss = 0.0;
    for (size_t i = 0; i < m; i++)
        loss += softmax_cross_entropy(Z2 + i * K, K, y[i], D + i * K);
    return loss / (double)m;
    /* SOLUTION END return 0.0; */
}

/* dZ2 = D/m; back through dense 2, dropout, ReLU (mask of U), batch norm, dense 1. */
void mlp_backward(const mlp_config *cfg, const double *theta, const double *X, size_t m,
                  const double *cache, double *scratch, double *grad)
{
    /* SOLUTION BEGIN */
    size_t H = cfg->hidden, K = cfg->n_out;
    const double *Z1 = cache + MLP_Z1(cfg, m), *U = cache + MLP_U(cfg, m);
    const double *A = cache + MLP_A(cfg, m), *mask = cache + MLP_MASK(cfg, m);
    const double *D = cache + MLP_D(cfg, m);
    double *dZ2 = scratch, *dA = scratch + m * K, *dU = dA + m * H, *dX = dU + m * H;
    for (size_t k = 0; k < m * K; k++)
        dZ2[k] = D[k] / (double)m;
    dense_backward(dZ2, A, theta + MLP_W2(cfg), m, H, K, dA, grad + MLP_W2(cfg), grad + MLP_B2(cfg));
    if (cfg->p_drop > 0)
        dropout_backward(dA, mask, dU, m * H, cfg->p_drop);
    else
        memcpy(dU, dA, m * H * sizeof *dU);
    for (size_t k = 0; k < m * H; k++)
        dU[k] *= relu_grad(U[k]);
    if (cfg->batchnorm) {
        batchnorm_backward(dU, Z1, m, H, theta + MLP_GAMMA(cfg), cache + MLP_MEAN(cfg, m),
                           cache + MLP_VAR(cfg, m), BATCHNORM_EPS, dA, grad + MLP_GAMMA(cfg),
                           grad + MLP_BETA(cfg));
    } else {
        memcpy(dA, dU, m * H * sizeof *dA);
        init_zeros(grad + MLP_GAMMA(cfg), H);
        init_zeros(grad + MLP_BETA(cfg), H);
    }
    dense_backward(dA, X, theta + MLP_W1(cfg), m, cfg->n_in, H, dX, grad + MLP_W1(cfg),
                   grad + MLP_B1(cfg));
    /* SOLUTION END */
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
    /* SOLUTION BEGIN */
    if (cfg->p_drop != 0)
        return NAN;
    mlp_forward(cfg, theta, running, X, y, m, true, NULL, cache);
    mlp_backward(cfg, theta, X, m, cache, scratch, grad);
    loss_at params = {cfg, running, X, y, m, cache};
    gradient_central(loss_of_theta, &params, theta, MLP_PARAMS(cfg), h, numeric);
    return gradcheck_rel_error(grad, numeric, MLP_PARAMS(cfg));
    /* SOLUTION END return 0.0; */
}

/* Evaluation mode: the mean loss; pred[i] = argmax_j Z2[i][j] (the first on a tie);
   accuracy[0] = (1/m) #{i : pred[i] = y[i]}. */
double mlp_evaluate(const mlp_config *cfg, const double *theta, const double *running,
                    const double *X, const size_t *y, size_t m, double *cache, size_t *pred,
                    double *accuracy)
{
    /* SOLUTION BEGIN */
    double loss = mlp_forward(cfg, theta, running, X, y, m, false, NULL, cache);
    const double *Z2 = cache + MLP_Z2(cfg, m);
    size_t K = cfg->n_out, right = 0;
    for (size_t i = 0; i < m; i++) {
        size_t best = 0;
        for (size_t j = 1; j < K; j++)
            if (Z2[i * K + j] > Z2[i * K + best])
                best = j;
        pred[i] = best;
        right += best == y[i];
    }
    accuracy[0] = m ? (double)right / (double)m : NAN;
    return loss;
    /* SOLUTION END return 0.0; */
}

/* Mini-batches reshuffled every epoch, one optimizer step per batch, the running statistics,
   an evaluation per epoch, early stopping on the validation loss (see mlp.h). */
int mlp_train(const mlp_config *cfg, const mlp_options *opt, double *theta, double *running,
              const double *X, const size_t *y, size_t m, const double *X_val,
              const size_t *y_val, size_t m_val, double *work, size_t *order, double *history,
              double *step_loss, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    if (m == 0 || m_val == 0 || opt->epochs == 0 || opt->batch_size == 0 ||
        opt->batch_size > m || !(opt->lr > 0) || cfg->p_drop < 0 || cfg->p_drop >= 1)
        return -1;
    size_t P = MLP_PARAMS(cfg), H = cfg->hidden, n_in = cfg->n_in, B = opt->batch_size;
    double *Xb = work, *cache = Xb + B * n_in, *scratch = cache + MLP_CACHE(cfg, B);
    double *grad = scratch + MLP_SCRATCH(cfg, B), *s1 = grad + P, *s2 = s1 + P;
    double *best = s2 + P, *best_running = best + P, *eval = best_running + 2 * H;
    size_t *yb = order + m, t = 0, step = 0;
    adam_params adam = ADAM_PAPER_DEFAULTS;
    adam.lr = opt->lr;
    init_zeros(s1, P);
    init_zeros(s2, P);
    for (size_t i = 0; i < m; i++)
        order[i] = i;
    double best_loss = INFINITY;
    size_t best_epoch = 0, e = 0;
    memcpy(best, theta, P * sizeof *best);
    memcpy(best_running, running, 2 * H * sizeof *best_running);
    while (e < opt->epochs) {
        gsl_ran_shuffle(rng, order, m, sizeof(size_t));
        for (size_t b = 0; b < m; b += B) {
            size_t mb = m - b < B ? m - b : B;
            for (size_t i = 0; i < mb; i++) {
                memcpy(Xb + i * n_in, X + order[b + i] * n_in, n_in * sizeof *Xb);
                yb[i] = y[order[b + i]];
            }
            double loss = mlp_forward(cfg, theta, running, Xb, yb, mb, true, rng, cache);
            if (step < opt->record_steps)
                step_loss[step] = loss;
            step++;
            mlp_backward(cfg, theta, Xb, mb, cache, scratch, grad);
            if (opt->optimizer == MLP_ADAM)
                adam_step(theta, grad, s1, s2, P, &t, &adam);
            else
                momentum_step(theta, grad, s1, P, opt->lr, opt->momentum);
            if (cfg->batchnorm && mb >= 2)
                batchnorm_running_update(running, running + H, cache + MLP_MEAN(cfg, mb),
                                         cache + MLP_VAR(cfg, mb), mb, H, BATCHNORM_MOMENTUM);
        }
        double *h = history + 4 * e;
        h[0] = mlp_evaluate(cfg, theta, running, X, y, m, eval, order + m, &h[1]);
        h[2] = mlp_evaluate(cfg, theta, running, X_val, y_val, m_val, eval, order + m, &h[3]);
        e++;
        if (h[2] < best_loss) {
            best_loss = h[2];
            best_epoch = e;
            memcpy(best, theta, P * sizeof *best);
            memcpy(best_running, running, 2 * H * sizeof *best_running);
        } else if (opt->patience > 0 && e - best_epoch >= opt->patience) {
            break;
        }
    }
    memcpy(theta, best, P * sizeof *best);
    memcpy(running, best_running, 2 * H * sizeof *best_running);
    return (int)e;
    /* SOLUTION END return -1; */
}
