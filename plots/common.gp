# common.gp: loaded before every figure's script. Called as
#   gnuplot -e "datadir='...'; outfile='...'; term='png'; figure='NAME'" plots/common.gp plots/lessonNN/NAME.gp
# The data come from the lesson's plot driver (plots/lessonNN/data.c): the reference curves from
# the checker's oracle, "yours" from the student's functions. labels.gp, written by the driver,
# holds the figure's numbers, and missing_note_NAME: which of the student's functions that this
# figure draws are still stubs, or crashed or were stopped.
# term: 'png', 'dumb' (plain text) or 'dumbcolor' (text with ANSI colours, for a terminal).
# lang: 'en' (the default) or 'ko', chosen by checker/tools/workbook (WB_LANG, or the locale as
# gettext reads it); the text terminals always get 'en' (see below).
#
# Two languages: every string a figure shows is written once in each language, side by side where
# it is used, as tr("English", "한국어"), which picks one by lang. A figure's text stays in its
# script, next to the plot command it labels, so the two can be compared at a glance and neither
# can be forgotten (tr takes both or gnuplot stops). The Korean PNG uses NanumGothic (Debian's
# fonts-nanum), which has the Latin letters, digits and symbols too.
#
# Text for both kinds of terminal:
# - Write Greek letters and symbols as UTF-8 (θ, μ, ∇), which every terminal here shows.
# - Enhanced-text markup (x^{-1}, n_{in}, lr\_cosine) works in the PNG only: pass every string
#   that has some through tx(), which drops the braces and backslashes for a text terminal
#   (x^-1, n_in, lr_cosine). Log axes: set format y fmt10('%L').
# - Give a figure its own canvas with eval png_size(W, H): it does nothing in a text terminal.
# - Contours, heat maps and surfaces are unreadable in text: in a text terminal a figure leaves
#   those panels out and adds png_only("what they show") to its title; a figure that is nothing
#   else prints its title and stops: fig_title = "..."; if (!is_png) { eval png_only_figure("...") }
if (!exists("figure")) { figure = '' }
is_png = term eq 'png'
if (!exists("lang") || !is_png) { lang = 'en' }
tr(en, ko) = lang eq 'ko' ? ko : en
png_font = lang eq 'ko' ? 'NanumGothic,11' : 'DejaVu Sans,11'
if (term eq 'dumb') {
    set terminal dumb size 110,32 mono
} else { if (term eq 'dumbcolor') {
    set terminal dumb size 110,32 ansi
} else {
    set terminal pngcairo size 1100,700 enhanced font png_font linewidth 1.5
    set output outfile
} }
set encoding utf8
set grid lc rgb '#dddddd'
# height: room below the last entry, whose descenders the box's line would otherwise cut
set key box opaque samplen 2.5 height 0.6
# Reference: a broad, light line. Yours: dark, dashed, with points, drawn on top.
set style line 1 lc rgb '#9ecae1' lw 6          # reference, first curve
set style line 2 lc rgb '#fdae6b' lw 6          # reference, second curve
set style line 3 lc rgb '#a1d99b' lw 6          # reference, third curve
set style line 11 lc rgb '#08519c' lw 2 dt 2 pt 7 ps 0.6  # yours, first curve
set style line 12 lc rgb '#a63603' lw 2 dt 2 pt 7 ps 0.6  # yours, second curve
set style line 13 lc rgb '#006d2c' lw 2 dt 2 pt 7 ps 0.6  # yours, third curve
set style line 20 lc rgb '#444444' lw 1                   # the function itself

# ---- text for the PNG and for the terminal ------------------------------------------------------
# drop(s, c): s without any character c.
drop(s, c) = strstrt(s, c) ? s[1:strstrt(s, c) - 1].drop(s[strstrt(s, c) + 1:*], c) : s
plain(s) = drop(drop(drop(s, '{'), '}'), '\')
tx(s) = is_png ? s : plain(s)
# fmt10('%L'): the tic format of a log axis, 10^{-2} in the PNG and 10^-2 in text.
fmt10(spec) = tx('10^{'.spec.'}')
png_size(w, h) = is_png ? sprintf("set terminal pngcairo size %d,%d enhanced font '%s' linewidth 1.5", w, h, png_font) : ""
png_only(what) = is_png ? "" : "\n(".what.": PNG only)"
png_only_figure(what) = "set print '-'; print ''; print tx(fig_title).note.png_only('".what."'); print ''; unset print; exit"

load datadir.'/labels.gp'
# The legends' two sides: the reference (the oracle's curve) and yours (the student's functions).
yours = tr('yours', '내 코드')
reference = tr('reference', '기준')
# A stub's curves are empty: each figure's title ends with `note`, which says so. The driver
# writes one note per figure (missing_note_NAME); a driver that names no figure's functions, the
# lesson's note (missing_note).
note_var = (is_png ? 'missing_note' : 'missing_note_plain').(figure eq '' ? '' : '_'.figure)
if (exists(note_var)) {
    note = value(note_var)
} else { if (exists('missing_by_figure')) {
    note = ''   # this figure draws none of the student's functions
} else {
    note = is_png ? missing_note : missing_note_plain
} }
note = strlen(note) > 0 ? "\n".note : ""
