/* oracle_optimizers.c: torch.optim's updates in long double, their known wrong variants, the learning
   rate schedules, and the minimiser of a quadratic by Cholesky (lesson 9). */
#include "oracle_optimizers.h"

#include <gsl/gsl_linalg.h>
#include <math.h>
#include <string.h>

typedef long double real;

/* The denominator of the adaptive methods: sqrt(s) + eps, or Lecture 5's sqrt(s + eps). */
static real adaptive_denominator(real s, double eps, unsigned flags)
{
    return flags & OPT_EPS_INSIDE_SQRT ? sqrtl(s + eps) : sqrtl(s) + eps;
}

void oracle_sgd_step(double *w, const double *g, size_t n, double lr)
{
    for (size_t i = 0; i < n; i++)
        w[i] = (double)(w[i] - (real)lr * g[i]);
}

/* b' = mu b + g; w' = w - lr b'  (the variants flip a sign, or put lr inside b as the notes do) */
void oracle_momentum_step(double *w, const double *g, double *b, size_t n, double lr, double mu,
                          unsigned flags)
{
    for (size_t i = 0; i < n; i++) {
        if (flags & (OPT_LR_IN_BUFFER | OPT_LR_IN_VELOCITY)) {
            real sign = flags & OPT_LR_IN_BUFFER ? 1.0L : -1.0L;
            real notes = (real)mu * b[i] + sign * lr * g[i];
            w[i] = (double)(w[i] - sign * notes);
            b[i] = (double)notes;
            continue;
        }
        real velocity = flags & OPT_VELOCITY_SIGN ? (real)mu * b[i] - g[i] : (real)mu * b[i] + g[i];
        real step = (real)lr * velocity;
        w[i] = (double)(flags & OPT_MOMENTUM_ASCENT ? w[i] + step : w[i] - step);
        b[i] = (double)velocity;
    }
}

/* b' = mu b + g; w' = w - lr (g + mu b') */
void oracle_nesterov_step(double *w, const double *g, double *b, size_t n, double lr, double mu,
                          unsigned flags)
{
    for (size_t i = 0; i < n; i++) {
        real velocity = (real)mu * b[i] + g[i];
        real direction = flags & OPT_PLAIN_MOMENTUM ? velocity : g[i] + (real)mu * velocity;
        w[i] = (double)(w[i] - (real)lr * direction);
        b[i] = (double)velocity;
    }
}

/* h' = h + g^2; w' = w - lr g / (sqrt(h') + eps) */
void oracle_adagrad_step(double *w, const double *g, double *h, size_t n, double lr, double eps,
                         unsigned flags)
{
    for (size_t i = 0; i < n; i++) {
        real g2 = (real)g[i] * g[i];
        real sum = flags & OPT_NO_ACCUMULATION ? g2 : h[i] + g2;
        w[i] = (double)(w[i] - (real)lr * g[i] / adaptive_denominator(sum, eps, flags));
        h[i] = (double)sum;
    }
}

/* s' = rho s + (1 - rho) g^2; w' = w - lr g / (sqrt(s') + eps) */
void oracle_rmsprop_step(double *w, const double *g, double *s, size_t n, double lr, double rho,
                         double eps, unsigned flags)
{
    for (size_t i = 0; i < n; i++) {
        real g2 = (real)g[i] * g[i];
        real weight = flags & OPT_NO_ONE_MINUS_RHO ? 1.0L : 1.0L - rho;
        real avg = (real)rho * s[i] + weight * g2;
        w[i] = (double)(w[i] - (real)lr * g[i] / adaptive_denominator(avg, eps, flags));
        s[i] = (double)avg;
    }
}

/* t' = t + 1; [AdamW: w <- w - lr wd w]; d = g [+ wd w for Adam];
   m' = b1 m + (1-b1) d; v' = b2 v + (1-b2) d^2; w' = w - lr m'/(1-b1^t') / (sqrt(v'/(1-b2^t')) + eps) */
