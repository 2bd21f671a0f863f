#ifndef VITALLY_CEDITLINE_SHIM_H
#define VITALLY_CEDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>

// libedit's el_set/el_get/history are variadic, which Swift cannot call; these are
// one-line non-variadic wrappers, nothing more.

static inline EditLine *shim_el_init_stdio(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
static inline int shim_el_set_prompt_esc(EditLine *el, char *(*fn)(EditLine *), char c) { return el_set(el, EL_PROMPT_ESC, fn, c); }
static inline int shim_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int shim_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int shim_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int shim_el_set_clientdata(EditLine *el, void *d) { return el_set(el, EL_CLIENTDATA, d); }
static inline void *shim_el_get_clientdata(EditLine *el) { void *d = NULL; el_get(el, EL_CLIENTDATA, &d); return d; }
static inline int shim_el_addfn(EditLine *el, const char *n, const char *h, unsigned char (*fn)(EditLine *, int)) { return el_set(el, EL_ADDFN, n, h, fn); }
static inline int shim_el_get_columns(EditLine *el) { int co = 0; el_get(el, EL_GETTC, "co", &co, (void *)NULL); return co; }
static inline int shim_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int shim_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int shim_history_enter(History *h, const char *s) { HistEvent ev; return history(h, &ev, H_ENTER, s); }
static inline int shim_el_set_getcfn(EditLine *el, el_rfunc_t fn) { return el_set(el, EL_GETCFN, fn); }
static inline int shim_history_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }

#endif
