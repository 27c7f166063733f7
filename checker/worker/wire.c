/* wire.c: frames and byte buffers, shared by the judge and the worker (see wire.h). */
#include "wire.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void wb_buf_reset(wb_buf *b)
{
    b->len = b->pos = 0;
    b->bad = false;
}

void wb_buf_free(wb_buf *b)
{
    free(b->data);
    *b = (wb_buf){0};
}

static void reserve(wb_buf *b, size_t more)
{
    if (b->len + more <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more)
        cap *= 2;
    unsigned char *d = realloc(b->data, cap);
    if (!d)
        abort(); /* both sides treat running out of memory as a crash of their own */
    b->data = d;
    b->cap = cap;
}

void wb_put(wb_buf *b, const void *p, size_t size)
{
    if (!size)
        return;
    reserve(b, size);
    memcpy(b->data + b->len, p, size);
    b->len += size;
}

void wb_put_u64(wb_buf *b, uint64_t v) { wb_put(b, &v, sizeof v); }

const void *wb_get_span(wb_buf *b, size_t size)
{
    if (b->bad || size > b->len - b->pos) {
        b->bad = true;
        return NULL;
    }
    const void *p = b->data + b->pos;
    b->pos += size;
    return p;
}

void wb_get(wb_buf *b, void *p, size_t size)
{
    const void *s = wb_get_span(b, size);
    if (s)
        memcpy(p, s, size);
    else if (size)
        memset(p, 0, size);
}

uint64_t wb_get_u64(wb_buf *b)
{
    uint64_t v;
    wb_get(b, &v, sizeof v);
    return v;
}

double wb_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Waits until fd is ready for `events` or the deadline (wb_now() seconds; < 0: none) has passed. */
static int wait_ready(int fd, short events, double deadline)
{
    if (deadline < 0)
        return 0;
    for (;;) {
        double left = deadline - wb_now();
        if (left <= 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        struct pollfd p = {.fd = fd, .events = events};
        int ms = left > 3600.0 ? 3600000 : (int)(left * 1000.0) + 1;
        int r = poll(&p, 1, ms);
        if (r > 0)
            return 0;
        if (r < 0 && errno != EINTR)
            return -1;
    }
}

/* Writes everything; a descriptor with a deadline is non-blocking, and waited on with poll. */
static int write_all(int fd, const void *p, size_t n, double deadline)
{
    const unsigned char *c = p;
    while (n) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && (errno == EINTR || errno == EAGAIN)) {
            if (errno == EAGAIN && wait_ready(fd, POLLOUT, deadline) != 0)
                return -1;
            continue;
        }
        if (k <= 0)
            return -1;
        c += k;
        n -= (size_t)k;
    }
    return 0;
}

/* 1 on a whole read, 0 on end of file before the first byte, -1 on an error or a cut frame. */
static int read_all(int fd, void *p, size_t n, double deadline)
{
    unsigned char *c = p;
    size_t got = 0;
    while (got < n) {
        if (wait_ready(fd, POLLIN, deadline) != 0)
            return -1;
        ssize_t k = read(fd, c + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        if (k == 0) {
            if (got == 0)
                return 0;
            errno = EPROTO;
            return -1;
        }
        got += (size_t)k;
    }
    return 1;
}

int wb_frame_write(int fd, wb_frame_type type, const wb_buf *payload, double deadline)
{
    unsigned char head[5];
    uint32_t len = (uint32_t)payload->len;
    memcpy(head, &len, 4);
    head[4] = (unsigned char)type;
    return write_all(fd, head, sizeof head, deadline) ||
                   write_all(fd, payload->data, payload->len, deadline)
               ? -1
               : 0;
}

int wb_frame_read(int fd, wb_frame_type *type, wb_buf *payload, double deadline)
{
    unsigned char head[5];
    int r = read_all(fd, head, sizeof head, deadline);
    if (r <= 0) {
        if (r == 0)
            errno = EPIPE;
        return -1;
    }
    uint32_t len;
    memcpy(&len, head, 4);
    if (len > WB_FRAME_MAX || head[4] < WB_CALL || head[4] > WB_CRASH) {
        errno = EPROTO;
        return -1;
    }
    wb_buf_reset(payload);
    reserve(payload, len);
    if (len && read_all(fd, payload->data, len, deadline) != 1) {
        if (errno != EPROTO && errno != ETIMEDOUT)
            errno = EPIPE;
        return -1;
    }
    payload->len = len;
    *type = (wb_frame_type)head[4];
    return 0;
}
