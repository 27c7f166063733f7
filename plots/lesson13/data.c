/*
 * Lesson 13 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   curves_ref.dat, curves_yours.dat   "epoch train_loss train_acc val_loss val_acc" of a
 *                       64-hidden-unit network trained with Adam on the standardized digits
 *   confusion.dat       "true predicted count" on the test digits (your trained network, or the
 *                       reference one while mlp_train is missing)
 *   wrong.dat           the misclassified test digits tiled 8 to a row (a matrix for `with image`)
 *   wrong_labels.dat    "x y true→predicted" for each of them
 *   weights.dat         the first layer's weights: each hidden unit's 64 incoming weights as an
 *                       8x8 image, tiled 8 to a row
 *   compare_K.dat       "epoch val_loss" of the reference network in four settings (K = 1..4)
 *   labels.gp           the numbers and the labels of the misclassified digits
 * The reference runs use the checker's network (checker/oracle/oracle_mlp.c) from the same
 * starting point and rng seed as yours, so both see the same batches.
 */
#include "mlp.h"

#include "driver.h"
#include "oracle_mlp.h"
#include "todo.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { H = 64, EPOCHS = 20, SEED = 4, TILE = 9, PER_ROW = 8, MAX_WRONG = 32 };

static oracle_digits d;
static double raw_test[DIGITS_ROWS * DIGITS_PIXELS]; /* the test digits' pixels, 0..16 */

/* W1 ~ N(0, 2/64) (He), W2 ~ N(0, 2/(H + 10)) (Xavier), gamma 1; or, unscaled, N(0, 1). */
static void start(const mlp_config *c, double *theta, double *running, gsl_rng *rng, int scaled)
{
    memset(theta, 0, MLP_PARAMS(c) * sizeof *theta);
    for (size_t k = 0; k < c->n_in * c->hidden; k++)
        theta[MLP_W1(c) + k] = gsl_ran_gaussian(rng, scaled ? sqrt(2.0 / (double)c->n_in) : 1.0);
    for (size_t k = 0; k < c->hidden * c->n_out; k++)
        theta[MLP_W2(c) + k] = gsl_ran_gaussian(rng, scaled ? sqrt(2.0 / (double)(c->hidden + c->n_out)) : 1.0);
    for (size_t j = 0; j < c->hidden; j++) {
        theta[MLP_GAMMA(c) + j] = 1.0;
        running[j] = 0.0;
        running[c->hidden + j] = 1.0;
    }
}

static void write_curves(const char *dir, const char *name, const double *history, int epochs)
{
    FILE *f = plot_open(dir, name);
    for (int e = 0; e < epochs; e++)
        fprintf(f, "%d %.9g %.9g %.9g %.9g\n", e + 1, history[4 * e], history[4 * e + 1],
                history[4 * e + 2], history[4 * e + 3]);
    fclose(f);
}

/* Tiles n 8x8 images (img(k, r, c)) PER_ROW to a row, one blank pixel between them. */
static void write_tiles(const char *dir, const char *name, size_t n,
                        double (*img)(size_t k, size_t r, size_t c, const void *ctx), const void *ctx)
{
    size_t rows = (n + PER_ROW - 1) / PER_ROW;
    FILE *f = plot_open(dir, name);
    for (size_t R = 0; R < rows * TILE; R++) {
        for (size_t C = 0; C < PER_ROW * TILE; C++) {
            size_t k = (R / TILE) * PER_ROW + C / TILE, r = R % TILE, c = C % TILE;
            if (k < n && r < 8 && c < 8)
                fprintf(f, "%s%.6g", C ? " " : "", img(k, r, c, ctx));
            else
                fprintf(f, "%sNaN", C ? " " : "");
        }
        fprintf(f, "\n");
    }
    fclose(f);
}

typedef struct {
    const size_t *which;
} wrong_ctx;

static double wrong_pixel(size_t k, size_t r, size_t c, const void *ctx)
{
    const wrong_ctx *w = ctx;
    return raw_test[w->which[k] * DIGITS_PIXELS + r * 8 + c];
}

