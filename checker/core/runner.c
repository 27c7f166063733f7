/*
 * runner.c: the checker's main. Runs the suite with Criterion (one process per test, so a
 * crash or an endless loop costs only its own test), then prints a report a student can act
 * on and writes one line per test to the results file that `make check`'s progress table,
 * `make test` and the grader read.
 *
 * Everything here runs in the parent process: a test's verdict comes from Criterion's report
 * of the child, never from anything the child prints.
 *
 * Environment: SEED (replay a run), WB_TIMEOUT (seconds per call, default 5), WB_RESULTS (the
 * results file), WB_RESULTS_FD (an open descriptor to write the results to, for the grader),
 * WB_REPLAY (the command shown for replaying, e.g. "make check lesson1"), NO_COLOR.
 */
#include "calls.h"
#include "check.h"
#include "i18n.h"
#include "seed.h"

#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static unsigned long run_seed;

/* The tests run in freshly executed processes (BoxFort re-executes the binary), which do not
   share the runner's memory: the runner hands its seed down in WB_RUN_SEED. */
unsigned long wb_run_seed(void)
{
    const char *inherited = getenv("WB_RUN_SEED");
    return inherited ? strtoul(inherited, NULL, 10) : run_seed;
}

/* ---- what each test did ----------------------------------------------------------------- */

typedef enum { PASSED, FAILED, CRASHED, TIMED_OUT, ENDED_EARLY } outcome;

typedef struct {
    const struct criterion_test *test;
    outcome how;
    int signal;
    int exit_code;
    char *message;
} result;

enum { MAX_TESTS = 512 };
static result results[MAX_TESTS];
static size_t n_results;

static char *joined_failures(const struct criterion_test_stats *st)
{
    size_t len = 1;
    for (const struct criterion_assert_stats *a = st->asserts; a; a = a->next)
        if (!a->passed && a->message)
            len += strlen(a->message) + 1;
    char *s = calloc(len, 1);
    if (!s)
        return NULL;
    for (const struct criterion_assert_stats *a = st->asserts; a; a = a->next)
        if (!a->passed && a->message) {
            strcat(s, a->message);
            if (s[0] && s[strlen(s) - 1] != '\n')
                strcat(s, "\n");
        }
    return s;
}

static result *slot_for(const struct criterion_test *t)
{
    for (size_t i = 0; i < n_results; i++)
        if (results[i].test == t)
            return &results[i];
    if (n_results == MAX_TESTS)
        return NULL;
    results[n_results].test = t;
    return &results[n_results++];
}

static outcome judge(const struct criterion_test_stats *st)
{
    if (st->timed_out)
        return TIMED_OUT;
    if (st->crashed || st->signal)
        return CRASHED;
    if (st->test_status == CR_STATUS_FAILED && st->failed_asserts > 0)
        return FAILED;
    /* Passing needs the completion assertion of wb_test_end(): a body that ended the
       process early (exit, _exit, ...) has no assertions, or a non-zero exit code. */
    if (st->test_status == CR_STATUS_PASSED && st->passed_asserts > 0 && st->exit_code == 0)
        return PASSED;
    return ENDED_EARLY;
}

/* ---- explaining a failure that is not a failed comparison ------------------------------- */

static void describe(const result *r, char *buf, size_t size)
{
    switch (r->how) {
    case CRASHED:
        snprintf(buf, size, _("%sthe test crashed with signal %d (%s).\n"), wb_label(N_("crash")),
                 r->signal, wb_signal_story(r->signal));
        break;
    case TIMED_OUT:
        snprintf(buf, size,
                 _("%sthe test did not finish within %.0f s (the checker's own limit per "
                   "test; each call of your code has its own, WB_TIMEOUT): an endless loop, or a "
                   "loop whose stopping condition is never met?\n"),
                 wb_label(N_("timeout")), criterion_options.timeout);
        break;
    case ENDED_EARLY:
        snprintf(buf, size,
                 _("%sthe process ended (exit code %d) before the test's checks ran: "
                   "the code called exit() or _exit(), or returned from the process another way. "
                   "Functions in a lesson must return to their caller.\n"),
                 wb_label(N_("ended")), r->exit_code);
        break;
    default:
        snprintf(buf, size, "%s", r->message ? r->message : "");
    }
}

/* ---- the report --------------------------------------------------------------------------- */

static bool use_color(void)
{
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !(nc && nc[0]) && !(term && strcmp(term, "dumb") == 0);
}

