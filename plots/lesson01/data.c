/*
 * Lesson 1 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   fd_error.dat  h, the error of the forward and central differences of exp at x = 1
 *                 (reference, then yours): the V-shaped trade-off between truncation and round-off
 *   curve.dat, tangent.dat  x cos(pi x) and its tangent at x0 = 1.3 (reference, yours)
 *   labels.gp     the steps central_difference_step(1) chooses (ref_h, your_h), x0 and f(x0)
 *   surface.dat, slice_x.dat, slice_y.dat  f = x y^2 + x^2 y near (1, 2), its slices y = 2 and
 *                 x = 1 with their tangents (slopes f_x and f_y: reference, yours)
 */
#include "derivatives.h"
#include "oracle.h"
#include "driver.h"
#include "todo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double exp_fn(double x, void *p) { (void)p; return exp(x); }
static double x_cos_pi_x(double x, void *p) { (void)p; return x * cos(M_PI * x); }

/* A value for a data file: NaN (a gap for gnuplot) where the student's function is a stub. */
static double or_gap(double v, const char *function) { return wb_missing(function) ? NAN : v; }

/* f(x, y) = x y^2 + x^2 y, the notes' first partial-derivative example. */
static double xy2_plus_x2y(const double *v, size_t n, void *p)
{
    (void)n, (void)p;
    return v[0] * v[1] * v[1] + v[0] * v[0] * v[1];
}

/*
 * The geometric meaning of a partial derivative: the plane y = b cuts the surface z = f(x, y)
 * in the curve z = f(x, b), whose tangent at x = a has slope f_x(a, b) (and likewise x = a,
 * f_y). Writes the surface, both slices and their tangents (reference slopes by
 * gsl_deriv_central, yours from grad_xy2_plus_x2y).
 */
static void write_partial_slices(const char *dir, FILE *labels)
{
    const double a = 1.0, b = 2.0, p[2] = {a, b}, z0 = xy2_plus_x2y(p, 2, NULL);
    double ref[2] = {oracle_partial(xy2_plus_x2y, NULL, p, 2, 0).value,
                     oracle_partial(xy2_plus_x2y, NULL, p, 2, 1).value};
    double yours[2];
    grad_xy2_plus_x2y(a, b, yours);
    for (int i = 0; i < 2; i++)
        yours[i] = or_gap(yours[i], "grad_xy2_plus_x2y");

    FILE *f = plot_open(dir, "surface.dat");
    for (int i = 0; i <= 30; i++) {
        for (int j = 0; j <= 30; j++) {
            double v[2] = {-0.5 + 2.5 * i / 30.0, 0.5 + 2.5 * j / 30.0};
            fprintf(f, "%.6f %.6f %.9f\n", v[0], v[1], xy2_plus_x2y(v, 2, NULL));
        }
        fprintf(f, "\n");
    }
    fclose(f);

    for (int axis = 0; axis < 2; axis++) {
        f = plot_open(dir, axis == 0 ? "slice_x.dat" : "slice_y.dat");
        fprintf(f, "# t  f on the slice  ref_tangent  your_tangent   (%s)\n",
                axis == 0 ? "t = x, y = 2" : "t = y, x = 1");
        for (int k = 0; k <= 60; k++) {
            double v[2] = {a, b}, d = -1.5 + 2.5 * k / 60.0;
            v[axis] += d;
            fprintf(f, "%.6f %.9f %.9f %.9f\n", v[axis], xy2_plus_x2y(v, 2, NULL),
                    z0 + ref[axis] * d, z0 + yours[axis] * d);
        }
        fclose(f);
    }
    fprintf(labels, "slice_a = %g\nslice_b = %g\nslice_z0 = %.9f\n", a, b, z0);
    fprintf(labels, "ref_fx = %.9f\nref_fy = %.9f\n", ref[0], ref[1]);
    if (isfinite(yours[0]) && isfinite(yours[1]))
        fprintf(labels, "your_fx = %.9f\nyour_fy = %.9f\n", yours[0], yours[1]);
    else
        fprintf(labels, "your_fx = NaN\nyour_fy = NaN\n");
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("fd_error", "derivative_forward", "derivative_central", "central_difference_step");
    plot_uses("tangent", "derivative_central");

    FILE *f = plot_open(dir, "fd_error.dat");
    fprintf(f, "# h  ref_forward_err  ref_central_err  your_forward_err  your_central_err\n");
    const double x = 1.0, truth = exp(1.0);
    for (int k = 0; k <= 64; k++) {
        double h = pow(10.0, -16.0 + k / 4.0);
        double rf = fabs(oracle_forward_difference(exp_fn, NULL, x, h) - truth);
        double rc = fabs(oracle_central_difference(exp_fn, NULL, x, h) - truth);
        double yf = or_gap(fabs(derivative_forward(exp_fn, NULL, x, h) - truth), "derivative_forward");
        double yc = or_gap(fabs(derivative_central(exp_fn, NULL, x, h) - truth), "derivative_central");
        fprintf(f, "%.6e %.6e %.6e %.6e %.6e\n", h, rf, rc, yf, yc);
    }
    fclose(f);

    double your_step = or_gap(central_difference_step(1.0), "central_difference_step");
    fprintf(labels, "ref_h = %.6e\n", oracle_central_step(1.0));
    if (isfinite(your_step) && your_step > 0)
        fprintf(labels, "your_h = %.6e\n", your_step);
    else
        fprintf(labels, "your_h = NaN\n");

    f = plot_open(dir, "curve.dat");
    for (int k = 0; k <= 300; k++) {
        double t = -1.0 + 3.0 * k / 300.0;
        fprintf(f, "%.6f %.9f\n", t, x_cos_pi_x(t, NULL));
    }
    fclose(f);

    const double x0 = 1.3, y0 = x_cos_pi_x(x0, NULL);
    double ref_slope = oracle_derivative(x_cos_pi_x, NULL, x0).value;
    double your_slope = or_gap(derivative_central(x_cos_pi_x, NULL, x0, 1e-5), "derivative_central");
    f = plot_open(dir, "tangent.dat");
    fprintf(f, "# x  ref_tangent  your_tangent   (at x0 = %g)\n", x0);
    for (int k = 0; k <= 20; k++) {
        double t = x0 - 0.6 + 1.2 * k / 20.0;
        fprintf(f, "%.6f %.9f %.9f\n", t, y0 + ref_slope * (t - x0), y0 + your_slope * (t - x0));
    }
    fclose(f);

    fprintf(labels, "x0 = %g\ny0 = %.9f\n", x0, y0);
    plot_uses("partial_slice", "grad_xy2_plus_x2y");
    write_partial_slices(dir, labels);
    plot_finish(dir, labels);
    return 0;
}
