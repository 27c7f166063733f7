/*
 * Lesson 5 plot driver: writes the data of the lesson's figures into the folder argv[1].
 * The data is the Wisconsin breast cancer set (datasets/breast_cancer.csv, read by the checker's
 * loader). The statistics are fitted on the training rows (4 of every 5 rows, in file order) and
 * applied to every row.
 *   raw_K.dat, ref_K.dat, yours_K.dat   mean area and mean smoothness of the rows of class K
 *                (0 malignant, 1 benign): as measured, standardized by the reference
 *                (GSL statistics) and by your standardize_fit + standardize_apply
 *   grid_raw.dat, grid_ref.dat          the least-squares loss of the class on (mean texture,
 *                mean radius), raw and standardized, as (w1, w2, excess loss / initial excess)
 *   path_raw.dat, path_ref.dat, path_yours.dat   gradient descent on those losses from w = 0
 *                with lr = 1/L (L the largest curvature); yours uses your standardized features
 *   labels.gp    counts, statistics, ranges and curvatures for the titles
 */
#include "preprocessing.h"
#include "oracle_preprocessing.h"
#include "dataset.h"
#include "oracle.h"
#include "driver.h"
#include "todo.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

enum { RADIUS = 0, TEXTURE = 1, AREA = 3, SMOOTHNESS = 4, GD_STEPS = 30, GRID = 100 };

static bool is_training_row(size_t i) { return i % 5 != 4; }

/* Two columns of the dataset as an m x 2 matrix; with training_only, the training rows only. */
static size_t pick(const dataset *d, size_t a, size_t b, bool training_only, double *X, double *y)
{
    size_t m = 0;
    for (size_t i = 0; i < d->rows; i++) {
        if (training_only && !is_training_row(i))
            continue;
        X[2 * m] = d->values[i * d->cols + a];
        X[2 * m + 1] = d->values[i * d->cols + b];
        y[m++] = d->values[i * d->cols + d->cols - 1];
    }
    return m;
}

/* Writes the rows of class k with finite values; a stub's NaN rows leave the file empty. */
static void write_class(const char *dir, const char *name, const double *X, const double *y,
                        size_t m, int k)
{
    FILE *f = plot_open(dir, name);
    for (size_t i = 0; i < m; i++)
        if ((int)y[i] == k && isfinite(X[2 * i]) && isfinite(X[2 * i + 1]))
            fprintf(f, "%.9g %.9g\n", X[2 * i], X[2 * i + 1]);
    fclose(f);
}

/* The student's standardization, fitted on the training rows: NaN where it is not written. */
static void your_standardize(const double *train, size_t n_train, const double *X, size_t m,
                             double *Z)
{
    double mean[2] = {NAN, NAN}, std[2] = {NAN, NAN};
    for (size_t i = 0; i < 2 * m; i++)
        Z[i] = NAN;
    int status = standardize_fit(train, n_train, 2, mean, std);
    standardize_apply(X, m, 2, mean, std, Z); /* also when fit is a stub: the note names both */
    if (status != 0 || wb_missing("standardize_fit") || wb_missing("standardize_apply"))
        for (size_t i = 0; i < 2 * m; i++)
            Z[i] = NAN;
}

/* ---- the scatter figure --------------------------------------------------------------------- */

