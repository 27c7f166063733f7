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
    /* SOLUTION BEGIN */
    for (size_t i = 0; i < m; i++) {
        double z = linear_score(X + i * d, w, d);
        p[i] = z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
    }
    /* SOLUTION END */
}

/* L = (1/m) sum_i [max(z_i, 0) + log1p(exp(-|z_i|)) - y_i z_i];
   grad = (1/m) sum_i (p_i - y_i) (x_i, 1).  m = 0: NAN, nothing written. */
double logistic_loss_grad(const double *X, const double *y, const double *w, size_t m, size_t d,
                          double *grad)
{
    /* SOLUTION BEGIN */
    if (m == 0)
        return NAN;
    for (size_t j = 0; j <= d; j++)
        grad[j] = 0.0;
    double loss = 0.0;
    for (size_t i = 0; i < m; i++) {
        const double *x = X + i * d;
        double z = linear_score(x, w, d);
        double p = z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
        loss += fmax(z, 0.0) + log1p(exp(-fabs(z))) - y[i] * z;
        for (size_t j = 0; j < d; j++)
            grad[j] += (p - y[i]) * x[j];
        grad[d] += p - y[i];
    }
    for (size_t j = 0; j <= d; j++)
        grad[j] /= (double)m;
    return loss / (double)m;
    /* SOLUTION END return 0.0; */
}

/* L = (1/m) sum_i r_i^2, r_i = z_i - y_i;  grad = (2/m) sum_i r_i (x_i, 1).  m = 0: NAN. */
double linear_mse_grad(const double *X, const double *y, const double *w, size_t m, size_t d,
                       double *grad)
{
    /* SOLUTION BEGIN */
    if (m == 0)
        return NAN;
    for (size_t j = 0; j <= d; j++)
        grad[j] = 0.0;
    double loss = 0.0;
    for (size_t i = 0; i < m; i++) {
        const double *x = X + i * d;
        double r = linear_score(x, w, d) - y[i];
        loss += r * r;
        for (size_t j = 0; j < d; j++)
            grad[j] += 2.0 * r * x[j];
        grad[d] += 2.0 * r;
    }
    for (size_t j = 0; j <= d; j++)
        grad[j] /= (double)m;
    return loss / (double)m;
    /* SOLUTION END return 0.0; */
}

/* mean, std (divisor n) of the first n = train_rows rows, std = 0 where the variance is within
   rounding (var <= n eps var + (n eps mean)^2, eps = DBL_EPSILON); every row: (x - mean) / std
   (std 0: divide by 1).  -1 unless 1 <= train_rows <= rows. */