static int by_source_line(const void *a, const void *b)
{
    const result *x = a, *y = b;
    int c = strcmp(x->test->category, y->test->category);
    if (c)
        return c;
    unsigned lx = x->test->data->line_, ly = y->test->data->line_;
    return (lx > ly) - (lx < ly);
}

static const char *title_of(const struct criterion_test *t)
{
    return t->data->description && t->data->description[0] ? _(t->data->description) : t->name;
}

/* The function a failure says is still a stub ("not written yet: NAME still runs ..."), or
   NULL: such failures are summed up as one line per function. */
static bool unwritten_function(const char *why, char *name, size_t size)
{
    /* the words before the function's name in check.c's note (say_stub_note) */
    const char *prefix = _("not written yet: %s still runs its stub placeholder (WB_TODO).\n");
    size_t before = strcspn(prefix, "%");
    if (strncmp(why, prefix, before) != 0)
        return false;
    const char *p = why + before;
    size_t n = strcspn(p, " \n");
    snprintf(name, size, "%.*s", (int)n, p);
    return n > 0;
}

/* An earlier lesson's function that this lesson calls (calls.h), or NULL. */
static const wb_used_function *used_function(const char *name)
{
    for (size_t u = 0; wb_used_functions[u].name; u++)
        if (strcmp(wb_used_functions[u].name, name) == 0)
            return &wb_used_functions[u];
    return NULL;
}

/* Hints already printed in this run: a hint is printed once. */
enum { MAX_HINTS = 64 };
static char *hints_shown[MAX_HINTS];
static size_t n_hints_shown;

static bool hint_seen(const char *line, size_t len)
{
    for (size_t i = 0; i < n_hints_shown; i++)
        if (strlen(hints_shown[i]) == len && strncmp(hints_shown[i], line, len) == 0)
            return true;
    if (n_hints_shown < MAX_HINTS)
        hints_shown[n_hints_shown++] = strndup(line, len);
    return false;
}

static void print_indented(const char *text)
{
    const char *line = text;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *hint = wb_label(N_("hint"));
        if (strncmp(line, hint, strlen(hint)) == 0 && hint_seen(line, len))
            printf("        %s%s\n", hint, _("(as above)"));
        else
            printf("        %.*s\n", (int)len, line);
        line += len + (end ? 1 : 0);
    }
}

/* The line that says most about a failure, for the one-line form: its mistake, or its kind. */
static void first_words(const char *why, char *out, size_t size)
{
    const char *keys[] = {N_("mistake"), N_("crash"), N_("timeout"), N_("ended"), N_("out of bounds"),
                          N_("const input changed"), N_("error"), N_("rel. error"), N_("abs. error")};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        /* a label (padded to its column) or the first words of a message */
        const char *key = k == 4 || k == 5 ? _(keys[k]) : wb_label(keys[k]);
        const char *at = strstr(why, key);
        if (at) {
            /* its first line, up to 110 columns */
            snprintf(out, size, "%.*s", (int)wb_fitting_prefix(at, strcspn(at, "\n"), 110), at);
            return;
        }
    }
    snprintf(out, size, "%.*s", (int)wb_fitting_prefix(why, strcspn(why, "\n"), 110), why);
}

enum { FAILURES_IN_FULL = 3 };

