# Gradient descent on the six-hump camelback from the notes' theta0 = (-0.5, 0.5), for a learning
# rate that is too small, a good one and one too large: contours of J with the trajectories.
fig_title = tr("Gradient descent on the six-hump camelback, 60 steps from θ_0 = (-0.5, 0.5)", "낙타 등 함수 위의 경사하강법: θ_0 = (-0.5, 0.5)에서 60번 업데이트")
if (!is_png) { eval png_only_figure("three panels of trajectories on the contours") }
set contour base
set cntrparam levels discrete -1.0, -0.8, -0.6, -0.4, -0.2, 0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6
unset surface
set view map
set table datadir.'/contours.dat'
splot datadir.'/grid.dat' using 1:2:3 with lines
unset table
unset contour

eval png_size(1500, 500)
set multiplot layout 1,3 title fig_title.note
set size ratio -1
set xrange [-1.2:0.6]
set yrange [-0.2:1.0]
set xlabel "θ_1"
set ylabel "θ_2"
set key bmargin center horizontal nobox font ",10"
array camel_name[3] = [tr("too small", "너무 작음"), tr("good", "알맞음"), tr("too large", "너무 큼")]
do for [k=1:3] {
    set title sprintf("lr = %g (%s)", value(sprintf('camel_lr_%d', k)), camel_name[k])
    plot datadir.'/contours.dat' using 1:2 with lines lc rgb '#cccccc' notitle, \
         sprintf('%s/camel_ref_%d.dat', datadir, k) using 1:2 with lines ls 1 title reference, \
         sprintf('%s/camel_yours_%d.dat', datadir, k) using 1:2 with linespoints ls 11 title yours, \
         '+' using (-0.5):(0.5) every ::0::0 with points pt 7 ps 1.2 lc rgb '#000000' title 'θ_0'
}
unset multiplot