static void scatter(const char *dir, FILE *labels, const dataset *d, double *X, double *y,
                    double *train, double *ty, double *Z)
{
    size_t m = pick(d, AREA, SMOOTHNESS, false, X, y);
    size_t n_train = pick(d, AREA, SMOOTHNESS, true, train, ty);
    write_class(dir, "raw_0.dat", X, y, m, 0);
    write_class(dir, "raw_1.dat", X, y, m, 1);

    double mean[2], std[2];
    oracle_standardize_fit(train, n_train, 2, mean, std);
    oracle_standardize_apply(X, m, 2, mean, std, Z);
    write_class(dir, "ref_0.dat", Z, y, m, 0);
    write_class(dir, "ref_1.dat", Z, y, m, 1);
    your_standardize(train, n_train, X, m, Z);
    write_class(dir, "yours_0.dat", Z, y, m, 0);
    write_class(dir, "yours_1.dat", Z, y, m, 1);

    double lo[2], hi[2];
    oracle_minmax_fit(X, m, 2, lo, hi);
    fprintf(labels, "rows = %zu\nn_train = %zu\n", m, n_train);
    fprintf(labels, "area_mean = %.4g\narea_std = %.4g\nsmooth_mean = %.4g\nsmooth_std = %.4g\n",
            mean[0], std[0], mean[1], std[1]);
    fprintf(labels, "area_span = %.4g\nsmooth_span = %.4g\n", hi[0] - lo[0], hi[1] - lo[1]);
}

/* ---- the gradient-descent figure ------------------------------------------------------------- */

/* The least-squares loss 1/(2m) sum (w.x_i - t_i)^2 = 1/2 w'Aw - b'w + c with A = X'X/m,
   b = X't/m. The target t is centered when the features are (standardized): the intercept. */
static oracle_quadratic least_squares(const double *X, const double *y, size_t m, bool center)
{
    double ybar = 0.0;
    for (size_t i = 0; i < m; i++)
        ybar += y[i] / (double)m;
    oracle_quadratic q = {.n = 2};
    for (size_t i = 0; i < m; i++) {
        double t = center ? y[i] - ybar : y[i];
        for (size_t r = 0; r < 2; r++) {
            q.b[r] += X[2 * i + r] * t / (double)m;
            for (size_t c = 0; c < 2; c++)
                q.A[2 * r + c] += X[2 * i + r] * X[2 * i + c] / (double)m;
        }
    }
    return q;
}

/* The minimiser A^-1 b of a 2 x 2 quadratic. */
static void minimiser(const oracle_quadratic *q, double w[2])
{
    double det = q->A[0] * q->A[3] - q->A[1] * q->A[2];
    w[0] = (q->A[3] * q->b[0] - q->A[1] * q->b[1]) / det;
    w[1] = (q->A[0] * q->b[1] - q->A[2] * q->b[0]) / det;
}

typedef struct {
    double x0, x1, y0, y1; /* the plotted square */
} box;

/* A square around the start 0 and the minimiser, so that both panels keep their true shape. */
static box box_around(const double wmin[2])
{
    double cx = wmin[0] / 2, cy = wmin[1] / 2;
    double half = 0.75 * fmax(fabs(wmin[0]), fabs(wmin[1])) + 1e-12;
    return (box){cx - half, cx + half, cy - half, cy + half};
}

/* The loss over the box, as the excess over the minimum relative to the excess at w = 0. */
static void write_grid(const char *dir, const char *name, oracle_quadratic *q, const double wmin[2],
                       box b)
{
    const double zero[2] = {0.0, 0.0};
    double fmin = oracle_quadratic_value(wmin, 2, q);
    double scale = oracle_quadratic_value(zero, 2, q) - fmin;
    FILE *f = plot_open(dir, name);
    for (int i = 0; i <= GRID; i++) {
        for (int j = 0; j <= GRID; j++) {
            double w[2] = {b.x0 + (b.x1 - b.x0) * i / GRID, b.y0 + (b.y1 - b.y0) * j / GRID};
            fprintf(f, "%.9g %.9g %.9g\n", w[0], w[1], (oracle_quadratic_value(w, 2, q) - fmin) / scale);
        }
        fprintf(f, "\n");
    }
    fclose(f);
}

