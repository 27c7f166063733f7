/* oracle_losses.c: lesson 3's losses in long double (see oracle_losses.h). */
#include "oracle_losses.h"

#include <math.h>

double oracle_loss_mse(const double *a, const double *b, size_t n)
{
    long double sum = 0.0L;
    for (size_t i = 0; i < n; i++) {
        long double d = (long double)a[i] - b[i];
        sum += d * d;
    }
    return (double)(sum / n);
}

static long double max_of(const double *z, size_t k)
{
    long double m = z[0];
    for (size_t i = 1; i < k; i++)
        if (z[i] > m)
            m = z[i];
    return m;
}

long double oracle_loss_logsumexp(const double *z, size_t k)
{
    long double m = max_of(z, k), sum = 0.0L;
    for (size_t i = 0; i < k; i++)
        sum += expl(z[i] - m);
    return m + logl(sum);
}

void oracle_loss_log_softmax(const double *z, size_t k, double *out)
{
    long double m = max_of(z, k), sum = 0.0L;
    for (size_t i = 0; i < k; i++)
        sum += expl(z[i] - m);
    for (size_t i = 0; i < k; i++)
        out[i] = (double)((z[i] - m) - logl(sum));
}

void oracle_loss_softmax(const double *z, size_t k, double *out)
{
    long double m = max_of(z, k), sum = 0.0L;
    for (size_t i = 0; i < k; i++)
        sum += expl(z[i] - m);
    for (size_t i = 0; i < k; i++)
        out[i] = (double)(expl(z[i] - m) / sum);
}

double oracle_loss_cross_entropy(const double *p, const double *q, size_t k)
{
    long double h = 0.0L;
    for (size_t i = 0; i < k; i++)
        if (p[i] != 0.0)
            h -= p[i] * logl(q[i]);
    return (double)h;
}

double oracle_loss_softmax_ce(const double *z, size_t k, size_t label)
{
    long double m = max_of(z, k), sum = 0.0L;
    for (size_t i = 0; i < k; i++)
        sum += expl(z[i] - m);
    return (double)((m - z[label]) + logl(sum));
}

double oracle_loss_bce(double p, double y)
{
    long double loss = 0.0L;
    if (y != 0.0)
        loss -= y * logl(p);
    if (y != 1.0)
        loss -= (1.0L - y) * logl(1.0L - p);
    return (double)loss;
}

double oracle_loss_bce_logits(double z, double y)
{
    long double zl = z;
    return (double)(fmaxl(zl, 0.0L) - zl * y + log1pl(expl(-fabsl(zl))));
}

double oracle_loss_hinge(double score, double y)
{
    return (double)fmaxl(0.0L, 1.0L - (long double)y * score);
}

long double oracle_loss_sigmoid(long double z)
{
    if (z >= 0)
        return 1.0L / (1.0L + expl(-z));
    long double e = expl(z);
    return e / (1.0L + e);
}

double oracle_loss_sigmoid_mse(double z, double y)
{
    long double d = oracle_loss_sigmoid(z) - y;
    return (double)(d * d);
}

double oracle_loss_sigmoid_ce(double z, double y) { return oracle_loss_bce_logits(z, y); }

/* a - y without the cancellation of a near 1: (1 - y) - (1 - a) there, with 1 - a = sigmoid(-z). */
static long double output_minus_target(double z, double y)
{
    if (z <= 0)
        return oracle_loss_sigmoid(z) - y;
    return (1.0L - y) - oracle_loss_sigmoid(-(long double)z);
}

double oracle_loss_sigmoid_mse_grad(double z, double y)
{
    long double a = oracle_loss_sigmoid(z), one_minus_a = oracle_loss_sigmoid(-(long double)z);
    return (double)(2.0L * output_minus_target(z, y) * a * one_minus_a);
}

double oracle_loss_sigmoid_ce_grad(double z, double y) { return (double)output_minus_target(z, y); }
