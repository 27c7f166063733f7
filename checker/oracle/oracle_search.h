/*
 * oracle_search.h: the checker's own hyper-parameter search (lesson 12), written independently
 * of the lesson's solution: grids in long double, the law of a wrongly drawn log-uniform sample,
 * and reference searches for the plots. It does not include the lesson's header (the oracle is
 * built for every lesson), so points are plain arrays: p[0] = lr, p[1] = weight decay,
 * p[2] = training loss, p[3] = validation loss.
 */
#ifndef WB_ORACLE_SEARCH_H
#define WB_ORACLE_SEARCH_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

/* out[i] = lo + (hi - lo) i / (k - 1), or lo (hi / lo)^(i / (k - 1)) when log_scale, computed in
   long double, with out[0] = lo and out[k - 1] = hi; k >= 2. */
void oracle_grid(double lo, double hi, size_t k, int log_scale, double *out);

/* The same with an exclusive end: i / k in place of i / (k - 1) (out[k - 1] < hi). */
void oracle_grid_exclusive(double lo, double hi, size_t k, int log_scale, double *out);

/*
 * sup_t |G(t) - F(t)| for t in [ln lo, ln hi], where F is the cdf of ln x for x log-uniform
 * (uniform on [ln lo, ln hi]) and G the cdf of ln x for x uniform on [lo, hi]: how far the logs
 * of a uniform sample lie from uniform. Maximised over a fine grid of t plus the stationary
 * point t* = ln((hi - lo) / (ln hi - ln lo)).
 */
double oracle_uniform_log_gap(double lo, double hi);

/* The index of the smallest value of v[0], v[stride], ... (n values), the first on a tie. */
size_t oracle_argmin(const double *v, size_t n, size_t stride);

/* A loss landscape: losses[0] = training loss, losses[1] = validation loss at (lr, wd). */
typedef void (*oracle_landscape)(double lr, double wd, void *ctx, double losses[2]);

/* One hyper-parameter's range, as in the lesson. */
typedef struct {
    double lo, hi;
    int log_scale;
} oracle_range;

/* One draw from r with one u = gsl_rng_uniform(rng): exp(ln lo + (ln hi - ln lo) u) on a log
   scale (clipped into [lo, hi]), else lo + (hi - lo) u; in long double. */
double oracle_draw(oracle_range r, gsl_rng *rng);

/* Reference random search: per trial lr then wd, each exp(ln lo + (ln hi - ln lo) u) or
   lo + (hi - lo) u with u = gsl_rng_uniform; points into p (4 values each). Returns the best. */
size_t oracle_random_search(oracle_landscape f, void *ctx, oracle_range lr, oracle_range wd,
                            size_t n, gsl_rng *rng, double *p);

/* Reference k_lr x k_wd grid search (lr outer); points into p. Returns the best index. */
size_t oracle_grid_search(oracle_landscape f, void *ctx, oracle_range lr, oracle_range wd,
                          size_t k_lr, size_t k_wd, double *p);

/* The range between the grid neighbours of value i of r's k-point grid. */
oracle_range oracle_narrow(oracle_range r, size_t k, size_t i);

/* Reference coarse-to-fine: rounds of k x k grid search, narrowing with oracle_narrow around
   each round's best; points into p (rounds k^2 of them). Returns the best index overall. */
size_t oracle_coarse_to_fine(oracle_landscape f, void *ctx, oracle_range lr, oracle_range wd,
                             size_t k, size_t rounds, double *p);

#endif
