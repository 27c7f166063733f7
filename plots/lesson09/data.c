/*
 * Lesson 9 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   grid.dat                     f(x, y) = x^2/20 + y^2 on [-10, 10] x [-5, 5] (for contours)
 *   race_ref_K.dat, race_yours_K.dat   ToBig's Optimization session's race from (-7, 2), 30 steps of method K =
 *                                1 SGD, 2 momentum, 3 AdaGrad, 4 RMSProp, 5 Adam:
 *                                rows "step x y f(x, y)"
 *   mom_ref_K.dat, mom_yours_K.dat     momentum (lr 0.1) with mu = 0.5, 0.8, 0.9, 0.95 from
 *                                the same start, 100 steps, same columns
 *   sched_ref.dat, sched_yours.dat     "epoch step_decay exponential cosine" over 100 epochs
 *   labels.gp                    the methods' names and hyper-parameters
 * The reference runs use the checker's long-double updates (checker/oracle/optimizers.c); yours
 * use your step functions. A function that is still a stub leaves its data file empty.
 */
#include "optimizers.h"
#include "oracle.h"
/* The oracle's header has the lesson header's name: reach it by its path. */
#include "oracle_optimizers.h"
#include "driver.h"
#include "todo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { RACE_STEPS = 30, MOM_STEPS = 100, N_METHODS = 5, N_BETAS = 4, EPOCHS = 100 };
/* The methods' names are race.gp's method_name, in this order. */
static const char *FUNCTION[N_METHODS] = {"sgd_step", "momentum_step", "adagrad_step",
                                          "rmsprop_step", "adam_step"};
/* In UTF-8, which the PNG and a text terminal both show ({/Symbol m} is the PNG's only). */
static const char *SETTINGS[N_METHODS] = {"lr = 0.95", "lr = 0.1, μ = 0.9", "lr = 1.5, ε = 1e-10",
                                          "lr = 0.3, ρ = 0.9, ε = 1e-8",
                                          "lr = 0.3, β = (0.9, 0.999), ε = 1e-8"};
static const double BETAS[N_BETAS] = {0.5, 0.8, 0.9, 0.95};
static const double START[2] = {-7.0, 2.0};

/* The state of one run: up to two state arrays and Adam's step count. */
typedef struct {
    double w[2], s1[2], s2[2];
    size_t t;
} run_state;

/* One step of method k (0..4) with your functions, or the reference's when reference != 0. */
static void race_step(int k, int reference, run_state *r, const double *g, double mu)
{
    const adam_params adam = {.lr = 0.3, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8};
    const oracle_adam_hyper adam_ref = {0.3, 0.9, 0.999, 1e-8, 0.0};
    switch (k) {
    case 0:
        reference ? oracle_sgd_step(r->w, g, 2, 0.95) : (void)sgd_step(r->w, g, 2, 0.95);
        break;
    case 1:
        reference ? oracle_momentum_step(r->w, g, r->s1, 2, 0.1, mu, OPT_EXACT)
                  : (void)momentum_step(r->w, g, r->s1, 2, 0.1, mu);
        break;
    case 2:
        reference ? oracle_adagrad_step(r->w, g, r->s1, 2, 1.5, 1e-10, OPT_EXACT)
                  : (void)adagrad_step(r->w, g, r->s1, 2, 1.5, 1e-10);
        break;
    case 3:
        reference ? oracle_rmsprop_step(r->w, g, r->s1, 2, 0.3, 0.9, 1e-8, OPT_EXACT)
                  : (void)rmsprop_step(r->w, g, r->s1, 2, 0.3, 0.9, 1e-8);
        break;
    default:
        reference ? oracle_adam_step(r->w, g, r->s1, r->s2, 2, &r->t, adam_ref, 0, OPT_EXACT)
                  : (void)adam_step(r->w, g, r->s1, r->s2, 2, &r->t, &adam);
        break;
    }
}

/* Runs method k from START for `steps` steps and writes "step x y f" rows. A stub's file stays
   empty; a run stops at the first non-finite or far-away point. */
