/*
 * remote.c: the judge's end of a call. A suite calls mse(pred, target, n) as if the student's
 * function were linked in; the generated wrapper (checker/tools/gencalls) hands the call here,
 * and this file sends it to the worker, the separate process that holds the student's code
 * (checker/worker/worker.c), runs the test's callbacks when the worker asks, and copies every
 * output back into the suite's arrays. The student's code never runs in this process, so
 * nothing it does can reach the suite, the oracle or the verdict.
 *
 * The worker starts at the first call of a test and ends with the test. Each call has a
 * wall-clock limit (WB_TIMEOUT seconds); past it the worker's process group is killed with
 * SIGKILL. A crash, an exit, a timeout, a write outside an array, a change to a const input or
 * a malformed reply fails the test with the call that was running.
 *
 * Environment: WB_WORKER (the worker executable), WB_TIMEOUT, WB_WORKER_SANDBOX (a file of
 * NUL-separated words: the grader's sandboxed command, run instead of the worker, with the
 * worker's file open on descriptor 5), WB_WORKER_MEMORY (bytes of address space, 0: none).
 */
#define _GNU_SOURCE /* pipe2 */
#include "calls.h"
#include "check.h"
#include "i18n.h"
#include "wire.h"

#include <errno.h>
#include <fcntl.h>
#include <fenv.h>
#include <setjmp.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- words for what happened ----------------------------------------------------------- */

const char *wb_signal_story(int sig)
{
    switch (sig) {
    case SIGSEGV:
        return _("segmentation fault: the code read or wrote memory it does not own "
               "(past the end of an array, or through a NULL or uninitialised pointer)");
    case SIGBUS:
        return _("bus error: a misaligned or invalid memory access, or a file or shared memory "
               "that ran out of room");
    case SIGFPE:
        return _("arithmetic exception: an integer division by zero");
    case SIGABRT:
        return _("aborted: a failed assert(), or the C library or a sanitizer found "
               "corrupted memory (see the report printed above)");
    case SIGILL:
        return _("illegal instruction: often undefined behaviour caught by the sanitizer");
    case SIGKILL:
        return _("killed: it used too much memory or time");
    case SIGXCPU:
        return _("killed: it used more processor time than allowed");
    case SIGXFSZ:
        return _("killed: it wrote a file larger than allowed");
    default:
        return _("killed by a signal");
    }
}

const char *wb_format_vector(char *out, size_t size, const double *v, size_t n)
{
    size_t len = 0;
    if (size)
        out[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)snprintf(out + len, size - len, "%s%.17g", i ? ", " : "", v[i]);
    return out;
}

/* ---- failing a call ------------------------------------------------------------------------ */

/* A call that cannot complete goes to wb_remote_failed(). In a test that does not return (the
   test ends); in the plot driver it does, and the call comes back here to return NaN, with
   the function marked failed so that its later calls do not wait for a worker again. */
static jmp_buf *bail; /* the innermost call's (calls nest: see serve_callback) */
enum { MAX_FAILED = 32 };
static const char *failed_functions[MAX_FAILED];
static size_t n_failed;

static _Noreturn void give_up(const wb_call *call, const char *why)
{
    wb_remote_failed(call, why);
    if (n_failed < MAX_FAILED)
        failed_functions[n_failed++] = call->function;
    if (bail)
        longjmp(*bail, 1);
    abort();
}

