/*
 * Lesson 9: optimizer updates. Write each function's body; the comment above it gives the
 * formula. Check your work with `make check lesson9`.
 */
#include "optimizers.h"

#include <math.h>
#include <stdbool.h>

/* Given: the ranges every step checks first (a NaN fails each of them). */
static inline bool valid_lr(double lr) { return lr >= 0.0; }
static inline bool valid_decay(double beta) { return beta >= 0.0 && beta < 1.0; }
static inline bool valid_eps(double eps) { return eps > 0.0; }

static inline bool valid_adam(const adam_params *p, const size_t *t)
{
    return t != NULL && valid_lr(p->lr) && valid_decay(p->beta1) && valid_decay(p->beta2) &&
           valid_eps(p->eps) && p->weight_decay >= 0.0;
}

/* w <- w - lr * g.  First: -1, changing nothing, unless valid_lr(lr); then 0. */
int sgd_step(double *w, const double *g, size_t n, double lr)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* b <- mu * b + g;  w <- w - lr * b.  -1 unless valid_lr(lr) and valid_decay(mu). */
int momentum_step(double *w, const double *g, double *b, size_t n, double lr, double mu)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* b <- mu * b + g;  w <- w - lr * (g + mu * b).  -1 unless valid_lr(lr), valid_decay(mu). */
int nesterov_step(double *w, const double *g, double *b, size_t n, double lr, double mu)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* h <- h + g^2;  w <- w - lr * g / (sqrt(h) + eps).  -1 unless valid_lr(lr), valid_eps(eps). */
int adagrad_step(double *w, const double *g, double *h, size_t n, double lr, double eps)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* s <- rho * s + (1 - rho) * g^2;  w <- w - lr * g / (sqrt(s) + eps).
   -1 unless valid_lr(lr), valid_decay(rho) and valid_eps(eps). */
int rmsprop_step(double *w, const double *g, double *s, size_t n, double lr, double rho,
                 double eps)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* t <- t + 1;  d = g + weight_decay * w;
   m <- beta1 m + (1 - beta1) d;  v <- beta2 v + (1 - beta2) d^2;
   w <- w - lr * m_hat / (sqrt(v_hat) + eps),  m_hat = m / (1 - beta1^t),  v_hat = v / (1 - beta2^t)
   -1, changing nothing (not even *t), unless valid_adam(p, t). */
int adam_step(double *w, const double *g, double *m, double *v, size_t n, size_t *t,
              const adam_params *p)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* w <- w - lr * weight_decay * w, then the Adam step without weight decay.
   -1, changing nothing, unless valid_adam(p, t). */
int adamw_step(double *w, const double *g, double *m, double *v, size_t n, size_t *t,
               const adam_params *p)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0;
}

/* lr0 * gamma^floor(epoch / step_size);  NAN when step_size = 0 */
double lr_step_decay(double lr0, size_t epoch, size_t step_size, double gamma)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* lr0 * gamma^epoch */
double lr_exponential(double lr0, size_t epoch, double gamma)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* lr_min + (lr0 - lr_min) (1 + cos(pi t / t_max)) / 2 for t <= t_max, then lr_min;
   NAN when t_max = 0 */
double lr_cosine(double lr0, double lr_min, size_t t, size_t t_max)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* 1 - mu(e) = (1 - mu_start) ((1 - mu_end) / (1 - mu_start))^(e / ramp), then mu_end */
double momentum_schedule(double mu_start, double mu_end, size_t epoch, size_t ramp_epochs)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}
