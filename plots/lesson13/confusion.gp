# The confusion matrix on the test digits: how often each true digit (row) got each prediction
# (column); the diagonal is right.
fig_title = sprintf("Confusion matrix of %s on the %d test digits (accuracy %.1f%%)", whose, n_test, 100 * acc_shown)
if (!is_png) { eval png_only_figure("a heat map of counts") }
eval png_size(800, 720)
set title fig_title.note noenhanced
set xlabel "predicted digit"
set ylabel "true digit"
set xrange [-0.5:9.5]
set yrange [9.5:-0.5]
set xtics 1
set ytics 1
set grid front
unset key
set cblabel "test digits"
set palette defined (0 '#ffffff', 1 '#c6dbef', 8 '#4292c6', 40 '#08306b')
set cbrange [0:40]
plot datadir.'/confusion.dat' using 1:2:3 with image notitle, \
     '' using 1:2:($3 > 0 ? sprintf('%d', $3) : '') with labels font ',10' textcolor rgb '#d94801' notitle
