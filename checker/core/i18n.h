/*
 * i18n.h: the messages of the checker and the plots, in the reader's language (GNU gettext,
 * the text domain "workbook", catalogs built from po/ko.po into build/locale).
 *
 * The language: WB_LANG when set (WB_LANG=ko), else what gettext reads (LANGUAGE, then
 * LC_ALL, LC_MESSAGES, LANG), with English in the C locale. A language whose system locale
 * is not installed still works: only the catalog is needed. Numbers keep the C locale's
 * format whatever the language (only LC_MESSAGES changes).
 */
#ifndef WB_I18N_H
#define WB_I18N_H

#include <stddef.h>

/* _("text"): the translation of text (text itself in English or when none is known). */
const char *wb_gettext(const char *msgid) __attribute__((format_arg(1)));
#define _(msgid) wb_gettext(msgid)
/* The singular or plural form for n, as the language counts. */
const char *wb_ngettext(const char *one, const char *many, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));
/* N_("text"): marks text for extraction (xgettext) where it is translated later, with _(). */
#define N_(msgid) msgid

/*
 * A message line's label ("call", "expected", "mistake", ...) translated and padded with
 * spaces to the label column: 11 display columns, a Hangul syllable taking two. The result
 * stays valid for the next seven calls.
 */
const char *wb_label(const char *label);

/* The length in bytes of the longest start of text[0, len) that fits in `columns` display
   columns, never cutting a character in two. */
size_t wb_fitting_prefix(const char *text, size_t len, size_t columns);

/* The display width of UTF-8 text: two columns for a Hangul syllable or another wide character. */
size_t wb_display_width(const char *text);

#endif
