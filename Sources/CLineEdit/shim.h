#ifndef SVW_CLINEEDIT_SHIM_H
#define SVW_CLINEEDIT_SHIM_H
// libedit's el_set/el_get/history are variadic and C's stdio globals are not
// usable from Swift 6, so every call svw makes goes through a typed wrapper here.
#include <stdio.h>
#include <histedit.h>

static inline FILE *svw_stdin(void) { return stdin; }
static inline FILE *svw_stdout(void) { return stdout; }
static inline FILE *svw_stderr(void) { return stderr; }

typedef char *(*svw_prompt_fn)(EditLine *);
typedef unsigned char (*svw_edit_fn)(EditLine *, int);

static inline int svw_el_set_prompt(EditLine *el, svw_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int svw_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int svw_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int svw_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int svw_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *svw_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int svw_el_add_function(EditLine *el, const char *name, const char *help, svw_edit_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int svw_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}

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

#endif