/* Gradient descent from w = 0 with lr = 1/L; the path's rows are written while finite. */
static void write_path(const char *dir, const char *name, oracle_quadratic *q, double lr)
{
    const wb_objective obj = {oracle_quadratic_value, oracle_quadratic_grad, q};
    const double zero[2] = {0.0, 0.0};
    double traj[(GD_STEPS + 1) * 2];
    size_t steps = oracle_gd_run(&obj, zero, 2, lr, GD_STEPS, 0.0, traj);
    FILE *f = plot_open(dir, name);
    for (size_t k = 0; k <= steps && isfinite(traj[2 * k]) && isfinite(traj[2 * k + 1]); k++)
        fprintf(f, "%.9g %.9g\n", traj[2 * k], traj[2 * k + 1]);
    fclose(f);
}

/* One panel: its grid, its reference path, and the labels that describe it. */
static void descent_panel(const char *dir, FILE *labels, const char *tag, oracle_quadratic *q)
{
    double wmin[2], L = oracle_quadratic_curvature(q), trace = q->A[0] + q->A[3];
    minimiser(q, wmin);
    box b = box_around(wmin);
    char name[64];
    snprintf(name, sizeof name, "grid_%s.dat", tag);
    write_grid(dir, name, q, wmin, b);
    snprintf(name, sizeof name, "path_%s.dat", tag);
    write_path(dir, name, q, 1.0 / L);
    fprintf(labels, "%s_x0 = %.9g\n%s_x1 = %.9g\n%s_y0 = %.9g\n%s_y1 = %.9g\n", tag, b.x0, tag,
            b.x1, tag, b.y0, tag, b.y1);
    fprintf(labels, "%s_wmin1 = %.9g\n%s_wmin2 = %.9g\n", tag, wmin[0], tag, wmin[1]);
    /* the two curvatures are L and trace - L: their ratio is the condition number */
    fprintf(labels, "%s_L = %.4g\n%s_cond = %.3g\n", tag, L, tag, L / (trace - L));
}

static void descent(const char *dir, FILE *labels, const dataset *d, double *train, double *ty,
                    double *Z)
{
    size_t n = pick(d, TEXTURE, RADIUS, true, train, ty);
    oracle_quadratic raw = least_squares(train, ty, n, false);
    descent_panel(dir, labels, "raw", &raw);

    double mean[2], std[2];
    oracle_standardize_fit(train, n, 2, mean, std);
    oracle_standardize_apply(train, n, 2, mean, std, Z);
    oracle_quadratic ref = least_squares(Z, ty, n, true);
    descent_panel(dir, labels, "ref", &ref);

    your_standardize(train, n, train, n, Z);
    oracle_quadratic yours = least_squares(Z, ty, n, true);
    if (isfinite(yours.A[0]) && isfinite(yours.A[3]) && isfinite(yours.b[0]) && isfinite(yours.b[1]))
        write_path(dir, "path_yours.dat", &yours, 1.0 / oracle_quadratic_curvature(&yours));
    else
        fclose(plot_open(dir, "path_yours.dat"));
    fprintf(labels, "gd_steps = %d\n", GD_STEPS);
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("scatter", "standardize_fit", "standardize_apply");
    plot_uses("descent", "standardize_fit", "standardize_apply");
    char path[512], error[512];
    dataset d;
    if (dataset_load(dataset_path("breast_cancer.csv", path, sizeof path), &d, error, sizeof error)) {
        fprintf(stderr, "%s\n", error);
        return 1;
    }
    double *X = malloc(2 * d.rows * sizeof *X), *y = malloc(d.rows * sizeof *y);
    double *train = malloc(2 * d.rows * sizeof *train), *ty = malloc(d.rows * sizeof *ty);
    double *Z = malloc(2 * d.rows * sizeof *Z);
    if (!X || !y || !train || !ty || !Z) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    scatter(dir, labels, &d, X, y, train, ty, Z);
    descent(dir, labels, &d, train, ty, Z);
    plot_finish(dir, labels);
    free(X), free(y), free(train), free(ty), free(Z);
    dataset_free(&d);
    return 0;
}
