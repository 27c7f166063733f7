# The blog post Optimization: the risk f(x) = x cos(pi x) (the loss expected over all data) and
# the empirical risk g(x) = f(x) + 0.2 cos(5 pi x) (the mean loss over a finite training set):
# their minima differ. Right: noisy descent from f's local minimum, without and with noise.
fig_title = tr("Empirical risk vs risk, and escaping a local minimum with noise", "경험적 위험과 위험, 그리고 잡음으로 극소점에서 빠져나오기")
num_text(v) = (v == v) ? sprintf("%.3f", v) : tr("missing", "없음")
eval png_size(1500, 620)
set multiplot layout 1,2 title tx(fig_title).note
set key top center box opaque font ",10"
set xlabel "x"
set ylabel tr("risk", "위험")
set title tx(sprintf(tr("Minima: risk %.3f, empirical risk %.3f\ndescent from 1.3 stops at %.3f on f, %.3f on g\n(yours: %s, %s)", \
    "최소점: 위험 %.3f, 경험적 위험 %.3f\n1.3에서 출발한 경사하강법은 f에서 %.3f, g에서 %.3f에 멈춘다\n(내 코드: %s, %s)"), \
    min_f, min_g, gd_ref_f, gd_ref_g, num_text(gd_your_f), num_text(gd_your_g)))
if (!is_png) { set key below nobox }
set xrange [0.5:1.5]
set yrange [-1.4:1.0]
plot datadir.'/risk.dat' using 1:2 with lines ls 1 title tr('risk f(x) = x cos(πx)', '위험 f(x) = x cos(πx)'), \
     ''                  using 1:3 with lines ls 2 title tr('empirical risk g(x) = f(x) + 0.2 cos(5πx)', '경험적 위험 g(x) = f(x) + 0.2 cos(5πx)'), \
     '+' using (min_f):(min_f_y) every ::0::0 with points pt 7 ps 1.6 lc rgb '#08519c' title tr('min of risk', '위험의 최소점'), \
     '+' using (min_g):(min_g_y) every ::0::0 with points pt 5 ps 1.4 lc rgb '#a63603' title tr('min of empirical risk', '경험적 위험의 최소점')
set title tx(sprintf(tr("From f's local minimum %.3f: %d steps, lr %g\nnoise %g fading to 0: %.0f%% reach the global minimum\n(yours: %s)", \
    "f의 극소점 %.3f에서 출발: %d번 업데이트, 학습률 %g\n0으로 줄어드는 잡음 %g: %.0f%%가 최소점에 이른다\n(내 코드: %s)"), \
    escape_x0, escape_steps, escape_lr, escape_noise, 100 * escaped_ref, \
    (escaped_yours == escaped_yours) ? sprintf("%.0f%%", 100 * escaped_yours) : tr("missing", "없음")))
set xrange [-1.5:2]
set yrange [0:1.1]
set ylabel tr("fraction of 100 runs ending here", "100번의 실행 가운데 여기서 끝난 비율")
set key top center box opaque font ",10"
if (!is_png) { set key below nobox }
set style fill solid 0.5 noborder
plot datadir.'/escape.dat' using 1:2 with boxes lc rgb '#bbbbbb' title tr('no noise: all stay', '잡음 없음: 모두 제자리').' ('.reference.')', \
     ''                    using 1:3 with boxes lc rgb '#9ecae1' title tx(sprintf(tr('noise %g', '잡음 %g'), escape_noise).' ('.reference.')'), \
     ''                    using 1:5 with linespoints ls 11 title tx(sprintf(tr('noise %g (%s)', '잡음 %g (%s)'), escape_noise, yours)), \
     ''                    using 1:4 with points pt 6 ps 1.2 lc rgb '#444444' title tx(sprintf(tr('no noise (%s)', '잡음 없음 (%s)'), yours))
unset multiplot
