# The error of the forward and central differences of exp at x = 1 against the step h.
# Right of the dip, truncation dominates (slopes 1 and 2); left of it, round-off (slope -1).
set title tr("Error of finite differences for d/dx exp(x) at x = 1", "x = 1에서 d/dx exp(x)를 차분으로 구한 값의 오차").note
set xlabel tr("step h", "증분 h")
set ylabel tr("|estimate - e|", "|근삿값 - e|")
set logscale xy
set format x fmt10('%L')
set format y fmt10('%L')
set xrange [1e-16:1]
set yrange [1e-12:10]
set key bottom right
set arrow 1 from ref_h, graph 0 to ref_h, graph 1 nohead lc rgb '#999999' dt 3
set label 1 "cbrt(eps)" at ref_h, graph 0.95 right offset -0.5,0 tc rgb '#666666'
set style textbox opaque noborder margins 0.5,0.5
# Your step: a dashed line with its name on the side of it that has room; a step off the axis
# is named at that edge, with its value.
if (your_h == your_h) {
    name = tx(tr("your central\\_difference\\_step(1)", "내 central\\_difference\\_step(1)"))
    outside = sprintf(tr("%s = %.3g: off the axis", "%s = %.3g: 축 밖"), name, your_h)
    if (your_h < 1e-16) {
        set label 2 outside at graph 0.02, graph 0.82 left tc rgb '#006d2c' front boxed
    } else { if (your_h > 1) {
        set label 2 outside at graph 0.98, graph 0.82 right tc rgb '#006d2c' front boxed
    } else {
        set arrow 2 from your_h, graph 0 to your_h, graph 0.85 nohead lc rgb '#006d2c' dt 2 lw 2
        if (your_h < 1e-10) {
            set label 2 name at your_h, graph 0.82 left offset 0.5,0 tc rgb '#006d2c' front boxed
        } else {
            set label 2 name at your_h, graph 0.82 right offset -0.5,0 tc rgb '#006d2c' front boxed
        }
    } }
}
plot datadir.'/fd_error.dat' using 1:2 with lines ls 1 title tr('forward', '전진 차분').' ('.reference.')', \
     ''                      using 1:3 with lines ls 2 title tr('central', '중심 차분').' ('.reference.')', \
     ''                      using 1:4 with linespoints ls 11 title yours.' ('.tr('forward', '전진 차분').')', \
     ''                      using 1:5 with linespoints ls 12 title yours.' ('.tr('central', '중심 차분').')'