static void print_report(void)
{
    bool color = use_color(), verbose = getenv("VERBOSE") && strcmp(getenv("VERBOSE"), "0");
    const char *ok = color ? "\033[32mPASS\033[0m" : "PASS";
    const char *bad = color ? "\033[31mFAIL\033[0m" : "FAIL";
    const char *todo = color ? "\033[33mTODO\033[0m" : "TODO";
    const char *replay = getenv("WB_REPLAY");
    size_t passed = 0, in_full = 0, brief = 0;
    char why[2048], name[128];
    char unwritten[32][128];
    size_t n_unwritten = 0, waiting[32] = {0};
    for (size_t i = 0; i < n_results; i++) {
        const result *r = &results[i];
        if (r->how == PASSED) {
            passed++;
            printf("  %s  %s\n", ok, title_of(r->test));
            continue;
        }
        describe(r, why, sizeof why);
        if (!verbose && unwritten_function(why, name, sizeof name)) {
            size_t k = 0;
            while (k < n_unwritten && strcmp(unwritten[k], name) != 0)
                k++;
            if (k == n_unwritten && n_unwritten < 32)
                snprintf(unwritten[n_unwritten++], sizeof unwritten[0], "%s", name);
            if (k < 32)
                waiting[k]++;
            continue;
        }
        printf("  %s  %s\n", bad, title_of(r->test));
        if (verbose || in_full < FAILURES_IN_FULL) {
            in_full++;
            print_indented(why);
            printf("        %sSEED=%lu %s\n", wb_label(N_("replay")), run_seed, replay ? replay : "");
        } else {
            char line[512];
            first_words(why, line, sizeof line);
            printf("        %s\n", line);
            brief++;
        }
    }
    for (size_t k = 0; k < n_unwritten; k++) {
        const wb_used_function *u = used_function(unwritten[k]);
        printf("  %s  ", todo);
        if (u)
            printf(wb_ngettext("%s of lesson %d (%s): not written yet, and this lesson calls it: "
                               "finish it first, make check lesson%d (%zu test waits for it)\n",
                               "%s of lesson %d (%s): not written yet, and this lesson calls it: "
                               "finish it first, make check lesson%d (%zu tests wait for it)\n",
                               waiting[k]),
                   unwritten[k], u->lesson, u->file, u->lesson, waiting[k]);
        else
            printf(wb_ngettext("%s: not written yet (%zu test waits for it)\n",
                               "%s: not written yet (%zu tests wait for it)\n", waiting[k]),
                   unwritten[k], waiting[k]);
    }
    printf("  ");
    printf(wb_ngettext("%zu of %zu test passes.", "%zu of %zu tests pass.", n_results), passed,
           n_results);
    if (n_unwritten) {
        printf(" ");
        printf(wb_ngettext("Still to write: %zu function (replace its WB_TODO() by its body).",
                        "Still to write: %zu functions (replace each WB_TODO() by its body).",
                        n_unwritten),
               n_unwritten);
    }
    if (brief)
        printf(" %s", _("VERBOSE=1 shows every failure in full."));
    printf("\n");
}

/* One line per test: name, PASS|FAIL, kind, title, message with \n, \t and \\ escaped. */
static void write_escaped(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\n')
            fputs("\\n", f);
        else if (*s == '\t')
            fputs("\\t", f);
        else if (*s == '\\')
            fputs("\\\\", f);
        else
            fputc(*s, f);
    }
}

static const char *kind_name(outcome how)
{
    static const char *names[] = {"ok", "assert", "crash", "timeout", "ended"};
    return names[how];
}

static int write_results_to(FILE *f)
{
    char why[2048];
    for (size_t i = 0; i < n_results; i++) {
        const result *r = &results[i];
        describe(r, why, sizeof why);
        fprintf(f, "%s::%s\t%s\t%s\t", r->test->category, r->test->name,
                r->how == PASSED ? "PASS" : "FAIL", kind_name(r->how));
        write_escaped(f, title_of(r->test));
        fputc('\t', f);
        if (r->how != PASSED)
            write_escaped(f, why);
        fputc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}

/* Written to a temporary file and renamed, so a reader never sees half a results file. */
static int write_results(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "checker: cannot write %s: %s\n", tmp, strerror(errno));
        return -1;
    }
    int failed = write_results_to(f);
    if (fclose(f) != 0 || failed || rename(tmp, path) != 0) {
        fprintf(stderr, "checker: cannot write %s: %s\n", path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

/* The grader's channel (checker/grade): the results go to a descriptor the grader opened on a
   file outside the sandbox's view. It is made close-on-exec before any test runs, so the test
   processes (Criterion executes the binary afresh for each) never hold it, and the runner is
   made non-dumpable, so no other process of the same user can reach it through /proc/PID/fd or
   read this process's memory. Only this process, which runs no student code, can write it. */
static int results_fd = -1;

static int take_results_fd(void)
{
    const char *text = getenv("WB_RESULTS_FD");
    if (!text || !text[0])
        return 0;
    char *end;
    errno = 0;
    long fd = strtol(text, &end, 10);
    if (errno || end == text || *end || fd < 3 || fd > 1023 ||
        fcntl((int)fd, F_SETFD, FD_CLOEXEC) != 0) {
        fprintf(stderr, "checker: WB_RESULTS_FD=%s is not an open file descriptor.\n", text);
        return -1;
    }
    unsetenv("WB_RESULTS_FD");
#ifdef __linux__
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        fprintf(stderr, "checker: prctl(PR_SET_DUMPABLE): %s\n", strerror(errno));
        return -1;
    }
#endif
    results_fd = (int)fd;
    return 0;
}

static int write_results_fd(void)
{
    FILE *f = fdopen(results_fd, "w");
    if (!f)
        return -1;
    int failed = write_results_to(f);
    return fclose(f) != 0 || failed ? -1 : 0;
}

/* ---- main ----------------------------------------------------------------------------------- */

/* Criterion 2.4.1 ignores its global timeout (the option and --timeout alike), while a test's
   own timeout works: so every test gets its own. */
static void set_timeouts_in(struct criterion_ordered_set *tests, double seconds)
{
    struct criterion_test *t;
    FOREACH_SET(t, tests) {
        t->data->timeout = seconds;
    }
}

static void set_timeouts(struct criterion_test_set *set, double seconds)
{
    struct criterion_suite_set *suite;
    FOREACH_SET(suite, set->suites) {
        set_timeouts_in(suite->tests, seconds);
    }
}

#define MIN_CALL_TIMEOUT 0.05
#define MAX_CALL_TIMEOUT 3600.0

/* The seconds in WB_TIMEOUT, or -1 when it is not a number in range. */
static double parse_timeout(const char *text)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || *end || !(v >= MIN_CALL_TIMEOUT && v <= MAX_CALL_TIMEOUT))
        return -1.0;
    return v;
}

