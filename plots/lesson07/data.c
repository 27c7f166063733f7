/*
 * Lesson 7 plot driver: writes the data of the lesson's figures into the folder argv[1].
 * Two layers, with the notes' rates: K = 1 an input layer (pixel-like activations, uniform in
 * [0, 1), p_input = 0.2), K = 2 a hidden layer (ReLU of N(0, 1) pre-activations, p_hidden = 0.5).
 *   mean_K.dat   per mini-batch: the mean activation without dropout; with inverted dropout
 *                (reference, yours); without scaling (classic training: reference, yours); with
 *                the wrong scaling, kept units times (1 - p) (reference)
 *   hist_K.dat   per bin of the positive values: the fraction of all activations of the
 *                mini-batches in the bin
 *                before dropout and after inverted dropout (reference, yours); NaN for an empty
 *                bin. The exact zeros are not binned: their fractions go to labels.gp
 *   labels.gp    the rates, the layers' names and ranges, the fractions of exact zeros
 * The reference masks come from the checker's oracle (oracle_dropout_mask); yours from your
 * dropout_forward and dropout_forward_classic, with an rng seeded like the reference's.
 */
#include "dropout.h"
#include "driver.h"
#include "todo.h"
/* by path: the lesson's header is also called dropout.h */
#include "oracle_dropout.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { BATCHES = 100, BATCH = 64 * 128, ALL = BATCHES * BATCH, BINS = 60 };
static const double RATE[2] = {0.2, 0.5};
/* The histograms' ranges (0, HIST_MAX): beyond 1/(1-p) times the largest likely activation. */
static const double HIST_MAX[2] = {1.5, 8.0};

/* A mini-batch of activations: pixel-like inputs, or ReLU of Gaussian pre-activations. */
static void activations(gsl_rng *rng, int layer, double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        x[i] = layer == 0 ? gsl_rng_uniform(rng) : fmax(0.0, gsl_ran_ugaussian(rng));
}

/* Your forward pass in training; false (and y all NaN) when it is a stub or refuses a valid p. */
static bool yours(int (*forward)(const double *, double *, double *, size_t, double, bool,
                                 gsl_rng *),
                  const char *name, const double *x, double *y, double *mask, size_t n, double p,
                  gsl_rng *rng)
{
    int status = forward(x, y, mask, n, p, true, rng);
    if (status == 0 && !wb_missing(name))
        return true;
    for (size_t i = 0; i < n; i++)
        y[i] = NAN;
    return false;
}

static double mean(const double *v, size_t n) { return gsl_stats_mean(v, 1, n); }

/* Counts the positive values of v in BINS bins over (0, top); returns the number of zeros. */
static double count_bins(const double *v, size_t n, double top, double *counts)
{
    double zeros = 0.0;
    for (size_t i = 0; i < n; i++) {
        zeros += v[i] == 0.0;
        if (v[i] > 0.0 && v[i] < top)
            counts[(size_t)(v[i] / top * BINS)] += 1.0;
    }
    return zeros;
}

/* A bin's fraction of all n activations; NaN (a gap) for an empty bin on the log axis. */
static double fraction(double count, size_t n) { return count > 0 ? count / (double)n : NAN; }

static void write_layer(const char *dir, FILE *labels, int layer, double *x, double *y,
                        double *mask)
{
    const double p = RATE[layer], keep = 1.0 - p, top = HIST_MAX[layer];
    gsl_rng *data = gsl_rng_alloc(gsl_rng_mt19937), *ref = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng *your = gsl_rng_alloc(gsl_rng_mt19937), *your_classic = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(data, 7 + (unsigned long)layer);
    gsl_rng_set(ref, 1);
    gsl_rng_set(your, 1);
    gsl_rng_set(your_classic, 1);
    double before[BINS] = {0}, after_ref[BINS] = {0}, after_yours[BINS] = {0};
    double zeros_before = 0, zeros_ref = 0, zeros_yours = NAN;
    bool have_yours = false;
    char name[32];
    snprintf(name, sizeof name, "mean_%d.dat", layer + 1);
    FILE *f = plot_open(dir, name);
    fprintf(f, "# batch  none  ref_inverted  ref_unscaled  ref_times_keep  your_inverted  "
               "your_classic_train\n");
    for (int k = 1; k <= BATCHES; k++) {
        activations(data, layer, x, BATCH);
        oracle_dropout_mask(ref, p, mask, BATCH);
        oracle_dropout_apply(x, mask, BATCH, 1.0L / keep, y);
        double ref_inverted = mean(y, BATCH);
        zeros_ref += count_bins(y, BATCH, top, after_ref);
        oracle_dropout_apply(x, mask, BATCH, 1.0L, y);
        double ref_unscaled = mean(y, BATCH);
        oracle_dropout_apply(x, mask, BATCH, keep, y);
        double ref_times_keep = mean(y, BATCH);
        bool written = yours(dropout_forward, "dropout_forward", x, y, mask, BATCH, p, your);
        double your_inverted = mean(y, BATCH);
        have_yours = written;
        if (written)
            zeros_yours = (k == 1 ? 0.0 : zeros_yours) + count_bins(y, BATCH, top, after_yours);
        zeros_before += count_bins(x, BATCH, top, before);
        yours(dropout_forward_classic, "dropout_forward_classic", x, y, mask, BATCH, p,
              your_classic);
        fprintf(f, "%d %.6f %.6f %.6f %.6f %.6f %.6f\n", k, mean(x, BATCH), ref_inverted,
                ref_unscaled, ref_times_keep, your_inverted, mean(y, BATCH));
    }
    fclose(f);

    snprintf(name, sizeof name, "hist_%d.dat", layer + 1);
    f = plot_open(dir, name);
    fprintf(f, "# bin_center  before  after_ref  after_yours   (fractions of all %d "
               "activations; the exact zeros are in labels.gp)\n", ALL);
    for (int b = 0; b < BINS; b++) {
        double center = (b + 0.5) * top / BINS;
        fprintf(f, "%.4f %.6g %.6g %.6g\n", center, fraction(before[b], ALL),
                fraction(after_ref[b], ALL), have_yours ? fraction(after_yours[b], ALL) : NAN);
    }
    fclose(f);
    fprintf(labels, "zeros_before_%d = %.6f\nzeros_ref_%d = %.6f\n", layer + 1,
            zeros_before / ALL, layer + 1, zeros_ref / ALL);
    if (have_yours)
        fprintf(labels, "zeros_yours_%d = %.6f\n", layer + 1, zeros_yours / ALL);
    else
        fprintf(labels, "zeros_yours_%d = NaN\n", layer + 1); /* gnuplot's name for it */
    fprintf(labels, "hist_max_%d = %g\n", layer + 1, top);
    gsl_rng_free(data);
    gsl_rng_free(ref);
    gsl_rng_free(your);
    gsl_rng_free(your_classic);
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("histogram", "dropout_forward");
    plot_uses("mean_activation", "dropout_forward", "dropout_forward_classic");
    double *x = malloc(BATCH * sizeof *x), *y = malloc(BATCH * sizeof *y);
    double *mask = malloc(BATCH * sizeof *mask);
    if (!x || !y || !mask) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (int layer = 0; layer < 2; layer++) {
        write_layer(dir, labels, layer, x, y, mask);
        fprintf(labels, "p_%d = %g\n", layer + 1, RATE[layer]);
    }
    fprintf(labels, "batch = %d\n", BATCH);
    free(x);
    free(y);
    free(mask);
    plot_finish(dir, labels);
    return 0;
}