int standardize_split(double *X, size_t rows, size_t train_rows, size_t cols, double *mean,
                      double *std)
{
    /* SOLUTION BEGIN */
    if (train_rows == 0 || train_rows > rows)
        return -1;
    for (size_t j = 0; j < cols; j++) {
        double s = 0.0, ss = 0.0;
        for (size_t i = 0; i < train_rows; i++)
            s += X[i * cols + j];
        mean[j] = s / (double)train_rows;
        for (size_t i = 0; i < train_rows; i++) {
            double dev = X[i * cols + j] - mean[j];
            ss += dev * dev;
        }
        double n = (double)train_rows, var = ss / n, noise = n * DBL_EPSILON * mean[j];
        /* a constant column's variance is only the rounding of its mean: call it 0 (lesson 5) */
        std[j] = var <= n * DBL_EPSILON * var + noise * noise ? 0.0 : sqrt(var);
        double scale = std[j] > 0.0 ? std[j] : 1.0;
        for (size_t i = 0; i < rows; i++)
            X[i * cols + j] = (X[i * cols + j] - mean[j]) / scale;
    }
    return 0;
    /* SOLUTION END return 0; */
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
    /* SOLUTION BEGIN */
    if (!X || !y || !X_val || !y_val || !w || !opt || !work || !work->order || !work->grad ||
        !work->best_w || !train_loss || !val_loss || !rng || !valid_training(m, m_val, d, opt))
        return -1;
    size_t *order = work->order;
    double *g = work->grad, best = INFINITY;
    size_t best_epoch = 0, e = 0;
    for (size_t i = 0; i < m; i++)
        order[i] = i;
    while (e < opt->epochs) {
        gsl_ran_shuffle(rng, order, m, sizeof(size_t));
        for (size_t b = 0; b < m; b += opt->batch_size) {
            size_t n = opt->batch_size < m - b ? opt->batch_size : m - b;
            for (size_t j = 0; j <= d; j++)
                g[j] = 0.0;
            for (size_t k = b; k < b + n; k++) {
                const double *x = X + order[k] * d;
                double z = linear_score(x, w, d);
                double p = z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
                for (size_t j = 0; j < d; j++)
                    g[j] += (p - y[order[k]]) * x[j];
                g[d] += p - y[order[k]];
            }
            for (size_t j = 0; j <= d; j++)
                w[j] -= opt->lr * (g[j] / (double)n + opt->weight_decay * w[j]);
        }
        train_loss[e] = logistic_loss_grad(X, y, w, m, d, g);
        val_loss[e] = logistic_loss_grad(X_val, y_val, w, m_val, d, g);
        e++;
        if (val_loss[e - 1] < best) {
            best = val_loss[e - 1];
            best_epoch = e - 1;
            memcpy(work->best_w, w, (d + 1) * sizeof *w);
        } else if (opt->patience > 0 && e - 1 - best_epoch >= opt->patience) {
            break;
        }
    }
    memcpy(w, work->best_w, (d + 1) * sizeof *w);
    return (int)e;
    /* SOLUTION END return 0; */
}

/* log(p / (1 - p)) = log p - log1p(-p) */
double log_odds(double p)
{
    /* SOLUTION BEGIN */
    return log(p) - log1p(-p);
    /* SOLUTION END return 0.0; */
}

/* log(1 - sigma(z)) = -log(1 + e^z) = -(max(z, 0) + log1p(e^-|z|)) */
double log_one_minus_sigmoid(double z)
{
    /* SOLUTION BEGIN */
    return -(fmax(z, 0.0) + log1p(exp(-fabs(z))));
    /* SOLUTION END return 0.0; */
}

/* l(z) = log(1 + e^z) - y z */
double nll_of_logit(double z, double y)
{
    /* SOLUTION BEGIN */
    return fmax(z, 0.0) + log1p(exp(-fabs(z))) - y * z;
    /* SOLUTION END return 0.0; */
}

/* dl/dz = e^z / (1 + e^z) - y = sigma(z) - y */
double nll_of_logit_grad(double z, double y)
{
    /* SOLUTION BEGIN */
    double p = z >= 0.0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
    return p - y;
    /* SOLUTION END return 0.0; */
}

/* -log L = m log(sqrt(2 pi) sigma) + sum_i (y_i - z_i)^2 / (2 sigma^2) */
double gaussian_nll(const double *X, const double *y, const double *w, size_t m, size_t d,
                    double sigma)
{
    /* SOLUTION BEGIN */
    double squares = 0.0;
    for (size_t i = 0; i < m; i++) {
        double z = w[d];
        for (size_t j = 0; j < d; j++)
            z += w[j] * X[i * d + j];
        squares += (y[i] - z) * (y[i] - z);
    }
    return (double)m * log(sqrt(2.0 * M_PI) * sigma) + squares / (2.0 * sigma * sigma);
    /* SOLUTION END return 0.0; */
}