static _Noreturn void give_upf(const wb_call *call, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void give_upf(const wb_call *call, const char *fmt, ...)
{
    char why[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    give_up(call, why);
}

static bool failed_before(const char *function)
{
    for (size_t i = 0; i < n_failed; i++)
        if (strcmp(failed_functions[i], function) == 0)
            return true;
    return false;
}

/* ---- the worker process --------------------------------------------------------------------- */

static pid_t worker = -1;   /* the worker this test started, or -1 */
static int life = -1;        /* or the zygote's worker: its life socket (see wire.h) */
static int to_worker = -1, from_worker = -1;

static bool have_worker(void) { return worker > 0 || life >= 0; }

static void forget_worker(void)
{
    wb_reader_forget(from_worker);
    close(to_worker);
    close(from_worker);
    if (life >= 0)
        close(life); /* the zygote kills that worker */
    worker = -1;
    life = to_worker = from_worker = -1;
}

void wb_remote_stop(void)
{
    if (worker > 0) {
        kill(-worker, SIGKILL);
        kill(worker, SIGKILL);
        waitpid(worker, NULL, 0);
    }
    if (have_worker())
        forget_worker();
}

double wb_call_timeout(void)
{
    const char *t = getenv("WB_TIMEOUT");
    double s = t && t[0] ? strtod(t, NULL) : 5.0;
    return isfinite(s) && s >= 0.05 && s <= 3600.0 ? s : 5.0; /* the runner refuses the rest */
}

/* The worker's path, or the sandbox's command from WB_WORKER_SANDBOX (which reads the worker's
   file from descriptor 5); NULL-terminated. */
static char **worker_argv(const char *path, const char *variable)
{
    static char *argv[256];
    static char text[16384];
    size_t n = 0;
    const char *sandbox = getenv(variable);
    if (sandbox && sandbox[0]) {
        FILE *f = fopen(sandbox, "rb");
        size_t len = f ? fread(text, 1, sizeof text - 1, f) : 0;
        if (f)
            fclose(f);
        text[len] = '\0';
        for (size_t i = 0; i < len && n < 250; i += strlen(text + i) + 1)
            argv[n++] = text + i;
    } else {
        argv[n++] = (char *)path;
    }
    argv[n] = NULL;
    return argv;
}

/* exec_worker ARGV PATH REQ RESP JUDGE VARIABLE: in the child, becomes the worker (or the
   zygote, whose argv file VARIABLE names; it has no replies descriptor: RESP -1). The child
   may share the test process's memory (vfork): it allocates nothing and calls only system
   calls' wrappers (as posix_spawn's child does), so ARGV is made before. */
static _Noreturn void exec_worker(char **argv, const char *path, int req, int resp, pid_t judge,
                                  const char *variable)
{
    setpgid(0, 0);
    /* The worker dies with the test process that started it, however that ends (the sandbox's
       bwrap does the same with --die-with-parent). */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != judge)
        _exit(126);
    /* stdin is empty: a lesson function reads nothing, and one that tries gets end of file */
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, STDIN_FILENO) < 0 || dup2(req, WB_WIRE_IN) < 0 ||
        (resp >= 0 && dup2(resp, WB_WIRE_OUT) < 0))
        _exit(126);
    /* (dup2 onto the same number keeps close-on-exec: clear it) */
    fcntl(WB_WIRE_IN, F_SETFD, 0);
    fcntl(WB_WIRE_OUT, F_SETFD, 0);
    const char *sandbox = getenv(variable);
    int keep = WB_WIRE_OUT;
    if (sandbox && sandbox[0]) { /* the sandbox reads the worker's file from descriptor 5 */
        int fd = open(path, O_RDONLY);
        if (fd < 0 || dup2(fd, 5) < 0)
            _exit(126);
        keep = 5;
    }
    close_range((unsigned)keep + 1, ~0U, 0);
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    const char *mem = getenv("WB_WORKER_MEMORY");
    if (mem && mem[0] && strtoull(mem, NULL, 10) > 0) {
        struct rlimit as = {strtoull(mem, NULL, 10), strtoull(mem, NULL, 10)};
        setrlimit(RLIMIT_AS, &as);
    }
    /* The worker starts with every signal at its default and none blocked: the test process
       may block or ignore some (SIGPIPE here), and a blocked SIGXFSZ would turn the file-size
       limit into an endless series of failed writes. */
    for (int sig = 1; sig < NSIG; sig++)
        if (sig != SIGKILL && sig != SIGSTOP)
            signal(sig, SIG_DFL);
    sigset_t unblocked;
    sigemptyset(&unblocked);
    sigprocmask(SIG_SETMASK, &unblocked, NULL);
    execvp(argv[0], argv);
    _exit(126);
}

/* ---- the zygote (grading: one sandbox for a whole run, see wire.h) ------------------------- */

/* wb_zygote_start: in the judge's main process, before Criterion starts (its test processes
   inherit the environment of that moment, and no descriptor), when WB_ZYGOTE_SANDBOX names the
   zygote's sandboxed command: makes a listening socket in a private folder, starts the zygote
   with it and tells the tests where it is (WB_ZYGOTE_SOCKET). Without it each test starts a
   worker of its own. */
static char zygote_dir[64], zygote_socket[80];

static void remove_zygote_socket(void)
{
    unlink(zygote_socket);
    rmdir(zygote_dir);
}

void wb_zygote_start(void)
{
    const char *path = getenv("WB_WORKER"), *sandbox = getenv("WB_ZYGOTE_SANDBOX");
    if (!path || !path[0] || !sandbox || !sandbox[0] || getenv("WB_ZYGOTE_SOCKET"))
        return; /* (a test process has its judge's zygote) */
    snprintf(zygote_dir, sizeof zygote_dir, "/tmp/wb-zygote.XXXXXX");
    if (!mkdtemp(zygote_dir))
        return;
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    snprintf(zygote_socket, sizeof zygote_socket, "%s/socket", zygote_dir);
    snprintf(a.sun_path, sizeof a.sun_path, "%s", zygote_socket);
    int listener = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (listener < 0 || bind(listener, (struct sockaddr *)&a, sizeof a) != 0 ||
        listen(listener, 64) != 0 || atexit(remove_zygote_socket) != 0) {
        close(listener);
        remove_zygote_socket();
        return;
    }
    fflush(NULL);
    char **argv = worker_argv(path, "WB_ZYGOTE_SANDBOX");
    pid_t judge = getpid();
    pid_t pid = fork();
    if (pid == 0)
        exec_worker(argv, path, listener, -1, judge, "WB_ZYGOTE_SANDBOX");
    close(listener);
    if (pid > 0)
        setenv("WB_ZYGOTE_SOCKET", zygote_socket, 1);
}

/* Asks the zygote for a worker reading REQ and writing RESP: its life socket, or -1 (no zygote,
   or it is gone: then the test starts a worker of its own). */
