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
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* x = exp(ln lo + (ln hi - ln lo) u),  u ~ U[0, 1): ln x is uniform on [ln lo, ln hi) */
double sample_log_uniform(double lo, double hi, gsl_rng *rng)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return 0.0;
}

/* out[i] = lo + (hi - lo) i / (k - 1), or lo (hi / lo)^(i / (k - 1)) on a log scale */
int grid_values(double lo, double hi, size_t k, int log_scale, double *out)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return -1;
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
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return -1;
}

/* tried[i k_wd + j] = (lr_i, wd_j, objective(lr_i, wd_j)); returns argmin val_loss */
long grid_search(search_objective objective, void *ctx, search_range lr_range,
                 search_range wd_range, size_t k_lr, size_t k_wd, search_point *tried)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return -1;
}

/* rounds of k x k grid_search, each range narrowed to the best point's grid neighbours */
long coarse_to_fine(search_objective objective, void *ctx, search_range lr_range,
                    search_range wd_range, size_t k, size_t rounds, search_point *tried)
{
    /* TODO: write this (the formula is in the comment above). */
    WB_TODO();
    return -1;
}
