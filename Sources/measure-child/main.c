// measure-child REPORT COMMAND [ARGS...]
//
// Runs COMMAND (same descriptors, same environment) and writes
// "<exit status> <peak resident memory in kB> <wall time in µs>\n" to the file REPORT, then
// exits with the command's status. A small process in between is needed:
// Linux carries the peak memory of the process that spawns a child (by
// vfork, as posix_spawn does) over to that child, so a large test runner or
// benchmark cannot read a child's own peak through wait4.
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure-child REPORT COMMAND [ARGS...]\n");
        return 64;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[2], NULL, NULL, argv + 2, environ);
    if (rc != 0) {
        fprintf(stderr, "measure-child: cannot start %s: %s\n", argv[2], strerror(rc));
        return 127;
    }
    int status = 0;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {}
    clock_gettime(CLOCK_MONOTONIC, &end);
    long micros = (end.tv_sec - start.tv_sec) * 1000000L + (end.tv_nsec - start.tv_nsec) / 1000;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *report = fopen(argv[1], "w");
    if (report) {
        fprintf(report, "%d %ld %ld\n", code, usage.ru_maxrss, micros);
        fclose(report);
    }
    return code;
}
