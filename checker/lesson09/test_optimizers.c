/*
 * Lesson 9 suite: optimizer updates.
 * Expected values: the checker's own torch.optim updates in long double (checker/oracle/
 * optimizers.c), closed forms (momentum's geometric sum, Adam's first step lr*sign(g)), the
 * course notes' momentum form on ToBig's Optimization session's race, minimisers of random convex quadratics from
 * gsl_linalg_cholesky, and PyTorch's documented schedule examples.
 */
#include "check.h"
#include "optimizers.h"
#include "oracle.h"
/* The oracle's header has the lesson header's name: reach it by its path. */
#include "oracle_optimizers.h"

#include <float.h>
#include <math.h>
#include <string.h>

static const wb_mistake mistakes[] = {
    {"momentum_sign", "momentum_step",
     N_("A sign is flipped: the step climbs along the velocity (w + lr*b), or the velocity "
     "collects -g (b = mu*b - g) and is then subtracted."),
     N_("PyTorch's form keeps both signs positive in b and subtracts once: b = mu*b + g, then "
     "w = w - lr*b. (The notes' v = a*v - eta*g, w = w + v is the same walk with v = -lr*b.)")},
    {"nesterov_as_momentum", "nesterov_step",
     N_("This is plain momentum: w moves by lr*b, without Nesterov's look-ahead."),
     N_("After b = mu*b + g, Nesterov steps along g + mu*b (the new b), as "
     "torch.optim.SGD(nesterov=True) does.")},
    {"adagrad_no_accumulation", "adagrad_step",
     N_("h holds only this step's g^2: AdaGrad's memory of earlier gradients is lost."),
     N_("AdaGrad adds: h = h + g^2, and h only grows. (Dropping the memory makes every step "
     "about lr*sign(g).)")},
    {"adagrad_eps_inside_sqrt", "adagrad_step",
     N_("eps is inside the square root: g / sqrt(h + eps), Lecture 5's form."),
     N_("PyTorch and this workbook put eps outside: g / (sqrt(h) + eps).")},
    {"eps_inside_sqrt", "rmsprop_step",
     N_("eps is inside the square root: g / sqrt(s + eps), Lecture 5's RMSProp form."),
     N_("PyTorch and the Adam paper put eps outside: g / (sqrt(s) + eps).")},
    {"rmsprop_missing_one_minus_rho", "rmsprop_step",
     N_("The new g^2 enters with weight 1 instead of (1 - rho): s = rho*s + g^2 is no average."),
     N_("An exponential moving average weighs the old value by rho and the new one by 1 - rho: "
     "s = rho*s + (1 - rho)*g^2.")},
    {"adam_no_bias_correction", "adam_step",
     N_("m and v are used without the bias correction, so the early steps are wrong "
     "(the first one is about 3.2 lr instead of lr with the paper's betas)."),
     N_("Divide by (1 - beta^t) before the update: m_hat = m / (1 - beta1^t), "
     "v_hat = v / (1 - beta2^t).")},
    {"adam_t_from_zero", "adam_step",
     N_("The bias correction uses t before it is counted: at the first step 1 - beta^0 = 0 and "
     "the update divides by zero."),
     N_("Increment first (*t += 1), then use the new t in 1 - beta1^t and 1 - beta2^t: the "
     "first step has t = 1.")},
    {"adam_eps_inside_sqrt", "adam_step",
     N_("eps is inside the square root: m_hat / sqrt(v_hat + eps)."),
     N_("The paper and PyTorch add eps after the square root: m_hat / (sqrt(v_hat) + eps).")},
    {"adam_t_not_incremented", "adam_step",
     N_("*t is not counted up: every call behaves like the same step. (*t++ is this mistake too: "
     "it moves the pointer t to the next size_t and leaves the count as it was.)"),
     N_("adam_step owns the step counter: write *t += 1 (or (*t)++) at the start of each call.")},
    {"adamw_decay_through_gradient", "adamw_step",
     N_("The weight decay went through the gradient (L2, g + wd*w), which is Adam's "
     "weight_decay, not AdamW's."),
     N_("AdamW decouples it: first w = w - lr*wd*w, then the Adam step with g as it is.")},
    {"adamw_decay_twice", "adamw_step",
     N_("w is decayed twice: w shrinks by lr*wd*w, and then adam_step, given the struct unchanged, "
     "adds wd*w to the gradient as well (the classic mistake of calling Adam from AdamW)."),
     N_("Pass adam_step a copy of the parameters with weight_decay = 0 after shrinking w.")},
    {"momentum_lr_in_buffer", "momentum_step",
     N_("The learning rate is inside the velocity, as the course notes write momentum (m = mu*m + "
     "lr*g, w -= m; or v = mu*v - lr*g, w += v): w walks the same path while lr is constant, but "
     "b holds lr*b (or -lr*b), not the buffer this function keeps."),
     N_("momentum_step's b is torch.optim.SGD's momentum buffer, without lr: b = mu*b + g, then "
     "w = w - lr*b. The notes' m is lr*b; the two part as soon as lr changes (a schedule).")},
    {"lr_integer_division", "lr_cosine",
     N_("An integer division: t / t_max (or 1/2) computed with size_t is 0 before t_max, so the "
     "cosine never moves and lr stays at lr0 (or at lr_min)."),
     N_("Convert before dividing: cos(M_PI * (double)t / (double)t_max), and write 0.5 or 2.0.")},
    {"momentum_schedule_uncapped", "momentum_schedule",
     N_("The ramp never stops: past ramp_epochs mu keeps growing beyond mu_end (and towards 1, where "
     "the velocity never forgets)."),
     N_("From epoch >= ramp_epochs on, return mu_end itself.")},
    {"momentum_schedule_linear", "momentum_schedule",
     N_("mu was ramped linearly; the header ramps the window 1 / (1 - mu) geometrically, so that 1 - mu "
     "shrinks by the same factor every epoch."),
     N_("1 - mu(e) = (1 - mu_start) * ((1 - mu_end) / (1 - mu_start))^(e / ramp_epochs).")},
};
WB_MISTAKES(mistakes)

enum { MAX_N = 5 };

/* +-10^U(lo, hi): magnitudes spread over several decades, either sign. */
static double signed_magnitude(double lo, double hi)
{
    double x = pow(10.0, wb_uniform(lo, hi));
    return gsl_rng_uniform(wb_rng()) < 0.5 ? -x : x;
}

static double log_uniform(double lo, double hi) { return pow(10.0, wb_uniform(lo, hi)); }

static void random_vector(double *v, size_t n, double lo, double hi)
{
    for (size_t i = 0; i < n; i++)
        v[i] = wb_uniform(lo, hi);
}

