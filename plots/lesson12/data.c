/*
 * Lesson 12 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   samples_ref.dat, samples_yours.dat   300 draws each of U[1e-4, 1] (column 2 = 4) and of the
 *                 log-uniform law on the same range (column 2 = 2), x in column 1, a jitter in
 *                 column 3 (added to the row)
 *   gvr_grid_K.dat, gvr_random_K.dat  (K = ref, yours) 9 trials on the unit square of an
 *                 objective that depends mostly on x (the important parameter): a 3 x 3 grid and
 *                 9 random points; gvr_curve.dat the important parameter's effect g(x)
 *   plane.dat     the validation loss of logistic regression on the breast-cancer data over
 *                 (log10 lr, log10 weight decay), for `plot with image`
 *   rs_K.dat, gs_K.dat, cf_K.dat (K = ref, yours)  the points random search (16 trials), grid
 *                 search (4 x 4) and coarse-to-fine (3 x 3, 3 rounds) tried on that plane:
 *                 lr, wd, train loss, val loss; best_K.dat the best point of each
 *   labels.gp     the best validation losses (yours as words: the number, or why there is
 *                 none), the share of draws below 0.01
 * The reference searches are the checker's (oracle_search.h); yours call your functions with the
 * same objective and the same seed, so where you draw in the same order the points coincide.
 * The objective trains L2-regularised logistic regression by full-batch gradient descent for
 * EPOCHS epochs on 400 standardized training rows and reports the mean NLL on them and on the
 * 169 validation rows.
 */
#include "search.h"
#include "oracle_search.h"
#include "dataset.h"
#include "driver.h"
#include "todo.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { SEED = 12, N_SAMPLES = 300, TRAIN = 400, EPOCHS = 40, PLANE = 25 };
enum { RS_TRIALS = 16, GS_K = 4, CF_K = 3, CF_ROUNDS = 3 };

static const oracle_range LR = {1e-3, 10.0, 1}, WD = {1e-4, 1.0, 1};

/* ---- the objective: logistic regression on breast cancer --------------------------------------- */

typedef struct {
    size_t rows, d, train;
    double *X, *y; /* standardized, shuffled; the first `train` rows train, the rest validate */
} task;

static void *alloc_or_die(size_t bytes)
{
    void *p = malloc(bytes);
    if (!p) {
        fprintf(stderr, "plot driver: out of memory\n");
        exit(1);
    }
    return p;
}

/* Loads, shuffles (fixed seed) and standardizes with the training rows' mean and std. */
static task load_task(void)
{
    char path[512], err[256];
    dataset ds;
    if (dataset_load(dataset_path("breast_cancer.csv", path, sizeof path), &ds, err, sizeof err)) {
        fprintf(stderr, "plot driver: %s\n", err);
        exit(1);
    }
    task t = {ds.rows, ds.cols - 1, TRAIN, NULL, NULL};
    t.X = alloc_or_die(t.rows * t.d * sizeof *t.X);
    t.y = alloc_or_die(t.rows * sizeof *t.y);
    double *X = alloc_or_die(t.rows * t.d * sizeof *X), *y = alloc_or_die(t.rows * sizeof *y);
    dataset_split(&ds, X, y);
    dataset_free(&ds);
    size_t *order = alloc_or_die(t.rows * sizeof *order);
    for (size_t i = 0; i < t.rows; i++)
        order[i] = i;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, SEED);
    gsl_ran_shuffle(rng, order, t.rows, sizeof *order);
    gsl_rng_free(rng);
    for (size_t i = 0; i < t.rows; i++) {
        t.y[i] = y[order[i]];
        for (size_t j = 0; j < t.d; j++)
            t.X[i * t.d + j] = X[order[i] * t.d + j];
    }
    for (size_t j = 0; j < t.d; j++) {
        double m = 0.0, s = 0.0;
        for (size_t i = 0; i < t.train; i++)
            m += t.X[i * t.d + j] / (double)t.train;
        for (size_t i = 0; i < t.train; i++)
            s += (t.X[i * t.d + j] - m) * (t.X[i * t.d + j] - m) / (double)t.train;
        s = s > 0.0 ? sqrt(s) : 1.0;
        for (size_t i = 0; i < t.rows; i++)
            t.X[i * t.d + j] = (t.X[i * t.d + j] - m) / s;
    }
    free(order);
    free(X);
    free(y);
    return t;
}

/* The NLL of one row, -y ln p - (1 - y) ln(1 - p) with p = sigmoid(z), without overflow. */
static double nll(double z, double y) { return fmax(z, 0.0) - y * z + log1p(exp(-fabs(z))); }

/* The mean NLL over rows [from, to) and, when grad is not NULL, its gradient in (w, b). */
static double mean_nll(const task *t, const double *w, size_t from, size_t to, double *grad)
{
    double loss = 0.0, n = (double)(to - from);
    if (grad)
        for (size_t j = 0; j <= t->d; j++)
            grad[j] = 0.0;
    for (size_t i = from; i < to; i++) {
        const double *x = t->X + i * t->d;
        double z = w[t->d];
        for (size_t j = 0; j < t->d; j++)
            z += w[j] * x[j];
        loss += nll(z, t->y[i]) / n;
        if (grad) {
            double r = (1.0 / (1.0 + exp(-z)) - t->y[i]) / n;
            for (size_t j = 0; j < t->d; j++)
                grad[j] += r * x[j];
            grad[t->d] += r;
        }
    }
    return loss;
}

