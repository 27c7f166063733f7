/*
 * Lesson 9: optimizer updates (최적화 기법): SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam,
 * AdamW, and learning-rate schedules.
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in optimizers.c.
 *
 * Every step works in place on n parameters w[0..n-1] with the gradient g[0..n-1] taken at the
 * current w, and keeps its memory in state arrays of n doubles that the caller allocates and
 * sets to 0 before the first step (PyTorch keeps the same state per parameter). The formulas
 * are torch.optim's, with eps outside the square root.
 *
 * Every step returns 0, or -1 when a hyper-parameter is out of range; then it changes nothing
 * (neither w nor the state). The ranges: lr >= 0; mu, rho, beta1, beta2 in [0, 1); eps > 0;
 * weight_decay >= 0. A NaN is out of every range. (PyTorch raises ValueError instead, and
 * allows eps = 0: here eps = 0 is refused, because a zero gradient at the first step would
 * then divide 0 by sqrt(0).)
 */
#ifndef LESSON09_OPTIMIZERS_H
#define LESSON09_OPTIMIZERS_H

#include <stddef.h>

#include "workbook.h"

/* Plain gradient descent (확률적 경사하강법 when g comes from a mini-batch):
 *   w <- w - lr * g */
int sgd_step(double *w /* [n] */, const double *g /* [n] */, size_t n, double lr);

/* Momentum (모멘텀), as torch.optim.SGD(momentum=mu) writes it, with velocity b (start: 0):
 *   b <- mu * b + g
 *   w <- w - lr * b
 * (The notes' m = beta*m + eta*g, w <- w - m walks the same w while lr is constant, with
 * m = lr * b; but b here is PyTorch's buffer, without lr, and the checker compares it.) */
int momentum_step(double *w /* [n] */, const double *g /* [n] */, double *b /* [n] */, size_t n, double lr, double mu);

/* Nesterov momentum (네스테로프 가속 경사), as torch.optim.SGD(momentum=mu, nesterov=True):
 *   b <- mu * b + g
 *   w <- w - lr * (g + mu * b)        (with the new b) */
int nesterov_step(double *w /* [n] */, const double *g /* [n] */, double *b /* [n] */, size_t n, double lr, double mu);

/* AdaGrad, as torch.optim.Adagrad, with the running sum of squared gradients h (start: 0):
 *   h <- h + g^2
 *   w <- w - lr * g / (sqrt(h) + eps)              (PyTorch's default eps: 1e-10) */
int adagrad_step(double *w /* [n] */, const double *g /* [n] */, double *h /* [n] */, size_t n, double lr, double eps);

/* RMSProp, as torch.optim.RMSprop(alpha=rho), with the moving average of g^2, s (start: 0):
 *   s <- rho * s + (1 - rho) * g^2
 *   w <- w - lr * g / (sqrt(s) + eps)              (PyTorch's defaults: rho 0.99, eps 1e-8) */
int rmsprop_step(double *w /* [n] */, const double *g /* [n] */, double *s /* [n] */, size_t n, double lr, double rho,
                 double eps);

/* The hyper-parameters of Adam and AdamW. */
typedef struct {
    double lr;           /* the step size (alpha in the paper) */
    double beta1;        /* decay of the first moment m */
    double beta2;        /* decay of the second moment v */
    double eps;          /* added to sqrt(v_hat), outside the square root */
    double weight_decay; /* Adam: an L2 term in the gradient; AdamW: decoupled decay of w */
} adam_params;

/* The paper's defaults (Kingma & Ba 2015, and torch.optim.Adam's): no weight decay. */
#define ADAM_PAPER_DEFAULTS \
    ((adam_params){.lr = 1e-3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8, .weight_decay = 0.0})

/* Adam, as torch.optim.Adam. m and v are the moment estimates (start: 0); *t is the number of
 * steps taken so far (start: 0): the step counts itself first, so the first step uses t = 1.
 *   t <- t + 1
 *   d = g + weight_decay * w                       (L2; d = g when weight_decay is 0)
 *   m <- beta1 * m + (1 - beta1) * d
 *   v <- beta2 * v + (1 - beta2) * d^2
 *   m_hat = m / (1 - beta1^t),   v_hat = v / (1 - beta2^t)
 *   w <- w - lr * m_hat / (sqrt(v_hat) + eps)
 * g itself is not changed. Also returns -1, changing nothing, when t is NULL. */
int adam_step(double *w /* [n] */, const double *g /* [n] */, double *m /* [n] */, double *v /* [n] */, size_t n, size_t *t /* [1] */,
              const adam_params *p);

/* AdamW, as torch.optim.AdamW: the weight decay shrinks w directly, before the Adam step,
 * instead of going through the gradient (and so through m and v):
 *   t <- t + 1
 *   w <- w - lr * weight_decay * w
 *   then m, v, m_hat, v_hat and the update of w as in adam_step, with g as it is. */
int adamw_step(double *w /* [n] */, const double *g /* [n] */, double *m /* [n] */, double *v /* [n] */, size_t n, size_t *t /* [1] */,
               const adam_params *p);

/* Step decay (torch.optim.lr_scheduler.StepLR): lr0 * gamma^floor(epoch / step_size).
 * NAN when step_size is 0. */
double lr_step_decay(double lr0, size_t epoch, size_t step_size, double gamma);

/* Exponential decay (ExponentialLR): lr0 * gamma^epoch. */
double lr_exponential(double lr0, size_t epoch, double gamma);

/* Cosine annealing (CosineAnnealingLR) from lr0 at t = 0 down to lr_min at t = t_max:
 *   lr_min + (lr0 - lr_min) * (1 + cos(pi * t / t_max)) / 2     for t <= t_max,
 *   lr_min for t > t_max (the schedule is over). NAN when t_max is 0. */
double lr_cosine(double lr0, double lr_min, size_t t, size_t t_max);

/* A momentum schedule (the notes' Training Art: "start at 0.5 and raise it epoch by epoch up to
 * 0.99"). The averaging window 1 / (1 - mu) grows geometrically, from 1 / (1 - mu_start) at epoch 0
 * to 1 / (1 - mu_end) at epoch ramp_epochs, and mu stays at mu_end afterwards:
 *   1 - mu(e) = (1 - mu_start) * ((1 - mu_end) / (1 - mu_start))^(e / ramp_epochs)   for e < ramp_epochs,
 *   mu(e) = mu_end                                                                  for e >= ramp_epochs.
 * (0.5 -> 0.99 over 10 epochs: 0.5, 0.6619, 0.7713, ..., 0.9852, 0.99: the window 2 -> 100.)
 * NAN unless 0 <= mu_start <= mu_end < 1. */
double momentum_schedule(double mu_start, double mu_end, size_t epoch, size_t ramp_epochs);

#endif
