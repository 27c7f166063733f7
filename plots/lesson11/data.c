/*
 * Lesson 11 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   curves_ref_K.dat, curves_yours_K.dat   "epoch train_loss val_loss" for K = 1 BGD, 2 SGD,
 *                              3 MGD on standardized breast cancer (300 training rows, 269
 *                              validation rows), 40 epochs from w = 0 (epoch 0: the loss at w = 0)
 *   early_ref.dat, early_yours.dat   the same columns for a small training set (30 rows) that
 *                              overfits: 150 epochs of MGD without early stopping
 *   labels.gp                  the methods, their settings and the best epoch of each early run
 * The reference runs use the checker's long-double trainer (checker/oracle/oracle_training.c)
 * with the same rng seed, so both see the same batches; yours use your train_logistic. A stub
 * leaves its data file empty.
 */
#include "training.h"
/* The oracle's header has the lesson header's name: reach it by its own name. */
#include "oracle_training.h"
#include "dataset.h"
#include "driver.h"
#include "todo.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROWS = 569, D = 30, MAX_EPOCHS = 150, N_METHODS = 3 };
/* BGD, SGD, MGD: curves.gp names them, in this order. */
static double X[ROWS * D], y[ROWS];

/* Breast cancer in a fixed random order, standardized with the first train_rows rows. */
static void load(size_t train_rows)
{
    static double all[ROWS * D], label[ROWS];
    char path[512], error[512];
    dataset ds;
    if (dataset_load(dataset_path("breast_cancer.csv", path, sizeof path), &ds, error,
                     sizeof error) != 0) {
        fprintf(stderr, "%s\n", error);
        exit(1);
    }
    dataset_split(&ds, all, label);
    dataset_free(&ds);
    size_t order[ROWS];
    for (size_t i = 0; i < ROWS; i++)
        order[i] = i;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 11);
    gsl_ran_shuffle(rng, order, ROWS, sizeof(size_t));
    gsl_rng_free(rng);
    for (size_t i = 0; i < ROWS; i++) {
        memcpy(X + i * D, all + order[i] * D, D * sizeof *X);
        y[i] = label[order[i]];
    }
    oracle_standardize_split(X, ROWS, train_rows, D, NULL, NULL);
}

/* Trains from w = 0 on rows [0, m) watching rows [m, m + m_val) and writes "epoch train val"
   (row 0: w = 0). Returns the epoch with the lowest validation loss (1-based), or 0. */
static size_t write_run(const char *dir, const char *name, int reference, size_t m, size_t m_val,
                        train_options o)
{
    static double tl[MAX_EPOCHS], vl[MAX_EPOCHS];
    double w[D + 1] = {0}, grad[D + 1], best_w[D + 1];
    static size_t order[ROWS];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 2024);
    const double *Xv = X + m * D, *yv = y + m;
    int epochs;
    if (reference) {
        oracle_train_options ro = {o.lr, o.batch_size, o.epochs, o.weight_decay, o.patience};
        epochs = oracle_train_logistic(X, y, m, Xv, yv, m_val, D, w, ro, tl, vl, rng, 0);
    } else {
        train_work work = {order, grad, best_w};
        epochs = train_logistic(X, y, m, Xv, yv, m_val, D, w, &o, &work, tl, vl, rng);
        if (wb_missing("train_logistic") || wb_missing("logistic_loss_grad"))
            epochs = 0;
    }
    gsl_rng_free(rng);
    FILE *f = plot_open(dir, name);
    size_t best = 0;
    if (epochs > 0) {
        double zero[D + 1] = {0};
        fprintf(f, "0 %.9g %.9g\n", oracle_logistic_loss(X, y, zero, m, D, NULL),
                oracle_logistic_loss(Xv, yv, zero, m_val, D, NULL));
    }
    for (int e = 0; e < epochs; e++) {
        fprintf(f, "%d %.9g %.9g\n", e + 1, tl[e], vl[e]);
        if (best == 0 || vl[e] < vl[best - 1])
            best = (size_t)e + 1;
    }
    fclose(f);
    return best;
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("curves", "train_logistic", "logistic_loss_grad");
    plot_uses("early", "train_logistic", "logistic_loss_grad");
    char name[64];

    enum { M = 300, MV = ROWS - M, EPOCHS = 40 };
    const double CURVES_LR = 0.05;
    load(M);
    const size_t batch[N_METHODS] = {M, 1, 32};
    for (int k = 0; k < N_METHODS; k++) {
        train_options o = {.lr = CURVES_LR, .batch_size = batch[k], .epochs = EPOCHS};
        snprintf(name, sizeof name, "curves_ref_%d.dat", k + 1);
        write_run(dir, name, 1, M, MV, o);
        snprintf(name, sizeof name, "curves_yours_%d.dat", k + 1);
        write_run(dir, name, 0, M, MV, o);
        fprintf(labels, "batch_%d = %zu\n", k + 1, batch[k]);
    }
    /* the settings' numbers (no weight decay); curves.gp words them */
    fprintf(labels, "curves_lr = %g\ncurves_train = %d\ncurves_val = %d\n", CURVES_LR, M, MV);

    enum { SMALL = 30, SMALL_VAL = 200 };
    load(SMALL);
    train_options o = {.lr = 0.5, .batch_size = 5, .epochs = MAX_EPOCHS};
    size_t best_ref = write_run(dir, "early_ref.dat", 1, SMALL, SMALL_VAL, o);
    size_t best_yours = write_run(dir, "early_yours.dat", 0, SMALL, SMALL_VAL, o);
    fprintf(labels, "best_ref = %zu\nbest_yours = %zu\n", best_ref, best_yours);
    /* the settings' numbers (MGD); early.gp words them */
    fprintf(labels, "early_lr = %g\nearly_batch = %zu\nearly_train = %d\nearly_val = %d\n", o.lr,
            o.batch_size, SMALL, SMALL_VAL);

    plot_finish(dir, labels);
    return 0;
}