/* EPOCHS steps of w -= lr (grad + wd w) (no decay on the bias) from w = 0; both losses. */
static void train(double lr, double wd, void *ctx, double losses[2])
{
    const task *t = ctx;
    double w[64] = {0}, g[64];
    for (int e = 0; e < EPOCHS; e++) {
        mean_nll(t, w, 0, t->train, g);
        for (size_t j = 0; j <= t->d; j++)
            w[j] -= lr * (g[j] + (j < t->d ? wd * w[j] : 0.0));
    }
    losses[0] = mean_nll(t, w, 0, t->train, NULL);
    losses[1] = mean_nll(t, w, t->train, t->rows, NULL);
}

static search_result train_objective(double lr, double wd, void *ctx)
{
    double l[2];
    train(lr, wd, ctx, l);
    return (search_result){l[0], l[1]};
}

/* ---- the important-parameter picture ------------------------------------------------------------ */

/* g(x): the effect of the important parameter; y barely matters. */
static double important(double x) { return 1.0 - 0.8 * exp(-40.0 * (x - 0.63) * (x - 0.63)); }

static void toy(double x, double y, void *ctx, double losses[2])
{
    (void)ctx;
    losses[0] = losses[1] = important(x) + 0.02 * (y - 0.5) * (y - 0.5);
}

static search_result toy_objective(double x, double y, void *ctx)
{
    double l[2];
    toy(x, y, ctx, l);
    return (search_result){l[0], l[1]};
}

/* ---- writing ----------------------------------------------------------------------------------- */

static search_range range_of(oracle_range r) { return (search_range){r.lo, r.hi, r.log_scale}; }

static void write_points(const char *dir, const char *name, const double *p, size_t n)
{
    FILE *f = plot_open(dir, name);
    fprintf(f, "# lr weight_decay train_loss val_loss\n");
    for (size_t t = 0; t < n; t++)
        fprintf(f, "%.9g %.9g %.9g %.9g\n", p[4 * t], p[4 * t + 1], p[4 * t + 2], p[4 * t + 3]);
    fclose(f);
}

/* Your points, or no rows when the function is unwritten or refused. */
static void write_yours(const char *dir, const char *name, const char *function,
                        const search_point *p, size_t n, long best)
{
    int ok = best >= 0 && !wb_missing(function);
    write_points(dir, name, (const double *)(const void *)p, ok ? n : 0);
}

static void write_best(FILE *f, const double *p)
{
    if (p)
        fprintf(f, "%.9g %.9g %.9g %.9g\n", p[0], p[1], p[2], p[3]);
    else
        fprintf(f, "NaN NaN NaN NaN\n");
}

static void samples(const char *dir, FILE *labels)
{
    const oracle_range lin = {1e-4, 1.0, 0}, lg = {1e-4, 1.0, 1};
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937), *jit = gsl_rng_alloc(gsl_rng_mt19937);
    FILE *ref = plot_open(dir, "samples_ref.dat"), *yours = plot_open(dir, "samples_yours.dat");
    size_t small[4] = {0};
    for (int law = 0; law < 2; law++) {
        gsl_rng_set(rng, SEED + law);
        gsl_rng_set(jit, SEED + 100 + law);
        for (int i = 0; i < N_SAMPLES; i++) {
            double x = oracle_draw(law ? lg : lin, rng);
            small[2 * law] += x < 0.01;
            fprintf(ref, "%.9g %d %.4f\n", x, law ? 2 : 4, gsl_ran_flat(jit, -0.3, 0.3));
        }
        gsl_rng_set(rng, SEED + law);
        gsl_rng_set(jit, SEED + 100 + law);
        for (int i = 0; i < N_SAMPLES; i++) {
            double x = law ? sample_log_uniform(1e-4, 1.0, rng) : sample_uniform(1e-4, 1.0, rng);
            if (wb_missing(law ? "sample_log_uniform" : "sample_uniform"))
                x = NAN;
            small[2 * law + 1] += x < 0.01;
            fprintf(yours, "%.9g %d %.4f\n", x, law ? 1 : 3, gsl_ran_flat(jit, -0.3, 0.3));
        }
        fprintf(ref, "\n\n");
        fprintf(yours, "\n\n");
    }
    fprintf(labels, "small_uniform = %zu\nsmall_log = %zu\nn_samples = %d\n", small[0], small[2],
            N_SAMPLES);
    fclose(ref);
    fclose(yours);
    gsl_rng_free(rng);
    gsl_rng_free(jit);
}

