#ifndef LAPOR_CNCURSESW_SHIM_H
#define LAPOR_CNCURSESW_SHIM_H
// The wide-character API (cchar_t, get_wch, add_wch) needs these before the header.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <ncursesw/ncurses.h>

// Function-like macros do not import into Swift: expose them as inline functions.
static inline int lapor_attr_bold(void) { return (int)A_BOLD; }
static inline int lapor_attr_reverse(void) { return (int)A_REVERSE; }
static inline int lapor_attr_dim(void) { return (int)A_DIM; }
static inline int lapor_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int lapor_attr_normal(void) { return (int)A_NORMAL; }
static inline int lapor_key_f(int n) { return KEY_F(n); }
static inline int lapor_color_pair(int n) { return (int)COLOR_PAIR(n); }
#endif
