/*
 * adam.c: the throughput of the reference adam_step (solutions/lesson09/optimizers.c) over
 * many parameters, next to a plain loop that moves the same bytes. Adam reads w, g, m, v and
 * writes w, m, v: 7 doubles, 56 bytes per parameter. The plain loop reads and writes the same
 * arrays with one multiply-add each, so it runs at the speed of memory; the ratio says how
 * close Adam's sqrt and divisions let it get. A figure, not a test.
 *
 * Usage: adam [N [RUNS [LABEL]]]   (default 10000000 parameters, 7 runs; the median is
 * reported; LABEL names the build, e.g. its compiler flags). Built by checker/tools/bench-adam.
 * Times are the CPU time of this thread, so that other processes on a shared machine do not
 * count; a loop stalled on memory still counts its stalls.
 */
#include "optimizers.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The same traffic as Adam: w, g, m, v read; w, m, v written. v stays positive, so that
   Adam's sqrt(v) never leaves its fast path. */
static void plain_loop(double *restrict w, const double *restrict g, double *restrict m,
                       double *restrict v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        w[i] = w[i] - 1e-3 * g[i];
    }
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *x, int n)
{
    qsort(x, (size_t)n, sizeof *x, by_value);
    return n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
}

int main(int argc, char *argv[])
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000000;
    int runs = argc > 2 ? atoi(argv[2]) : 7;
    const char *label = argc > 3 ? argv[3] : "";
    if (n == 0 || runs < 1 || runs > 101) {
        fprintf(stderr, "usage: %s [N > 0 [RUNS in 1..101 [LABEL]]]\n", argv[0]);
        return 2;
    }
    double *w = malloc(n * sizeof *w), *g = malloc(n * sizeof *g), *m = malloc(n * sizeof *m),
           *v = malloc(n * sizeof *v);
    if (!w || !g || !m || !v) {
        fprintf(stderr, "adam: out of memory for %zu parameters\n", n);
        return 1;
    }
    /* Touch every page before timing, with values Adam keeps finite. */
    for (size_t i = 0; i < n; i++) {
        w[i] = 1.0 + 1e-7 * (double)(i % 1000);
        g[i] = 0.01 * ((double)(i % 17) - 8.0) + 1e-3;
        m[i] = 0.0;
        v[i] = 1e-4;
    }
    const adam_params p = ADAM_PAPER_DEFAULTS;
    size_t t = 0;
    double adam_s[101], plain_s[101];
    /* One warm-up of each, then alternate them so that both see the same machine load. */
    adam_step(w, g, m, v, n, &t, &p);
    plain_loop(w, g, m, v, n);
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        if (adam_step(w, g, m, v, n, &t, &p) != 0) {
            fprintf(stderr, "adam: adam_step refused the paper's defaults\n");
            return 1;
        }
        double t1 = now();
        plain_loop(w, g, m, v, n);
        double t2 = now();
        adam_s[r] = t1 - t0;
        plain_s[r] = t2 - t1;
    }
    double bytes = 56.0 * (double)n, a = median(adam_s, runs), b = median(plain_s, runs);
    printf("adam_step over %zu parameters, 56 bytes each (reads w, g, m, v; writes w, m, v), "
           "%s, median of %d runs:\n", n, label, runs);
    printf("  adam_step (the solution)  %8.1f ms  %6.2f GB/s\n", 1e3 * a, bytes / a / 1e9);
    printf("  plain loop, same bytes    %8.1f ms  %6.2f GB/s\n", 1e3 * b, bytes / b / 1e9);
    printf("  ratio                     %8.2f     (target: at least 0.5)\n", b / a);
    /* Keep the results observable, so that no loop can be dropped. */
    if (w[n / 2] != w[n / 2])
        printf("  (w[%zu] is not a number)\n", n / 2);
    free(w);
    free(g);
    free(m);
    free(v);
    return 0;
}
