/*
 * Lesson 12: hyper-parameter search (하이퍼 파라미터 탐색): uniform and log-uniform sampling,
 * grids, random search, grid search and coarse-to-fine search.
 *
 * The same header is used by your file, the reference solution, the checker and the plots.
 * Do not change it: write your code in search.c.
 *
 * A search never trains anything itself: it asks a callback, the objective, to train a model with
 * a learning rate and a weight decay and to report the model's training and validation losses
 * (in practice: lesson 11's train_logistic on the training rows, then the mean loss on the
 * validation rows). Every random number comes from the gsl_rng the caller passes in.
 */
#ifndef LESSON12_SEARCH_H
#define LESSON12_SEARCH_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "workbook.h"

/* What one training run reports. */
typedef struct {
    double train_loss; /* the loss on the training rows the model was fitted to */
    double val_loss;   /* the loss on the held-out validation rows: what a search minimises */
} search_result;

/* Trains a model with (lr, weight_decay) and reports its losses; ctx is passed through. */
typedef search_result (*search_objective)(double lr, double weight_decay, void *ctx);

/* One point a search tried, with what the objective reported for it. */
typedef struct {
    double lr, weight_decay;
    double train_loss, val_loss;
} search_point;

/* The range of one hyper-parameter: [lo, hi], sampled and gridded in log space when log_scale
   is nonzero (then 0 < lo is required). */
typedef struct {
    double lo, hi;
    int log_scale;
} search_range;

/*
 * A draw of U[lo, hi): lo + (hi - lo) u with u = gsl_rng_uniform(rng), one draw of the rng.
 * lo == hi gives lo. Returns NAN (without drawing) when lo or hi is not finite or hi < lo.
 */
double sample_uniform(double lo, double hi, gsl_rng *rng);

/*
 * A log-uniform draw: exp(U[ln lo, ln hi)), so that ln x is uniform and every factor of 10
 * between lo and hi is equally likely; one draw of the rng (u = gsl_rng_uniform(rng), then
 * x = exp(ln lo + (ln hi - ln lo) u)), clipped into [lo, hi] against rounding.
 * Returns NAN (without drawing) when lo <= 0, lo or hi is not finite, or hi < lo.
 */
double sample_log_uniform(double lo, double hi, gsl_rng *rng);

/*
 * k grid values from lo to hi, both included, into out[0..k-1]:
 *     linear (log_scale == 0):  out[i] = lo + (hi - lo) i / (k - 1)
 *     log    (log_scale != 0):  out[i] = lo (hi / lo)^(i / (k - 1))
 * with out[0] = lo and out[k-1] = hi exactly. Returns 0, or -1 without writing anything when
 * k < 2, lo or hi is not finite, hi < lo, or log_scale and lo <= 0.
 */
int grid_values(double lo, double hi, size_t k, int log_scale, double *out /* [k] */);

/*
 * Random search: for t = 0 .. n_trials - 1, draw lr from lr_range, then weight_decay from
 * wd_range (each with sample_log_uniform when its range has log_scale, else sample_uniform),
 * call objective(lr, weight_decay, ctx) once and store the point and both losses in tried[t].
 * Returns the index of the best point: the smallest val_loss (the first one on a tie).
 * Returns -1, calling nothing and writing nothing, when n_trials == 0, objective is NULL or a
 * range is invalid (as for sample_uniform / sample_log_uniform).
 */
long random_search(search_objective objective, void *ctx, search_range lr_range,
                   search_range wd_range, size_t n_trials, gsl_rng *rng, search_point *tried /* [n_trials] */);

/*
 * Grid search: the k_lr x k_wd grid of grid_values(lr_range) x grid_values(wd_range), lr in the
 * outer loop: tried[i * k_wd + j] holds (lr_i, wd_j) and the losses of objective(lr_i, wd_j, ctx),
 * called exactly once per point in that order. Returns the index of the smallest val_loss
 * (the first one on a tie), or -1, calling nothing and writing nothing, when k_lr < 2, k_wd < 2,
 * objective is NULL or a range is invalid (as for grid_values).
 */
long grid_search(search_objective objective, void *ctx, search_range lr_range,
                 search_range wd_range, size_t k_lr, size_t k_wd, search_point *tried /* [k_lr * k_wd] */);

/*
 * Coarse-to-fine search: `rounds` grid searches of k x k points each. Round 0 searches the
 * given ranges; after each round, each range becomes the span between the grid neighbours of
 * that round's best point: if the best lr was lr_i of the round's grid lr_0 .. lr_{k-1}, the next
 * lr range is [lr_{max(i-1, 0)}, lr_{min(i+1, k-1)}] (log_scale kept), and the same for the weight
 * decay. Round r's points go to tried[r k^2 .. (r+1) k^2 - 1], in grid_search's order.
 * Returns the index in tried of the best point of all rounds (smallest val_loss, the first on a
 * tie), or -1, calling nothing and writing nothing, for k < 2, rounds == 0, objective NULL or
 * an invalid range.
 */
long coarse_to_fine(search_objective objective, void *ctx, search_range lr_range,
                    search_range wd_range, size_t k, size_t rounds, search_point *tried /* [k * k * rounds] */);

#endif
