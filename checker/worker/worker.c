/*
 * worker.c: the process that runs the student's code, and nothing of the checker's judgement.
 *
 * It holds the student's file, this loop and the dispatcher generated from the lesson's header
 * (checker/tools/gencalls): no oracle, no expected value, no test framework. It reads a call
 * from descriptor 3, decodes the arguments into fresh arrays fenced on both sides, runs the
 * student's function, and writes back on descriptor 4 every array it may have changed, the
 * return value, whether it wrote outside an array or changed a const input, and which stubs
 * ran. A callback (an objective f, say) is a request to the judge, which runs the test's own
 * function and answers. The judge compares; nothing this process says is a verdict.
 */
#define _GNU_SOURCE /* accept4 */
#include "calls.h"
#include "wire.h"

#include <errno.h>
#include <execinfo.h>
#include <fenv.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- stubs reached (lessons/workbook.h: WB_TODO) ----------------------------------------- */

enum { MAX_TODO = 64 };
static uint32_t todo_ids[MAX_TODO];
static uint32_t n_todo;

static size_t count_functions(void)
{
    size_t n = 0;
    while (wb_functions[n].name)
        n++;
    return n;
}

/* The id of a function: its index in wb_functions, or after those, in wb_used_functions (an
   earlier lesson's function that this lesson's code calls); n + used when it is neither. */
static uint32_t function_id(const char *function)
{
    uint32_t n = (uint32_t)count_functions(), k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(wb_functions[i].name, function) == 0)
            return i;
    for (; wb_used_functions[k].name; k++)
        if (strcmp(wb_used_functions[k].name, function) == 0)
            return n + k;
    return n + k;
}

void wb_todo(const char *function)
{
    uint32_t n = (uint32_t)count_functions(), i = function_id(function);
    uint32_t used = 0;
    while (wb_used_functions[used].name)
        used++;
    if (i >= n + used)
        return;
    for (uint32_t k = 0; k < n_todo; k++)
        if (todo_ids[k] == i)
            return;
    if (n_todo < MAX_TODO)
        todo_ids[n_todo++] = i;
}

/* ---- fenced arrays ------------------------------------------------------------------------- */

/* Fences of this many elements on both sides, filled with a NaN no code computes: a read past
   the end gives NaN, and a write there is found afterwards. */
enum { FENCE = 8 };
static const uint64_t FENCE_BITS = 0x7ff4dead7ff4deadULL;

typedef struct {
    unsigned char *base; /* FENCE elements, then n, then FENCE */
    size_t n, size;
    unsigned char *pristine; /* a const input's content, to see whether the code changed it */
} fenced;

static void fill_fence(unsigned char *p, size_t bytes)
{
    for (size_t i = 0; i < bytes; i++)
        p[i] = ((const unsigned char *)&FENCE_BITS)[i % sizeof FENCE_BITS];
}

static void *fenced_alloc(fenced *f, size_t n, size_t size)
{
    size_t fence = FENCE * size;
    f->n = n;
    f->size = size;
    f->base = malloc(2 * fence + n * size + 1);
    if (!f->base)
        abort();
    fill_fence(f->base, fence);
    fill_fence(f->base + fence + n * size, fence);
    return f->base + fence;
}

static unsigned char *fenced_data(const fenced *f) { return f->base + FENCE * f->size; }

static bool fence_byte_ok(const unsigned char *fence_start, size_t at)
{
    return fence_start[at] == ((const unsigned char *)&FENCE_BITS)[at % sizeof FENCE_BITS];
}

/* The element written outside [0, n) nearest to the array: its index (-1, -2, ... before the
   start; n, n + 1, ... after the end). False when both fences are intact. */
