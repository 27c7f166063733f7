/*
 * Lesson 10 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   quad_grid.dat, rosen_grid.dat, saddle_grid.dat   x y f(x, y), for contours and the surface
 *   quad_*.dat     ToBig's Optimization session's f = x^2/20 + y^2 from (-7, 2): gradient descent (reference) and
 *                  Newton's method (reference, yours)
 *   rosen_*.dat    Rosenbrock's function from (-1.2, 1): the same three runs, each row
 *                  "step x y ||grad||"
 *   saddle_*.dat   x^2 - y^2: the curves through (0, 0) along the Hessian's eigenvectors
 *                  (reference: the exact Hessian; yours: your hessian_central), and Newton's method
 *                  with its gradient-step fallback from (0.6, 0.35)
 *   labels.gp      step counts, eigenvalues and your classify_critical_point's verdict
 *   convexity.dat  x, then for ln(1 + e^-x) and x cos(pi x): f, f'' (exact), and whether your
 *                  hessian_is_psd calls the 1x1 Hessian f'' semi-definite (1, 0, or NaN)
 * The reference runs are the checker's own (oracle_newton_run with exact Hessians, oracle_gd_run);
 * yours use your newton_run with your hessian_central as the Hessian, and your classification.
 */
#include "newton.h"
#include "oracle.h"
#include "oracle_newton.h"
#include "driver.h"
#include "todo.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NEWTON_STEPS = 30, GD_STEPS = 50000 };

static double quad(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * x[0] / 20.0 + x[1] * x[1];
}

static void quad_grad(const double *x, size_t n, void *p, double *g)
{
    (void)n, (void)p;
    g[0] = x[0] / 10.0;
    g[1] = 2.0 * x[1];
}

static void quad_hessian(const double *x, size_t n, void *p, double *H)
{
    (void)x, (void)n, (void)p;
    H[0] = 0.1, H[1] = H[2] = 0.0, H[3] = 2.0;
}

/* Your Hessian: hessian_central on the objective's f (params: the objective, whose functions
   ignore their own params), h = 1e-4. */
static void your_hessian(const double *x, size_t n, void *p, double *H)
{
    const wb_objective *obj = p;
    double y[2] = {x[0], x[1]};
    for (size_t i = 0; i < n * n; i++)
        H[i] = NAN;
    hessian_central(obj->f, obj->params, y, n, 1e-4, H);
}

static void write_grid(const char *dir, const char *name, wb_vector_fn f, double x0, double x1,
                       double y0, double y1, int nx, int ny)
{
    FILE *out = plot_open(dir, name);
    for (int i = 0; i <= nx; i++) {
        for (int j = 0; j <= ny; j++) {
            double p[2] = {x0 + (x1 - x0) * i / nx, y0 + (y1 - y0) * j / ny};
            fprintf(out, "%.6f %.6f %.9g\n", p[0], p[1], f(p, 2, NULL));
        }
        fprintf(out, "\n");
    }
    fclose(out);
}

/* Writes rows "step x y ||grad||" of a run, thinned to about 400 rows on a log scale of the
   step, stopping at the first row that is not finite. */
static void write_run(const char *dir, const char *name, const double *traj, size_t steps,
                      wb_gradient_fn grad)
{
    FILE *out = plot_open(dir, name);
    size_t next = 0;
    for (size_t k = 0; k <= steps; k++) {
        const double *x = traj + 2 * k;
        if (!isfinite(x[0]) || !isfinite(x[1]) || fabs(x[0]) > 1e6 || fabs(x[1]) > 1e6)
            break;
        if (k < next && k != steps)
            continue;
        next = k < 100 ? k + 1 : (size_t)(k * 1.02);
        double g[2];
        grad(x, 2, NULL, g);
        fprintf(out, "%zu %.12g %.12g %.6e\n", k, x[0], x[1], hypot(g[0], g[1]));
    }
    fclose(out);
}

/* Your newton_run into a NaN-filled trajectory, with your hessian_central as the Hessian. */
static size_t run_yours(const wb_objective *obj, const double *x0, newton_options opt,
                        double *traj)
{
    double x[2] = {x0[0], x0[1]}, work[NEWTON_RUN_WORK(2)];
    for (size_t i = 0; i < 2 * (opt.max_steps + 1); i++)
        traj[i] = NAN;
    wb_objective with_params = {obj->f, obj->grad, (void *)obj};
    size_t steps = newton_run(&with_params, your_hessian, x, 2, opt, work, traj);
    return steps <= opt.max_steps ? steps : 0;
}