static void write_run(const char *dir, const char *name, int k, int reference, double mu,
                      size_t steps)
{
    double path[MOM_STEPS + 1][2];
    size_t rows = 0;
    run_state r = {.w = {START[0], START[1]}};
    for (; rows <= steps; rows++) {
        if (!isfinite(r.w[0]) || !isfinite(r.w[1]) || fabs(r.w[0]) > 1e3 || fabs(r.w[1]) > 1e3)
            break;
        path[rows][0] = r.w[0];
        path[rows][1] = r.w[1];
        double g[2];
        oracle_race_grad(r.w, 2, NULL, g);
        race_step(k, reference, &r, g, mu);
    }
    if (!reference && wb_missing(FUNCTION[k]))
        rows = 0;
    FILE *f = plot_open(dir, name);
    for (size_t step = 0; step < rows; step++)
        fprintf(f, "%zu %.9g %.9g %.9g\n", step, path[step][0], path[step][1],
                oracle_race_value(path[step], 2, NULL));
    fclose(f);
}

static void write_schedules(const char *dir, const char *name, int reference)
{
    FILE *f = plot_open(dir, name);
    const char *functions[3] = {"lr_step_decay", "lr_exponential", "lr_cosine"};
    for (size_t e = 0; e <= EPOCHS; e++) {
        double v[3];
        if (reference) {
            v[0] = oracle_lr_step_decay(0.1, e, 30, 0.5);
            v[1] = oracle_lr_exponential(0.1, e, 0.97);
            v[2] = oracle_lr_cosine(0.1, 0.001, e, 80);
        } else {
            v[0] = lr_step_decay(0.1, e, 30, 0.5);
            v[1] = lr_exponential(0.1, e, 0.97);
            v[2] = lr_cosine(0.1, 0.001, e, 80);
        }
        fprintf(f, "%zu", e);
        for (int k = 0; k < 3; k++)
            fprintf(f, " %.9g", !reference && wb_missing(functions[k]) ? NAN : v[k]);
        fprintf(f, "\n");
    }
    fclose(f);
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("race", "sgd_step", "momentum_step", "adagrad_step", "rmsprop_step", "adam_step");
    plot_uses("momentum", "momentum_step");
    plot_uses("schedules", "lr_step_decay", "lr_exponential", "lr_cosine");

    FILE *grid = plot_open(dir, "grid.dat");
    for (int i = 0; i <= 100; i++) {
        for (int j = 0; j <= 60; j++) {
            double p[2] = {-10.0 + 20.0 * i / 100.0, -5.0 + 10.0 * j / 60.0};
            fprintf(grid, "%.5f %.5f %.6f\n", p[0], p[1], oracle_race_value(p, 2, NULL));
        }
        fprintf(grid, "\n");
    }
    fclose(grid);

    char name[64];
    for (int k = 0; k < N_METHODS; k++) {
        snprintf(name, sizeof name, "race_ref_%d.dat", k + 1);
        write_run(dir, name, k, 1, 0.9, RACE_STEPS);
        snprintf(name, sizeof name, "race_yours_%d.dat", k + 1);
        write_run(dir, name, k, 0, 0.9, RACE_STEPS);
        fprintf(labels, "settings_%d = '%s'\n", k + 1, SETTINGS[k]);
    }
    for (int k = 0; k < N_BETAS; k++) {
        snprintf(name, sizeof name, "mom_ref_%d.dat", k + 1);
        write_run(dir, name, 1, 1, BETAS[k], MOM_STEPS);
        snprintf(name, sizeof name, "mom_yours_%d.dat", k + 1);
        write_run(dir, name, 1, 0, BETAS[k], MOM_STEPS);
        fprintf(labels, "beta_%d = %g\n", k + 1, BETAS[k]);
    }
    write_schedules(dir, "sched_ref.dat", 1);
    write_schedules(dir, "sched_yours.dat", 0);

    plot_finish(dir, labels);
    return 0;
}
