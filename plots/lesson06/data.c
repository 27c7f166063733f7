/*
 * Lesson 6 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   hist_K.dat    K = 1, 2, 3: tanh layers initialised too small (N(0, 0.01^2)), with Xavier
 *                 uniform, and too large (N(0, 1)): for each layer (one data block per layer)
 *                 the histogram of its activations, as "bin centre, layer, layer + reference
 *                 height, layer + your height" (heights scaled to a peak of 0.85; NaN inside
 *                 a run of bins too low to see, so that no line is drawn along the baseline)
 *   std_tanh.dat, std_relu.dat   layer, then for each of the six schemes the activation std of
 *                 the reference network and of yours (layer 0 is the input)
 *   weights_K.dat K = 1..4: the histogram (as a density) of your weights from init_xavier_uniform,
 *                 init_xavier_normal, init_he_normal, init_lecun_uniform for the README's layer
 *   labels.gp     the layer's scales, the schemes' names
 * The reference networks are the checker's own (oracle_deep_forward: its own draws of the same
 * laws, long double layers); yours run your deep_forward_stats and init functions with the same
 * seed, so where you draw in the same order with gsl_ran_flat / gsl_ran_gaussian the curves
 * coincide, and otherwise they agree statistically.
 */
#include "initialization.h"
#include "oracle_initialization.h"
#include "driver.h"
#include "todo.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

enum { SEED = 6, BATCH = 200, WIDTH = 128, DEPTH = 10, BINS = 50, STD_BATCH = 64 };
enum { FAN_IN = 300, FAN_OUT = 100 };

/* The schemes of the figures, with the law the reference draws from at width n; their names
   are std_by_layer.gp's scheme_name, in the same order. */
typedef struct {
    init_scheme scheme;
} named_scheme;

static const named_scheme SCHEMES[6] = {
    {{INIT_GAUSSIAN, 0.01}},      /* N(0, 0.01^2): too small */
    {{INIT_LECUN_UNIFORM, 0}},    /* LeCun uniform, r = 1/sqrt(n) */
    {{INIT_XAVIER_UNIFORM, 0}},
    {{INIT_XAVIER_NORMAL, 0}},
    {{INIT_HE_NORMAL, 0}},
    {{INIT_GAUSSIAN, 1.0}},       /* N(0, 1): too large */
};

/* The histogram figure's three schemes (indices into SCHEMES). */
static const int HIST_SCHEMES[3] = {0, 2, 5};

/* Whether the scheme draws U[-scale, scale] (else N(0, scale^2)) for a width x width layer. */
static int reference_law(init_scheme s, double n, double *scale)
{
    switch (s.kind) {
    case INIT_XAVIER_UNIFORM: *scale = sqrt(6.0 / (2.0 * n)); return 1;
    case INIT_XAVIER_NORMAL: *scale = sqrt(2.0 / (2.0 * n)); return 0;
    case INIT_HE_NORMAL: *scale = sqrt(2.0 / n); return 0;
    case INIT_LECUN_UNIFORM: *scale = 1.0 / sqrt(n); return 1;
    case INIT_GAUSSIAN: break;
    }
    *scale = s.std;
    return 0;
}

/* A run of both networks on the same input: H, mean and std of each (yours NaN if unwritten). */
typedef struct {
    double *H_ref, *H_yours, mean_ref[DEPTH], std_ref[DEPTH], mean_yours[DEPTH], std_yours[DEPTH];
} runs;

static double *alloc_doubles(size_t n)
{
    double *p = malloc(n * sizeof *p);
    if (!p) {
        fprintf(stderr, "plot driver: out of memory\n");
        exit(1);
    }
    return p;
}