/* Newton (reference and yours) and gradient descent (reference) on one function. */
static void race(const char *dir, const char *tag, const wb_objective *obj, hessian_fn exact,
                 const double *x0, double gd_lr, size_t gd_steps, FILE *labels)
{
    static double traj[2 * (GD_STEPS + 1)];
    newton_options opt = {.max_steps = NEWTON_STEPS, .tol = 1e-8, .damping = 1.0,
                          .fallback_lr = 1e-3};
    char name[64];
    size_t steps = oracle_newton_run(obj, exact, x0, 2, opt.max_steps, opt.tol, opt.damping,
                                     opt.fallback_lr, traj);
    snprintf(name, sizeof name, "%s_newton_ref.dat", tag);
    write_run(dir, name, traj, steps, obj->grad);
    fprintf(labels, "%s_newton_steps = %zu\n", tag, steps);

    steps = run_yours(obj, x0, opt, traj);
    snprintf(name, sizeof name, "%s_newton_yours.dat", tag);
    write_run(dir, name, traj, steps, obj->grad);

    steps = oracle_gd_run(obj, x0, 2, gd_lr, gd_steps, 1e-8, traj);
    snprintf(name, sizeof name, "%s_gd_ref.dat", tag);
    write_run(dir, name, traj, steps, obj->grad);
    fprintf(labels, "%s_gd_steps = %zu\n%s_gd_lr = %g\n", tag, steps, tag, gd_lr);
}


/* The curves z = f(t v) through the saddle along each eigenvector v of H (columns of evec). */
static void write_eigen_curves(const char *dir, const char *name, const double *evec)
{
    FILE *out = plot_open(dir, name);
    for (int k = 0; k < 2; k++) {
        for (int s = -20; s <= 20; s++) {
            double t = s / 20.0, p[2] = {t * evec[k], t * evec[2 + k]};
            fprintf(out, "%.6f %.6f %.6f\n", p[0], p[1], oracle_saddle(p, 2, NULL));
        }
        fprintf(out, "\n\n");
    }
    fclose(out);
}

static void saddle_figure(const char *dir, FILE *labels)
{
    write_grid(dir, "saddle_grid.dat", oracle_saddle, -1.0, 1.0, -1.0, 1.0, 30, 30);
    const double origin[2] = {0.0, 0.0};
    double H[4], eval[2], evec[4];
    oracle_saddle_hessian(origin, 2, NULL, H);
    oracle_eigen_symm(H, 2, eval, evec);
    write_eigen_curves(dir, "saddle_eig_ref.dat", evec);
    fprintf(labels, "ref_eig_hi = %g\nref_eig_lo = %g\n", eval[1], eval[0]);

    /* yours: your hessian_central at (0, 0), its eigenvectors, your verdict */
    double x[2] = {0.0, 0.0}, yours[4] = {NAN, NAN, NAN, NAN}, work[CLASSIFY_WORK(2)];
    hessian_central(oracle_saddle, NULL, x, 2, 1e-3, yours);
    const char *status = plot_status("hessian_central");
    bool have_H = !status && isfinite(yours[0]) && isfinite(yours[1]) && isfinite(yours[2]) &&
                  isfinite(yours[3]);
    if (have_H) {
        oracle_eigen_symm(yours, 2, eval, evec);
        write_eigen_curves(dir, "saddle_eig_yours.dat", evec);
        fprintf(labels, "your_eig_hi = %.6g\nyour_eig_lo = %.6g\nyour_eigs_status = ''\n", eval[1], eval[0]);
    } else {
        fclose(plot_open(dir, "saddle_eig_yours.dat"));
        /* the status, or '' with no eigenvalues: H was not finite (saddle.gp words both) */
        fprintf(labels, "your_eig_hi = NaN\nyour_eig_lo = NaN\nyour_eigs_status = '%s'\n",
                status ? status : "");
    }
    critical_kind kind = classify_critical_point(have_H ? yours : H, 2, work);
    status = plot_status("classify_critical_point");
    /* the verdict as its critical_kind code (saddle.gp names it), or the status */
    fprintf(labels, "your_kind = %d\nyour_kind_status = '%s'\n", (int)kind, status ? status : "");

    /* Newton with the fallback from (0.6, 0.35): every step is a gradient step */
    const double x0[2] = {0.6, 0.35};
    const wb_objective obj = {oracle_saddle, oracle_saddle_grad, NULL};
    newton_options opt = {.max_steps = 6, .tol = 1e-10, .damping = 1.0, .fallback_lr = 0.1};
    double traj[2 * (6 + 1)];
    size_t steps = oracle_newton_run(&obj, oracle_saddle_hessian, x0, 2, opt.max_steps, opt.tol,
                                     opt.damping, opt.fallback_lr, traj);
    write_run(dir, "saddle_path_ref.dat", traj, steps, oracle_saddle_grad);
    steps = run_yours(&obj, x0, opt, traj);
    write_run(dir, "saddle_path_yours.dat", traj, steps, oracle_saddle_grad);
    fprintf(labels, "saddle_x0 = %g\nsaddle_y0 = %g\n", x0[0], x0[1]);
}

