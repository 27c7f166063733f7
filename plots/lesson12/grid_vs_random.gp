# Nine trials on a unit square whose loss depends almost only on x (the important parameter):
# a 3 x 3 grid tests only 3 values of x, random search 9 (Bergstra and Bengio's picture).
# For each search, two panels sharing the x axis: the loss against x with the trials' losses on
# it (top, with its own loss axis), and the trials in the square with their x values projected
# below it (bottom).
eval png_size(1300, 760)
set multiplot title tx(tr("Grid vs random search with 9 trials: the loss (top) depends on the important parameter x; y barely matters", "시도 9번의 격자 탐색과 임의 탐색: 손실(위)은 중요한 매개변수 x에 달려 있고, y는 거의 영향이 없다")).note
top = 0.90        # below the title and the note
split = 0.60      # where the loss panels end and the squares begin
set xrange [-0.03:1.03]
set lmargin 10    # the same margins on both panels of a column, so that their x axes line up
set rmargin 3
do for [p=1:2] {
    s = p == 1 ? 'grid' : 'random'
    ref = sprintf('%s/gvr_%s_ref.dat', datadir, s)
    yrs = sprintf('%s/gvr_%s_yours.dat', datadir, s)

    # the loss against x, the trials' losses on the curve
    set origin (p - 1) * 0.5, split
    set size 0.5, top - split
    set title (p == 1 ? tr("grid search (3 x 3): 3 distinct values of x", "격자 탐색 (3 x 3): 서로 다른 x 값 3개") \
                      : tr("random search: 9 distinct values of x", "임의 탐색: 서로 다른 x 값 9개"))
    set tmargin 2.5
    set bmargin 0.5
    set format x ""
    unset xlabel
    set ylabel tr("loss", "손실")
    set yrange [0.1:1.1]
    set ytics 0.2, 0.2, 1
    unset key
    plot datadir.'/gvr_curve.dat' using 1:2 with lines ls 20 notitle, \
         ref using 1:3 with points pt 7 ps 2.6 lc rgb '#9ecae1' notitle, \
         yrs using 1:3 with points ls 11 ps 1.2 notitle

    # the trials in the square, and their x values below it
    set origin (p - 1) * 0.5, 0
    set size 0.5, split
    unset title
    set tmargin 0.5
    set bmargin 7
    set format x "%g"
    set xlabel tr("important parameter x", "중요한 매개변수 x")
    set ylabel (is_png ? tr("unimportant parameter y", "중요하지 않은 매개변수 y") : "y")   # text: no room for a long one
    set yrange [-0.22:1.08]
    set ytics 0, 0.25, 1
    set key bmargin center vertical nobox font ",10"
    plot ref using 1:2 with points pt 7 ps 2.6 lc rgb '#9ecae1' title reference.tr(': trials (their x values below, their losses above)', ': 시도한 점 (x 값은 아래에, 손실은 위에)'), \
         ref using 1:(-0.12):(0):(0.12) with vectors nohead lc rgb '#9ecae1' lw 5 notitle, \
         yrs using 1:2 with points ls 11 ps 1.2 title yours.tr(': trials', ': 시도한 점'), \
         yrs using 1:(-0.12):(0):(0.12) with vectors nohead lc rgb '#08519c' lw 1.5 dt 2 title yours.tr(': x values tried (projection)', ': 시도한 x 값 (사영)')
}
unset multiplot
