/*
 * Lesson 12: hyper-parameter search. Write each function's body; the comment above it gives the
 * formula. Check your work with `make check lesson12`.
 *
 * gsl_rng_uniform(rng) returns u in [0, 1). The searches call the objective, which trains a
 * model and reports search_result {train_loss, val_loss}: choose by the validation loss.
 */
#include "search.h"

#include <math.h>

/* x = lo + (hi - lo) u,  u ~ U[0, 1) */
double sample_uniform(double lo, double hi, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    if (!isfinite(lo) || !isfinite(hi) || hi < lo)
        return NAN;
    return lo + (hi - lo) * gsl_rng_uniform(rng);
    /* SOLUTION END return 0.0; */
}

/* x = exp(ln lo + (ln hi - ln lo) u),  u ~ U[0, 1): ln x is uniform on [ln lo, ln hi) */
double sample_log_uniform(double lo, double hi, gsl_rng *rng)
{
    /* SOLUTION BEGIN */
    if (!isfinite(lo) || !isfinite(hi) || lo <= 0.0 || hi < lo)
        return NAN;
    double a = log(lo), b = log(hi);
    double x = exp(a + (b - a) * gsl_rng_uniform(rng));
    return fmin(fmax(x, lo), hi);
    /* SOLUTION END return 0.0; */
}

/* out[i] = lo + (hi - lo) i / (k - 1), or lo (hi / lo)^(i / (k - 1)) on a log scale */
int grid_values(double lo, double hi, size_t k, int log_scale, double *out)
{
    /* SOLUTION BEGIN */
    if (k < 2 || !isfinite(lo) || !isfinite(hi) || hi < lo || (log_scale && lo <= 0.0))
        return -1;
    for (size_t i = 0; i < k; i++) {
        double t = (double)i / (double)(k - 1);
        out[i] = log_scale ? lo * pow(hi / lo, t) : lo + (hi - lo) * t;
    }
    out[0] = lo;
    out[k - 1] = hi;
    return 0;
    /* SOLUTION END return -1; */
}

/* Whether a range can be searched: finite, lo <= hi, and lo > 0 on a log scale. */
static inline int range_ok(search_range r)
{
    return isfinite(r.lo) && isfinite(r.hi) && r.lo <= r.hi && (!r.log_scale || r.lo > 0.0);
}

/* One draw from a range: log-uniform on a log scale, else uniform. */
static inline double sample_range(search_range r, gsl_rng *rng)
{
    return r.log_scale ? sample_log_uniform(r.lo, r.hi, rng) : sample_uniform(r.lo, r.hi, rng);
}

/* Calls the objective (one training run) at (lr, wd) and returns the point with its losses. */
static inline search_point evaluate(search_objective objective, void *ctx, double lr, double wd)
{
    search_result r = objective(lr, wd, ctx);
    return (search_point){lr, wd, r.train_loss, r.val_loss};
}

/* tried[t] = (lr ~ lr_range, wd ~ wd_range, objective(lr, wd)); returns argmin_t val_loss */
long random_search(search_objective objective, void *ctx, search_range lr_range,
                   search_range wd_range, size_t n_trials, gsl_rng *rng, search_point *tried)
{
    /* SOLUTION BEGIN */
    if (n_trials == 0 || !objective || !range_ok(lr_range) || !range_ok(wd_range))
        return -1;
    for (size_t t = 0; t < n_trials; t++) {
        double lr = sample_range(lr_range, rng);
        double wd = sample_range(wd_range, rng);
        tried[t] = evaluate(objective, ctx, lr, wd);
    }
    long best = 0;
    for (size_t t = 1; t < n_trials; t++)
        if (tried[t].val_loss < tried[best].val_loss)
            best = (long)t;
    return best;
    /* SOLUTION END return -1; */
}

/* tried[i k_wd + j] = (lr_i, wd_j, objective(lr_i, wd_j)); returns argmin val_loss */
long grid_search(search_objective objective, void *ctx, search_range lr_range,
                 search_range wd_range, size_t k_lr, size_t k_wd, search_point *tried)
{
    /* SOLUTION BEGIN */
    if (k_lr < 2 || k_wd < 2 || !objective || !range_ok(lr_range) || !range_ok(wd_range))
        return -1;
    double lr[k_lr], wd[k_wd];
    grid_values(lr_range.lo, lr_range.hi, k_lr, lr_range.log_scale, lr);
    grid_values(wd_range.lo, wd_range.hi, k_wd, wd_range.log_scale, wd);
    for (size_t i = 0; i < k_lr; i++)
        for (size_t j = 0; j < k_wd; j++)
            tried[i * k_wd + j] = evaluate(objective, ctx, lr[i], wd[j]);
    long best = 0;
    for (size_t t = 1; t < k_lr * k_wd; t++)
        if (tried[t].val_loss < tried[best].val_loss)
            best = (long)t;
    return best;
    /* SOLUTION END return -1; */
}

/* rounds of k x k grid_search, each range narrowed to the best point's grid neighbours */
long coarse_to_fine(search_objective objective, void *ctx, search_range lr_range,
                    search_range wd_range, size_t k, size_t rounds, search_point *tried)
{
    /* SOLUTION BEGIN */
    if (k < 2 || rounds == 0 || !objective || !range_ok(lr_range) || !range_ok(wd_range))
        return -1;
    long best = 0;
    for (size_t r = 0; r < rounds; r++) {
        search_point *round = tried + r * k * k;
        size_t b = (size_t)grid_search(objective, ctx, lr_range, wd_range, k, k, round);
        if (round[b].val_loss < tried[best].val_loss)
            best = (long)(r * k * k + b);
        /* the next ranges: the grid neighbours of the round's best (i, j) = (b / k, b % k) */
        double lr[k], wd[k];
        size_t i = b / k, j = b % k;
        grid_values(lr_range.lo, lr_range.hi, k, lr_range.log_scale, lr);
        grid_values(wd_range.lo, wd_range.hi, k, wd_range.log_scale, wd);
        lr_range.lo = lr[i > 0 ? i - 1 : 0];
        lr_range.hi = lr[i + 1 < k ? i + 1 : k - 1];
        wd_range.lo = wd[j > 0 ? j - 1 : 0];
        wd_range.hi = wd[j + 1 < k ? j + 1 : k - 1];
    }
    return best;
    /* SOLUTION END return -1; */
}
