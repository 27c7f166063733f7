/* oracle_search.c: see oracle_search.h. */
#include "oracle_search.h"

#include <math.h>

static void grid_with(double lo, double hi, size_t k, int log_scale, long double steps, double *out)
{
    const long double a = lo, b = hi;
    for (size_t i = 0; i < k; i++) {
        long double t = (long double)i / steps;
        out[i] = (double)(log_scale ? a * expl(t * logl(b / a)) : a + (b - a) * t);
    }
}

void oracle_grid(double lo, double hi, size_t k, int log_scale, double *out)
{
    grid_with(lo, hi, k, log_scale, (long double)(k - 1), out);
    out[0] = lo;
    out[k - 1] = hi;
}

void oracle_grid_exclusive(double lo, double hi, size_t k, int log_scale, double *out)
{
    grid_with(lo, hi, k, log_scale, (long double)k, out);
}

/* G(t) - F(t) with G(t) = (e^t - lo) / (hi - lo), F(t) = (t - ln lo) / (ln hi - ln lo). */
static double cdf_gap(double t, double lo, double hi)
{
    long double a = logl(lo), b = logl(hi);
    return (double)fabsl((expl(t) - lo) / ((long double)hi - lo) - (t - a) / (b - a));
}

double oracle_uniform_log_gap(double lo, double hi)
{
    const double a = log(lo), b = log(hi);
    double gap = cdf_gap(log((hi - lo) / (b - a)), lo, hi);
    for (int s = 0; s <= 4096; s++)
        gap = fmax(gap, cdf_gap(a + (b - a) * s / 4096.0, lo, hi));
    return gap;
}

size_t oracle_argmin(const double *v, size_t n, size_t stride)
{
    size_t best = 0;
    for (size_t t = 1; t < n; t++)
        if (v[t * stride] < v[best * stride])
            best = t;
    return best;
}

double oracle_draw(oracle_range r, gsl_rng *rng)
{
    long double u = gsl_rng_uniform(rng);
    if (r.log_scale) {
        long double a = logl(r.lo), b = logl(r.hi);
        return fmin(fmax((double)expl(a + (b - a) * u), r.lo), r.hi);
    }
    return (double)(r.lo + ((long double)r.hi - r.lo) * u);
}

static void evaluate(oracle_landscape f, void *ctx, double lr, double wd, double *p)
{
    p[0] = lr;
    p[1] = wd;
    f(lr, wd, ctx, p + 2);
}

size_t oracle_random_search(oracle_landscape f, void *ctx, oracle_range lr, oracle_range wd,
                            size_t n, gsl_rng *rng, double *p)
{
    for (size_t t = 0; t < n; t++) {
        double x = oracle_draw(lr, rng);
        double y = oracle_draw(wd, rng);
        evaluate(f, ctx, x, y, p + 4 * t);
    }
    return oracle_argmin(p + 3, n, 4);
}

size_t oracle_grid_search(oracle_landscape f, void *ctx, oracle_range lr, oracle_range wd,
                          size_t k_lr, size_t k_wd, double *p)
{
    double x[k_lr], y[k_wd];
    oracle_grid(lr.lo, lr.hi, k_lr, lr.log_scale, x);
    oracle_grid(wd.lo, wd.hi, k_wd, wd.log_scale, y);
    for (size_t i = 0; i < k_lr; i++)
        for (size_t j = 0; j < k_wd; j++)
            evaluate(f, ctx, x[i], y[j], p + 4 * (i * k_wd + j));
    return oracle_argmin(p + 3, k_lr * k_wd, 4);
}

oracle_range oracle_narrow(oracle_range r, size_t k, size_t i)
{
    double g[k];
    oracle_grid(r.lo, r.hi, k, r.log_scale, g);
    return (oracle_range){g[i > 0 ? i - 1 : 0], g[i + 1 < k ? i + 1 : k - 1], r.log_scale};
}

size_t oracle_coarse_to_fine(oracle_landscape f, void *ctx, oracle_range lr, oracle_range wd,
                             size_t k, size_t rounds, double *p)
{
    for (size_t r = 0; r < rounds; r++) {
        size_t b = oracle_grid_search(f, ctx, lr, wd, k, k, p + 4 * r * k * k);
        lr = oracle_narrow(lr, k, b / k);
        wd = oracle_narrow(wd, k, b % k);
    }
    return oracle_argmin(p + 3, rounds * k * k, 4);
}