static void run_both(const double *X, size_t batch, activation act, init_scheme s, runs *r)
{
    const size_t n = WIDTH;
    double scale, *W = alloc_doubles(DEPTH * n * n);
    int uniform = reference_law(s, (double)n, &scale);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, SEED);
    oracle_deep_forward(X, batch, n, DEPTH, act == ACT_RELU, uniform, scale, rng, W, r->H_ref,
                        r->mean_ref, r->std_ref);
    gsl_rng_set(rng, SEED);
    for (size_t k = 0; k < DEPTH * batch * n; k++)
        r->H_yours[k] = NAN;
    for (size_t l = 0; l < DEPTH; l++)
        r->mean_yours[l] = r->std_yours[l] = NAN;
    int status = deep_forward_stats(X, batch, n, DEPTH, act, s, rng, W, r->H_yours, r->mean_yours,
                                    r->std_yours);
    if (status != 0 || wb_missing("deep_forward_stats"))
        for (size_t l = 0; l < DEPTH; l++)
            r->mean_yours[l] = r->std_yours[l] = NAN;
    gsl_rng_free(rng);
    free(W);
}

/* The histogram of x[0..n-1] on [-1, 1] in BINS bins, scaled to a peak of 0.85 (all 0 if empty). */
static void histogram(const double *x, size_t n, double *height)
{
    double peak = 0.0;
    for (int k = 0; k < BINS; k++)
        height[k] = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || x[i] < -1.0 || x[i] > 1.0)
            continue;
        int k = (int)((x[i] + 1.0) / 2.0 * BINS);
        height[k < BINS ? k : BINS - 1] += 1.0;
    }
    for (int k = 0; k < BINS; k++)
        peak = fmax(peak, height[k]);
    for (int k = 0; k < BINS; k++)
        height[k] = peak > 0.0 ? 0.85 * height[k] / peak : NAN;
}

/* A height too small to see (under half a pixel: the layers are 1 apart, the peaks 0.85). */
static bool flat(double height) { return height < 0.01; }

/* A histogram's height for the data file: NaN (a gap) inside a run of flat bins, so that no
   line is drawn along the layer's baseline where it has (almost) no values; the flat bins next
   to a visible one stay, so that the curve comes down to the baseline. */
static double height_or_gap(const double *height, int k)
{
    bool empty = flat(height[k]) && (k == 0 || flat(height[k - 1])) &&
                 (k == BINS - 1 || flat(height[k + 1]));
    return empty ? NAN : height[k];
}

static void write_histograms(const char *dir, int panel, const runs *r, size_t batch)
{
    char name[32];
    snprintf(name, sizeof name, "hist_%d.dat", panel);
    FILE *f = plot_open(dir, name);
    const size_t N = batch * WIDTH;
    for (size_t l = 0; l < DEPTH; l++) {
        double ref[BINS], yours[BINS];
        histogram(r->H_ref + l * N, N, ref);
        histogram(r->H_yours + l * N, N, yours);
        fprintf(f, "# layer %zu: bin centre, layer, layer + reference, layer + yours\n", l + 1);
        for (int k = 0; k < BINS; k++)
            fprintf(f, "%.4f %zu %.5f %.5f\n", -1.0 + (k + 0.5) * 2.0 / BINS, l + 1,
                    (double)(l + 1) + height_or_gap(ref, k),
                    (double)(l + 1) + height_or_gap(yours, k));
        fprintf(f, "\n\n");
    }
    fclose(f);
}

/* std by layer for the six schemes under one activation; layer 0 is the input's std. */
static void write_std_curves(const char *dir, const char *name, const double *X, activation act)
{
    const size_t N = STD_BATCH * WIDTH;
    double curves[6][2][DEPTH + 1];
    runs r = {.H_ref = alloc_doubles(DEPTH * N), .H_yours = alloc_doubles(DEPTH * N)};
    double m, s, sample;
    oracle_mean_std(X, N, &m, &s, &sample);
    for (int k = 0; k < 6; k++) {
        run_both(X, STD_BATCH, act, SCHEMES[k].scheme, &r);
        curves[k][0][0] = s;
        curves[k][1][0] = isnan(r.std_yours[0]) ? NAN : s; /* no curve of yours at all */
        for (size_t l = 0; l < DEPTH; l++) {
            curves[k][0][l + 1] = r.std_ref[l];
            curves[k][1][l + 1] = r.std_yours[l];
        }
    }
    free(r.H_ref);
    free(r.H_yours);
    FILE *f = plot_open(dir, name);
    fprintf(f, "# layer, then reference and yours for each scheme in SCHEMES order\n");
    for (size_t l = 0; l <= DEPTH; l++) {
        fprintf(f, "%zu", l);
        for (int k = 0; k < 6; k++)
            fprintf(f, " %.6e %.6e", curves[k][0][l], curves[k][1][l]);
        fprintf(f, "\n");
    }
    fclose(f);
}

