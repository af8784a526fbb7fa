#ifndef SVW_CLINEEDIT_SHIM_H
#define SVW_CLINEEDIT_SHIM_H
// libedit's el_set/el_get/history are variadic, C's stdio globals are not usable
// from Swift 6, and poll, isatty and ioctl are C, so every call the shell and the
// executable make to them goes through a typed wrapper here. Ctrl-C's handler and
// counter are state, which a header cannot hold once: they live in Sources/CInterrupt.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <histedit.h>

static inline FILE *svw_stdin(void) { return stdin; }
static inline FILE *svw_stdout(void) { return stdout; }
static inline FILE *svw_stderr(void) { return stderr; }

// MARK: EditLine

typedef char *(*svw_prompt_fn)(EditLine *);
typedef unsigned char (*svw_edit_fn)(EditLine *, int);
/// Whether Ctrl-C has been pressed since the line began (nonzero: yes).
typedef int (*svw_interrupted_fn)(void *owner);

/// What libedit's client data points to: the Swift object that owns the editor, and how
/// the read function asks it whether the line has been interrupted.
struct svw_el_client {
    void *owner;
    svw_interrupted_fn interrupted;
    /// The terminal's size when last looked at, to notice a resize libedit missed.
    unsigned short columns, rows;
};

static inline EditLine *svw_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}
static inline int svw_el_set_prompt(EditLine *el, svw_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int svw_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int svw_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int svw_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline struct svw_el_client *svw_el_get_client(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return (struct svw_el_client *)data;
}
static inline int svw_el_set_client(EditLine *el, struct svw_el_client *client) {
    return el_set(el, EL_CLIENTDATA, (void *)client);
}
/// The Swift object that owns `el` (NULL before it is set).
static inline void *svw_el_get_owner(EditLine *el) {
    struct svw_el_client *client = svw_el_get_client(el);
    return client == NULL ? NULL : client->owner;
}
static inline int svw_el_add_function(EditLine *el, const char *name, const char *help, svw_edit_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int svw_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}
/// Reads ~/.editrc (or $EDITRC), so the user's own bindings and settings apply.
static inline int svw_el_source_user_file(EditLine *el) { return el_source(el, NULL); }

/// The line being edited: its bytes before and after the cursor.
static inline const char *svw_el_line_buffer(EditLine *el) { return el_line(el)->buffer; }
static inline int svw_el_line_cursor(EditLine *el) {
    const LineInfo *li = el_line(el);
    return (int)(li->cursor - li->buffer);
}
static inline int svw_el_line_length(EditLine *el) {
    const LineInfo *li = el_line(el);
    return (int)(li->lastchar - li->buffer);
}

// MARK: Reading keys
//
// Why libedit's own read function is replaced: a Ctrl-C that arrives while libedit is
// inside el_gets but not blocked in read() (redrawing the line, say) runs the handlers
// and then libedit goes back to read() and blocks there until the next key, so the
// Ctrl-C seemed lost. This one waits for a key in short slices with poll() and asks,
// before each wait, whether Ctrl-C has come since the line began; if so it fails with
// EINTR, el_gets returns NULL and the shell clears the line. It keeps failing for the
// rest of that line, so whatever libedit was in the middle of (a history search, a vi
// command waiting for its argument, an escape sequence) ends too.

/// How long one wait for a key lasts before Ctrl-C is looked for again (a Ctrl-C that
/// lands between the look and the wait, or is handled by another thread, waits this long).
#define SVW_READ_SLICE_MS 50

/// Waits until stdin can be read. Returns 1 when it can, -1 with errno EINTR when the
/// line has been interrupted, -1 with errno set when poll fails.
static inline int svw_el_wait_for_key(EditLine *el, struct svw_el_client *client) {
    for (;;) {
        if (client != NULL && client->interrupted != NULL && client->interrupted(client->owner)) {
            errno = EINTR;
            return -1;
        }
        struct pollfd descriptor = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
        // Only here may a resize land (see svw_el_gets): libedit is idle, as in read().
        sigset_t winch;
        sigemptyset(&winch);
        sigaddset(&winch, SIGWINCH);
        pthread_sigmask(SIG_UNBLOCK, &winch, NULL);
        int ready = poll(&descriptor, 1, SVW_READ_SLICE_MS);
        int waitError = errno;
        pthread_sigmask(SIG_BLOCK, &winch, NULL);
        errno = waitError;
        if (ready > 0) return 1;  // also for POLLHUP/POLLERR: read() then tells what happened
        if (ready < 0 && errno != EINTR) return -1;
        // libedit's SIGWINCH handler is gone after its first resize in a line: notice the others.
        struct winsize ws;
        if (client != NULL && ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0
            && (ws.ws_col != client->columns || ws.ws_row != client->rows)) {
            if (client->columns != 0) el_resize(el);
            client->columns = ws.ws_col;
            client->rows = ws.ws_row;
        }
    }
}

/// libedit's read function (EL_GETCFN): one character from stdin, its UTF-8 bytes decoded
/// with the C library's locale (svw_use_utf8_locale). Returns 1 with the character, 0 at
/// the end of input, -1 with errno on an error or (EINTR) when Ctrl-C ended the line.
/// An invalid byte sequence is skipped, keeping its last byte, as libedit's own reader does.
static int svw_el_read_char(EditLine *el, wchar_t *out) {
    struct svw_el_client *client = svw_el_get_client(el);
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    for (;;) {
        if (svw_el_wait_for_key(el, client) < 0) {
            *out = L'\0';
            return -1;
        }
        // Without blocking: a Ctrl-C between poll and read makes the kernel drop the typed
        // keys poll saw, and a blocking read would then wait for the next key, Ctrl-C lost.
        unsigned char byte;
        int flags = fcntl(STDIN_FILENO, F_GETFL);
        int toggled = flags >= 0 && (flags & O_NONBLOCK) == 0
            && fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK) == 0;
        ssize_t got = read(STDIN_FILENO, &byte, 1);
        int read_error = errno;
        if (toggled) fcntl(STDIN_FILENO, F_SETFL, flags);
        errno = read_error;
        if (got == 0) {
            *out = L'\0';
            return 0;
        }
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            *out = L'\0';
            return -1;
        }
        bytes[count++] = (char)byte;
        for (;;) {
            mbstate_t state;
            memset(&state, 0, sizeof state);
            wchar_t decoded = L'\0';
            size_t used = mbrtowc(&decoded, bytes, count, &state);
            if (used == (size_t)-2 && count < sizeof bytes) break;  // incomplete: read another byte
            if (used == (size_t)-1 || used == (size_t)-2) {
                // Invalid (or too long): drop it, but the last byte may begin the next character.
                if (count > 1) {
                    bytes[0] = bytes[count - 1];
                    count = 1;
                    continue;
                }
                count = 0;
                break;
            }
            *out = decoded;  // used == 0 is a NUL byte: a character too (Ctrl-Space)
            return 1;
        }
    }
}

