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
    /* SOLUTION BEGIN */
    if (!valid_lr(lr))
        return -1;
    for (size_t i = 0; i < n; i++)
        w[i] -= lr * g[i];
    return 0;
    /* SOLUTION END return 0; */
}

/* b <- mu * b + g;  w <- w - lr * b.  -1 unless valid_lr(lr) and valid_decay(mu). */
int momentum_step(double *w, const double *g, double *b, size_t n, double lr, double mu)
{
    /* SOLUTION BEGIN */
    if (!valid_lr(lr) || !valid_decay(mu))
        return -1;
    for (size_t i = 0; i < n; i++) {
        b[i] = mu * b[i] + g[i];
        w[i] -= lr * b[i];
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* b <- mu * b + g;  w <- w - lr * (g + mu * b).  -1 unless valid_lr(lr), valid_decay(mu). */
int nesterov_step(double *w, const double *g, double *b, size_t n, double lr, double mu)
{
    /* SOLUTION BEGIN */
    if (!valid_lr(lr) || !valid_decay(mu))
        return -1;
    for (size_t i = 0; i < n; i++) {
        b[i] = mu * b[i] + g[i];
        w[i] -= lr * (g[i] + mu * b[i]);
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* h <- h + g^2;  w <- w - lr * g / (sqrt(h) + eps).  -1 unless valid_lr(lr), valid_eps(eps). */
int adagrad_step(double *w, const double *g, double *h, size_t n, double lr, double eps)
{
    /* SOLUTION BEGIN */
    if (!valid_lr(lr) || !valid_eps(eps))
        return -1;
    for (size_t i = 0; i < n; i++) {
        h[i] += g[i] * g[i];
        w[i] -= lr * g[i] / (sqrt(h[i]) + eps);
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* s <- rho * s + (1 - rho) * g^2;  w <- w - lr * g / (sqrt(s) + eps).
   -1 unless valid_lr(lr), valid_decay(rho) and valid_eps(eps). */
int rmsprop_step(double *w, const double *g, double *s, size_t n, double lr, double rho,
                 double eps)
{
    /* SOLUTION BEGIN */
    if (!valid_lr(lr) || !valid_decay(rho) || !valid_eps(eps))
        return -1;
    for (size_t i = 0; i < n; i++) {
        s[i] = rho * s[i] + (1.0 - rho) * g[i] * g[i];
        w[i] -= lr * g[i] / (sqrt(s[i]) + eps);
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* t <- t + 1;  d = g + weight_decay * w;
   m <- beta1 m + (1 - beta1) d;  v <- beta2 v + (1 - beta2) d^2;
   w <- w - lr * m_hat / (sqrt(v_hat) + eps),  m_hat = m / (1 - beta1^t),  v_hat = v / (1 - beta2^t)
   -1, changing nothing (not even *t), unless valid_adam(p, t). */
int adam_step(double *w, const double *g, double *m, double *v, size_t n, size_t *t,
              const adam_params *p)
{
    /* SOLUTION BEGIN */
    if (!valid_adam(p, t))
        return -1;
    *t += 1;
    const double lr = p->lr, beta1 = p->beta1, beta2 = p->beta2, eps = p->eps,
                 decay = p->weight_decay;
    const double correction1 = 1.0 - pow(beta1, (double)*t);
    const double correction2 = 1.0 - pow(beta2, (double)*t);
    /* The corrections are the same for every i, so apply them once, as PyTorch does:
       lr * m_hat = (lr / correction1) * m  and  sqrt(v_hat) = sqrt(v) / sqrt(correction2). */
    const double step = lr / correction1, inv_sqrt_correction2 = 1.0 / sqrt(correction2);
    for (size_t i = 0; i < n; i++) {
        double d = g[i] + decay * w[i];
        double mi = beta1 * m[i] + (1.0 - beta1) * d;
        double vi = beta2 * v[i] + (1.0 - beta2) * d * d;
        m[i] = mi;
        v[i] = vi;
        w[i] -= step * mi / (sqrt(vi) * inv_sqrt_correction2 + eps);
    }
    return 0;
    /* SOLUTION END return 0; */
}

/* w <- w - lr * weight_decay * w, then the Adam step without weight decay.
   -1, changing nothing, unless valid_adam(p, t). */
int adamw_step(double *w, const double *g, double *m, double *v, size_t n, size_t *t,
               const adam_params *p)
{
    /* SOLUTION BEGIN */
    if (!valid_adam(p, t))
        return -1;
    for (size_t i = 0; i < n; i++)
        w[i] -= p->lr * p->weight_decay * w[i];
    adam_params plain = *p;
    plain.weight_decay = 0.0;
    return adam_step(w, g, m, v, n, t, &plain);
    /* SOLUTION END return 0; */
}

/* lr0 * gamma^floor(epoch / step_size);  NAN when step_size = 0 */
double lr_step_decay(double lr0, size_t epoch, size_t step_size, double gamma)
{
    /* SOLUTION BEGIN */
    if (step_size == 0)
        return NAN;
    return lr0 * pow(gamma, (double)(epoch / step_size));
    /* SOLUTION END return 0.0; */
}

/* lr0 * gamma^epoch */
double lr_exponential(double lr0, size_t epoch, double gamma)
{
    /* SOLUTION BEGIN */
    return lr0 * pow(gamma, (double)epoch);
    /* SOLUTION END return 0.0; */
}

/* lr_min + (lr0 - lr_min) (1 + cos(pi t / t_max)) / 2 for t <= t_max, then lr_min;
   NAN when t_max = 0 */
double lr_cosine(double lr0, double lr_min, size_t t, size_t t_max)
{
    /* SOLUTION BEGIN */
    if (t_max == 0)
        return NAN;
    if (t >= t_max)
        return lr_min;
    return lr_min + (lr0 - lr_min) * (1.0 + cos(M_PI * (double)t / (double)t_max)) / 2.0;
    /* SOLUTION END return 0.0; */
}

/* 1 - mu(e) = (1 - mu_start) ((1 - mu_end) / (1 - mu_start))^(e / ramp), then mu_end */
double momentum_schedule(double mu_start, double mu_end, size_t epoch, size_t ramp_epochs)
{
    /* SOLUTION BEGIN */
    if (!(mu_start >= 0.0 && mu_start <= mu_end && mu_end < 1.0))
        return NAN;
    if (epoch >= ramp_epochs)
        return mu_end;
    double fraction = (double)epoch / (double)ramp_epochs;
    return 1.0 - (1.0 - mu_start) * pow((1.0 - mu_end) / (1.0 - mu_start), fraction);
    /* SOLUTION END return 0.0; */
}