/* Your weights for the README's 300 -> 100 layer, as a density histogram on [-lim, lim]. */
static void write_weights(const char *dir, int panel, const char *function,
                          int (*init)(double *, size_t, size_t, gsl_rng *), double lim)
{
    enum { N = FAN_IN * FAN_OUT, WBINS = 60 };
    double *W = alloc_doubles(N), count[WBINS] = {0}, width = 2.0 * lim / WBINS;
    for (size_t k = 0; k < N; k++)
        W[k] = NAN;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, SEED);
    int status = init(W, FAN_IN, FAN_OUT, rng);
    gsl_rng_free(rng);
    int missing = status != 0 || wb_missing(function);
    for (size_t k = 0; k < N; k++) {
        int b = (int)floor((W[k] + lim) / width);
        if (isfinite(W[k]) && b >= 0 && b < WBINS)
            count[b] += 1.0;
    }
    char name[32];
    snprintf(name, sizeof name, "weights_%d.dat", panel);
    FILE *f = plot_open(dir, name);
    fprintf(f, "# bin centre, density of your weights\n");
    for (int b = 0; b < WBINS; b++)
        fprintf(f, "%.6f %.6f\n", -lim + (b + 0.5) * width, missing ? NAN : count[b] / (N * width));
    fclose(f);
    free(W);
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("histograms", "deep_forward_stats");
    plot_uses("std_by_layer", "deep_forward_stats");
    plot_uses("weights", "init_xavier_uniform", "init_xavier_normal", "init_he_normal",
              "init_lecun_uniform");

    gsl_rng *data = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(data, SEED + 1);
    double *X = alloc_doubles(BATCH * WIDTH);
    for (size_t k = 0; k < BATCH * WIDTH; k++)
        X[k] = gsl_ran_gaussian(data, 1.0);
    gsl_rng_free(data);

    runs r = {.H_ref = alloc_doubles(DEPTH * BATCH * WIDTH),
              .H_yours = alloc_doubles(DEPTH * BATCH * WIDTH)};
    for (int p = 0; p < 3; p++) {
        const named_scheme *s = &SCHEMES[HIST_SCHEMES[p]];
        run_both(X, BATCH, ACT_TANH, s->scheme, &r);
        write_histograms(dir, p + 1, &r, BATCH);
        fprintf(labels, "hist_scheme_%d = %d\nhist_std_%d = %.3g\n", p + 1, HIST_SCHEMES[p] + 1, p + 1,
                r.std_ref[DEPTH - 1]);
    }
    free(r.H_ref);
    free(r.H_yours);

    write_std_curves(dir, "std_tanh.dat", X, ACT_TANH);
    write_std_curves(dir, "std_relu.dat", X, ACT_RELU);
    free(X);

    const double fi = FAN_IN, fs = FAN_IN + FAN_OUT;
    const double r_xu = sqrt(6.0 / fs), s_xn = sqrt(2.0 / fs), s_he = sqrt(2.0 / fi),
                 r_lc = 1.0 / sqrt(fi);
    write_weights(dir, 1, "init_xavier_uniform", init_xavier_uniform, 0.2);
    write_weights(dir, 2, "init_xavier_normal", init_xavier_normal, 0.35);
    write_weights(dir, 3, "init_he_normal", init_he_normal, 0.35);
    write_weights(dir, 4, "init_lecun_uniform", init_lecun_uniform, 0.2);
    fprintf(labels, "fan_in = %d\nfan_out = %d\n", FAN_IN, FAN_OUT);
    fprintf(labels, "r_xu = %.9g\ns_xn = %.9g\ns_he = %.9g\nr_lc = %.9g\n", r_xu, s_xn, s_he, r_lc);
    fprintf(labels, "s_he_notes = %.9g\n", sqrt(4.0 / fs));

    plot_finish(dir, labels);
    return 0;
}
