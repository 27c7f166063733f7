# The validation loss of logistic regression on the breast-cancer data (gradient descent, `epochs`
# epochs, L2 weight decay) over the (lr, weight decay) plane, with the points each search tried.
fig_title = sprintf("Validation loss of logistic regression (breast cancer, %d epochs of gradient descent) over the searched plane; cross and ring: the best points", epochs)
if (!is_png) { eval png_only_figure("three heat maps with the points each search tried") }
eval png_size(1650, 600)
set multiplot layout 1,3 title fig_title.note
set xrange [-3:1]
set yrange [-4:0]
set xlabel "learning rate"
set ylabel "weight decay"
set xtics 1
set ytics 1
set format x "10^{%.0f}"
set format y "10^{%.0f}"
set cblabel "validation loss (mean NLL)"
set cbrange [0:0.7]
set palette defined (0 '#ffffff', 0.25 '#fee8c8', 0.6 '#fdbb84', 1 '#e34a33')
set key bmargin center horizontal nobox font ",10"
set bmargin 6
set grid front
files = "rs gs cf"
do for [p=1:3] {
    n = p == 1 ? 'random_search (16 trials)' : p == 2 ? 'grid_search (4 x 4)' : 'coarse_to_fine (3 x 3, 3 rounds)'
    # best_yours_K: the number, or why there is none ("not written yet")
    set title sprintf("%s\nbest val loss: reference %.4f, yours %s", n, value(sprintf('best_ref_%d', p)), value(sprintf('best_yours_%d', p))) noenhanced
    f = word(files, p)
    plot datadir.'/plane.dat' using 1:2:(($3 > 0.7) ? 0.7 : $3) with image notitle, \
         sprintf('%s/%s_ref.dat', datadir, f) using (log10($1)):(log10($2)) with points pt 7 ps 2.2 lc rgb '#6baed6' title 'reference', \
         sprintf('%s/%s_yours.dat', datadir, f) using (log10($1)):(log10($2)) with points ls 11 ps 1.0 title yours, \
         datadir.'/best_ref.dat' every ::(p-1)::(p-1) using (log10($1)):(log10($2)) with points pt 3 ps 3.5 lc rgb '#2171b5' lw 2 title 'best, reference', \
         datadir.'/best_yours.dat' every ::(p-1)::(p-1) using (log10($1)):(log10($2)) with points pt 6 ps 2.5 lc rgb '#000000' lw 2 title 'best, yours'
}
unset multiplot