/* (A'A) w = A'y with A = [X 1], by Cholesky A'A = L L' */
int linear_least_squares(const double *X, const double *y, size_t m, size_t d, double *w,
                         double *work)
{
    /* SOLUTION BEGIN */
    size_t k = d + 1;
    double *G = work, *b = work + k * k;
    /* G = A'A and b = A'y, where column d of A is all ones */
    for (size_t r = 0; r < k; r++) {
        for (size_t c = 0; c < k; c++) {
            double sum = 0.0;
            for (size_t i = 0; i < m; i++)
                sum += (r < d ? X[i * d + r] : 1.0) * (c < d ? X[i * d + c] : 1.0);
            G[r * k + c] = sum;
        }
        double sum = 0.0;
        for (size_t i = 0; i < m; i++)
            sum += (r < d ? X[i * d + r] : 1.0) * y[i];
        b[r] = sum;
    }
    /* G = L L' in place (lower triangle): L_jj = sqrt(G_jj - sum_k L_jk^2),
       L_ij = (G_ij - sum_k L_ik L_jk) / L_jj */
    for (size_t j = 0; j < k; j++) {
        double diag = G[j * k + j];
        for (size_t q = 0; q < j; q++)
            diag -= G[j * k + q] * G[j * k + q];
        if (!(diag > 0.0))
            return -1;
        G[j * k + j] = sqrt(diag);
        for (size_t i = j + 1; i < k; i++) {
            double v = G[i * k + j];
            for (size_t q = 0; q < j; q++)
                v -= G[i * k + q] * G[j * k + q];
            G[i * k + j] = v / G[j * k + j];
        }
    }
    /* forward: L t = b (t overwrites b); backward: L' w = t */
    for (size_t i = 0; i < k; i++) {
        for (size_t q = 0; q < i; q++)
            b[i] -= G[i * k + q] * b[q];
        b[i] /= G[i * k + i];
    }
    for (size_t i = k; i-- > 0;) {
        double v = b[i];
        for (size_t q = i + 1; q < k; q++)
            v -= G[q * k + i] * w[q];
        w[i] = v / G[i * k + i];
    }
    return 0;
    /* SOLUTION END return -1; */
}

/* L = (1/m) sum_i [log sum_c e^{z_ic} - z_{i,y_i}],  grad_c = (1/m) sum_i (q_ic - [y_i = c]) (x_i, 1) */
double softmax_regression_loss_grad(const double *X, const double *y, const double *W, size_t m,
                                    size_t d, size_t k, double *grad, double *probs)
{
    /* SOLUTION BEGIN */
    if (m == 0 || k == 0)
        return NAN;
    size_t row = d + 1;
    for (size_t q = 0; q < k * row; q++)
        grad[q] = 0.0;
    double loss = 0.0;
    for (size_t i = 0; i < m; i++) {
        const double *x = X + i * d;
        size_t label = (size_t)y[i];
        /* logits into probs, then softmax in place (shifted by the row's max) */
        double zmax = -INFINITY;
        for (size_t c = 0; c < k; c++) {
            double z = W[c * row + d];
            for (size_t j = 0; j < d; j++)
                z += W[c * row + j] * x[j];
            probs[c] = z;
            zmax = fmax(zmax, z);
        }
        double sum = 0.0, z_label = probs[label];
        for (size_t c = 0; c < k; c++) {
            probs[c] = exp(probs[c] - zmax);
            sum += probs[c];
        }
        loss += zmax + log(sum) - z_label;
        for (size_t c = 0; c < k; c++) {
            double delta = probs[c] / sum - (c == label ? 1.0 : 0.0);
            for (size_t j = 0; j < d; j++)
                grad[c * row + j] += delta * x[j];
            grad[c * row + d] += delta;
        }
    }
    for (size_t q = 0; q < k * row; q++)
        grad[q] /= (double)m;
    return loss / (double)m;
    /* SOLUTION END return 0.0; */
}

/* epochs times: W <- W - lr * grad L(W); then L at the final W */
double train_softmax_regression(const double *X, const double *y, size_t m, size_t d, size_t k,
                                double *W, double lr, size_t epochs, double *grad, double *probs)
{
    /* SOLUTION BEGIN */
    for (size_t e = 0; e < epochs; e++) {
        softmax_regression_loss_grad(X, y, W, m, d, k, grad, probs);
        for (size_t q = 0; q < k * (d + 1); q++)
            W[q] -= lr * grad[q];
    }
    return softmax_regression_loss_grad(X, y, W, m, d, k, grad, probs);
    /* SOLUTION END return 0.0; */
}