void oracle_adam_step(double *w, const double *g, double *m, double *v, size_t n, size_t *t,
                      oracle_adam_hyper p, int decoupled, unsigned flags)
{
    size_t counted = *t + 1;
    real power = (real)(flags & OPT_BIAS_AT_OLD_T ? *t : counted);
    real correction1 = 1.0L - powl(p.beta1, power), correction2 = 1.0L - powl(p.beta2, power);
    if (flags & OPT_NO_BIAS_CORRECTION)
        correction1 = correction2 = 1.0L;
    int l2 = !decoupled || (flags & (OPT_DECAY_IN_GRADIENT | OPT_DECAY_TWICE));
    int shrink = decoupled && (!l2 || (flags & OPT_DECAY_TWICE));
    for (size_t i = 0; i < n; i++) {
        real wi = w[i];
        if (shrink)
            wi -= (real)p.lr * p.weight_decay * wi;
        real d = l2 ? g[i] + (real)p.weight_decay * wi : (real)g[i];
        real mi = (real)p.beta1 * m[i] + (1.0L - p.beta1) * d;
        real vi = (real)p.beta2 * v[i] + (1.0L - p.beta2) * d * d;
        real m_hat = mi / correction1, v_hat = vi / correction2;
        w[i] = (double)(wi - (real)p.lr * m_hat / adaptive_denominator(v_hat, p.eps, flags));
        m[i] = (double)mi;
        v[i] = (double)vi;
    }
    *t = counted;
}

/* ---- schedules ------------------------------------------------------------------------------ */

double oracle_lr_step_decay(double lr0, size_t epoch, size_t step_size, double gamma)
{
    return (double)(lr0 * powl(gamma, (real)(epoch / step_size)));
}

double oracle_lr_exponential(double lr0, size_t epoch, double gamma)
{
    return (double)(lr0 * powl(gamma, (real)epoch));
}

double oracle_lr_cosine(double lr0, double lr_min, size_t t, size_t t_max)
{
    if (t >= t_max)
        return lr_min;
    const real pi = 3.141592653589793238462643383279502884L;
    return (double)(lr_min + ((real)lr0 - lr_min) * (1.0L + cosl(pi * t / t_max)) / 2.0L);
}

/* ---- quadratics -------------------------------------------------------------------------------- */

void oracle_quadratic_solve(const oracle_quadratic *q, double *xmin)
{
    size_t n = q->n;
    double a[16];
    memcpy(a, q->A, n * n * sizeof *a);
    gsl_matrix_view A = gsl_matrix_view_array(a, n, n);
    gsl_vector_const_view b = gsl_vector_const_view_array(q->b, n);
    gsl_vector_view x = gsl_vector_view_array(xmin, n);
    gsl_linalg_cholesky_decomp1(&A.matrix);
    gsl_linalg_cholesky_solve(&A.matrix, &b.vector, &x.vector);
}

/* ---- the race of ToBig's Optimization session ---------------------------------------------------------------------- */

double oracle_race_value(const double *x, size_t n, void *params)
{
    (void)n, (void)params;
    return (double)((real)x[0] * x[0] / 20.0L + (real)x[1] * x[1]);
}

void oracle_race_grad(const double *x, size_t n, void *params, double *grad)
{
    (void)n, (void)params;
    grad[0] = x[0] / 10.0;
    grad[1] = 2.0 * x[1];
}

double oracle_momentum_schedule(double mu_start, double mu_end, size_t epoch, size_t ramp,
                                unsigned flags)
{
    if (epoch >= ramp && !(flags & ORACLE_SCHEDULE_UNCAPPED))
        return mu_end;
    long double fraction = ramp ? (long double)epoch / (long double)ramp : 1.0L;
    if (flags & ORACLE_SCHEDULE_LINEAR)
        return (double)(mu_start + ((long double)mu_end - mu_start) * fraction);
    long double ratio = (1.0L - (long double)mu_end) / (1.0L - (long double)mu_start);
    return (double)(1.0L - (1.0L - (long double)mu_start) * powl(ratio, fraction));
}
