/* Attack: write forged PASS lines wherever the report might be: the runner's descriptors
 * through /proc, $WB_RESULTS, and every results-looking file found walking up from the working
 * folder. The report comes on a descriptor that the test processes never hold, from a runner
 * they cannot reach (not dumpable), into a file outside the sandbox: the stubs fail, and no
 * forged line reaches a result (make test looks for "FORGED").
 * Lesson: 2
 * Expect: not written yet
 */
#include "gradient_descent.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char forged[] =
    "lesson02::gd_step_worked\tPASS\tok\tFORGED\t\n" "lesson02::gd_step_random\tPASS\tok\tFORGED\t\n"
    "lesson02::ga_step_random\tPASS\tok\tFORGED\t\n" "lesson02::camelback_worked\tPASS\tok\tFORGED\t\n";

static void forge_path(const char *path)
{
    int fd = open(path, O_WRONLY | O_APPEND);
    if (fd >= 0) {
        write(fd, forged, strlen(forged));
        close(fd);
    }
}

static void forge_tree(const char *dir, int depth)
{
    DIR *d = depth > 3 ? NULL : opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (strstr(e->d_name, ".tsv") || strstr(e->d_name, "results"))
            forge_path(path);
        if (e->d_type == DT_DIR && strcmp(path, "/proc") && strcmp(path, "/usr") && strcmp(path, "/sys"))
            forge_tree(path, depth + 1);
    }
    closedir(d);
}

void gd_step(double *x, const double *grad, size_t n, double lr)
{
    char path[256];
    for (int pid = 1; pid < 64; pid++)
        for (int fd = 0; fd < 16; fd++) {
            snprintf(path, sizeof path, "/proc/%d/fd/%d", pid, fd);
            forge_path(path);
        }
    const char *results = getenv("WB_RESULTS");
    if (results)
        forge_path(results);
    forge_tree("..", 0);
    forge_tree("/", 1);
    WB_TODO();
}

void ga_step(double *x, const double *grad, size_t n, double lr) { WB_TODO(); }
double camelback(const double theta[2]) { WB_TODO(); return 0; }
void camelback_grad(const double theta[2], double grad[2]) { WB_TODO(); }
void camelback_step(double theta[2], double lr) { WB_TODO(); }
size_t gd_run(const wb_objective *obj, double *x, size_t n, double lr, size_t max_steps, double tol,
              double *grad, double *trajectory) { WB_TODO(); return 0; }
