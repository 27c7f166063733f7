/*
 * Lesson 2 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   grid.dat                 the camelback on [-2, 2] x [-1.1, 1.1] (for contours)
 *   camel_ref_K.dat, camel_yours_K.dat   gradient descent from the notes' theta0 = (-0.5, 0.5)
 *                            with learning rate K = 1, 2, 3 (too small, good, too large)
 *   par_ref_K.dat, par_yours_K.dat       descent on f(x) = x^2 from x0 = 2: smooth, zig-zag,
 *                            diverging
 *   labels.gp                the learning rates and their names
 * The reference runs are the checker's own descent (oracle_gd_run) on the notes' formula; yours
 * use your gd_run, and on the camelback your camelback and camelback_grad.
 */
#include "gradient_descent.h"
#include "oracle.h"
#include "driver.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { CAMEL_STEPS = 60, PARABOLA_STEPS = 12 };
/* The rates: too small, good, too large; and smooth, zig-zag, diverging (the words are the
   scripts', in both languages). */
static const double CAMEL_LR[3] = {0.002, 0.03, 0.13};
static const double PARABOLA_LR[3] = {0.1, 0.9, 1.05};

/* The student's camelback as an objective of n = 2 variables. */
static double your_camelback(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return camelback(x);
}

static void your_camelback_grad(const double *x, size_t n, void *p, double *g)
{
    (void)n, (void)p;
    camelback_grad(x, g);
}

static void reference_camelback_grad(const double *x, size_t n, void *p, double *g)
{
    (void)n, (void)p;
    oracle_camelback_grad(x, g, NULL);
}

static double square(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * x[0];
}

static void square_grad(const double *x, size_t n, void *p, double *g)
{
    (void)n, (void)p;
    g[0] = 2.0 * x[0];
}

/* Writes rows 0..steps of a trajectory; with value != NULL, each row gets f(x) as well. */
static void write_path(const char *dir, const char *name, const double *traj, size_t steps,
                       size_t n, wb_vector_fn value)
{
    FILE *f = plot_open(dir, name);
    for (size_t k = 0; k <= steps; k++) {
        const double *x = traj + k * n;
        if (!isfinite(x[0]) || (n > 1 && !isfinite(x[1])) || fabs(x[0]) > 1e6)
            break;
        for (size_t i = 0; i < n; i++)
            fprintf(f, "%.9g ", x[i]);
        if (value)
            fprintf(f, "%.9g", value(x, n, NULL));
        fprintf(f, "\n");
    }
    fclose(f);
}

/* Runs the student's gd_run into a NaN-filled trajectory; returns the rows written. */
static size_t run_yours(const wb_objective *obj, const double *x0, size_t n, double lr,
                        size_t max_steps, double *traj)
{
    double x[2] = {x0[0], n > 1 ? x0[1] : 0.0}, grad[2] = {NAN, NAN};
    for (size_t i = 0; i < (max_steps + 1) * n; i++)
        traj[i] = NAN;
    size_t steps = gd_run(obj, x, n, lr, max_steps, 0.0, grad, traj);
    return steps <= max_steps ? steps : max_steps;
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("camelback", "gd_run", "camelback", "camelback_grad");
    plot_uses("parabola", "gd_run");

    FILE *grid = plot_open(dir, "grid.dat");
    for (int i = 0; i <= 120; i++) {
        for (int j = 0; j <= 66; j++) {
            double t[2] = {-2.0 + 4.0 * i / 120.0, -1.1 + 2.2 * j / 66.0};
            fprintf(grid, "%.5f %.5f %.6f\n", t[0], t[1], oracle_camelback(t));
        }
        fprintf(grid, "\n");
    }
    fclose(grid);

    const double theta0[2] = {-0.5, 0.5}, x0 = 2.0;
    const wb_objective ref_camel = {oracle_camelback_fn, reference_camelback_grad, NULL};
    const wb_objective your_camel = {your_camelback, your_camelback_grad, NULL};
    const wb_objective parabola = {square, square_grad, NULL};
    double traj[(CAMEL_STEPS + 1) * 2];
    char name[64];
    for (int k = 0; k < 3; k++) {
        size_t steps = oracle_gd_run(&ref_camel, theta0, 2, CAMEL_LR[k], CAMEL_STEPS, 0.0, traj);
        snprintf(name, sizeof name, "camel_ref_%d.dat", k + 1);
        write_path(dir, name, traj, steps, 2, NULL);
        steps = run_yours(&your_camel, theta0, 2, CAMEL_LR[k], CAMEL_STEPS, traj);
        snprintf(name, sizeof name, "camel_yours_%d.dat", k + 1);
        write_path(dir, name, traj, steps, 2, NULL);
        fprintf(labels, "camel_lr_%d = %g\n", k + 1, CAMEL_LR[k]);

        steps = oracle_gd_run(&parabola, &x0, 1, PARABOLA_LR[k], PARABOLA_STEPS, 0.0, traj);
        snprintf(name, sizeof name, "par_ref_%d.dat", k + 1);
        write_path(dir, name, traj, steps, 1, square);
        steps = run_yours(&parabola, &x0, 1, PARABOLA_LR[k], PARABOLA_STEPS, traj);
        snprintf(name, sizeof name, "par_yours_%d.dat", k + 1);
        write_path(dir, name, traj, steps, 1, square);
        fprintf(labels, "par_lr_%d = %g\n", k + 1, PARABOLA_LR[k]);
    }

    plot_finish(dir, labels);
    return 0;
}