static bool fence_broken(const fenced *f, int64_t *index)
{
    size_t fence = FENCE * f->size;
    const unsigned char *after = fenced_data(f) + f->n * f->size;
    for (size_t at = fence; at-- > 0;)
        if (!fence_byte_ok(f->base, at)) {
            *index = (int64_t)(at / f->size) - FENCE;
            return true;
        }
    for (size_t at = 0; at < fence; at++)
        if (!fence_byte_ok(after, at)) {
            *index = (int64_t)f->n + (int64_t)(at / f->size);
            return true;
        }
    return false;
}

/* ---- one call ----------------------------------------------------------------------------------- */

enum { MAX_SLOTS = 32, MAX_TOKENS = 4 };

/* Stand-ins for the test's params pointers: the judge maps them back. */
static char tokens[MAX_TOKENS];

typedef struct {
    void *value[MAX_SLOTS];  /* the argument as the function receives it */
    fenced array[MAX_SLOTS]; /* ARRAY slots with data of their own */
    int alias[MAX_SLOTS];    /* ARRAY: -1, or the slot whose array this one is */
    bool present[MAX_SLOTS];
    unsigned char scalar[MAX_SLOTS][64];
    unsigned char *structure[MAX_SLOTS];
    gsl_rng *rng[MAX_SLOTS];
} decoded;

static wb_buf out;

static _Noreturn void protocol_error(const char *what)
{
    fprintf(stderr, "worker: %s\n", what);
    exit(97);
}

/* Stores a member's value into its struct. */
static void store_member(decoded *d, const wb_slot *s, const void *value, size_t size)
{
    if (s->parent >= 0 && d->structure[s->parent])
        memcpy(d->structure[s->parent] + s->offset, value, size);
}

static void decode_slot(decoded *d, const wb_function *fn, size_t i, wb_buf *in)
{
    const wb_slot *s = &fn->slots[i];
    void *p = NULL;
    d->alias[i] = -1;
    switch (s->kind) {
    case WB_SLOT_SCALAR:
        if (s->size > sizeof d->scalar[i])
            protocol_error("a scalar argument is too large");
        wb_get(in, d->scalar[i], s->size);
        store_member(d, s, d->scalar[i], s->size);
        d->value[i] = d->scalar[i];
        return;
    case WB_SLOT_ARRAY: {
        uint8_t flag;
        wb_get(in, &flag, 1);
        if (flag == WB_ARRAY_DATA) {
            uint64_t n = wb_get_u64(in);
            if (s->size == 0 || n > WB_FRAME_MAX / s->size)
                protocol_error("an array is too large");
            p = fenced_alloc(&d->array[i], (size_t)n, s->size);
            wb_get(in, p, (size_t)n * s->size);
            if (s->is_const) {
                d->array[i].pristine = malloc((size_t)n * s->size + 1);
                if (!d->array[i].pristine)
                    abort();
                memcpy(d->array[i].pristine, p, (size_t)n * s->size);
            }
        } else if (flag == WB_ARRAY_ALIAS) {
            uint32_t j;
            wb_get(in, &j, sizeof j);
            if (j >= i || !d->array[j].base)
                protocol_error("a bad alias");
            d->alias[i] = (int)j;
            p = fenced_data(&d->array[j]);
        }
        d->present[i] = p != NULL;
        break;
    }
    case WB_SLOT_CALLBACK: {
        uint8_t flag;
        uint32_t t;
        wb_get(in, &flag, 1);
        wb_get(in, &t, sizeof t);
        if (flag && t < WB_TRAMPOLINES) {
            wb_any_fn f = wb_callback_kinds[s->callback_kind].trampolines[t];
            store_member(d, s, &f, sizeof f);
            memcpy(d->scalar[i], &f, sizeof f);
        } else {
            wb_any_fn f = NULL;
            store_member(d, s, &f, sizeof f);
            memcpy(d->scalar[i], &f, sizeof f);
        }
        d->value[i] = d->scalar[i];
        return;
    }
    case WB_SLOT_TOKEN: {
        uint8_t flag;
        uint32_t t;
        wb_get(in, &flag, 1);
        wb_get(in, &t, sizeof t);
        p = flag && t < MAX_TOKENS ? &tokens[t] : NULL;
        break;
    }
    case WB_SLOT_RNG: {
        uint8_t flag;
        wb_get(in, &flag, 1);
        if (flag) {
            uint64_t size = wb_get_u64(in);
            gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
            if (!r || size != gsl_rng_size(r))
                protocol_error("a generator of another kind than mt19937");
            wb_get(in, gsl_rng_state(r), (size_t)size);
            d->rng[i] = r;
            p = r;
        }
        break;
    }
    case WB_SLOT_STRUCT: {
        uint8_t flag;
        wb_get(in, &flag, 1);
        if (flag) {
            d->structure[i] = calloc(1, s->size + 1);
            if (!d->structure[i])
                abort();
            p = d->structure[i];
        }
        break;
    }
    }
    /* a pointer: the function gets its value through value[i] */
    store_member(d, s, &p, sizeof p);
    memcpy(d->scalar[i], &p, sizeof p);
    d->value[i] = d->scalar[i];
}

