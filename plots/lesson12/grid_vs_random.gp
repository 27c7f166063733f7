# Nine trials on a unit square whose loss depends almost only on x (the important parameter):
# a 3 x 3 grid tests only 3 values of x, random search 9 (Bergstra and Bengio's picture).
if (term ne 'dumb') { set terminal pngcairo size 1300,620 enhanced font 'DejaVu Sans,11' linewidth 1.5 }
set multiplot layout 1,2 title "Grid vs random search with 9 trials: the loss (curve above) depends on the important parameter x; y barely matters".note
set xrange [-0.03:1.03]
set yrange [-0.22:1.55]
set ytics 0,0.25,1
set xlabel "important parameter x"
set ylabel "unimportant parameter y"
set key bmargin center horizontal nobox font ",10"
set bmargin 6
do for [p=1:2] {
    s = p == 1 ? 'grid' : 'random'
    set title (p == 1 ? "grid search (3 x 3): 3 distinct values of x" : "random search: 9 distinct values of x")
    plot datadir.'/gvr_curve.dat' using 1:(1.05 + 0.45 * $2) with lines ls 20 title 'loss as a function of x (shifted up)', \
         sprintf('%s/gvr_%s_ref.dat', datadir, s) using 1:2 with points pt 7 ps 2.6 lc rgb '#9ecae1' title 'reference: trials (their x values below, their losses on the curve)', \
         sprintf('%s/gvr_%s_ref.dat', datadir, s) using 1:(-0.12):(0):(0.12) with vectors nohead lc rgb '#9ecae1' lw 5 notitle, \
         sprintf('%s/gvr_%s_ref.dat', datadir, s) using 1:(1.05 + 0.45 * $3):(0):(-0.05) with vectors nohead lc rgb '#3182bd' lw 2 notitle, \
         sprintf('%s/gvr_%s_yours.dat', datadir, s) using 1:2 with points ls 11 ps 1.2 title yours.': trials', \
         sprintf('%s/gvr_%s_yours.dat', datadir, s) using 1:(-0.12):(0):(0.12) with vectors nohead lc rgb '#08519c' lw 1.5 dt 2 title yours.': x values tried (projection)'
}
unset multiplot
