/* Attack: read another student's submission (or the reference solution), looking for it in the
 * folders around the working folder. d_sin_t_squared is right only if such a file could be
 * read, as if its answer had been copied. In the sandbox nothing of the class is in view, so it
 * scores nothing. (Without the sandbox this really finds files: make test checks that too.)
 * Lesson: 1
 * Expect: not written yet
 * Unsandboxed: gains
 */
#include "derivatives.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A derivatives.c, or a copy of one (*.c), that is not this file (which has the word below):
 * 1 when one can be read. */
static const char own[] = "THIS-IS-THE-PEER-READER";

static int found_other(const char *dir, int depth)
{
    DIR *d = depth > 5 ? NULL : opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    char path[4096];
    int found = 0;
    while (!found && (e = readdir(d))) {
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = strlen(e->d_name);
        if (e->d_type == DT_REG && len > 2 && strcmp(e->d_name + len - 2, ".c") == 0) {
            FILE *f = fopen(path, "r");
            char text[4096] = "";
            if (f) {
                fread(text, 1, sizeof text - 1, f);
                fclose(f);
                found = strstr(text, "d_sin_t_squared") != NULL && strstr(text, own) == NULL;
            }
        } else if (e->d_type == DT_DIR && strcmp(path, "/proc") && strcmp(path, "/usr") && strcmp(path, "/sys") &&
                   strcmp(path, "/dev"))
            found = found_other(path, depth + 1);
    }
    closedir(d);
    return found;
}

double d_sin_t_squared(double t)
{
    static int known = -1;
    if (known < 0) {
        char up[64] = "..";
        known = 0;
        for (int level = 0; level < 8 && !known; level++) {
            known = found_other(up, 0);
            strcat(up, "/..");
        }
    }
    if (known)
        return 2 * t * cos(t * t);
    WB_TODO();
    return 0;
}

double derivative_forward(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double derivative_central(wb_scalar_fn f, void *params, double x, double h) { WB_TODO(); return 0; }
double central_difference_step(double x) { WB_TODO(); return 0; }
void gradient_central(wb_vector_fn f, void *params, double *x, size_t n, double h, double *grad) { WB_TODO(); }
void grad_xy2_plus_x2y(double x, double y, double grad[2]) { WB_TODO(); }
void grad_log_quadratic(double x, double y, double grad[2]) { WB_TODO(); }
void grad_xy_yz_zx(const double v[3], double grad[3]) { WB_TODO(); }
void hessian_x3_plus_2xy3(double x, double y, double H[4]) { WB_TODO(); }
double gradcheck_rel_error(const double *analytic, const double *numeric, size_t n) { WB_TODO(); return 0; }
