#include "svw_terminal_child.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int svw_run_in_terminal(const char *command, const char *name, const char *arg, int stdin_fd) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    if (posix_spawn_file_actions_init(&actions) != 0) return -1;
    if (posix_spawnattr_init(&attributes) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return -1;
    }
    if (stdin_fd >= 0 && stdin_fd != STDIN_FILENO) posix_spawn_file_actions_adddup2(&actions, stdin_fd, STDIN_FILENO);
    // No new process group; the signals svw catches or ignores start at their defaults, none blocked.
    sigset_t defaults, none;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGWINCH);
    sigaddset(&defaults, SIGTSTP);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    // As system() does: a Ctrl-C while the program runs is the program's (less ends a search
    // with it), not an interrupt of the command whose output it shows.
    struct sigaction ignore, saved;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &saved);

    char *argv[] = {"sh", "-c", (char *)command, (char *)name, (char *)arg, NULL};
    pid_t pid;
    int failed = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    int status = 0;
    int waited = 0;
    if (failed == 0) {
        while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {}
    }
    int reason = failed != 0 ? failed : errno;
    sigaction(SIGINT, &saved, NULL);
    if (failed != 0 || waited < 0) {
        errno = reason;
        return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}