static void grid_vs_random(const char *dir)
{
    const oracle_range unit = {0.0, 1.0, 0};
    double p[4 * 9];
    search_point q[9];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    oracle_grid_search(toy, NULL, unit, unit, 3, 3, p);
    write_points(dir, "gvr_grid_ref.dat", p, 9);
    write_yours(dir, "gvr_grid_yours.dat", "grid_search", q,
                9, grid_search(toy_objective, NULL, range_of(unit), range_of(unit), 3, 3, q));
    gsl_rng_set(rng, SEED + 7);
    oracle_random_search(toy, NULL, unit, unit, 9, rng, p);
    write_points(dir, "gvr_random_ref.dat", p, 9);
    gsl_rng_set(rng, SEED + 7);
    write_yours(dir, "gvr_random_yours.dat", "random_search", q, 9,
                random_search(toy_objective, NULL, range_of(unit), range_of(unit), 9, rng, q));
    gsl_rng_free(rng);
    FILE *f = plot_open(dir, "gvr_curve.dat");
    for (int i = 0; i <= 200; i++)
        fprintf(f, "%.6f %.6f\n", i / 200.0, important(i / 200.0));
    fclose(f);
}

static void plane(const char *dir, task *t)
{
    FILE *f = plot_open(dir, "plane.dat");
    double a = log10(LR.lo), b = log10(LR.hi), c = log10(WD.lo), d = log10(WD.hi);
    for (int i = 0; i < PLANE; i++) {
        for (int j = 0; j < PLANE; j++) {
            double u = a + (b - a) * i / (PLANE - 1.0), v = c + (d - c) * j / (PLANE - 1.0), l[2];
            train(pow(10.0, u), pow(10.0, v), t, l);
            fprintf(f, "%.6f %.6f %.6g\n", u, v, l[1]);
        }
        fprintf(f, "\n");
    }
    fclose(f);
}

/* The three searches on the plane, reference and yours, and each one's best point. */
static void searches(const char *dir, task *t, FILE *labels)
{
    enum { MAXP = CF_K * CF_K * CF_ROUNDS };
    double p[4 * MAXP];
    search_point q[MAXP];
    long yb[3];
    size_t rb[3];
    FILE *bref = plot_open(dir, "best_ref.dat"), *byours = plot_open(dir, "best_yours.dat");
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    const char *names[3] = {"random_search", "grid_search", "coarse_to_fine"};
    const char *files[3][2] = {{"rs_ref.dat", "rs_yours.dat"}, {"gs_ref.dat", "gs_yours.dat"},
                               {"cf_ref.dat", "cf_yours.dat"}};
    const size_t counts[3] = {RS_TRIALS, GS_K * GS_K, MAXP};
    for (int s = 0; s < 3; s++) {
        gsl_rng_set(rng, SEED + 20);
        rb[s] = s == 0   ? oracle_random_search(train, t, LR, WD, RS_TRIALS, rng, p)
                : s == 1 ? oracle_grid_search(train, t, LR, WD, GS_K, GS_K, p)
                         : oracle_coarse_to_fine(train, t, LR, WD, CF_K, CF_ROUNDS, p);
        write_points(dir, files[s][0], p, counts[s]);
        write_best(bref, p + 4 * rb[s]);
        gsl_rng_set(rng, SEED + 20);
        search_range lr = range_of(LR), wd = range_of(WD);
        yb[s] = s == 0   ? random_search(train_objective, t, lr, wd, RS_TRIALS, rng, q)
                : s == 1 ? grid_search(train_objective, t, lr, wd, GS_K, GS_K, q)
                         : coarse_to_fine(train_objective, t, lr, wd, CF_K, CF_ROUNDS, q);
        write_yours(dir, files[s][1], names[s], q, counts[s], yb[s]);
        int ok = yb[s] >= 0 && (size_t)yb[s] < counts[s] && !wb_missing(names[s]);
        write_best(byours, ok ? (const double *)(const void *)(q + yb[s]) : NULL);
        fprintf(labels, "best_ref_%d = %.9g\n", s + 1, p[4 * rb[s] + 3]);
        /* the title's words for your best: a number, or why there is none */
        const char *status = plot_status(names[s]);
        if (ok && isfinite(q[yb[s]].val_loss))
            fprintf(labels, "best_yours_%d = '%.4f'\n", s + 1, q[yb[s]].val_loss);
        else
            /* the status, or plane.gp's words for 'nonfinite' and 'noindex' */
            fprintf(labels, "best_yours_%d = '%s'\n", s + 1,
                    status ? status : ok ? "nonfinite" : "noindex");
    }
    fprintf(labels, "epochs = %d\n", EPOCHS);
    gsl_rng_free(rng);
    fclose(bref);
    fclose(byours);
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("samples", "sample_uniform", "sample_log_uniform");
    plot_uses("grid_vs_random", "grid_search", "random_search");
    plot_uses("plane", "random_search", "grid_search", "coarse_to_fine");
    task t = load_task();
    samples(dir, labels);
    grid_vs_random(dir);
    plane(dir, &t);
    searches(dir, &t, labels);
    free(t.X);
    free(t.y);
    plot_finish(dir, labels);
    return 0;
}