/* w - lr * step can cancel to almost 0; then only the rounding of the terms is left. */
static const wb_tol UPDATE_TOL = {1e-9, 1e-12, "plus 1e-12: w - lr*step can cancel to near 0"};

/* ---- one step of a method with one state array ----------------------------------------------- */

typedef struct {
    const char *function;
    const char *state;                    /* the state array's name: b, h, s */
    const char *hyper[3];                 /* the hyper-parameters' names, in call order */
    int (*yours)(double *w, const double *g, double *state, size_t n, const double *hp);
    void (*reference)(double *w, const double *g, double *state, size_t n, const double *hp,
                      unsigned flags);
    void (*draw_hyper)(double *hp);
    int state_nonnegative;                /* h and s are sums of squares */
    struct {
        const char *id;
        unsigned flag;
    } mistakes[4];
} method;

static int your_momentum(double *w, const double *g, double *b, size_t n, const double *hp)
{
    return momentum_step(w, g, b, n, hp[0], hp[1]);
}
static int your_nesterov(double *w, const double *g, double *b, size_t n, const double *hp)
{
    return nesterov_step(w, g, b, n, hp[0], hp[1]);
}
static int your_adagrad(double *w, const double *g, double *h, size_t n, const double *hp)
{
    return adagrad_step(w, g, h, n, hp[0], hp[1]);
}
static int your_rmsprop(double *w, const double *g, double *s, size_t n, const double *hp)
{
    return rmsprop_step(w, g, s, n, hp[0], hp[1], hp[2]);
}
static void ref_momentum(double *w, const double *g, double *b, size_t n, const double *hp,
                         unsigned flags)
{
    oracle_momentum_step(w, g, b, n, hp[0], hp[1], flags);
}
static void ref_nesterov(double *w, const double *g, double *b, size_t n, const double *hp,
                         unsigned flags)
{
    oracle_nesterov_step(w, g, b, n, hp[0], hp[1], flags);
}
static void ref_adagrad(double *w, const double *g, double *h, size_t n, const double *hp,
                        unsigned flags)
{
    oracle_adagrad_step(w, g, h, n, hp[0], hp[1], flags);
}
static void ref_rmsprop(double *w, const double *g, double *s, size_t n, const double *hp,
                        unsigned flags)
{
    oracle_rmsprop_step(w, g, s, n, hp[0], hp[1], hp[2], flags);
}

static void draw_momentum(double *hp)
{
    hp[0] = log_uniform(-3, -0.5);
    hp[1] = wb_uniform(0.0, 0.99);
}
static void draw_adagrad(double *hp)
{
    hp[0] = log_uniform(-3, 0);
    hp[1] = log_uniform(-10, -2);
}
static void draw_rmsprop(double *hp)
{
    hp[0] = log_uniform(-3, -1);
    hp[1] = wb_uniform(0.5, 0.999);
    hp[2] = log_uniform(-8, -2);
}

static const method MOMENTUM = {"momentum_step", "b", {"lr", "mu"}, your_momentum, ref_momentum,
                                draw_momentum, 0,
                                {{"momentum_sign", OPT_MOMENTUM_ASCENT},
                                 {"momentum_sign", OPT_VELOCITY_SIGN},
                                 {"momentum_lr_in_buffer", OPT_LR_IN_BUFFER},
                                 {"momentum_lr_in_buffer", OPT_LR_IN_VELOCITY}}};
static const method NESTEROV = {"nesterov_step", "b", {"lr", "mu"}, your_nesterov, ref_nesterov,
                                draw_momentum, 0, {{"nesterov_as_momentum", OPT_PLAIN_MOMENTUM}}};
static const method ADAGRAD = {"adagrad_step", "h", {"lr", "eps"}, your_adagrad, ref_adagrad,
                               draw_adagrad, 1,
                               {{"adagrad_no_accumulation", OPT_NO_ACCUMULATION},
                                {"adagrad_eps_inside_sqrt", OPT_EPS_INSIDE_SQRT}}};
static const method RMSPROP = {"rmsprop_step", "s", {"lr", "rho", "eps"}, your_rmsprop,
                               ref_rmsprop, draw_rmsprop, 1,
                               {{"rmsprop_missing_one_minus_rho", OPT_NO_ONE_MINUS_RHO},
                                {"eps_inside_sqrt", OPT_EPS_INSIDE_SQRT}}};

static wb_call method_call(const method *m, const double *w, const double *g, const double *s,
                           size_t n, const double *hp)
{
    char ws[160], gs[160], ss[160], hs[120] = "";
    wb_format_vector(ws, sizeof ws, w, n);
    wb_format_vector(gs, sizeof gs, g, n);
    wb_format_vector(ss, sizeof ss, s, n);
    for (size_t k = 0; k < 3 && m->hyper[k]; k++)
        snprintf(hs + strlen(hs), sizeof hs - strlen(hs), ", %s = %.10g", m->hyper[k], hp[k]);
    return wb_call_of(m->function, "w = {%s}, g = {%s}, %s = {%s}, n = %zu%s", ws, gs, m->state,
                      ss, n, hs);
}

/* Checks one step of m from (w, g, state) against the oracle, naming the method's mistakes.
   On return w and state hold the oracle's result, so that steps can be chained. */
static void check_method_step(const method *m, const double *hp, double *w, const double *g,
                              double *state, size_t n)
{
    double want_w[MAX_N], want_s[MAX_N], wrong_w[4][MAX_N], wrong_s[4][MAX_N];
    wb_variant vw[4], vs[4];
    size_t nv = 0;
    memcpy(want_w, w, n * sizeof *w);
    memcpy(want_s, state, n * sizeof *state);
    m->reference(want_w, g, want_s, n, hp, OPT_EXACT);
    for (; nv < 4 && m->mistakes[nv].id; nv++) {
        memcpy(wrong_w[nv], w, n * sizeof *w);
        memcpy(wrong_s[nv], state, n * sizeof *state);
        m->reference(wrong_w[nv], g, wrong_s[nv], n, hp, m->mistakes[nv].flag);
        vw[nv] = (wb_variant){m->mistakes[nv].id, wrong_w[nv]};
        vs[nv] = (wb_variant){m->mistakes[nv].id, wrong_s[nv]};
    }
    wb_call call = method_call(m, w, g, state, n, hp);
    double *yw = wb_buffer_copy(w, n), *ys = wb_buffer_copy(state, n);
    const double *yg = wb_buffer_copy(g, n);
    int r = m->yours(yw, yg, ys, n, hp);
    wb_expect_untouched_fences(&call, "w", yw);
    wb_expect_untouched_fences(&call, m->state, ys);
    wb_expect_untouched_fences(&call, "g", yg);
    wb_expect_vector(&call, "w", yw, (wb_expected){want_w, "the update in long double"}, n,
                     UPDATE_TOL, vw, nv);
    wb_expect_vector(&call, m->state, ys, (wb_expected){want_s, "the update in long double"}, n,
                     WB_TOL_DEFAULT, vs, nv);
    wb_expect_scalar(&call, r, 0, "0: every hyper-parameter is in range", WB_TOL_DEFAULT,
                     WB_NO_VARIANTS);
    memcpy(w, want_w, n * sizeof *w);
    memcpy(state, want_s, n * sizeof *state);
}