/// Reads keys with svw_el_read_char instead of libedit's own reader.
static inline int svw_el_use_interruptible_reader(EditLine *el) {
    return el_set(el, EL_GETCFN, svw_el_read_char);
}

// MARK: History

static inline int svw_history_set_size(History *h, HistEvent *ev, int size) { return history(h, ev, H_SETSIZE, size); }
static inline int svw_history_set_unique(History *h, HistEvent *ev, int unique) { return history(h, ev, H_SETUNIQUE, unique); }
static inline int svw_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int svw_history_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int svw_history_save(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_SAVE, path); }
static inline int svw_history_clear(History *h, HistEvent *ev) { return history(h, ev, H_CLEAR); }
static inline int svw_history_first(History *h, HistEvent *ev) { return history(h, ev, H_FIRST); }
static inline int svw_history_next(History *h, HistEvent *ev) { return history(h, ev, H_NEXT); }
static inline int svw_history_last(History *h, HistEvent *ev) { return history(h, ev, H_LAST); }
static inline int svw_history_prev(History *h, HistEvent *ev) { return history(h, ev, H_PREV); }

// MARK: Terminal

/// Whether `fd` is a terminal.
static inline int svw_isatty(int fd) { return isatty(fd); }

/// Writes text to C's stdout and flushes it, in order with what libedit writes there.
static inline void svw_write_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

/// el_gets, with the errno it left (0 when none): EINTR tells an interrupted read.
///
/// A resize is held back while libedit works and let in only while it waits for a key
/// (svw_el_wait_for_key): libedit's SIGWINCH handler resizes the editor's display buffers
/// in the handler itself, and landing in the middle of a redraw it crashed the shell.
static inline const char *svw_el_gets(EditLine *el, int *count, int *error) {
    sigset_t winch, previous;
    sigemptyset(&winch);
    sigaddset(&winch, SIGWINCH);
    pthread_sigmask(SIG_BLOCK, &winch, &previous);
    errno = 0;
    const char *line = el_gets(el, count);
    *error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return line;
}
static inline int svw_errno_is_eintr(int error) { return error == EINTR; }

/// Columns of the terminal on `fd`, or 0 when it is not one (ioctl is variadic).
static inline int svw_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

/// Rows of the terminal on `fd`, or 0 when it is not one.
static inline int svw_terminal_rows(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
    return 0;
}

/// Makes the C library (and so libedit's multibyte handling) read UTF-8, so £ can
/// be typed: the user's locale if it is UTF-8, else C.UTF-8.
static inline void svw_use_utf8_locale(void) {
    const char *chosen = setlocale(LC_CTYPE, "");
    if (chosen == NULL || (strstr(chosen, "UTF-8") == NULL && strstr(chosen, "utf8") == NULL
                           && strstr(chosen, "UTF8") == NULL && strstr(chosen, "utf-8") == NULL)) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    }
}

#endif
