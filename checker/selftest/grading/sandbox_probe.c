/*
 * sandbox_probe.c: looks at the grader's sandbox (checker/grade/sandbox) from inside, for
 * `make test`. Trusted code: it does on purpose what a hostile submission would try.
 *
 *   probe listen PORTFILE                 (outside) listens on 127.0.0.1, writes the port
 *   probe check PORT SECRET CLASS         (inside) one line per property: "ok WHAT" or
 *                                         "LEAK WHAT: detail"
 * SECRET and CLASS are paths the sandbox must not show (the solutions, the graded class). The
 * sandbox is started with --nproc 16, --as 512 MiB and --fsize 1 MiB.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int listen_mode(const char *portfile)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 8) != 0 ||
        getsockname(s, (struct sockaddr *)&a, &len) != 0)
        return 1;
    FILE *f = fopen(portfile, "w");
    if (!f)
        return 1;
    fprintf(f, "%d\n", ntohs(a.sin_port));
    fclose(f);
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c >= 0)
            close(c);
    }
}

static void report(int good, const char *what, const char *detail)
{
    if (good)
        printf("ok %s\n", what);
    else
        printf("LEAK %s: %s\n", what, detail);
}

static void check_network(int port)
{
    char what[128];
    snprintf(what, sizeof what, "no network: a connection to the host's 127.0.0.1:%d fails", port);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int connected = s >= 0 && connect(s, (struct sockaddr *)&a, sizeof a) == 0;
    report(!connected, what, "connected");
    if (s >= 0)
        close(s);
}

static void check_hidden(const char *path, const char *label)
{
    char what[512];
    struct stat st;
    snprintf(what, sizeof what, "no view of %s (%s)", label, path);
    report(stat(path, &st) != 0 && errno == ENOENT, what, "it exists");
}

static void check_read_only(void)
{
    int fd = open("/usr/probe-was-here", O_WRONLY | O_CREAT, 0644);
    report(fd < 0, "the system is read-only (/usr/probe-was-here cannot be created)", "created");
    if (fd >= 0)
        close(fd), unlink("/usr/probe-was-here");
}

static void check_pids(void)
{
    DIR *d = opendir("/proc");
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += e->d_name[0] >= '0' && e->d_name[0] <= '9';
    if (d)
        closedir(d);
    char detail[64];
    snprintf(detail, sizeof detail, "%d processes visible", n);
    report(n > 0 && n <= 2, "its own PID namespace (no other process in view)", detail);
}

static void check_identity(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256], caps[64] = "?";
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "CapEff:", 7) == 0)
            sscanf(line + 7, "%63s", caps);
    if (f)
        fclose(f);
    report(strspn(caps, "0") == strlen(caps) && caps[0] == '0', "no capabilities", caps);
    report(unshare(CLONE_NEWUSER) != 0, "no new user namespace can be made inside", "unshare worked");
}

static void check_nproc(void)
{
    pid_t kids[64];
    int n = 0;
    while (n < 64) {
        pid_t p = fork();
        if (p < 0)
            break;
        if (p == 0) {
            pause();
            _exit(0);
        }
        kids[n++] = p;
    }
    for (int i = 0; i < n; i++)
        kill(kids[i], SIGKILL);
    while (wait(NULL) > 0)
        ;
    char detail[64];
    snprintf(detail, sizeof detail, "%d processes started", n);
    /* Which also shows that the sandbox's user is not root outside: the kernel never limits root. */
    report(n < 16, "the process limit holds (a fork bomb stops at 16)", detail);
}

static void check_memory(void)
{
    void *p = malloc((size_t)1 << 30);
    report(p == NULL, "the address-space limit holds (malloc of 1 GiB fails)", "it succeeded");
    free(p);
}

static void check_file_size(void)
{
    signal(SIGXFSZ, SIG_IGN);
    int fd = open("big", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    static char block[1 << 16];
    long written = 0;
    ssize_t w = 0;
    while (fd >= 0 && written < (4L << 20) && (w = write(fd, block, sizeof block)) > 0)
        written += w;
    int efbig = w < 0 && errno == EFBIG;
    if (fd >= 0)
        close(fd);
    char detail[64];
    snprintf(detail, sizeof detail, "%ld bytes written", written);
    report(efbig && written <= (1L << 20), "the file-size limit holds (a file stops at 1 MiB)", detail);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "listen") == 0)
        return listen_mode(argv[2]);
    if (argc != 5 || strcmp(argv[1], "check") != 0) {
        fprintf(stderr, "usage: probe listen PORTFILE | probe check PORT SECRET CLASS\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    check_network(atoi(argv[2]));
    check_hidden(argv[3], "the solutions");
    check_hidden(argv[4], "the class or its grades");
    check_read_only();
    check_pids();
    check_identity();
    check_nproc();
    check_memory();
    check_file_size();
    return 0;
}
