# ToBig's Optimization session's race on f(x, y) = x^2/20 + y^2 from (-7, 2): 30 steps of SGD, momentum, AdaGrad,
# RMSProp and Adam, each on the contours, and f against the step for all five. A text terminal
# gets the last panel only: contours are unreadable in text.
set contour base
set cntrparam levels discrete 0.05, 0.2, 0.5, 1, 2, 4, 6, 9, 13
unset surface
set view map
set table datadir.'/contours.dat'
splot datadir.'/grid.dat' using 1:2:3 with lines
unset table
unset contour

# Two more pairs of styles for the fourth and fifth method (as in common.gp: light reference,
# dark dashed yours).
set style line 4 lc rgb '#cbc9e2' lw 6
set style line 5 lc rgb '#fa9fb5' lw 6
set style line 14 lc rgb '#54278f' lw 2 dt 2 pt 7 ps 0.6
set style line 15 lc rgb '#ae017e' lw 2 dt 2 pt 7 ps 0.6

fig_title = tx(tr("The race on f(x, y) = x^2/20 + y^2 from (-7, 2): 30 steps each (Saito's Deep Learning from Scratch, as in ToBig's Optimization session)", \
                  "f(x, y) = x^2/20 + y^2 위의 경주: (-7, 2)에서 각각 30번 업데이트 (ToBig's 자료 「Optimization」이 옮겨 실은 『밑바닥부터 시작하는 딥러닝』의 그림)"))
# The methods, in the driver's order (data.c: FUNCTION)
array method_name[5] = ["SGD", tr("Momentum", "관성(Momentum)"), "AdaGrad", "RMSProp", "Adam"]
if (is_png) {
    eval png_size(1500, 980)
    set multiplot layout 2,3 title fig_title.note
    set xrange [-8:8]
    set yrange [-3:3]
    set xlabel "x"
    set ylabel "y"
    # the key below the x label: a margin tall enough for both
    set key bmargin center horizontal nobox font ",10"
    set bmargin 5
    do for [k=1:5] {
        set title sprintf("%s (%s)", method_name[k], value(sprintf('settings_%d', k)))
        plot datadir.'/contours.dat' using 1:2 with lines lc rgb '#cccccc' notitle, \
             sprintf('%s/race_ref_%d.dat', datadir, k) using 2:3 with lines ls k title reference, \
             sprintf('%s/race_yours_%d.dat', datadir, k) using 2:3 with linespoints ls (10 + k) title yours, \
             '+' using (0):(0) every ::0::0 with points pt 3 ps 1.5 lc rgb '#000000' title tr('minimum', '최소점')
    }
    set title tr("f(x, y) against the step (reference: light; yours: dashed)", "업데이트 횟수에 따른 f(x, y) (기준: 옅은 선, 내 코드: 점선)")
} else {
    set title fig_title.note.png_only("the five trajectories on the contours")."\n".tr("f(x, y) against the step (reference: light; yours: dashed)", "업데이트 횟수에 따른 f(x, y) (기준: 옅은 선, 내 코드: 점선)")
}
set xrange [0:30]
set yrange [*:*]
set logscale y
set format y fmt10('%L')
set xlabel tr("step", "업데이트 횟수")
set ylabel "f(x, y)"
# bottom left: the curves all start at the top left and end on the right
set key inside bottom left vertical box opaque font ",9" width 1.5
plot for [k=1:5] sprintf('%s/race_ref_%d.dat', datadir, k) using 1:4 with lines ls k title method_name[k], \
     for [k=1:5] sprintf('%s/race_yours_%d.dat', datadir, k) using 1:4 with linespoints ls (10 + k) notitle
if (is_png) { unset multiplot }