/* Whether array i can have changed: it is not const, or a non-const parameter aliases it. */
static bool writable(const decoded *d, const wb_function *fn, size_t i)
{
    bool w = !fn->slots[i].is_const;
    for (size_t j = 0; j < fn->n_slots; j++)
        w |= d->alias[j] == (int)i && !fn->slots[j].is_const;
    return w;
}

/* The findings and the outputs, in the order the judge decodes them. */
static void encode_return(decoded *d, const wb_function *fn, const void *ret, int fp_flags,
                          uint32_t todo_start)
{
    wb_return_header h = {.out_of_bounds_param = -1, .changed_param = -1, .fp_flags = fp_flags};
    for (size_t i = 0; i < fn->n_slots; i++) {
        const wb_slot *s = &fn->slots[i];
        fenced *f = &d->array[i];
        if (s->kind != WB_SLOT_ARRAY || !f->base)
            continue;
        int64_t at;
        if (h.out_of_bounds_param < 0 && fence_broken(f, &at)) {
            h.out_of_bounds_param = (int32_t)i;
            h.out_of_bounds_index = at;
        }
        if (f->pristine && !writable(d, fn, i) && h.changed_param < 0)
            for (size_t k = 0; k < f->n; k++)
                if (memcmp(fenced_data(f) + k * f->size, f->pristine + k * f->size, f->size) != 0) {
                    h.changed_param = (int32_t)i;
                    h.changed_index = (int64_t)k;
                    if (s->is_double) {
                        memcpy(&h.changed_from, f->pristine + k * f->size, sizeof(double));
                        memcpy(&h.changed_to, fenced_data(f) + k * f->size, sizeof(double));
                    }
                    break;
                }
    }
    h.todo_count = n_todo - todo_start; /* the stubs this call (and what it called) reached */
    wb_buf_reset(&out);
    wb_put(&out, &h, sizeof h);
    wb_put(&out, todo_ids + todo_start, h.todo_count * sizeof *todo_ids);
    for (size_t i = 0; i < fn->n_slots; i++) {
        const wb_slot *s = &fn->slots[i];
        if (s->kind == WB_SLOT_ARRAY && d->array[i].base && writable(d, fn, i))
            wb_put(&out, fenced_data(&d->array[i]), d->array[i].n * s->size);
        else if (s->kind == WB_SLOT_RNG && d->rng[i])
            wb_put(&out, gsl_rng_state(d->rng[i]), gsl_rng_size(d->rng[i]));
    }
    wb_put(&out, ret, fn->ret_size);
}

static void release(decoded *d, const wb_function *fn)
{
    for (size_t i = 0; i < fn->n_slots; i++) {
        free(d->array[i].base);
        free(d->array[i].pristine);
        free(d->structure[i]);
        if (d->rng[i])
            gsl_rng_free(d->rng[i]);
    }
}

/* One call, from a frame already read into `request`. Calls nest: a callback the judge runs for
   the student's code may call a student's function in turn (a plot's objective written by the
   student), so everything of a call lives on its own frame here. */