static int zygote_worker(int req, int resp)
{
    const char *path = getenv("WB_ZYGOTE_SOCKET");
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    if (!path || !path[0] || strlen(path) >= sizeof a.sun_path)
        return -1;
    memcpy(a.sun_path, path, strlen(path));
    int pair[2], zygote = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (zygote < 0)
        return -1;
    if (connect(zygote, (struct sockaddr *)&a, sizeof a) != 0 ||
        socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        close(zygote);
        return -1;
    }
    int fds[3] = {req, resp, pair[1]};
    union {
        char buf[CMSG_SPACE(sizeof fds)];
        struct cmsghdr align;
    } u = {0};
    struct iovec iov = {.iov_base = "w", .iov_len = 1};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
                         .msg_controllen = sizeof u.buf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof fds);
    memcpy(CMSG_DATA(c), fds, sizeof fds);
    bool sent = sendmsg(zygote, &msg, MSG_NOSIGNAL) == 1;
    close(zygote);
    close(pair[1]);
    if (!sent) {
        close(pair[0]);
        return -1;
    }
    return pair[0];
}

/* Asks the zygote how its worker ended (WB_ZYGOTE_WAIT) or to stop it (WB_ZYGOTE_KILL); false
   when no answer comes within two seconds (the zygote is gone). */
static bool ask_zygote(char question, wb_zygote_report *r)
{
    struct pollfd p = {.fd = life, .events = POLLIN};
    return write(life, &question, 1) == 1 && poll(&p, 1, 2000) == 1 &&
           read(life, r, sizeof *r) == (ssize_t)sizeof *r;
}

static void start_worker(const wb_call *call)
{
    const char *path = getenv("WB_WORKER");
    if (!path || !path[0])
        give_upf(call, _("checker: WB_WORKER does not name the worker program (run the "
                            "checker through make check)."));
    int req[2], resp[2];
    if (pipe2(req, O_CLOEXEC) != 0 || pipe2(resp, O_CLOEXEC) != 0)
        give_upf(call, _("checker: cannot make a pipe: %s"), strerror(errno));
    signal(SIGPIPE, SIG_IGN);
    if ((life = zygote_worker(req[0], resp[1])) < 0) {
        fflush(NULL);
        char **argv = worker_argv(path, "WB_WORKER_SANDBOX");
        pid_t judge = getpid();
        /* vfork: the test process has threads (Criterion's), and copying its address space
           for a child that only execs cost more than the rest of starting the worker. Every
           signal is blocked until the child has reset their handlers, as posix_spawn does. */
        sigset_t all, before;
        sigfillset(&all);
        sigprocmask(SIG_SETMASK, &all, &before);
        pid_t pid = vfork();
        if (pid != 0)
            sigprocmask(SIG_SETMASK, &before, NULL);
        if (pid < 0)
            give_upf(call, _("checker: cannot start the worker: %s"), strerror(errno));
        if (pid == 0)
            exec_worker(argv, path, req[0], resp[1], judge, "WB_WORKER_SANDBOX");
        setpgid(pid, pid);
        worker = pid;
    }
    close(req[0]);
    close(resp[1]);
    to_worker = req[1];
    from_worker = resp[0];
    wb_reader_forget(from_worker);
    fcntl(to_worker, F_SETFL, O_NONBLOCK);
    fcntl(from_worker, F_SETFL, O_NONBLOCK); /* reads try first and poll only when empty */
    static bool registered;
    if (!registered && atexit(wb_remote_stop) == 0)
        registered = true;
}

/* ---- describing the call ------------------------------------------------------------------------ */

static void show_value(char *out, size_t size, char type, const void *p, size_t bytes)
{
    switch (type) {
    case 'd': {
        double v;
        memcpy(&v, p, sizeof v);
        snprintf(out, size, "%.17g", v);
        return;
    }
    case 'z':
    case 'u': {
        size_t v = 0;
        memcpy(&v, p, bytes < sizeof v ? bytes : sizeof v);
        snprintf(out, size, "%zu", v);
        return;
    }
    case 'i':
    case 'c': {
        int v = 0;
        memcpy(&v, p, bytes < sizeof v ? bytes : sizeof v);
        snprintf(out, size, "%d", v);
        return;
    }
    case 'l': {
        long v;
        memcpy(&v, p, sizeof v);
        snprintf(out, size, "%ld", v);
        return;
    }
    case 'b':
        snprintf(out, size, "%s", *(const unsigned char *)p ? "true" : "false");
        return;
    default:
        snprintf(out, size, "{...}");
    }
}

/* ---- the last call's inputs (check.c describes a wrong result's shape with them) ----------- */

static wb_inputs last_inputs;

const wb_inputs *wb_last_inputs(void) { return &last_inputs; }

