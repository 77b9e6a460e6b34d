// What Swift cannot import from ncursesw, as static inline getters.
#ifndef RAPPORT_CNCURSESW_SHIM_H
#define RAPPORT_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <string.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *rapport_stdscr(void) { return stdscr; }
static inline int rapport_colors(void) { return COLORS; }
static inline int rapport_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t rapport_a_normal(void) { return A_NORMAL; }
static inline attr_t rapport_a_bold(void) { return A_BOLD; }
static inline attr_t rapport_a_dim(void) { return A_DIM; }
static inline attr_t rapport_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rapport_a_reverse(void) { return A_REVERSE; }
static inline attr_t rapport_a_italic(void) { return A_ITALIC; }
static inline attr_t rapport_a_standout(void) { return A_STANDOUT; }

/// Whether the terminal description for TERM can address the cursor and clear the screen.
static inline int rapport_term_can_draw(const char *term) {
    int err = 0;
    if (setupterm((char *)term, 1, &err) != OK) return 0;
    char *cup = tigetstr("cup");
    char *clear = tigetstr("clear");
    int ok = cup != NULL && cup != (char *)-1 && clear != NULL && clear != (char *)-1;
    del_curterm(cur_term);
    cur_term = NULL;
    return ok;
}

/// The bytes that give the terminal back as it was (leave the alternate
/// screen, show the cursor, plain attributes, keypad off), for signal
/// handlers, which may only write(2) bytes prepared in advance. Call after
/// initscr. Returns the length written into `buf`.
static inline int rapport_restore_sequence(char *buf, int size) {
    const char *names[] = { "sgr0", "cnorm", "rmkx", "rmcup" };
    int used = 0;
    for (int i = 0; i < 4; i++) {
        char *cap = tigetstr((char *)names[i]);
        if (cap == NULL || cap == (char *)-1) continue;
        int n = (int)strlen(cap);
        if (used + n >= size) break;
        memcpy(buf + used, cap, (size_t)n);
        used += n;
    }
    return used;
}

#endif
