/*
 * Lesson 4 plot driver: writes the data of the lesson's figures into the folder argv[1].
 *   act_K.dat   K = sigmoid, tanh, relu, leaky, elu: x, the reference f and f' (the checker's
 *               long-double activations), then yours (NaN where your function is a stub; your
 *               tanh column is always NaN, as tanh itself is the C library's)
 *   prelu.dat   x, d/da leaky_relu(x, a) at a = LEAK: reference (gsl_deriv_central in a), yours
 *   depth_X.dat depth, |d a_depth / dx| for sigmoid, tanh, ReLU: reference (the long-double
 *               product), then yours (chain_grad), for the start points X = 1, 2 (x0 = 1, 4)
 *   labels.gp   the parameters a and the start points
 */
#include "activations.h"
#include "driver.h"
#include "oracle_activations.h"
#include "todo.h"

#include <math.h>
#include <stdio.h>

/* a for the leaky ReLU panel: the notes' 0.01 would be invisible next to ReLU. */
static const double LEAK = 0.1;
/* a for ELU: PyTorch's default. */
static const double ELU_A = 1.0;
enum { SAMPLES = 240, MAX_DEPTH = 50 };
static const double X_LO = -4.0, X_HI = 4.0;
static const double STARTS[2] = {1.0, 4.0};

/* A value for a data file: NaN (a gap for gnuplot) where the student's function is a stub. */
static double or_gap(double v, const char *function) { return wb_missing(function) ? NAN : v; }

/* One panel: the student's f and f' (f(x) or f(x, a)); f_name NULL when f is not theirs. */
typedef struct {
    const char *file;
    oracle_activation kind;
    double a;
    double (*f)(double), (*df)(double);
    double (*f_a)(double, double), (*df_a)(double, double);
    const char *f_name, *df_name;
} panel;

static double your_value(const panel *p, double x)
{
    if (!p->f_name)
        return NAN; /* not a function of the lesson */
    double v = p->f ? p->f(x) : p->f_a(x, p->a);
    return or_gap(v, p->f_name);
}

static double your_slope(const panel *p, double x)
{
    double v = p->df ? p->df(x) : p->df_a(x, p->a);
    return or_gap(v, p->df_name);
}

static double x_at(int k) { return X_LO + (X_HI - X_LO) * k / SAMPLES; }

static void write_panel(const char *dir, const panel *p)
{
    FILE *f = plot_open(dir, p->file);
    fprintf(f, "# x  ref_f  ref_df  your_f  your_df   (a = %g)\n", p->a);
    for (int k = 0; k <= SAMPLES; k++) {
        double x = x_at(k);
        fprintf(f, "%.6f %.9g %.9g %.9g %.9g\n", x, oracle_activation_value(p->kind, x, p->a),
                oracle_activation_slope(p->kind, x, p->a), your_value(p, x), your_slope(p, x));
    }
    fclose(f);
}

static void write_prelu(const char *dir)
{
    FILE *f = plot_open(dir, "prelu.dat");
    fprintf(f, "# x  ref_d/da  your_d/da   (a = %g)\n", LEAK);
    for (int k = 0; k <= SAMPLES; k++) {
        double x = x_at(k);
        fprintf(f, "%.6f %.9g %.9g\n", x, oracle_prelu_alpha_derivative(x, LEAK).value,
                or_gap(prelu_grad_alpha(x, LEAK), "prelu_grad_alpha"));
    }
    fclose(f);
}

static void write_depths(const char *dir, int which, double x0)
{
    static const oracle_activation ref[3] = {ORACLE_SIGMOID, ORACLE_TANH, ORACLE_RELU};
    static const wb_activation yours[3] = {WB_SIGMOID, WB_TANH, WB_RELU};
    char name[32];
    snprintf(name, sizeof name, "depth_%d.dat", which);
    FILE *f = plot_open(dir, name);
    fprintf(f, "# depth  ref_sigmoid ref_tanh ref_relu  your_sigmoid your_tanh your_relu  (x0 = %g)\n",
            x0);
    for (size_t depth = 0; depth <= MAX_DEPTH; depth++) {
        fprintf(f, "%zu", depth);
        for (int k = 0; k < 3; k++)
            fprintf(f, " %.9g", fabs(oracle_chain_slope(ref[k], 0.0, depth, x0)));
        for (int k = 0; k < 3; k++)
            fprintf(f, " %.9g", fabs(or_gap(chain_grad(yours[k], depth, x0), "chain_grad")));
        fprintf(f, "\n");
    }
    fclose(f);
}

int main(int argc, char *argv[])
{
    FILE *labels;
    const char *dir = plot_start(argc, argv, &labels);
    plot_uses("activations", "sigmoid", "sigmoid_grad", "tanh_grad", "relu", "relu_grad",
              "leaky_relu", "leaky_relu_grad", "elu", "elu_grad", "prelu_grad_alpha");
    plot_uses("depth", "chain_grad");

    const panel panels[] = {
        {"act_sigmoid.dat", ORACLE_SIGMOID, 0.0, sigmoid, sigmoid_grad, NULL, NULL, "sigmoid",
         "sigmoid_grad"},
        {"act_tanh.dat", ORACLE_TANH, 0.0, NULL, tanh_grad, NULL, NULL, NULL, "tanh_grad"},
        {"act_relu.dat", ORACLE_RELU, 0.0, relu, relu_grad, NULL, NULL, "relu", "relu_grad"},
        {"act_leaky.dat", ORACLE_LEAKY_RELU, LEAK, NULL, NULL, leaky_relu, leaky_relu_grad,
         "leaky_relu", "leaky_relu_grad"},
        {"act_elu.dat", ORACLE_ELU, ELU_A, NULL, NULL, elu, elu_grad, "elu", "elu_grad"},
    };
    for (size_t k = 0; k < sizeof panels / sizeof panels[0]; k++)
        write_panel(dir, &panels[k]);
    write_prelu(dir);
    for (int k = 0; k < 2; k++)
        write_depths(dir, k + 1, STARTS[k]);

    fprintf(labels, "leak = %g\nelu_a = %g\nx0_1 = %g\nx0_2 = %g\nmax_depth = %d\n", LEAK, ELU_A,
            STARTS[0], STARTS[1], MAX_DEPTH);
    plot_finish(dir, labels);
    return 0;
}
