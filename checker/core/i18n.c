/* i18n.c: the reader's language for the checker's and the plots' messages (see i18n.h). */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define WB_DOMAIN "workbook"

/* The language gettext would choose: LANGUAGE is honoured only outside the C locale, whose
   name comes from the first of LC_ALL, LC_MESSAGES and LANG that is set. */
static const char *chosen_language(void)
{
    const char *wb = getenv("WB_LANG");
    if (wb && wb[0])
        return wb;
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"}, *locale = NULL;
    for (size_t i = 0; i < 3 && !locale; i++) {
        const char *v = getenv(names[i]);
        if (v && v[0])
            locale = v;
    }
    if (!locale || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0 ||
        strncmp(locale, "C.", 2) == 0)
        return NULL;
    const char *language = getenv("LANGUAGE");
    return language && language[0] ? language : locale;
}

/* Once per process (the tests run in processes of their own, which inherit LANGUAGE): the
   catalog's folder is WB_LOCALEDIR (set by checker/tools/workbook), else build/locale. */
static void init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    const char *language = chosen_language();
    if (!language)
        return;
    /* The locale of the messages only: LANGUAGE picks the catalog, and C.UTF-8 (always there)
       makes gettext look, where the named locale itself may not be installed. */
    setenv("LANGUAGE", language, 1);
    setlocale(LC_MESSAGES, "C.UTF-8");
    const char *dir = getenv("WB_LOCALEDIR");
    bindtextdomain(WB_DOMAIN, dir && dir[0] ? dir : "build/locale");
    bind_textdomain_codeset(WB_DOMAIN, "UTF-8");
}

const char *wb_gettext(const char *msgid)
{
    init();
    return msgid && msgid[0] ? dgettext(WB_DOMAIN, msgid) : msgid;
}

const char *wb_ngettext(const char *one, const char *many, unsigned long n)
{
    init();
    return dngettext(WB_DOMAIN, one, many, n);
}

/* The display columns of the longest start of text[0, len) within `columns`, and its length in
   bytes (*bytes): character by character, a byte that is not UTF-8 counting one column. */
static size_t measure(const char *text, size_t len, size_t columns, size_t *bytes)
{
    locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    locale_t old = utf8 != (locale_t)0 ? uselocale(utf8) : (locale_t)0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t width = 0, at = 0;
    while (at < len && text[at]) {
        wchar_t wc;
        size_t k = utf8 != (locale_t)0 ? mbrtowc(&wc, text + at, len - at, &st) : (size_t)-1;
        int w = 1;
        if (k == (size_t)-1 || k == (size_t)-2 || k == 0) { /* not UTF-8: a column a byte */
            k = 1;
            memset(&st, 0, sizeof st);
        } else {
            w = wcwidth(wc) > 0 ? wcwidth(wc) : 0;
        }
        if (width + (size_t)w > columns)
            break;
        width += (size_t)w;
        at += k;
    }
    if (utf8 != (locale_t)0) {
        uselocale(old);
        freelocale(utf8);
    }
    *bytes = at;
    return width;
}

size_t wb_fitting_prefix(const char *text, size_t len, size_t columns)
{
    size_t bytes;
    measure(text, len, columns, &bytes);
    return bytes;
}

size_t wb_display_width(const char *text)
{
    size_t bytes;
    return measure(text, strlen(text), (size_t)-1, &bytes);
}

enum { LABEL_COLUMNS = 11, LABEL_SLOTS = 8 };

const char *wb_label(const char *label)
{
    static char slots[LABEL_SLOTS][64];
    static size_t next;
    char *out = slots[next++ % LABEL_SLOTS];
    const char *text = _(label);
    size_t width = wb_display_width(text);
    int pad = width < LABEL_COLUMNS ? (int)(LABEL_COLUMNS - width) : 1;
    snprintf(out, sizeof slots[0], "%s%*s", text, pad, "");
    return out;
}
