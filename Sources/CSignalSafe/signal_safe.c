#include "signal_safe.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

enum { restore_capacity = 256, path_capacity = 4096, line_capacity = 4352, signal_limit = 65 };

static char restore_bytes[restore_capacity];
static int restore_count;
static struct termios saved_modes;
static int have_saved_modes;
static char crash_report[path_capacity];
static char crash_line[line_capacity];
static volatile sig_atomic_t stop_signal;
/// What fatal signals did before (the Swift runtime's backtracer), to hand them on.
static struct sigaction previous_actions[signal_limit];
static int have_previous[signal_limit];

static void copy_text(char *into, int capacity, const char *text) {
    into[0] = 0;
    if (text == NULL) return;
    size_t n = strlen(text);
    if (n >= (size_t)capacity) return;   // too long to keep whole: keep nothing
    memcpy(into, text, n + 1);
}

void rapport_signals_prepare(const char *restore, int restore_length,
                             const char *report, const char *line) {
    restore_count = restore_length < restore_capacity ? restore_length : 0;
    if (restore_count > 0) memcpy(restore_bytes, restore, (size_t)restore_count);
    copy_text(crash_report, path_capacity, report);
    copy_text(crash_line, line_capacity, line);
}

void rapport_signals_save_modes(void) {
    have_saved_modes = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
}

void rapport_signals_restore_terminal(void) {
    int saved_errno = errno;
    int done = 0;
    while (done < restore_count) {
        ssize_t n = write(STDOUT_FILENO, restore_bytes + done, (size_t)(restore_count - done));
        if (n <= 0) break;
        done += (int)n;
    }
    if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_modes);
    errno = saved_errno;
}

int rapport_signals_pending_stop(void) { return stop_signal; }

static void on_stop(int sig) {
    if (stop_signal != 0) {   // asked twice: stop now
        rapport_signals_restore_terminal();
        _exit(128 + stop_signal);
    }
    stop_signal = sig;
}

static void on_crash(int sig, siginfo_t *info, void *context) {
    rapport_signals_restore_terminal();
    if (crash_report[0] != 0) {
        int report = open(crash_report, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (report >= 0) dup2(report, STDOUT_FILENO);
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, STDIN_FILENO);
        if (report >= 0 && crash_line[0] != 0) {
            ssize_t ignored = write(STDERR_FILENO, crash_line, strlen(crash_line));
            (void)ignored;
        }
    }
    // The runtime's backtracer writes its report, then the crash takes its
    // default course: it must end the program even when the backtracer
    // returns (as it does for a signal sent by kill).
    if (sig > 0 && sig < signal_limit && have_previous[sig]) {
        struct sigaction *before = &previous_actions[sig];
        if (before->sa_flags & SA_SIGINFO) {
            if (before->sa_sigaction != NULL) before->sa_sigaction(sig, info, context);
        } else if (before->sa_handler != SIG_DFL && before->sa_handler != SIG_IGN && before->sa_handler != NULL) {
            before->sa_handler(sig);
        }
    }
    signal(sig, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
}

void rapport_signals_install(const int *stops, int stop_count, const int *fatals, int fatal_count) {
    sigset_t wanted;
    sigemptyset(&wanted);
    for (int i = 0; i < stop_count; i++) sigaddset(&wanted, stops[i]);
    sigaddset(&wanted, SIGWINCH);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
    for (int i = 0; i < stop_count; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_stop;
        sigemptyset(&action.sa_mask);
        sigaction(stops[i], &action, NULL);
    }
    for (int i = 0; i < fatal_count; i++) {
        int sig = fatals[i];
        if (sig <= 0 || sig >= signal_limit) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_crash;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        have_previous[sig] = sigaction(sig, &action, &previous_actions[sig]) == 0;
    }
}