static double weight_pixel(size_t k, size_t r, size_t c, const void *ctx)
{
    const double *W1 = ctx; /* W1[i * H + j]: input pixel i to hidden unit j */
    return W1[(r * 8 + c) * H + k];
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("curves", "mlp_train", "mlp_forward", "mlp_backward", "mlp_evaluate");
    plot_uses("confusion", "mlp_train");
    plot_uses("wrong", "mlp_train");
    plot_uses("weights", "mlp_train");
    char error[512];
    if (oracle_digits_load(&d, error, sizeof error) != 0) {
        fprintf(stderr, "%s\n", error);
        return 1;
    }
    memcpy(raw_test, d.X[2], d.n[2] * DIGITS_PIXELS * sizeof *raw_test);
    oracle_digits_standardize(&d, NULL, NULL);

    mlp_config c = {DIGITS_PIXELS, H, DIGITS_CLASSES, false, 0.0};
    mlp_options o = {EPOCHS, 32, 10, MLP_ADAM, 3e-3, 0.0, 1};
    oracle_mlp_shape s = {DIGITS_PIXELS, H, DIGITS_CLASSES, false, 0.0};
    oracle_mlp_options oo = {EPOCHS, 32, 10, 1, 3e-3, 0.0, 1};
    size_t P = MLP_PARAMS(&c), m = d.n[0], mv = d.n[1];
    double *theta0 = malloc(P * sizeof *theta0), running0[2 * H];
    double *ref = malloc(P * sizeof *ref), *yours = malloc(P * sizeof *yours);
    double ref_running[2 * H], your_running[2 * H], history[4 * EPOCHS], step[1];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, SEED);
    start(&c, theta0, running0, rng, 1);
    gsl_rng *rng_ref = gsl_rng_clone(rng), *rng_yours = gsl_rng_clone(rng);

    memcpy(ref, theta0, P * sizeof *ref), memcpy(ref_running, running0, sizeof running0);
    int e_ref = oracle_mlp_train(&s, &oo, ref, ref_running, d.X[0], d.y[0], m, d.X[1], d.y[1], mv,
                                 history, step, rng_ref, 0);
    write_curves(dir, "curves_ref.dat", history, e_ref);

    memcpy(yours, theta0, P * sizeof *yours), memcpy(your_running, running0, sizeof running0);
    size_t *order = malloc((m + (m > mv ? m : mv)) * sizeof *order);
    double *work = malloc(MLP_TRAIN_WORK(&c, &o, m, mv) * sizeof *work);
    int e_yours = mlp_train(&c, &o, yours, your_running, d.X[0], d.y[0], m, d.X[1], d.y[1], mv, work,
                            order, history, step, rng_yours);
    int have_yours = e_yours > 0 && !plot_status("mlp_train");
    write_curves(dir, "curves_yours.dat", history, have_yours ? e_yours : 0);

    /* the confusion matrix and the misclassified digits of the network shown */
    const double *shown = have_yours ? yours : ref, *shown_running = have_yours ? your_running : ref_running;
    size_t *pred = malloc(d.n[2] * sizeof *pred), wrong[MAX_WRONG], n_wrong = 0;
    double acc_ref, acc;
    oracle_mlp_evaluate(&s, ref, ref_running, d.X[2], d.y[2], d.n[2], NULL, &acc_ref, 0);
    oracle_mlp_evaluate(&s, shown, shown_running, d.X[2], d.y[2], d.n[2], pred, &acc, 0);
    size_t confusion[10][10] = {{0}};
    FILE *tags = plot_open(dir, "wrong_labels.dat"); /* "x y true→predicted" above each image */
    for (size_t i = 0; i < d.n[2]; i++) {
        confusion[d.y[2][i]][pred[i]]++;
        if (pred[i] != d.y[2][i] && n_wrong < MAX_WRONG) {
            fprintf(tags, "%zu %g %zu→%zu\n", (n_wrong % PER_ROW) * TILE + 3,
                    (double)(n_wrong / PER_ROW) * TILE - 1.2, d.y[2][i], pred[i]);
            wrong[n_wrong++] = i;
        }
    }
    fclose(tags);
    FILE *f = plot_open(dir, "confusion.dat");
    for (size_t t = 0; t < 10; t++) {
        for (size_t p = 0; p < 10; p++)
            fprintf(f, "%zu %zu %zu\n", p, t, confusion[t][p]);
        fprintf(f, "\n");
    }
    fclose(f);
    wrong_ctx wc = {wrong};
    write_tiles(dir, "wrong.dat", n_wrong, wrong_pixel, &wc);
    write_tiles(dir, "weights.dat", H, weight_pixel, shown + MLP_W1(&c));
    fprintf(labels, "whose = '%s'\nacc_shown = %.6f\nacc_ref = %.6f\nn_test = %zu\nn_wrong = %zu\n",
            have_yours ? "your network" : "the reference network (mlp_train is not written yet)", acc,
            acc_ref, d.n[2], n_wrong);
    fprintf(labels, "wrong_rows = %zu\n", (n_wrong + PER_ROW - 1) / PER_ROW);
    fprintf(labels, "epochs_ref = %d\nepochs_yours = %d\n", e_ref, have_yours ? e_yours : 0);

    /* the notes' claims on real data: no init scaling vs He, batch norm, dropout (reference) */
    static const struct {
        int scaled, bn;
        double p;
        const char *name;
    } runs[] = {{0, 0, 0.0, "N(0, 1) init, no scaling"}, {1, 0, 0.0, "He init"},
                {1, 1, 0.0, "He init + batch norm"}, {1, 0, 0.0, "He init, lr 0.03 (10 times larger)"}};
    for (int k = 0; k < 4; k++) {
        oracle_mlp_shape sk = {DIGITS_PIXELS, H, DIGITS_CLASSES, runs[k].bn, runs[k].p};
        oracle_mlp_options ok = oo;
        ok.patience = 0;
        ok.epochs = 12;
        if (k == 3)
            ok.lr = 0.03;
        gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
        gsl_rng_set(r, SEED);
        start(&c, theta0, running0, r, runs[k].scaled);
        int e = oracle_mlp_train(&sk, &ok, theta0, running0, d.X[0], d.y[0], m, d.X[1], d.y[1], mv,
                                 history, step, r, 0);
        char name[32];
        snprintf(name, sizeof name, "compare_%d.dat", k + 1);
        write_curves(dir, name, history, e);
        fprintf(labels, "compare_%d = '%s'\n", k + 1, runs[k].name);
        gsl_rng_free(r);
    }

    plot_finish(dir, labels);
    free(theta0), free(ref), free(yours), free(order), free(work), free(pred);
    gsl_rng_free(rng), gsl_rng_free(rng_ref), gsl_rng_free(rng_yours);
    oracle_digits_free(&d);
    return 0;
}