/* A convex and a non-convex function of one variable, with their exact second derivatives. */
static double softplus_neg(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return log1p(exp(-x[0]));
}

static double softplus_neg_f2(double x)
{
    double s = 1.0 / (1.0 + exp(-x));
    return s * (1.0 - s);
}

static double x_cos_pi_x(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * cos(M_PI * x[0]);
}

static double x_cos_pi_x_f2(double x) { return -2.0 * M_PI * sin(M_PI * x) - M_PI * M_PI * x * cos(M_PI * x); }

/* Your hessian_is_psd on the 1x1 Hessian (f''): 1, 0, or NaN where it is missing or invalid. */
static double your_psd(double f2)
{
    double work[CLASSIFY_WORK(1)];
    int verdict = hessian_is_psd(&f2, 1, work);
    if (wb_missing("hessian_is_psd") || (verdict != 0 && verdict != 1))
        return NAN;
    return verdict;
}

/*
 * Convex vs non-convex (ToBig's Optimization session): the logistic loss of one example,
 * ln(1 + e^-z), lies below every chord; x cos(pi x) rises above the chord from -0.3 to 0.8.
 * The chords' gaps at lambda = 1/2 come from your convexity_gap.
 */
static void convexity_figure(const char *dir, FILE *labels)
{
    FILE *f = plot_open(dir, "convexity.dat");
    fprintf(f, "# x  softplus f  f''  your_psd  xcospix f  f''  your_psd\n");
    for (int k = 0; k <= 240; k++) {
        double xa = -4.0 + 8.0 * k / 240.0, xb = -1.0 + 3.0 * k / 240.0;
        double fa2 = softplus_neg_f2(xa), fb2 = x_cos_pi_x_f2(xb);
        fprintf(f, "%.6f %.9f %.9f %g %.6f %.9f %.9f %g\n", xa, softplus_neg(&xa, 1, NULL), fa2,
                your_psd(fa2), xb, x_cos_pi_x(&xb, 1, NULL), fb2, your_psd(fb2));
    }
    fclose(f);
    const double a[2] = {-3.0, 2.0}, b[2] = {-0.3, 0.8};
    double mix[1], gap_a = NAN, gap_b = NAN;
    gap_a = convexity_gap(softplus_neg, NULL, &a[0], &a[1], 1, 0.5, mix);
    gap_b = convexity_gap(x_cos_pi_x, NULL, &b[0], &b[1], 1, 0.5, mix);
    if (wb_missing("convexity_gap") || !isfinite(gap_a) || !isfinite(gap_b))
        gap_a = gap_b = NAN;
    double ma = 0.5 * (a[0] + a[1]), mb = 0.5 * (b[0] + b[1]);
    fprintf(labels, "chord_a0 = %g\nchord_a1 = %g\nchord_b0 = %g\nchord_b1 = %g\n", a[0], a[1], b[0], b[1]);
    fprintf(labels, "ref_gap_a = %.9f\nref_gap_b = %.9f\n",
            0.5 * (softplus_neg(&a[0], 1, NULL) + softplus_neg(&a[1], 1, NULL)) - softplus_neg(&ma, 1, NULL),
            0.5 * (x_cos_pi_x(&b[0], 1, NULL) + x_cos_pi_x(&b[1], 1, NULL)) - x_cos_pi_x(&mb, 1, NULL));
    if (isfinite(gap_a))
        fprintf(labels, "your_gap_a = %.9f\nyour_gap_b = %.9f\n", gap_a, gap_b);
    else
        fprintf(labels, "your_gap_a = NaN\nyour_gap_b = NaN\n");
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("newton_vs_gd", "newton_run", "hessian_central");
    plot_uses("saddle", "newton_run", "hessian_central", "classify_critical_point");

    write_grid(dir, "quad_grid.dat", quad, -8.0, 8.0, -3.0, 3.0, 160, 60);
    const double q0[2] = {-7.0, 2.0};
    const wb_objective q = {quad, quad_grad, NULL};
    race(dir, "quad", &q, quad_hessian, q0, 0.9, GD_STEPS, labels);

    write_grid(dir, "rosen_grid.dat", oracle_rosenbrock, -2.0, 2.0, -3.5, 3.0, 160, 160);
    const double r0[2] = {-1.2, 1.0};
    const wb_objective r = {oracle_rosenbrock, oracle_rosenbrock_grad, NULL};
    race(dir, "rosen", &r, oracle_rosenbrock_hessian, r0, 1e-3, GD_STEPS, labels);

    saddle_figure(dir, labels);
    plot_uses("convexity", "convexity_gap", "hessian_is_psd");
    convexity_figure(dir, labels);
    plot_finish(dir, labels);
    return 0;
}