static void record_inputs(const wb_function *fn, const void **args, const size_t *lens)
{
    wb_inputs *in = &last_inputs;
    memset(in, 0, sizeof *in);
    size_t arg = 0;
    for (size_t i = 0; i < fn->n_slots; i++) {
        const wb_slot *s = &fn->slots[i];
        if (s->parent >= 0)
            continue;
        const void *a = args[arg++];
        if (s->kind == WB_SLOT_SCALAR && s->type == 'd' && in->n_scalars < 8) {
            memcpy(&in->scalar[in->n_scalars], a, sizeof(double));
            in->scalar_name[in->n_scalars++] = s->name;
        } else if (s->kind == WB_SLOT_SCALAR && s->type == 'z' && in->n_sizes < 8) {
            memcpy(&in->size[in->n_sizes++], a, sizeof(size_t));
        } else if (s->kind == WB_SLOT_ARRAY && s->is_double && s->is_const && in->n_arrays < 4) {
            const double *v = *(const double *const *)a;
            size_t n = lens[i] < 64 ? lens[i] : 64;
            if (!v || lens[i] > 64)
                continue;
            memcpy(in->array[in->n_arrays], v, n * sizeof *v);
            in->array_len[in->n_arrays] = n;
            in->array_name[in->n_arrays++] = s->name;
        }
    }
}

/* "name(a = 1, x = {0.5, 2}, ...)": the call as the student would write it, with its inputs. */
static wb_call describe_call(const wb_function *fn, const void **args, const size_t *lens)
{
    wb_call c = {.function = fn->name};
    size_t len = (size_t)snprintf(c.text, sizeof c.text, "%s(", fn->name);
    size_t arg = 0;
    for (size_t i = 0; i < fn->n_slots && len < sizeof c.text; i++) {
        const wb_slot *s = &fn->slots[i];
        if (s->parent >= 0)
            continue;
        const void *a = args[arg++];
        char v[600] = "";
        if (s->kind == WB_SLOT_SCALAR) {
            show_value(v, sizeof v, s->type, a, s->size);
        } else if (s->kind == WB_SLOT_ARRAY && s->is_double && *(const double *const *)a) {
            size_t n = lens[i] < 8 ? lens[i] : 8;
            char e[400];
            wb_format_vector(e, sizeof e, *(const double *const *)a, n);
            snprintf(v, sizeof v, "{%s%s}", e, lens[i] > n ? ", ..." : "");
        } else if (s->kind == WB_SLOT_CALLBACK || s->kind == WB_SLOT_TOKEN || s->kind == WB_SLOT_RNG ||
                   s->kind == WB_SLOT_STRUCT || s->kind == WB_SLOT_ARRAY) {
            snprintf(v, sizeof v, "%s", *(const void *const *)a ? s->name : "NULL");
        }
        len += (size_t)snprintf(c.text + len, sizeof c.text - len, "%s%s = %s", arg > 1 ? ", " : "",
                                s->name, v);
    }
    if (len < sizeof c.text - 1)
        strcat(c.text, ")");
    return c;
}

/* ---- sending the call ------------------------------------------------------------------------------- */

enum { MAX_SLOTS = 32, MAX_TOKENS = 4 };

typedef struct {
    const wb_function *fn;
    wb_call call;
    void *pointer[MAX_SLOTS]; /* ARRAY, TOKEN, RNG, STRUCT: the suite's pointer (NULL if none) */
    size_t length[MAX_SLOTS]; /* ARRAY: elements sent */
    int owner[MAX_SLOTS];     /* ARRAY: the first slot with the same pointer */
    wb_any_fn callback[8][WB_TRAMPOLINES]; /* by callback kind and trampoline */
    void *token[MAX_TOKENS];
    size_t n_tokens;
    jmp_buf bail;
    uint64_t crash_at[16]; /* the worker's last words: offsets in its program (see worker.c) */
    size_t n_crash_at;
} call_state;

static wb_buf out, in;

/* The value of slot i: from the arguments, or from its struct's memory. */
static const void *slot_source(const call_state *cs, const void **args, size_t *arg, size_t i)
{
    const wb_slot *s = &cs->fn->slots[i];
    if (s->parent < 0)
        return args[(*arg)++];
    const unsigned char *st = cs->pointer[s->parent];
    return st ? st + s->offset : NULL;
}

static void put_flag_index(uint8_t flag, uint32_t index)
{
    wb_put(&out, &flag, 1);
    wb_put(&out, &index, sizeof index);
}