static void serve_call(wb_buf *request)
{
    uint32_t id;
    wb_get(request, &id, sizeof id);
    if (request->bad || id >= count_functions())
        protocol_error("an unknown function");
    const wb_function *fn = &wb_functions[id];
    if (fn->n_slots > MAX_SLOTS)
        protocol_error("too many arguments");
    decoded *d = calloc(1, sizeof *d);
    if (!d)
        abort();
    void *args[MAX_SLOTS];
    size_t n_args = 0;
    for (size_t i = 0; i < fn->n_slots; i++) {
        decode_slot(d, fn, i, request);
        if (fn->slots[i].parent < 0)
            args[n_args++] = d->value[i];
    }
    if (request->bad)
        protocol_error("a call with fewer arguments than its function has");
    unsigned char ret[64] = {0};
    uint32_t todo_start = n_todo;
    fexcept_t outer_flags;
    fegetexceptflag(&outer_flags, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    fn->invoke(NULL, args, ret);
    int fp_flags = fetestexcept(FE_ALL_EXCEPT); /* an overflow, say: the suite may ask */
    fesetexceptflag(&outer_flags, FE_ALL_EXCEPT);
    feraiseexcept(fp_flags);
    encode_return(d, fn, ret, fp_flags, todo_start);
    release(d, fn);
    free(d);
    if (wb_frame_write(WB_WIRE_OUT, WB_RETURN, &out, -1) != 0)
        _exit(WB_EXIT_DISCONNECTED);
}

/* ---- callbacks: the student's code calls a trampoline, which asks the judge ---------------------- */

static wb_buf cb_out;

static int32_t token_index(const void *p)
{
    if (!p)
        return -1;
    for (int i = 0; i < MAX_TOKENS; i++)
        if (p == &tokens[i])
            return i;
    return -2;
}

void wb_worker_callback(int kind, int slot, void **args, const size_t *lens, void *ret)
{
    const wb_callback_kind *k = &wb_callback_kinds[kind];
    wb_buf_reset(&cb_out);
    uint32_t u = (uint32_t)kind, t = (uint32_t)slot;
    wb_put(&cb_out, &u, sizeof u);
    wb_put(&cb_out, &t, sizeof t);
    for (size_t i = 0; i < k->n_slots; i++) {
        const wb_slot *s = &k->slots[i];
        if (s->kind == WB_SLOT_SCALAR) {
            wb_put(&cb_out, args[i], s->size);
        } else if (s->kind == WB_SLOT_TOKEN) {
            int32_t idx = token_index(*(void **)args[i]);
            wb_put(&cb_out, &idx, sizeof idx);
        } else if (s->kind == WB_SLOT_ARRAY) {
            const void *p = *(void **)args[i];
            uint8_t flag = p != NULL;
            wb_put(&cb_out, &flag, 1);
            wb_put_u64(&cb_out, lens[i]);
            if (p && s->is_const)
                wb_put(&cb_out, p, lens[i] * s->size); /* the student's array: theirs to get right */
        }
    }
    if (wb_frame_write(WB_WIRE_OUT, WB_CALLBACK, &cb_out, -1) != 0)
        _exit(WB_EXIT_DISCONNECTED);
    wb_frame_type type;
    wb_buf *reply = calloc(1, sizeof *reply);
    if (!reply)
        abort();
    for (;;) {
        if (wb_frame_read(WB_WIRE_IN, &type, reply, -1) != 0)
            exit(0); /* the judge refused the callback and ended this call */
        if (type == WB_CALLBACK_RESULT)
            break;
        if (type != WB_CALL)
            protocol_error("a frame that is neither a call nor a callback's result");
        serve_call(reply); /* the callback calls one of the student's functions */
    }
    for (size_t i = 0; i < k->n_slots; i++) {
        const wb_slot *s = &k->slots[i];
        void *p = s->kind == WB_SLOT_ARRAY ? *(void **)args[i] : NULL;
        if (s->kind == WB_SLOT_ARRAY && !s->is_const && p)
            wb_get(reply, p, lens[i] * s->size);
    }
    wb_get(reply, ret ? ret : (void *)&u, ret ? k->ret_size : 0);
    wb_buf_free(reply);
    free(reply);
}

/* ---- a crash's last words ------------------------------------------------------------------ */

/*
 * When the student's code crashes, the worker tells the judge where: the return addresses on
 * the stack that lie in this program (as offsets from its start, which addr2line turns into
 * file:line on the judge's side), then dies of the same signal. An alternate stack lets this
 * run after a stack overflow too. Nothing here is trusted: it only helps the message.
 */
extern const char __executable_start[], etext[];

static void last_words(int sig)
{
    void *frames[32];
    int n = backtrace(frames, 32);
    uint64_t where[16];
    uint32_t k = 0;
    for (int i = 0; i < n && k < 16; i++) {
        const char *pc = frames[i];
        if (pc >= __executable_start && pc < etext)
            where[k++] = (uint64_t)(pc - __executable_start);
    }
    unsigned char frame[5 + sizeof where];
    uint32_t len = k * (uint32_t)sizeof *where;
    memcpy(frame, &len, 4);
    frame[4] = WB_CRASH;
    memcpy(frame + 5, where, len);
    ssize_t ignored = write(WB_WIRE_OUT, frame, 5 + len);
    (void)ignored;
    raise(sig); /* SA_RESETHAND: now with the default action */
}

static void prepare_last_words(void)
{
    static char stack[1 << 16];
    stack_t ss = {.ss_sp = stack, .ss_size = sizeof stack};
    sigaltstack(&ss, NULL);
    void *warm[1];
    backtrace(warm, 1); /* loads what backtrace needs now, not in a signal handler */
    struct sigaction sa = {.sa_handler = last_words, .sa_flags = SA_ONSTACK | SA_RESETHAND};
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
}

/* ---- the zygote (grading: see wire.h) ------------------------------------------------------------ */

enum { MAX_CHILDREN = 32 };
typedef struct {
    pid_t pid;
    int life;
    bool gone;
    int status;
} zygote_child;
static zygote_child children[MAX_CHILDREN];
static size_t n_children;

/* Notes every child that has ended (its status kept for the test's question). */
static void reap_children(void)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
        for (size_t i = 0; i < n_children; i++)
            if (children[i].pid == pid) {
                children[i].gone = true;
                children[i].status = status;
            }
}