/*
 * Steps of m on random inputs: trial 0 is a first step (state 0, with some zero gradients:
 * without eps, AdaGrad and RMSProp would divide 0 by sqrt(0) there), the others start from a
 * random state; each trial then takes two more steps from where the last one ended.
 */
static void check_method_random(const method *m)
{
    for (int trial = 0; trial < 6; trial++) {
        size_t n = 1 + (size_t)trial % MAX_N;
        double hp[3] = {0}, w[MAX_N], g[MAX_N], state[MAX_N];
        m->draw_hyper(hp);
        random_vector(w, n, -3, 3);
        for (size_t i = 0; i < n; i++) {
            double s = m->state_nonnegative ? log_uniform(-8, 1) : wb_uniform(-5, 5);
            state[i] = trial == 0 ? 0.0 : s;
        }
        for (int step = 0; step < 3; step++) {
            for (size_t i = 0; i < n; i++)
                g[i] = trial == 0 && step == 0 && i % 2 == 1 ? 0.0 : signed_magnitude(-4, 0.5);
            check_method_step(m, hp, w, g, state, n);
        }
    }
}

/* ---- SGD ------------------------------------------------------------------------------------- */

WB_TEST(lesson09, sgd_step, "sgd_step on random vectors: w - lr*g")
{
    for (int trial = 0; trial < 12; trial++) {
        size_t n = 1 + (size_t)trial % MAX_N;
        double w0[MAX_N], g[MAX_N], want[MAX_N], lr = log_uniform(-3, 0);
        random_vector(w0, n, -3, 3);
        random_vector(g, n, -3, 3);
        memcpy(want, w0, sizeof want);
        oracle_sgd_step(want, g, n, lr);
        char ws[160], gs[160];
        wb_format_vector(ws, sizeof ws, w0, n);
        wb_format_vector(gs, sizeof gs, g, n);
        wb_call call = wb_call_of("sgd_step", "w = {%s}, g = {%s}, n = %zu, lr = %.10g", ws, gs,
                                  n, lr);
        double *w = wb_buffer_copy(w0, n);
        int r = sgd_step(w, wb_buffer_copy(g, n), n, lr);
        wb_expect_untouched_fences(&call, "w", w);
        wb_expect_vector(&call, "w", w, (wb_expected){want, "the update in long double"}, n,
                         UPDATE_TOL, WB_NO_VARIANTS);
        wb_expect_scalar(&call, r, 0, "0: lr is in range", WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
}

/* ---- momentum and Nesterov ------------------------------------------------------------------- */

WB_TEST(lesson09, momentum_step, "momentum_step on random inputs: b = mu*b + g, w -= lr*b")
{
    check_method_random(&MOMENTUM);
}

/*
 * From b = 0, k steps with the same gradient g give the geometric sum
 *   b_k = g (1 + mu + ... + mu^(k-1)) = g (1 - mu^k) / (1 - mu),
 * and w_k = w_0 - lr sum_{j=1..k} b_j = w_0 - lr g (k - mu (1 - mu^k) / (1 - mu)) / (1 - mu).
 */
WB_TEST(lesson09, momentum_geometric_sum, "momentum_step: after k equal gradients b is the geometric sum")
{
    const size_t n = 3, steps = 25;
    double g[3], w0[3], lr = log_uniform(-3, -1), mu = wb_uniform(0.5, 0.99);
    random_vector(g, n, -2, 2);
    random_vector(w0, n, -3, 3);
    double *w = wb_buffer_copy(w0, n), *b = wb_buffer(n);
    const double *grad = wb_buffer_copy(g, n);
    memset(b, 0, n * sizeof *b);
    for (size_t k = 1; k <= steps; k++) {
        long double muk = powl(mu, (long double)k), geometric = (1.0L - muk) / (1.0L - mu);
        long double travelled = (k - mu * geometric) / (1.0L - mu);
        double want_b[3], want_w[3], wrong_w[3], lr_b[3], minus_lr_b[3];
        for (size_t i = 0; i < n; i++) {
            want_b[i] = (double)(g[i] * geometric);
            lr_b[i] = (double)(lr * g[i] * geometric);
            minus_lr_b[i] = -lr_b[i];
            want_w[i] = (double)(w0[i] - lr * g[i] * travelled);
            wrong_w[i] = (double)(w0[i] + lr * g[i] * travelled);
        }
        wb_call call = wb_call_of("momentum_step", "w, g = {%.10g, %.10g, %.10g}, b, n = 3, "
                                  "lr = %.10g, mu = %.10g; step %zu of %zu from b = 0 "
                                  "and w = {%.10g, %.10g, %.10g}",
                                  g[0], g[1], g[2], lr, mu, k, steps, w0[0], w0[1], w0[2]);
        momentum_step(w, grad, b, n, lr, mu);
        wb_expect_untouched_fences(&call, "w", w);
        wb_expect_untouched_fences(&call, "b", b);
        wb_expect_vector(&call, "b", b,
                         (wb_expected){want_b, "g (1 - mu^k) / (1 - mu), the geometric sum"}, n,
                         wb_tol_plus(1e-13, "plus 1e-13: k roundings of mu*b + g"),
                         WB_VARIANTS({"momentum_lr_in_buffer", lr_b},
                                     {"momentum_lr_in_buffer", minus_lr_b}));
        wb_expect_vector(&call, "w", w,
                         (wb_expected){want_w, "w0 - lr g (k - mu (1 - mu^k)/(1 - mu)) / (1 - mu)"},
                         n, wb_tol_plus(1e-12, "plus 1e-12: k roundings of w - lr*b"),
                         WB_VARIANTS({"momentum_sign", wrong_w}));
    }
}

/* The gradient of ToBig's Optimization session's race, f(x, y) = x^2/20 + y^2. */
static void race_grad(const double *x, double *g) { oracle_race_grad(x, 2, NULL, g); }

/*
 * ToBig's Optimization session writes momentum as v <- a v - eta g, W <- W + v (Lecture 5: m <- b m + eta g,
 * W <- W - m). With a constant eta this is PyTorch's walk with v = -eta b: both must visit the
 * same points, and b, PyTorch's buffer, is -v/eta (the notes' v and m keep eta inside; b does
 * not). The race: f = x^2/20 + y^2 from (-7, 2), a = 0.9, eta = 0.1, 30 steps.
 */
WB_TEST(lesson09, momentum_notes_form, "momentum_step walks the notes' path (v = a*v - eta*g, W += v) with b = -v/eta, lr kept out of b")
{
    const double alpha = 0.9, eta = 0.1, start[2] = {-7.0, 2.0};
    long double notes_w[2] = {start[0], start[1]}, notes_v[2] = {0.0L, 0.0L};
    double *w = wb_buffer_copy(start, 2), *b = wb_buffer(2), *g = wb_buffer(2);
    b[0] = b[1] = 0.0;
    for (int k = 1; k <= 30; k++) {
        double old[2] = {w[0], w[1]}, notes_g[2], want[2], want_b[2], v[2], minus_v[2];
        double notes_at[2] = {(double)notes_w[0], (double)notes_w[1]};
        race_grad(notes_at, notes_g);
        for (int i = 0; i < 2; i++) {
            notes_v[i] = alpha * notes_v[i] - eta * notes_g[i];
            notes_w[i] += notes_v[i];
            want[i] = (double)notes_w[i];
            want_b[i] = (double)(-notes_v[i] / eta);
            v[i] = (double)notes_v[i];
            minus_v[i] = -v[i];
        }
        race_grad(w, g);
        wb_call call = wb_call_of("momentum_step", "w = {%.10g, %.10g}, g = {%.10g, %.10g}, b, "
                                  "n = 2, lr = 0.1, mu = 0.9; step %d of the race on "
                                  "f = x^2/20 + y^2 from (-7, 2)",
                                  old[0], old[1], g[0], g[1], k);
        momentum_step(w, g, b, 2, eta, alpha);
        wb_expect_untouched_fences(&call, "w", w);
        wb_expect_untouched_fences(&call, "b", b);
        wb_expect_vector(&call, "w", w,
                         (wb_expected){want, "the notes' v = 0.9 v - 0.1 g, W = W + v "
                                             "(ToBig's Optimization session), in long double"},
                         2, wb_tol_plus(1e-11, "plus 1e-11: the two forms round differently, "
                                               "over up to 30 steps"),
                         WB_NO_VARIANTS);
        wb_expect_vector(&call, "b", b,
                         (wb_expected){want_b, "-v/0.1: the notes' velocity without the "
                                               "learning rate, in long double"},
                         2, wb_tol_plus(1e-10, "plus 1e-10: the two forms round differently, "
                                               "over up to 30 steps, and b = -v/0.1"),
                         WB_VARIANTS({"momentum_lr_in_buffer", v},
                                     {"momentum_lr_in_buffer", minus_v}));
    }
}

WB_TEST(lesson09, nesterov_step, "nesterov_step on random inputs: w -= lr*(g + mu*b) after b = mu*b + g")
{
    check_method_random(&NESTEROV);
}

/* ---- AdaGrad and RMSProp --------------------------------------------------------------------- */

WB_TEST(lesson09, adagrad_step, "adagrad_step on random inputs: h += g^2, w -= lr*g/(sqrt(h) + eps)")
{
    check_method_random(&ADAGRAD);
}

WB_TEST(lesson09, rmsprop_step, "rmsprop_step on random inputs: s = rho*s + (1-rho)*g^2, w -= lr*g/(sqrt(s) + eps)")
{
    check_method_random(&RMSPROP);
}

/* ---- Adam and AdamW -------------------------------------------------------------------------- */

typedef struct {
    double w[MAX_N], m[MAX_N], v[MAX_N];
    size_t t;
} adam_state;

static oracle_adam_hyper hyper_of(const adam_params *p)
{
    return (oracle_adam_hyper){p->lr, p->beta1, p->beta2, p->eps, p->weight_decay};
}

/* True when w has no finite element: what the division by 1 - beta^0 = 0 leaves. */
static int no_finite_value(const double *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isfinite(w[i]))
            return 0;
    return 1;
}

/* The oracle's step from st with the given variant flags. */
static adam_state adam_reference(adam_state st, const double *g, size_t n, const adam_params *p,
                                 int decoupled, unsigned flags)
{
    oracle_adam_step(st.w, g, st.m, st.v, n, &st.t, hyper_of(p), decoupled, flags);
    return st;
}

/*
 * Checks one adam_step (decoupled = 0) or adamw_step (1) from *st, naming the mistakes whose
 * result differs from the right one; on return *st holds the oracle's result.
 */
static void check_adam_step(int decoupled, adam_state *st, const double *g, size_t n,
                            const adam_params *p, const char *source)
{
    const char *name = decoupled ? "adamw_step" : "adam_step";
    adam_state want = adam_reference(*st, g, n, p, decoupled, OPT_EXACT);
    struct {
        const char *id;
        int decoupled;
        unsigned flag;
    } wrong[] = {
        {"adam_no_bias_correction", decoupled, OPT_NO_BIAS_CORRECTION},
        {"adam_t_from_zero", decoupled, OPT_BIAS_AT_OLD_T},
        {"adam_eps_inside_sqrt", decoupled, OPT_EPS_INSIDE_SQRT},
        {"adamw_decay_through_gradient", decoupled, OPT_DECAY_IN_GRADIENT},
        {"adamw_decay_twice", decoupled, OPT_DECAY_TWICE},
    };
    adam_state wrong_st[5];
    wb_variant vw[5], vm[5], vv[5];
    size_t nv = 0;
    for (size_t k = 0; k < 5; k++) {
        if (wrong[k].flag == OPT_BIAS_AT_OLD_T && st->t == 0)
            continue; /* a division by zero: named below by its NaN */
        if ((wrong[k].flag == OPT_DECAY_IN_GRADIENT || wrong[k].flag == OPT_DECAY_TWICE) &&
            !decoupled)
            continue;
        wrong_st[nv] = adam_reference(*st, g, n, p, decoupled, wrong[k].flag);
        vw[nv] = (wb_variant){wrong[k].id, wrong_st[nv].w};
        vm[nv] = (wb_variant){wrong[k].id, wrong_st[nv].m};
        vv[nv] = (wb_variant){wrong[k].id, wrong_st[nv].v};
        nv++;
    }

    char ws[160], gs[160], ms[160], vs[160];
    wb_format_vector(ws, sizeof ws, st->w, n);
    wb_format_vector(gs, sizeof gs, g, n);
    wb_format_vector(ms, sizeof ms, st->m, n);
    wb_format_vector(vs, sizeof vs, st->v, n);
    wb_call call = wb_call_of(name, "w = {%s}, g = {%s}, m = {%s}, v = {%s}, n = %zu, *t = %zu, "
                              "{lr = %.6g, beta1 = %.6g, beta2 = %.6g, eps = %.3g, "
                              "weight_decay = %.3g}",
                              ws, gs, ms, vs, n, st->t, p->lr, p->beta1, p->beta2, p->eps,
                              p->weight_decay);
    double *w = wb_buffer_copy(st->w, n), *m = wb_buffer_copy(st->m, n),
           *v = wb_buffer_copy(st->v, n);
    const double *grad = wb_buffer_copy(g, n);
    size_t t = st->t;
    int r = (decoupled ? adamw_step : adam_step)(w, grad, m, v, n, &t, p);
    wb_expect_untouched_fences(&call, "w", w);
    wb_expect_untouched_fences(&call, "m", m);
    wb_expect_untouched_fences(&call, "v", v);
    wb_expect_untouched_fences(&call, "g", grad);
    /* the counter first: a counter left as it was (or *t++, which moves the pointer) also
       makes w wrong, and would otherwise be taken for a missing bias correction */
    double same = (double)st->t;
    wb_expect_count(&call, "*t after the call", t, want.t,
                    WB_VARIANTS({"adam_t_not_incremented", &same}));
    if (st->t == 0 && no_finite_value(w, n) && !wb_todo_reached(name))
        wb_fail(&call, "adam_t_from_zero", "expected   finite values in w\ngot        no finite "
                "value at all, at the first step (*t = 0 on entry)");
    wb_expect_vector(&call, "w", w, (wb_expected){want.w, source}, n, UPDATE_TOL, vw, nv);
    wb_expect_vector(&call, "m", m, (wb_expected){want.m, source}, n, WB_TOL_DEFAULT, vm, nv);
    wb_expect_vector(&call, "v", v, (wb_expected){want.v, source}, n, WB_TOL_DEFAULT, vv, nv);
    wb_expect_scalar(&call, r, 0, "0: every hyper-parameter is in range", WB_TOL_DEFAULT,
                     WB_NO_VARIANTS);
    *st = want;
}

/*
 * The first step from m = v = 0: m_hat = g and v_hat = g^2 exactly, so every coordinate moves
 * by lr * g / (|g| + eps) = lr * sign(g), short by lr * eps / (|g| + eps).
 */
WB_TEST(lesson09, adam_first_step, "adam_step's first step moves every coordinate by lr*sign(g), with the paper's defaults")
{
    const adam_params p = ADAM_PAPER_DEFAULTS;
    for (int trial = 0; trial < 6; trial++) {
        size_t n = 1 + (size_t)trial % MAX_N;
        double g[MAX_N], sign_step[MAX_N], gmin = INFINITY;
        adam_state st = {.t = 0};
        random_vector(st.w, n, -1, 1);
        for (size_t i = 0; i < n; i++) {
            g[i] = signed_magnitude(-3, 1);
            gmin = fmin(gmin, fabs(g[i]));
            sign_step[i] = st.w[i] - p.lr * copysign(1.0, g[i]);
        }
        adam_state before = st;
        adam_state uncorrected = adam_reference(st, g, n, &p, 0, OPT_NO_BIAS_CORRECTION),
                   inside = adam_reference(st, g, n, &p, 0, OPT_EPS_INSIDE_SQRT);
        /* the step itself, with its own tolerance, then the full comparison */
        char ws[160], gs[160];
        wb_format_vector(ws, sizeof ws, st.w, n);
        wb_format_vector(gs, sizeof gs, g, n);
        wb_call call = wb_call_of("adam_step", "w = {%s}, g = {%s}, m = 0, v = 0, n = %zu, "
                                  "*t = 0, ADAM_PAPER_DEFAULTS = {lr = 1e-3, beta1 = 0.9, "
                                  "beta2 = 0.999, eps = 1e-8}",
                                  ws, gs, n);
        double *w = wb_buffer_copy(st.w, n), *m = wb_buffer(n), *v = wb_buffer(n);
        memset(m, 0, n * sizeof *m);
        memset(v, 0, n * sizeof *v);
        size_t t = 0;
        adam_step(w, wb_buffer_copy(g, n), m, v, n, &t, &p);
        wb_expect_untouched_fences(&call, "w", w);
        double zero = 0.0;
        wb_expect_count(&call, "*t after the first step", t, 1,
                        WB_VARIANTS({"adam_t_not_incremented", &zero}));
        if (no_finite_value(w, n) && !wb_todo_reached("adam_step"))
            wb_fail(&call, "adam_t_from_zero", "expected   w - lr*sign(g)\ngot        no finite "
                    "value at all");
        wb_expect_vector(&call, "w", w,
                         (wb_expected){sign_step, "w - lr*sign(g): the paper's first step"}, n,
                         wb_tol_plus(p.lr * p.eps / gmin + 1e-15,
                                     "plus lr*eps/min|g|: the step is lr*|g|/(|g| + eps)"),
                         WB_VARIANTS({"adam_no_bias_correction", uncorrected.w},
                                     {"adam_eps_inside_sqrt", inside.w}));
        check_adam_step(0, &before, g, n, &p, "Adam's first step in long double");
    }
}

static adam_params random_adam_params(double weight_decay)
{
    return (adam_params){.lr = log_uniform(-3, -1),
                         .beta1 = wb_uniform(0.5, 0.95),
                         .beta2 = wb_uniform(0.9, 0.9999),
                         .eps = log_uniform(-8, -2),
                         .weight_decay = weight_decay};
}

/* A random mid-run state: w, m in ranges, v >= 0, t from 0 to ~1000. */
static adam_state random_adam_state(size_t n, int trial)
{
    adam_state st = {.t = trial == 0 ? 0 : (size_t)log_uniform(0, 3)};
    random_vector(st.w, n, -3, 3);
    for (size_t i = 0; i < n; i++) {
        st.m[i] = trial == 0 ? 0.0 : signed_magnitude(-4, 0);
        st.v[i] = trial == 0 ? 0.0 : log_uniform(-8, 0);
    }
    return st;
}

/* Adam (decoupled = 0) or AdamW (1) from random states, two steps each. */
static void check_adam_random(int decoupled)
{
    for (int trial = 0; trial < 6; trial++) {
        size_t n = 1 + (size_t)trial % MAX_N;
        double decay = trial % 3 == 0 ? 0.0 : log_uniform(-3, -1);
        adam_params p = random_adam_params(decay);
        adam_state st = random_adam_state(n, trial);
        for (int step = 0; step < 2; step++) {
            double g[MAX_N];
            for (size_t i = 0; i < n; i++)
                g[i] = signed_magnitude(-4, 0.5);
            check_adam_step(decoupled, &st, g, n, &p,
                            decoupled ? "torch.optim.AdamW's step in long double"
                                      : "torch.optim.Adam's step in long double");
        }
    }
}

WB_TEST(lesson09, adam_step, "adam_step from random states: counts t, bias-corrects m and v, eps outside the sqrt")
{
    check_adam_random(0);
}

WB_TEST(lesson09, adamw_step, "adamw_step from random states: w -= lr*wd*w, then Adam without decay")
{
    check_adam_random(1);
}

/* ---- every method reaches the minimum of a convex quadratic ---------------------------------- */

typedef enum { SGD, MOMENTUM_M, NESTEROV_M, ADAGRAD_M, RMSPROP_M, ADAM_M, N_METHODS } method_id;

typedef struct {
    const char *function;
    const char *settings;
    size_t steps;
    double atol;
    const char *why;
} convergence_case;

static const convergence_case RUNS[N_METHODS] = {
    [SGD] = {"sgd_step", "lr = 0.5", 200, 1e-9,
             "plus 1e-9: the error shrinks by 1 - 0.5 lambda <= 0.75 per step"},
    [MOMENTUM_M] = {"momentum_step", "lr = 0.1, mu = 0.9", 600, 1e-8,
                    "plus 1e-8: the error shrinks like sqrt(mu)^k = 0.949^k"},
    [NESTEROV_M] = {"nesterov_step", "lr = 0.1, mu = 0.9", 600, 1e-8,
                    "plus 1e-8: the error shrinks at least like sqrt(mu)^k = 0.949^k"},
    [ADAGRAD_M] = {"adagrad_step", "lr = 1, eps = 1e-10", 400, 1e-8,
                   "plus 1e-8: h stops growing as g shrinks, so the rate settles at lr/sqrt(h)"},
    [RMSPROP_M] = {"rmsprop_step", "lr = 0.1 * 0.99^k at step k, rho = 0.9, eps = 1e-8", 1000, 1e-5,
                   "plus 1e-5: near the minimum RMSProp's steps stay about lr long "
                   "(g/sqrt(s) ~ 1), and the last lr is 0.1 * 0.99^999 = 4.3e-6"},
    [ADAM_M] = {"adam_step", "lr = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8", 1000, 0.05,
                "plus 0.05: with a constant lr Adam hovers near the minimum instead of settling "
                "(over 4000 random quadratics from starts within 3, the worst distance after "
                "1000 steps was 0.017); its exact steps are checked by the other Adam tests"},
};

/* Runs one method on the quadratic from x (in place), with the student's step. */
static void run_method(method_id id, const oracle_quadratic *q, double *x, double *g, double *s1,
                       double *s2, size_t n)
{
    const adam_params adam = {.lr = 0.1, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8};
    size_t t = 0;
    memset(s1, 0, n * sizeof *s1);
    memset(s2, 0, n * sizeof *s2);
    for (size_t k = 0; k < RUNS[id].steps; k++) {
        oracle_quadratic_grad(x, n, (void *)q, g);
        switch (id) {
        case SGD: sgd_step(x, g, n, 0.5); break;
        case MOMENTUM_M: momentum_step(x, g, s1, n, 0.1, 0.9); break;
        case NESTEROV_M: nesterov_step(x, g, s1, n, 0.1, 0.9); break;
        case ADAGRAD_M: adagrad_step(x, g, s1, n, 1.0, 1e-10); break;
        case RMSPROP_M: rmsprop_step(x, g, s1, n, 0.1 * pow(0.99, (double)k), 0.9, 1e-8); break;
        case ADAM_M: adam_step(x, g, s1, s2, n, &t, &adam); break;
        default: break;
        }
        if (!isfinite(x[0]))
            return;
    }
}

WB_TEST(lesson09, converge_quadratic, "every method reaches the minimiser of random convex quadratics (gsl_linalg_cholesky)")
{
    for (size_t n = 1; n <= 4; n++) {
        oracle_quadratic q = oracle_quadratic_random(wb_rng(), n, 0.5, 2.0);
        double x0[4], xmin[4];
        random_vector(x0, n, -3, 3);
        oracle_quadratic_solve(&q, xmin);
        double *x = wb_buffer(n), *g = wb_buffer(n), *s1 = wb_buffer(n), *s2 = wb_buffer(n);
        char xs[160];
        wb_format_vector(xs, sizeof xs, x0, n);
        for (method_id id = 0; id < N_METHODS; id++) {
            const convergence_case *c = &RUNS[id];
            wb_call call = wb_call_of(c->function, "w, g = A w - b, ..., n = %zu, %s; %zu steps "
                                      "on f = 1/2 w'Aw - b'w (random, curvatures in [0.5, 2]) "
                                      "from w = {%s}, state 0",
                                      n, c->settings, c->steps, xs);
            memcpy(x, x0, n * sizeof *x);
            run_method(id, &q, x, g, s1, s2, n);
            wb_expect_untouched_fences(&call, "w", x);
            wb_expect_untouched_fences(&call, "state", s1);
            wb_expect_untouched_fences(&call, "state", s2);
            wb_expect_vector(&call, "w", x,
                             (wb_expected){xmin, "the minimiser: A w = b by gsl_linalg_cholesky"},
                             n, wb_tol_plus(c->atol, c->why), WB_NO_VARIANTS);
        }
    }
}

/* ---- learning-rate schedules ----------------------------------------------------------------- */

typedef struct {
    double lr0, lr_min, gamma;
    size_t epoch, step_size, t_max;
} schedule_case;

static void check_step_decay(schedule_case c, const char *source)
{
    wb_call call = wb_call_of("lr_step_decay", "lr0 = %.10g, epoch = %zu, step_size = %zu, "
                              "gamma = %.10g", c.lr0, c.epoch, c.step_size, c.gamma);
    wb_expect_scalar(&call, lr_step_decay(c.lr0, c.epoch, c.step_size, c.gamma),
                     oracle_lr_step_decay(c.lr0, c.epoch, c.step_size, c.gamma), source,
                     WB_TOL_DEFAULT, WB_NO_VARIANTS);
}

WB_TEST(lesson09, lr_step_decay, "lr_step_decay: PyTorch's StepLR example and random cases")
{
    /* torch.optim.lr_scheduler.StepLR's documented example: lr = 0.05, step_size = 30,
       gamma = 0.1 gives 0.05 for epochs 0-29, 0.005 for 30-59, 0.0005 for 60-89. */
    const size_t epochs[] = {0, 29, 30, 59, 60, 89};
    for (size_t k = 0; k < sizeof epochs / sizeof epochs[0]; k++)
        check_step_decay((schedule_case){.lr0 = 0.05, .gamma = 0.1, .epoch = epochs[k],
                                         .step_size = 30},
                         "StepLR's example: 0.05 * 0.1^floor(epoch / 30)");
    for (int trial = 0; trial < 20; trial++)
        check_step_decay((schedule_case){.lr0 = log_uniform(-4, 0), .gamma = wb_uniform(0.1, 1),
                                         .epoch = gsl_rng_uniform_int(wb_rng(), 300),
                                         .step_size = 1 + gsl_rng_uniform_int(wb_rng(), 50)},
                         "lr0 * gamma^floor(epoch / step_size) in long double");
}

WB_TEST(lesson09, lr_exponential, "lr_exponential: lr0 * gamma^epoch")
{
    for (int trial = 0; trial < 20; trial++) {
        double lr0 = trial == 0 ? 0.1 : log_uniform(-4, 0), gamma = trial == 0 ? 0.9 : wb_uniform(0.8, 1);
        size_t epoch = trial == 0 ? 10 : gsl_rng_uniform_int(wb_rng(), 500);
        wb_call call = wb_call_of("lr_exponential", "lr0 = %.10g, epoch = %zu, gamma = %.10g", lr0,
                                  epoch, gamma);
        wb_expect_scalar(&call, lr_exponential(lr0, epoch, gamma),
                         oracle_lr_exponential(lr0, epoch, gamma),
                         trial == 0 ? "0.1 * 0.9^10 = 0.0348678440100" : "lr0 * gamma^epoch in long double",
                         WB_TOL_DEFAULT, WB_NO_VARIANTS);
    }
}

WB_TEST(lesson09, lr_cosine, "lr_cosine: cosine annealing from lr0 to lr_min, then held at lr_min")
{
    /* lr0 = 0.1, lr_min = 0, t_max = 100: 0.1 at the start, 0.05 half-way, 0 at the end and after */
    const size_t fixed_t[] = {0, 25, 50, 100, 150};
    for (int trial = 0; trial < 25; trial++) {
        int fixed = trial < 5;
        schedule_case c = {.lr0 = fixed ? 0.1 : log_uniform(-3, 0), .t_max = 100};
        if (!fixed) {
            c.lr_min = c.lr0 * wb_uniform(0, 0.5);
            c.t_max = 1 + gsl_rng_uniform_int(wb_rng(), 1000);
        }
        size_t t = fixed ? fixed_t[trial] : gsl_rng_uniform_int(wb_rng(), 2 * c.t_max);
        wb_call call = wb_call_of("lr_cosine", "lr0 = %.10g, lr_min = %.10g, t = %zu, t_max = %zu",
                                  c.lr0, c.lr_min, t, c.t_max);
        wb_expect_scalar(&call, lr_cosine(c.lr0, c.lr_min, t, c.t_max),
                         oracle_lr_cosine(c.lr0, c.lr_min, t, c.t_max),
                         fixed ? "CosineAnnealingLR: 0.1, 0.0854, 0.05, 0 at t = 0, 25, 50, 100; "
                                 "held at lr_min after t_max"
                               : "lr_min + (lr0 - lr_min)(1 + cos(pi t/t_max))/2 in long double",
                         wb_tol_plus(4 * DBL_EPSILON * c.lr0,
                                     "plus 4 eps lr0: 1 + cos(pi t/t_max) cancels near t_max"),
                         WB_VARIANTS({"lr_integer_division", &c.lr0},
                                     {"lr_integer_division", &c.lr_min}));
    }
}

/* ---- invalid arguments ----------------------------------------------------------------------- */

/* Expects -1, and w and the state (when there is one) untouched. */
static void expect_refused(const wb_call *call, int r, const double *w, const double *w0,
                           const double *s, const double *s0, size_t n)
{
    const char *source = "unchanged: a refused step changes nothing";
    wb_expect_vector(call, "w", w, (wb_expected){w0, source}, n, WB_TOL_DEFAULT, WB_NO_VARIANTS);
    wb_expect_vector(call, "the state", s, (wb_expected){s0, source}, n, WB_TOL_DEFAULT,
                     WB_NO_VARIANTS);
    wb_expect_scalar(call, r, -1, "-1: a hyper-parameter is out of range", WB_TOL_DEFAULT,
                     WB_NO_VARIANTS);
}

static void expect_nan(const char *function, const char *args, double got)
{
    wb_call call = wb_call_of(function, "%s", args);
    wb_expect_nan(&call, got, "the schedule is undefined");
}

WB_TEST(lesson09, invalid_arguments, "out-of-range hyper-parameters: the step returns -1 and changes nothing")
{
    enum { N = 3 };
    const double w0[N] = {1.0, -2.0, 0.5}, g[N] = {0.3, -0.1, 2.0}, s0[N] = {0.2, 0.1, 0.4};
    double *w = wb_buffer(N), *s = wb_buffer(N), *s2 = wb_buffer(N);
    const double *grad = wb_buffer_copy(g, N);
#define W_G "w = {1, -2, 0.5}, g = {0.3, -0.1, 2}, "
#define S0 "{0.2, 0.1, 0.4}"
#define RESET() (memcpy(w, w0, sizeof w0), memcpy(s, s0, sizeof s0), memcpy(s2, s0, sizeof s0))
#define REFUSED(function, args, expr)                                                    \
    do {                                                                                 \
        RESET();                                                                         \
        wb_call call = wb_call_of(function, W_G args);                                   \
        expect_refused(&call, (expr), w, w0, s, s0, N);                                  \
    } while (0)
    REFUSED("sgd_step", "n = 3, lr = -0.1", sgd_step(w, grad, N, -0.1));
    REFUSED("sgd_step", "n = 3, lr = NAN", sgd_step(w, grad, N, NAN));
    REFUSED("momentum_step", "b = " S0 ", n = 3, lr = 0.1, mu = 1",
            momentum_step(w, grad, s, N, 0.1, 1.0));
    REFUSED("momentum_step", "b = " S0 ", n = 3, lr = 0.1, mu = -0.5",
            momentum_step(w, grad, s, N, 0.1, -0.5));
    REFUSED("nesterov_step", "b = " S0 ", n = 3, lr = -1, mu = 0.9",
            nesterov_step(w, grad, s, N, -1.0, 0.9));
    REFUSED("nesterov_step", "b = " S0 ", n = 3, lr = 0.1, mu = 1.5",
            nesterov_step(w, grad, s, N, 0.1, 1.5));
    REFUSED("adagrad_step", "h = " S0 ", n = 3, lr = 0.1, eps = 0",
            adagrad_step(w, grad, s, N, 0.1, 0.0));
    REFUSED("adagrad_step", "h = " S0 ", n = 3, lr = -0.1, eps = 1e-10",
            adagrad_step(w, grad, s, N, -0.1, 1e-10));
    REFUSED("rmsprop_step", "s = " S0 ", n = 3, lr = 0.01, rho = 1, eps = 1e-8",
            rmsprop_step(w, grad, s, N, 0.01, 1.0, 1e-8));
    REFUSED("rmsprop_step", "s = " S0 ", n = 3, lr = 0.01, rho = 0.9, eps = 0",
            rmsprop_step(w, grad, s, N, 0.01, 0.9, 0.0));
    const adam_params good = ADAM_PAPER_DEFAULTS;
    const struct {
        const char *what;
        adam_params p;
    } bad[] = {
        {"lr = -1e-3", {-1e-3, 0.9, 0.999, 1e-8, 0.0}},
        {"beta1 = 1", {1e-3, 1.0, 0.999, 1e-8, 0.0}},
        {"beta2 = -0.5", {1e-3, 0.9, -0.5, 1e-8, 0.0}},
        {"eps = 0", {1e-3, 0.9, 0.999, 0.0, 0.0}},
        {"weight_decay = -0.01", {1e-3, 0.9, 0.999, 1e-8, -0.01}},
        {"beta1 = NAN", {1e-3, NAN, 0.999, 1e-8, 0.0}},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        for (int decoupled = 0; decoupled < 2; decoupled++) {
            RESET();
            size_t t = 3;
            wb_call call = wb_call_of(decoupled ? "adamw_step" : "adam_step",
                                      W_G "m = v = " S0 ", n = 3, *t = 3, "
                                      "{%s, the others the paper's}", bad[k].what);
            int r = (decoupled ? adamw_step : adam_step)(w, grad, s, s2, N, &t, &bad[k].p);
            expect_refused(&call, r, w, w0, s, s0, N);
            wb_expect_vector(&call, "v", s2, (wb_expected){s0, "unchanged"}, N, WB_TOL_DEFAULT,
                             WB_NO_VARIANTS);
            wb_expect_count(&call, "*t", t, 3, WB_NO_VARIANTS);
        }
    }
    RESET();
    wb_call call = wb_call_of("adam_step", W_G "m = v = " S0 ", n = 3, t = NULL, "
                              "ADAM_PAPER_DEFAULTS");
    expect_refused(&call, adam_step(w, grad, s, s2, N, NULL, &good), w, w0, s, s0, N);
#undef REFUSED
#undef RESET
#undef S0
#undef W_G
    wb_expect_untouched_fences(&call, "w", w);
    wb_expect_untouched_fences(&call, "the state", s);
    wb_expect_untouched_fences(&call, "v", s2);
    expect_nan("lr_step_decay", "lr0 = 0.1, epoch = 5, step_size = 0, gamma = 0.5",
               lr_step_decay(0.1, 5, 0, 0.5));
    expect_nan("lr_cosine", "lr0 = 0.1, lr_min = 0, t = 5, t_max = 0", lr_cosine(0.1, 0.0, 5, 0));
}

/* ---- the momentum schedule ---------------------------------------------------------------------- */

static void check_momentum_schedule(void)
{
    /* the notes' 0.5 -> 0.99, over 10 epochs: 0.5, 1 - 0.5 sqrt(0.02) = 0.929289 half-way, 0.99 */
    const size_t fixed_epoch[] = {0, 5, 10, 15};
    for (int trial = 0; trial < 24; trial++) {
        int fixed = trial < 4;
        double mu0 = 0.5, mu1 = 0.99;
        size_t ramp = 10, e = fixed ? fixed_epoch[trial] : 0;
        if (!fixed) {
            mu0 = wb_uniform(0.0, 0.9);
            mu1 = wb_uniform(mu0, 0.999);
            ramp = 1 + gsl_rng_uniform_int(wb_rng(), 50);
            e = gsl_rng_uniform_int(wb_rng(), 2 * ramp);
        }
        double want = oracle_momentum_schedule(mu0, mu1, e, ramp, 0);
        double uncapped = oracle_momentum_schedule(mu0, mu1, e, ramp, ORACLE_SCHEDULE_UNCAPPED);
        double linear = oracle_momentum_schedule(mu0, mu1, e, ramp, ORACLE_SCHEDULE_LINEAR);
        wb_call call = wb_call_of("momentum_schedule", "mu_start = %.17g, mu_end = %.17g, epoch = %zu, ramp_epochs = %zu",
                                  mu0, mu1, e, ramp);
        wb_expect_scalar(&call, momentum_schedule(mu0, mu1, e, ramp), want,
                         fixed ? "the header's geometric ramp: 0.5, 0.929289, 0.99, 0.99 at epochs 0, 5, 10, 15"
                               : "1 - (1 - mu_start) ((1 - mu_end) / (1 - mu_start))^(e / ramp) in long double",
                         wb_tol_plus(4 * DBL_EPSILON, "plus 4 eps: the rounding of 1 - mu"),
                         WB_VARIANTS({"momentum_schedule_uncapped", &uncapped},
                                     {"momentum_schedule_linear", &linear}));
    }
}

static void check_momentum_schedule_invalid(void)
{
    const double bad[][2] = {{0.5, 1.0}, {0.9, 0.5}, {-0.1, 0.9}, {0.5, NAN}};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        wb_call call = wb_call_of("momentum_schedule", "mu_start = %g, mu_end = %g, epoch = 3, ramp_epochs = 10",
                                  bad[k][0], bad[k][1]);
        wb_expect_nan(&call, momentum_schedule(bad[k][0], bad[k][1], 3, 10),
                      "the header: NAN unless 0 <= mu_start <= mu_end < 1");
    }
}

WB_TEST(lesson09, momentum_schedule_all, "momentum_schedule ramps mu from 0.5 to 0.99 and holds it; NAN unless 0 <= mu_start <= mu_end < 1")
{
    check_momentum_schedule();
    check_momentum_schedule_invalid();
}