static void encode_slot(call_state *cs, size_t i, const void *src, const size_t *lens)
{
    const wb_slot *s = &cs->fn->slots[i];
    void *p = NULL;
    if (s->kind != WB_SLOT_SCALAR && src)
        memcpy(&p, src, sizeof p);
    switch (s->kind) {
    case WB_SLOT_SCALAR: {
        unsigned char zero[64] = {0};
        wb_put(&out, src ? src : zero, s->size);
        return;
    }
    case WB_SLOT_ARRAY: {
        cs->pointer[i] = p;
        cs->owner[i] = (int)i;
        cs->length[i] = lens[i];
        uint8_t flag = p ? WB_ARRAY_DATA : WB_ARRAY_NULL;
        for (size_t j = 0; p && j < i; j++)
            if (cs->fn->slots[j].kind == WB_SLOT_ARRAY && cs->pointer[j] == p &&
                cs->fn->slots[j].size == s->size) {
                cs->owner[i] = cs->owner[j];
                flag = WB_ARRAY_ALIAS;
                break;
            }
        wb_put(&out, &flag, 1);
        if (flag == WB_ARRAY_DATA) {
            if (s->size && lens[i] > WB_FRAME_MAX / s->size)
                give_upf(&cs->call, _("checker: the array %s is too large to send"), s->name);
            wb_put_u64(&out, lens[i]);
            wb_put(&out, p, lens[i] * s->size);
        } else if (flag == WB_ARRAY_ALIAS) {
            uint32_t j = (uint32_t)cs->owner[i];
            wb_put(&out, &j, sizeof j);
        }
        return;
    }
    case WB_SLOT_CALLBACK: {
        wb_any_fn f = NULL;
        if (src)
            memcpy(&f, src, sizeof f);
        uint32_t t = 0;
        while (f && t < WB_TRAMPOLINES && cs->callback[s->callback_kind][t])
            t++;
        if (f && t == WB_TRAMPOLINES)
            give_upf(&cs->call, _("checker: too many callbacks of one kind in one call"));
        if (f)
            cs->callback[s->callback_kind][t] = f;
        put_flag_index(f != NULL, t);
        return;
    }
    case WB_SLOT_TOKEN: {
        uint32_t t = 0;
        while (t < cs->n_tokens && cs->token[t] != p)
            t++;
        if (p && t == cs->n_tokens) {
            if (t == MAX_TOKENS)
                give_upf(&cs->call, _("checker: too many params pointers in one call"));
            cs->token[cs->n_tokens++] = p;
        }
        put_flag_index(p != NULL, t);
        return;
    }
    case WB_SLOT_RNG: {
        gsl_rng *r = p;
        cs->pointer[i] = r;
        uint8_t flag = r != NULL;
        wb_put(&out, &flag, 1);
        if (r) {
            if (r->type != gsl_rng_mt19937)
                give_upf(&cs->call, _("checker: only mt19937 generators can be sent"));
            wb_put_u64(&out, gsl_rng_size(r));
            wb_put(&out, gsl_rng_state(r), gsl_rng_size(r));
        }
        return;
    }
    case WB_SLOT_STRUCT: {
        cs->pointer[i] = p;
        uint8_t flag = p != NULL;
        wb_put(&out, &flag, 1);
        return;
    }
    }
}

/* ---- what the worker says ------------------------------------------------------------------------- */