static int parse_seed(const char *text, unsigned long *seed)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    if (errno || end == text || *end || text[0] == '-')
        return -1;
    *seed = v;
    return 0;
}

int main(int argc, char *argv[])
{
    if (take_results_fd() != 0)
        return 2;
    const char *seed_text = getenv("SEED");
    if (seed_text && seed_text[0]) {
        if (parse_seed(seed_text, &run_seed) != 0) {
            fprintf(stderr, _("SEED must be a non-negative whole number, not '%s'.\n"), seed_text);
            return 2;
        }
    } else {
        run_seed = ((unsigned long)time(NULL) ^ ((unsigned long)getpid() << 16)) % 1000000007UL;
    }

    char seed_text_out[32];
    snprintf(seed_text_out, sizeof seed_text_out, "%lu", run_seed);
    setenv("WB_RUN_SEED", seed_text_out, 1);

    wb_zygote_start();
    struct criterion_test_set *tests = criterion_initialize();
    /* Criterion's own report is replaced by ours. (Its quiet level would also silence the
       tests' stderr, where sanitizer reports and a student's debug prints go.) */
    static struct criterion_logger silent;
    criterion_options.logger = &silent;
    const char *timeout = getenv("WB_TIMEOUT");
    if (timeout && timeout[0] && parse_timeout(timeout) < 0) {
        fprintf(stderr, _("WB_TIMEOUT must be a number of seconds from %g to %g, not '%s'.\n"),
                MIN_CALL_TIMEOUT, MAX_CALL_TIMEOUT, timeout);
        return 2;
    }
    /* Each call of the student's code has WB_TIMEOUT (remote.c); a whole test, which runs only
       the checker's code besides, gets room for several slow calls and the oracle's work. */
    criterion_options.timeout = 4.0 * wb_call_timeout() + 60.0;
    if (!criterion_handle_args(argc, argv, true)) {
        criterion_finalize(tests);
        return 2;
    }
    set_timeouts(tests, criterion_options.timeout);
    criterion_run_all_tests(tests);

    /* The results point into the test set: report before criterion_finalize frees it. */
    qsort(results, n_results, sizeof *results, by_source_line);
    print_report();
    const char *path = getenv("WB_RESULTS");
    int status = path && path[0] && write_results(path) != 0 ? 2 : 0;
    if (results_fd >= 0 && write_results_fd() != 0)
        status = 2;
    size_t passed = 0;
    for (size_t i = 0; i < n_results; i++) {
        passed += results[i].how == PASSED;
        free(results[i].message);
    }
    criterion_finalize(tests);
    if (status == 0 && !(n_results > 0 && passed == n_results))
        status = 1;
    return status;
}

/* ---- Criterion's report hooks ------------------------------------------------------------------ */

/* ReportHook names its functions after the line they are on, and the static libcriterion has
   hooks of its own on lines 87 to 107: ours are numbered far from those. */
#line 9001
ReportHook(POST_TEST)(struct criterion_test_stats *st)
{
    result *r = slot_for(st->test);
    if (!r)
        return;
    r->how = judge(st);
    r->signal = st->signal;
    r->exit_code = st->exit_code;
    free(r->message);
    r->message = joined_failures(st);
}

ReportHook(TEST_CRASH)(struct criterion_test_stats *st)
{
    result *r = slot_for(st->test);
    if (!r)
        return;
    r->how = CRASHED;
    r->signal = st->signal;
}
