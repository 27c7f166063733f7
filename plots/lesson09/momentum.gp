# Momentum (lr = 0.1) on the race function from (-7, 2) for several mu (the notes' beta):
# trajectories on the contours, and f against the step. A text terminal gets the second panel
# only: contours are unreadable in text.
set contour base
set cntrparam levels discrete 0.05, 0.2, 0.5, 1, 2, 4, 6, 9, 13
unset surface
set view map
set table datadir.'/contours.dat'
splot datadir.'/grid.dat' using 1:2:3 with lines
unset table
unset contour

set style line 4 lc rgb '#cbc9e2' lw 6
set style line 14 lc rgb '#54278f' lw 2 dt 2 pt 7 ps 0.5

fig_title = tx(tr("Momentum, lr = 0.1, 100 steps on x^2/20 + y^2 from (-7, 2): the larger μ, the longer the swing", "관성(momentum), lr = 0.1, x^2/20 + y^2 위에서 (-7, 2)부터 100번 업데이트: μ가 클수록 오래 흔들린다"))
if (is_png) {
    eval png_size(1500, 620)
    set multiplot layout 1,2 title fig_title.note
    set title tr("trajectories", "궤적")
    set xrange [-10:10]
    set yrange [-3:3]
    set xlabel "x"
    set ylabel "y"
    # the key below the x label: a margin tall enough for both
    set key bmargin center horizontal nobox font ",10"
    set bmargin 5
    plot datadir.'/contours.dat' using 1:2 with lines lc rgb '#cccccc' notitle, \
         for [k=1:4] sprintf('%s/mom_ref_%d.dat', datadir, k) using 2:3 with lines ls k title sprintf('μ = %g', value(sprintf('beta_%d', k))), \
         for [k=1:4] sprintf('%s/mom_yours_%d.dat', datadir, k) using 2:3 with lines ls (10 + k) title (k == 1 ? yours : '')
    set title tr("f(x, y) against the step (reference: light; yours: dashed)", "업데이트 횟수에 따른 f(x, y) (기준: 옅은 선, 내 코드: 점선)")
} else {
    set title fig_title.note.png_only("the trajectories on the contours")."\n".tr("f(x, y) against the step (reference: light; yours: dashed)", "업데이트 횟수에 따른 f(x, y) (기준: 옅은 선, 내 코드: 점선)")
}
set xrange [0:100]
set yrange [*:*]
set logscale y
set format y fmt10('%L')
set xlabel tr("step", "업데이트 횟수")
set ylabel "f(x, y)"
# bottom left: the curves start at the top left and end on the right
set key inside bottom left vertical box opaque font ",10"
plot for [k=1:4] sprintf('%s/mom_ref_%d.dat', datadir, k) using 1:4 with lines ls k title sprintf('μ = %g', value(sprintf('beta_%d', k))), \
     for [k=1:4] sprintf('%s/mom_yours_%d.dat', datadir, k) using 1:4 with lines ls (10 + k) notitle
if (is_png) { unset multiplot }