/* What a process is doing: its state letter and the system call it waits in (-1: none). */
static void read_doing(pid_t pid, wb_zygote_report *r)
{
    char path[64], text[512] = "";
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    text[n] = '\0';
    const char *end = strrchr(text, ')'); /* "pid (name) STATE ..." */
    r->state = end && end[1] == ' ' ? end[2] : 0;
    long call = -1;
    snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
    if ((f = fopen(path, "r"))) {
        if (fscanf(f, "%ld", &call) != 1)
            call = -1;
        fclose(f);
    }
    r->syscall = (int32_t)call;
}

/* Ends a child and forgets it, after answering the test's question on its life socket. */
static void answer_and_end(size_t i, int question)
{
    zygote_child *c = &children[i];
    wb_zygote_report r = {.syscall = -1};
    if (question == WB_ZYGOTE_KILL && !c->gone)
        read_doing(c->pid, &r);
    for (int k = 0; k < 50 && question == WB_ZYGOTE_WAIT && !c->gone; k++) {
        usleep(5000); /* up to 0.25 s for it to finish dying */
        reap_children();
    }
    if (!c->gone) {
        kill(c->pid, SIGKILL);
        waitpid(c->pid, &c->status, 0);
    }
    r.gone = c->gone;
    r.status = c->status;
    if (question)
        (void)!write(c->life, &r, sizeof r);
    close(c->life);
    children[i] = children[--n_children];
}

