/*
 * oracle_optimizers.h: the checker's own optimizer steps (lesson 9), written from torch.optim's
 * formulas and computed in long double, and the known wrong variants of each, selected by
 * flags. Nothing here includes the lesson's header: the hyper-parameters are passed as they are.
 * The plot driver uses the same functions for the reference curves.
 */
#ifndef WB_ORACLE_OPTIMIZERS_H
#define WB_ORACLE_OPTIMIZERS_H

#include <stddef.h>

#include "oracle.h"

/* A variant of an update: 0 is the right one (PyTorch's); each flag is one known mistake. */
enum {
    OPT_EXACT = 0,
    OPT_MOMENTUM_ASCENT = 1 << 0,    /* momentum: w <- w + lr * b */
    OPT_VELOCITY_SIGN = 1 << 1,      /* momentum: b <- mu * b - g, then w <- w - lr * b */
    OPT_PLAIN_MOMENTUM = 1 << 2,     /* Nesterov written as plain momentum: w <- w - lr * b */
    OPT_EPS_INSIDE_SQRT = 1 << 3,    /* g / sqrt(s + eps) (Lecture 5) */
    OPT_NO_ACCUMULATION = 1 << 4,    /* AdaGrad: h <- g^2 */
    OPT_NO_ONE_MINUS_RHO = 1 << 5,   /* RMSProp: s <- rho * s + g^2 */
    OPT_NO_BIAS_CORRECTION = 1 << 6, /* Adam: m and v used without / (1 - beta^t) */
    OPT_BIAS_AT_OLD_T = 1 << 7,      /* Adam: corrected with t before it is counted */
    OPT_DECAY_IN_GRADIENT = 1 << 8,  /* AdamW: weight decay added to the gradient (L2) */
    OPT_LR_IN_BUFFER = 1 << 9,       /* momentum as Lecture 5: b <- mu b + lr g, w <- w - b */
    OPT_LR_IN_VELOCITY = 1 << 10,    /* momentum as ToBig's: b <- mu b - lr g, w <- w + b */
    OPT_DECAY_TWICE = 1 << 11,       /* AdamW: w shrinks, then Adam's L2 decay on top */
};

void oracle_sgd_step(double *w, const double *g, size_t n, double lr);
void oracle_momentum_step(double *w, const double *g, double *b, size_t n, double lr, double mu,
                          unsigned flags);
void oracle_nesterov_step(double *w, const double *g, double *b, size_t n, double lr, double mu,
                          unsigned flags);
void oracle_adagrad_step(double *w, const double *g, double *h, size_t n, double lr, double eps,
                         unsigned flags);
void oracle_rmsprop_step(double *w, const double *g, double *s, size_t n, double lr, double rho,
                         double eps, unsigned flags);

/* Adam's hyper-parameters, as in the lesson (a separate type: the oracle is lesson-free). */
typedef struct {
    double lr, beta1, beta2, eps, weight_decay;
} oracle_adam_hyper;

/* Adam (decoupled = 0: weight decay as L2 in the gradient) or AdamW (decoupled = 1: w shrinks
   by lr * weight_decay * w first). *t counts the steps; the step increments it. */
void oracle_adam_step(double *w, const double *g, double *m, double *v, size_t n, size_t *t,
                      oracle_adam_hyper p, int decoupled, unsigned flags);

/* The schedules: StepLR, ExponentialLR, and CosineAnnealingLR held at lr_min after t_max. */
double oracle_lr_step_decay(double lr0, size_t epoch, size_t step_size, double gamma);
double oracle_lr_exponential(double lr0, size_t epoch, double gamma);
double oracle_lr_cosine(double lr0, double lr_min, size_t t, size_t t_max);

/* Lesson 9's momentum_schedule in long double (the arguments valid): 1 - mu(e) =
   (1 - mu_start) ((1 - mu_end) / (1 - mu_start))^(e / ramp), mu_end from e = ramp on. With
   flags: ORACLE_SCHEDULE_UNCAPPED keeps the formula past the ramp, ORACLE_SCHEDULE_LINEAR ramps
   mu itself linearly. */
enum { ORACLE_SCHEDULE_UNCAPPED = 1, ORACLE_SCHEDULE_LINEAR = 2 };
double oracle_momentum_schedule(double mu_start, double mu_end, size_t epoch, size_t ramp,
                                unsigned flags);

/* The minimiser of a convex quadratic 1/2 x'Ax - b'x: A x = b solved by gsl_linalg_cholesky. */
void oracle_quadratic_solve(const oracle_quadratic *q, double *xmin);

/* The race of ToBig's Optimization session: f(x, y) = x^2/20 + y^2, gradient (x/10, 2y), from (-7, 2). */
double oracle_race_value(const double *x, size_t n, void *params);
void oracle_race_grad(const double *x, size_t n, void *params, double *grad);

#endif
