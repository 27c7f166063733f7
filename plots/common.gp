# common.gp: loaded before every figure's script. Called as
#   gnuplot -e "datadir='...'; outfile='...'; term='png'|'dumb'" plots/common.gp plots/lessonNN/FIG.gp
# The data come from the lesson's plot driver (plots/lessonNN/data.c): the reference curves from
# the checker's oracle, "yours" from the student's functions. labels.gp, written by the driver,
# holds the figure's numbers, and missing_note: which of the student's functions are still stubs.
# term: 'png', 'dumb' (plain text) or 'dumbcolor' (text with ANSI colours, for a terminal).
# Write Greek letters as UTF-8 (θ, ρ), which every terminal here shows; enhanced-text markup
# ({/Symbol q}, sub_scripts) works in the PNGs only.
if (term eq 'dumb') {
    set terminal dumb size 110,32 mono
} else { if (term eq 'dumbcolor') {
    set terminal dumb size 110,32 ansi
} else {
    set terminal pngcairo size 1100,700 enhanced font 'DejaVu Sans,11' linewidth 1.5
    set output outfile
} }
set encoding utf8
set grid lc rgb '#dddddd'
set key box opaque samplen 2.5
# Reference: a broad, light line. Yours: dark, dashed, with points, drawn on top.
set style line 1 lc rgb '#9ecae1' lw 6          # reference, first curve
set style line 2 lc rgb '#fdae6b' lw 6          # reference, second curve
set style line 3 lc rgb '#a1d99b' lw 6          # reference, third curve
set style line 11 lc rgb '#08519c' lw 2 dt 2 pt 7 ps 0.6  # yours, first curve
set style line 12 lc rgb '#a63603' lw 2 dt 2 pt 7 ps 0.6  # yours, second curve
set style line 13 lc rgb '#006d2c' lw 2 dt 2 pt 7 ps 0.6  # yours, third curve
set style line 20 lc rgb '#444444' lw 1                   # the function itself
load datadir.'/labels.gp'
# A stub's curves are empty: each figure's title ends with `note`, which says so.
if (term eq 'png') {
    note = strlen(missing_note) > 0 ? "\n{/:Bold ".missing_note."}" : ""
} else {
    note = strlen(missing_note_plain) > 0 ? "\n".missing_note_plain : ""
}