/* Receives a test's three descriptors (requests, replies, life) on a connection to the
   zygote's socket; fds[0] is -1 when the packet was not that. */
static void receive_test(int control, int fds[3])
{
    char byte;
    fds[0] = -1;
    union {
        char buf[CMSG_SPACE(3 * sizeof(int))];
        struct cmsghdr align;
    } u;
    struct iovec iov = {.iov_base = &byte, .iov_len = 1};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
                         .msg_controllen = sizeof u.buf};
    if (recvmsg(control, &msg, MSG_CMSG_CLOEXEC) <= 0)
        return;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(3 * sizeof(int))) {
        for (; c; c = CMSG_NXTHDR(&msg, c)) /* close whatever came, keep serving */
            if (c->cmsg_type == SCM_RIGHTS)
                for (size_t k = 0; k < (c->cmsg_len - CMSG_LEN(0)) / sizeof(int); k++)
                    close(((int *)CMSG_DATA(c))[k]);
        return;
    }
    memcpy(fds, CMSG_DATA(c), 3 * sizeof(int));
}

/* In the forked child: the test's descriptors become 3 and 4, nothing else of the zygote's
   stays open, and no process can be started (the zygote itself counts against the limit). */
static void become_worker(int listener, const int fds[3])
{
    close(listener);
    for (size_t i = 0; i < n_children; i++)
        close(children[i].life);
    close(fds[2]);
    if (dup2(fds[0], WB_WIRE_IN) < 0 || dup2(fds[1], WB_WIRE_OUT) < 0)
        _exit(126);
    close(fds[0]);
    close(fds[1]);
    struct rlimit one = {1, 1};
    setrlimit(RLIMIT_NPROC, &one);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    signal(SIGPIPE, SIG_DFL);
}

/* Serves the tests that connect to its listening socket (descriptor 3) until the judge ends
   (the sandbox dies with it); returns only in a forked worker. */
static void zygote(void)
{
    int listener = WB_WIRE_IN;
    signal(SIGPIPE, SIG_IGN);
    for (;;) {
        struct pollfd p[MAX_CHILDREN + 1] = {{.fd = listener, .events = POLLIN}};
        for (size_t i = 0; i < n_children; i++)
            p[i + 1] = (struct pollfd){.fd = children[i].life, .events = POLLIN};
        if (poll(p, n_children + 1, 100) < 0 && errno != EINTR)
            _exit(1);
        reap_children();
        for (size_t i = n_children; i-- > 0;) { /* from the end: answer_and_end moves the last */
            if (!(p[i + 1].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            unsigned char question = 0;
            if (read(children[i].life, &question, 1) != 1)
                question = 0; /* the test is over: end its worker */
            answer_and_end(i, question == WB_ZYGOTE_WAIT || question == WB_ZYGOTE_KILL ? question : 0);
        }
        if (!(p[0].revents & POLLIN))
            continue;
        int fds[3], control = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (control < 0)
            continue;
        receive_test(control, fds);
        close(control);
        if (fds[0] < 0)
            continue;
        pid_t pid = n_children < MAX_CHILDREN ? fork() : -1;
        if (pid == 0) {
            become_worker(listener, fds);
            return;
        }
        close(fds[0]);
        close(fds[1]);
        if (pid < 0) { /* the test sees its connection closed, and says so */
            close(fds[2]);
            continue;
        }
        children[n_children++] = (zygote_child){.pid = pid, .life = fds[2]};
    }
}

/* ---- main ------------------------------------------------------------------------------------------- */

int main(int argc, char *argv[])
{
    static wb_buf request;
    if (argc == 2 && strcmp(argv[1], "--zygote") == 0)
        zygote();
    prepare_last_words();
    for (;;) {
        wb_frame_type type;
        if (wb_frame_read(WB_WIRE_IN, &type, &request, -1) != 0)
            return 0; /* the judge closed the connection: the test is over */
        if (type != WB_CALL)
            protocol_error("a frame that is not a call");
        serve_call(&request);
    }
}
