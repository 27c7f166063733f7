/*
 * Lesson 2 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   grid.dat                 the camelback on [-2, 2] x [-1.1, 1.1] (for contours)
 *   camel_ref_K.dat, camel_yours_K.dat   gradient descent from the notes' theta0 = (-0.5, 0.5)
 *                            with learning rate K = 1, 2, 3 (too small, good, too large)
 *   par_ref_K.dat, par_yours_K.dat       descent on f(x) = x^2 from x0 = 2: smooth, zig-zag,
 *                            diverging
 *   labels.gp                the learning rates and their names
 *   risk.dat                 the blog post Optimization's risk f = x cos(pi x) and empirical risk
 *                            g = f + 0.2 cos(5 pi x); labels: their minima (gsl_min) and plain
 *                            descent on each (reference, your noisy_descent_1d with noise 0)
 *   escape.dat               where noisy descent from f's local minimum ends, over 100 runs,
 *                            without and with noise (histograms: reference, yours)
 * The reference runs are the checker's own descent (oracle_gd_run) on the notes' formula; yours
 * use your gd_run, and on the camelback your camelback and camelback_grad.
 */
#include "gradient_descent.h"
#include "oracle.h"
#include "driver.h"
#include "todo.h"

#include <gsl/gsl_randist.h>

#include <math.h>
#include <stdbool.h>
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

static double risk(double x, void *p) { (void)p; return x * cos(M_PI * x); }
static double empirical_risk(double x, void *p) { return risk(x, p) + 0.2 * cos(5.0 * M_PI * x); }
static double d_risk(double x, void *p) { (void)p; return cos(M_PI * x) - M_PI * x * sin(M_PI * x); }
static double d_empirical_risk(double x, void *p) { return d_risk(x, p) - M_PI * sin(5.0 * M_PI * x); }

enum { ESCAPE_RUNS = 100, ESCAPE_STEPS = 300, ESCAPE_BINS = 70 };

/* Your noisy_descent_1d, or NaN where it is missing or its result is not finite. */
static double your_descent(wb_scalar_fn dfdx, double x0, double lr, size_t steps, double noise,
                           gsl_rng *rng)
{
    double x = noisy_descent_1d(dfdx, NULL, x0, lr, steps, noise, rng);
    return wb_missing("noisy_descent_1d") || !isfinite(x) ? NAN : x;
}

/*
 * Empirical risk vs risk, and escaping a local minimum with noise (the blog post Optimization).
 */
static void risk_figures(const char *dir, FILE *labels)
{
    FILE *f = plot_open(dir, "risk.dat");
    fprintf(f, "# x  risk f  empirical risk g\n");
    for (int k = 0; k <= 400; k++) {
        double x = 0.5 + k / 400.0;
        fprintf(f, "%.6f %.9f %.9f\n", x, risk(x, NULL), empirical_risk(x, NULL));
    }
    fclose(f);
    double min_f = oracle_minimize_1d(risk, NULL, 0.8, 1.1, 1.4);
    double min_g = oracle_minimize_1d(empirical_risk, NULL, 0.85, 1.0, 1.15);
    fprintf(labels, "min_f = %.9f\nmin_f_y = %.9f\nmin_g = %.9f\nmin_g_y = %.9f\n", min_f,
            risk(min_f, NULL), min_g, empirical_risk(min_g, NULL));
    /* plain descent (noise 0) from 1.3 on each: the noise stream is never used, but kept in step */
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    double ref_f = oracle_noisy_descent_1d(d_risk, NULL, 1.3, 0.01, 500, 0.0, rng, ORACLE_NOISE_ANNEALED);
    double ref_g = oracle_noisy_descent_1d(d_empirical_risk, NULL, 1.3, 0.01, 500, 0.0, rng,
                                           ORACLE_NOISE_ANNEALED);
    double your_f = your_descent(d_risk, 1.3, 0.01, 500, 0.0, rng);
    double your_g = your_descent(d_empirical_risk, 1.3, 0.01, 500, 0.0, rng);
    fprintf(labels, "gd_ref_f = %.9f\ngd_ref_g = %.9f\n", ref_f, ref_g);
    if (isfinite(your_f) && isfinite(your_g))
        fprintf(labels, "gd_your_f = %.9f\ngd_your_g = %.9f\n", your_f, your_g);
    else
        fprintf(labels, "gd_your_f = NaN\ngd_your_g = NaN\n");

    /* 100 runs from f's local minimum, each on its own seeded stream */
    const double x0 = oracle_minimize_1d(risk, NULL, -0.6, -0.27, 0.0), noise = 0.2, lr = 0.02;
    double lo = -1.5, width = 3.5 / ESCAPE_BINS;
    unsigned counts[4][ESCAPE_BINS] = {{0}};
    unsigned escaped[4] = {0};
    for (int run = 0; run < ESCAPE_RUNS; run++) {
        for (int kind = 0; kind < 4; kind++) {
            double sigma = kind % 2 ? noise : 0.0;
            gsl_rng_set(rng, 1000 + (unsigned long)run);
            double x = kind < 2 ? oracle_noisy_descent_1d(d_risk, NULL, x0, lr, ESCAPE_STEPS, sigma, rng,
                                                          ORACLE_NOISE_ANNEALED)
                                : your_descent(d_risk, x0, lr, ESCAPE_STEPS, sigma, rng);
            int bin = (int)floor((x - lo) / width);
            if (isfinite(x) && bin >= 0 && bin < ESCAPE_BINS)
                counts[kind][bin]++;
            if (isfinite(x) && fabs(x - min_f) < 0.25)
                escaped[kind]++;
        }
    }
    gsl_rng_free(rng);
    bool missing = wb_missing("noisy_descent_1d");
    f = plot_open(dir, "escape.dat");
    fprintf(f, "# bin centre  ref_no_noise  ref_noise  your_no_noise  your_noise  (fractions of %d runs)\n",
            ESCAPE_RUNS);
    for (int b = 0; b < ESCAPE_BINS; b++) {
        fprintf(f, "%.6f", lo + (b + 0.5) * width);
        for (int kind = 0; kind < 4; kind++) {
            if (kind >= 2 && missing)
                fprintf(f, " nan");
            else
                fprintf(f, " %.6f", (double)counts[kind][b] / ESCAPE_RUNS);
        }
        fprintf(f, "\n");
    }
    fclose(f);
    fprintf(labels, "escape_x0 = %.9f\nescape_noise = %g\nescape_lr = %g\nescape_steps = %d\n", x0, noise,
            lr, ESCAPE_STEPS);
    fprintf(labels, "escaped_ref = %.4f\n", (double)escaped[1] / ESCAPE_RUNS);
    if (missing)
        fprintf(labels, "escaped_yours = NaN\n");
    else
        fprintf(labels, "escaped_yours = %.4f\n", (double)escaped[3] / ESCAPE_RUNS);
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

    plot_uses("risk", "noisy_descent_1d");
    risk_figures(dir, labels);
    plot_finish(dir, labels);
    return 0;
}