static _Noreturn void worker_failed(call_state *cs, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* What a process that did not answer in time was doing, from its state letter in
   /proc/PID/stat and the system call it waited in (-1: none): running, or waiting in a system
   call (reading its input, writing its output, sleeping). */
static const char *doing_story(int state, long call)
{
    if (!state)
        return "";
    if (state == 'R')
        return _(" It was still computing: an endless loop, or a loop whose stopping condition is "
               "never met?");
    switch (call) {
    case 0: /* read */
        return _(" It was waiting to read input (a lesson function reads nothing: its inputs are "
               "its arguments).");
    case 1: /* write */
        return _(" It was waiting to write output that nobody reads so fast (too much printing?).");
    case 35: /* nanosleep */
    case 230: /* clock_nanosleep */
        return _(" It was sleeping.");
    default:
        return _(" It was waiting, not computing (sleeping, or waiting for input, output or a "
               "signal).");
    }
}

static const char *doing_what(pid_t pid)
{
    char path[64], text[512] = "";
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return "";
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    const char *end = strrchr(text, ')'); /* "pid (name) STATE ..." */
    if (!end || end[1] != ' ')
        return "";
    snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
    long call = -1;
    if ((f = fopen(path, "r"))) {
        if (fscanf(f, "%ld", &call) != 1)
            call = -1;
        fclose(f);
    }
    return doing_story(end[2], call);
}

/* How the worker ended (after it stopped answering): its wait status, whether it ended by
   itself, and what it was doing when it was stopped. A worker this test started is asked
   directly (a sandboxed one's death by a signal comes back as the sandbox's exit status
   128 + the signal); the zygote's is asked through its life socket. */
typedef struct {
    int status;
    bool gone, sandboxed, unknown;
    const char *doing;
} worker_end;

static worker_end end_own_worker(bool timed_out)
{
    worker_end e = {.doing = timed_out ? doing_what(worker) : "",
                    .sandboxed = getenv("WB_WORKER_SANDBOX") && getenv("WB_WORKER_SANDBOX")[0]};
    /* In the grader's sandbox the worker is a child of bubblewrap: ask about it instead. */
    char children[64];
    snprintf(children, sizeof children, "/proc/%d/task/%d/children", (int)worker, (int)worker);
    for (int depth = 0; timed_out && depth < 3 && e.sandboxed; depth++) {
        FILE *f = fopen(children, "r");
        int child = 0;
        if (!f || fscanf(f, "%d", &child) != 1 || child <= 0) {
            if (f)
                fclose(f);
            break;
        }
        fclose(f);
        e.doing = doing_what(child);
        snprintf(children, sizeof children, "/proc/%d/task/%d/children", child, child);
    }
    for (int i = 0; i < 50 && !timed_out; i++) { /* up to 0.25 s for it to finish dying */
        if (waitpid(worker, &e.status, WNOHANG) == worker) {
            e.gone = true;
            break;
        }
        usleep(5000);
    }
    if (!e.gone) {
        kill(-worker, SIGKILL);
        kill(worker, SIGKILL);
        waitpid(worker, &e.status, 0);
    }
    return e;
}

static worker_end end_zygote_worker(bool timed_out)
{
    wb_zygote_report r;
    worker_end e = {.doing = ""};
    if (!ask_zygote(timed_out ? WB_ZYGOTE_KILL : WB_ZYGOTE_WAIT, &r)) {
        e.unknown = true; /* no answer: the zygote is gone, and its worker with it */
        return e;
    }
    e.gone = r.gone;
    e.status = r.status;
    e.doing = timed_out ? doing_story(r.state, r.syscall) : "";
    return e;
}

static void worker_story(char *buf, size_t size, bool timed_out)
{
    worker_end e = life >= 0 ? end_zygote_worker(timed_out) : end_own_worker(timed_out);
    forget_worker();
    int signal = WIFSIGNALED(e.status) ? WTERMSIG(e.status)
                 : e.sandboxed && WIFEXITED(e.status) && WEXITSTATUS(e.status) > 128
                     ? WEXITSTATUS(e.status) - 128
                     : 0;
    if (timed_out)
        snprintf(buf, size,
                 _("%syour code did not return within %g s, and was stopped (SIGKILL).%s"), wb_label(N_("timeout")),
                 wb_call_timeout(), e.doing);
    else if (e.unknown)
        snprintf(buf, size,
                 _("%syour code's process ended during this call, and the sandbox that "
                 "ran it with it (did your code signal another process?)."), wb_label(N_("ended")));
    else if (!e.gone || (WIFEXITED(e.status) && WEXITSTATUS(e.status) == WB_EXIT_DISCONNECTED))
        snprintf(buf, size,
                 _("%syour code closed the checker's connection to it (descriptors 3 and 4 "
                 "belong to the checker) and went on; it was stopped."), wb_label(N_("ended")));
    else if (signal > 0)
        snprintf(buf, size, _("%syour code crashed with signal %d (%s)."), wb_label(N_("crash")), signal,
                 wb_signal_story(signal));
    else if (WIFEXITED(e.status) && WEXITSTATUS(e.status) == 126)
        snprintf(buf, size, "%s", _("checker: the worker program could not be started."));
    else
        snprintf(buf, size,
                 _("%syour code ended its process (exit status %d) during this call: it "
                   "called exit(), _exit() or pthread_exit(), or returned from the process another "
                   "way. A lesson function must return to its caller."),
                 wb_label(N_("ended")), WIFEXITED(e.status) ? WEXITSTATUS(e.status) : -1);
}

static void worker_failed(call_state *cs, const char *fmt, ...)
{
    char why[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    wb_remote_stop();
    give_up(&cs->call, why);
}

/* "FUNCTION, FILE:LINE" of the student's code where the worker crashed: the first of its last
   words that addr2line places outside the checker's own files. Empty when unknown. */
static void crash_place(const call_state *cs, char *out, size_t size)
{
    out[0] = '\0';
    const char *program = getenv("WB_WORKER");
    if (!cs->n_crash_at || !program)
        return;
    char command[2048];
    int k = snprintf(command, sizeof command, "addr2line -f -e '%s'", program);
    if (strchr(program, '\''))
        return;
    for (size_t i = 0; i < cs->n_crash_at && k > 0 && (size_t)k < sizeof command - 24; i++)
        k += snprintf(command + k, sizeof command - (size_t)k, " 0x%llx",
                      (unsigned long long)(cs->crash_at[i] ? cs->crash_at[i] - 1 : 0));
    FILE *p = popen(command, "r");
    if (!p)
        return;
    char function[256], place[1024];
    while (fgets(function, sizeof function, p) && fgets(place, sizeof place, p)) {
        function[strcspn(function, "\n")] = '\0';
        place[strcspn(place, "\n")] = '\0';
        if (strstr(place, "??") || strstr(place, "/checker/") || strstr(place, "/build/gen/"))
            continue;
        char *discriminator = strstr(place, " (discriminator");
        if (discriminator)
            *discriminator = '\0';
        snprintf(out, size, "%.200s, %.800s", function, place);
        break;
    }
    pclose(p);
}

static _Noreturn void connection_lost(call_state *cs, int err)
{
    if (err == EPROTO)
        worker_failed(cs, _("%sthe worker's reply was malformed: your code wrote to "
                          "descriptor 3 or 4, which belong to the checker."), wb_label(N_("ended")));
    char why[2048], place[1100];
    worker_story(why, sizeof why, err == ETIMEDOUT);
    crash_place(cs, place, sizeof place);
    const char *crash = wb_label(N_("crash"));
    if (place[0] && strncmp(why, crash, strlen(crash)) == 0)
        snprintf(why + strlen(why), sizeof why - strlen(why), "\n%s%.1010s", wb_label(N_("where")),
                 place);
    give_up(&cs->call, why);
}

static const char *slot_name(const call_state *cs, int32_t i)
{
    return i >= 0 && (size_t)i < cs->fn->n_slots ? cs->fn->slots[i].name : "?";
}

static void check_findings(call_state *cs, const wb_return_header *h)
{
    size_t n_functions = 0;
    while (wb_functions[n_functions].name)
        n_functions++;
    for (uint32_t k = 0; k < h->todo_count && k < 64; k++) {
        uint32_t id;
        wb_get(&in, &id, sizeof id);
        if (id < n_functions)
            wb_todo(wb_functions[id].name);
        else
            for (size_t u = 0; wb_used_functions[u].name; u++)
                if (u == id - n_functions)
                    wb_todo(wb_used_functions[u].name);
    }
    if (h->out_of_bounds_param >= 0) {
        int32_t i = h->out_of_bounds_param;
        size_t n = (size_t)i < cs->fn->n_slots ? cs->length[cs->owner[i]] : 0;
        if (h->out_of_bounds_index < 0)
            worker_failed(cs, _("out of bounds: your code wrote %s[%lld], before the start of an "
                              "array of length %zu."),
                          slot_name(cs, i), (long long)h->out_of_bounds_index, n);
        worker_failed(cs, _("out of bounds: your code wrote %s[%lld], past the end of an array of "
                          "length %zu (valid indices are 0 to %zu)."),
                      slot_name(cs, i), (long long)h->out_of_bounds_index, n, n ? n - 1 : 0);
    }
    if (h->changed_param >= 0) {
        int32_t i = h->changed_param;
        const wb_slot *s = (size_t)i < cs->fn->n_slots ? &cs->fn->slots[i] : NULL;
        if (s && s->is_double)
            worker_failed(cs, _("const input changed: your code changed %s[%lld] from %.17g to "
                              "%.17g, but the header declares %s const: an input the function "
                              "only reads."),
                          s->name, (long long)h->changed_index, h->changed_from, h->changed_to,
                          s->name);
        worker_failed(cs, _("const input changed: your code changed %s[%lld], which the header "
                          "declares const: an input the function only reads."),
                      slot_name(cs, i), (long long)h->changed_index);
    }
}

/* The generator's state, back from the worker: only a state mt19937 itself could have. */
static void take_rng_state(call_state *cs, gsl_rng *r)
{
    const void *state = wb_get_span(&in, gsl_rng_size(r));
    int mti;
    /* mt19937's state: 624 unsigned longs, then the index mti in [0, 624] */
    memcpy(&mti, (const unsigned char *)state + 624 * sizeof(unsigned long), sizeof mti);
    if (!state || mti < 0 || mti > 624)
        worker_failed(cs, _("%sthe generator's state came back damaged: your code wrote "
                          "into the gsl_rng itself."), wb_label(N_("ended")));
    memcpy(gsl_rng_state(r), state, gsl_rng_size(r));
}

/* Whether the array of slot i (an owner) comes back: it is not const, or a non-const
   parameter of the call is the same array. */
static bool writable(const call_state *cs, size_t i)
{
    bool w = !cs->fn->slots[i].is_const;
    for (size_t j = 0; j < cs->fn->n_slots; j++)
        w |= cs->fn->slots[j].kind == WB_SLOT_ARRAY && cs->pointer[j] && cs->owner[j] == (int)i &&
             !cs->fn->slots[j].is_const;
    return w;
}

static void decode_return(call_state *cs, void *ret)
{
    wb_return_header h;
    wb_get(&in, &h, sizeof h);
    if (in.bad)
        worker_failed(cs, _("%sthe worker's reply was malformed."), wb_label(N_("ended")));
    check_findings(cs, &h);
    feraiseexcept(h.fp_flags & FE_ALL_EXCEPT); /* as if the call had run here */
    for (size_t i = 0; i < cs->fn->n_slots; i++) {
        const wb_slot *s = &cs->fn->slots[i];
        if (s->kind == WB_SLOT_ARRAY && cs->pointer[i] && cs->owner[i] == (int)i && writable(cs, i)) {
            const void *data = wb_get_span(&in, cs->length[i] * s->size);
            if (data)
                memcpy(cs->pointer[i], data, cs->length[i] * s->size);
        } else if (s->kind == WB_SLOT_RNG && cs->pointer[i]) {
            take_rng_state(cs, cs->pointer[i]);
        }
    }
    wb_get(&in, ret ? ret : (void *)&h, ret ? cs->fn->ret_size : 0);
    if (in.bad || in.pos != in.len)
        worker_failed(cs, _("%sthe worker's reply was malformed."), wb_label(N_("ended")));
}

/* ---- callbacks: the worker asks, the suite's own function answers ------------------------------ */

enum { CALLBACK_MIN_ELEMENTS = 64, CALLBACK_MAX_ELEMENTS = 1 << 24 };

static void serve_callback(call_state *cs)
{
    uint32_t kind, t;
    wb_get(&in, &kind, sizeof kind);
    wb_get(&in, &t, sizeof t);
    size_t n_kinds = 0;
    while (wb_callback_kinds[n_kinds].name)
        n_kinds++;
    if (in.bad || kind >= n_kinds || t >= WB_TRAMPOLINES || !cs->callback[kind][t])
        worker_failed(cs, _("%sthe worker asked for a callback it was never given."), wb_label(N_("ended")));
    const wb_callback_kind *k = &wb_callback_kinds[kind];
    void *args[MAX_SLOTS], *storage[MAX_SLOTS] = {0};
    unsigned char scalars[MAX_SLOTS][64];
    size_t lens[MAX_SLOTS] = {0};
    for (size_t i = 0; i < k->n_slots && i < MAX_SLOTS; i++) {
        const wb_slot *s = &k->slots[i];
        args[i] = scalars[i];
        if (s->kind == WB_SLOT_SCALAR) {
            wb_get(&in, scalars[i], s->size);
        } else if (s->kind == WB_SLOT_TOKEN) {
            int32_t idx;
            wb_get(&in, &idx, sizeof idx);
            void *given = cs->n_tokens ? cs->token[0] : NULL;
            void *p = idx >= 0 && (size_t)idx < cs->n_tokens ? cs->token[idx] : NULL;
            if (idx == -2 || (idx >= 0 && !p) || (idx == -1 && given))
                worker_failed(cs, _("wrong params: your code called %s with %s as its params "
                                  "pointer; pass on the params pointer the function was given, "
                                  "unchanged."),
                              k->name, idx == -1 ? "NULL" : _("a pointer it was not given"));
            memcpy(scalars[i], &p, sizeof p);
        } else if (s->kind == WB_SLOT_ARRAY) {
            uint8_t present;
            wb_get(&in, &present, 1);
            uint64_t n = wb_get_u64(&in);
            if (n > CALLBACK_MAX_ELEMENTS)
                worker_failed(cs, _("%syour code called %s with an array of %llu elements."), wb_label(N_("ended")),
                              k->name, (unsigned long long)n);
            lens[i] = (size_t)n;
            /* at least CALLBACK_MIN_ELEMENTS, zeroed: a callback may read a fixed number */
            storage[i] = calloc((n > CALLBACK_MIN_ELEMENTS ? n : CALLBACK_MIN_ELEMENTS), s->size);
            if (!storage[i])
                abort();
            if (present && s->is_const)
                wb_get(&in, storage[i], (size_t)n * s->size);
            void *p = present ? storage[i] : NULL;
            memcpy(scalars[i], &p, sizeof p);
        }
    }
    if (in.bad)
        worker_failed(cs, _("%sthe worker's callback request was malformed."), wb_label(N_("ended")));
    unsigned char ret[64] = {0};
    k->serve(cs->callback[kind][t], args, ret);
    wb_buf_reset(&out);
    for (size_t i = 0; i < k->n_slots && i < MAX_SLOTS; i++) {
        const wb_slot *s = &k->slots[i];
        if (s->kind == WB_SLOT_ARRAY && !s->is_const)
            wb_put(&out, storage[i], lens[i] * s->size);
        free(storage[i]);
    }
    wb_put(&out, ret, k->ret_size);
}

/* ---- the call ------------------------------------------------------------------------------------- */

/* A call, sent and answered. A callback it runs may call the student's code again (a plot's
   objective that is the student's function): calls nest, each with its own state. */
void wb_remote_call(const wb_function *fn, const void **args, const size_t *lens, void *ret)
{
    call_state *cs = calloc(1, sizeof *cs);
    if (!cs)
        abort();
    jmp_buf *outer = bail;
    cs->fn = fn;
    cs->call = describe_call(fn, args, lens);
    record_inputs(fn, args, lens);
    if (failed_before(fn->name) || setjmp(cs->bail)) {
        /* the plot driver's path: no answer, so NaN where a number was expected */
        bail = outer;
        free(cs);
        if (ret && fn->ret_type == 'd') {
            double nan = NAN;
            memcpy(ret, &nan, sizeof nan);
        } else if (ret) {
            memset(ret, 0, fn->ret_size);
        }
        return;
    }
    bail = &cs->bail;
    if (fn->n_slots > MAX_SLOTS)
        give_upf(&cs->call, _("checker: too many arguments"));
    if (!have_worker())
        start_worker(&cs->call);
    double deadline = wb_now() + wb_call_timeout();
    wb_buf_reset(&out);
    uint32_t id = (uint32_t)(fn - wb_functions);
    wb_put(&out, &id, sizeof id);
    size_t arg = 0;
    for (size_t i = 0; i < fn->n_slots; i++)
        encode_slot(cs, i, slot_source(cs, args, &arg, i), lens);
    if (wb_frame_write(to_worker, WB_CALL, &out, deadline) != 0)
        connection_lost(cs, errno);
    for (;;) {
        wb_frame_type type;
        if (wb_frame_read(from_worker, &type, &in, deadline) != 0)
            connection_lost(cs, errno);
        if (type == WB_RETURN)
            break;
        if (type == WB_CRASH) { /* the worker is dying: note where, and read on to its end */
            cs->n_crash_at = in.len / sizeof(uint64_t) < 16 ? in.len / sizeof(uint64_t) : 16;
            memcpy(cs->crash_at, in.data, cs->n_crash_at * sizeof(uint64_t));
            continue;
        }
        if (type != WB_CALLBACK)
            worker_failed(cs, _("%sthe worker's reply was malformed."), wb_label(N_("ended")));
        serve_callback(cs);
        if (wb_frame_write(to_worker, WB_CALLBACK_RESULT, &out, deadline) != 0)
            connection_lost(cs, errno);
    }
    decode_return(cs, ret);
    bail = outer;
    free(cs);
}
