# Convex vs non-convex (ToBig's Optimization session): a convex function lies below each of its
# chords, lambda f(x) + (1 - lambda) f(y) >= f(lambda x + (1 - lambda) y), and in one variable
# that is f'' >= 0. Left: the logistic loss of one example, ln(1 + e^-z); right: the blog post
# Optimization's x cos(pi x). The red stretches are where f'' < 0; your hessian_is_psd's verdict
# on the 1x1 Hessian f'' is drawn as dots under each curve.
fig_title = tr("Convex and non-convex: the chord test and the sign of f''", "볼록과 볼록이 아님: 할선 검사와 f''의 부호")
gap_text(g) = (g == g) ? sprintf("%.4f", g) : tr("missing", "없음")
eval png_size(1500, 620)
set multiplot layout 1,2 title tx(fig_title).note
set key top center box opaque font ",10" maxrows 3
if (!is_png) { set key below nobox maxrows 5 }
set xlabel "x"
set ylabel "f(x)"
chord(x, x0, x1, y0, y1) = (x >= x0 && x <= x1) ? y0 + (y1 - y0) * (x - x0) / (x1 - x0) : 1/0
fa(x) = log(1 + exp(-x))
fb(x) = x * cos(pi * x)
set title tx(sprintf(tr("Convex: ln(1 + e^{-x}), below its chord\ngap at λ = 1/2: %.4f (reference), %s (yours)", "볼록: ln(1 + e^{-x})는 할선 아래에 있다\nλ = 1/2에서의 차이: %.4f (기준), %s (내 코드)"), ref_gap_a, gap_text(your_gap_a)))
set xrange [-4:4]
set yrange [-0.6:4.8]
plot datadir.'/convexity.dat' using 1:2 with lines ls 20 lw 2 title 'f', \
     '+' using 1:(chord($1, chord_a0, chord_a1, fa(chord_a0), fa(chord_a1))) with lines ls 1 title tx(sprintf(tr('chord from %g to %g', '%g에서 %g까지의 할선'), chord_a0, chord_a1)), \
     datadir.'/convexity.dat' using 1:($3 < 0 ? $2 : 1/0) with lines lc rgb '#d62728' lw 4 title tr("f'' < 0 (not convex here)", "f'' < 0 (여기서는 볼록이 아님)"), \
     ''                     using 1:($4 == 1 ? -0.3 : 1/0) with points pt 7 ps 0.4 lc rgb '#08519c' title tx('hessian\_is\_psd(f'."''".') = 1 ('.yours.')'), \
     ''                     using 1:($4 == 0 ? -0.3 : 1/0) with points pt 7 ps 0.4 lc rgb '#d62728' title tx('hessian\_is\_psd(f'."''".') = 0 ('.yours.')'), \
     '+' using (chord_a0):(fa(chord_a0)) every ::0::0 with points pt 7 ps 1.2 lc rgb '#000000' notitle, \
     '+' using (chord_a1):(fa(chord_a1)) every ::0::0 with points pt 7 ps 1.2 lc rgb '#000000' notitle
set title tx(sprintf(tr("Non-convex: x cos(πx), above its chord\ngap at λ = 1/2: %.4f (reference), %s (yours)", "볼록이 아님: x cos(πx)는 할선 위에 있다\nλ = 1/2에서의 차이: %.4f (기준), %s (내 코드)"), ref_gap_b, gap_text(your_gap_b)))
set xrange [-1:2]
set yrange [-1.9:2.6]
plot datadir.'/convexity.dat' using 5:6 with lines ls 20 lw 2 title 'f', \
     '+' using 1:(chord($1, chord_b0, chord_b1, fb(chord_b0), fb(chord_b1))) with lines ls 1 title tx(sprintf(tr('chord from %g to %g', '%g에서 %g까지의 할선'), chord_b0, chord_b1)), \
     datadir.'/convexity.dat' using 5:($7 < 0 ? $6 : 1/0) with lines lc rgb '#d62728' lw 4 title tr("f'' < 0 (not convex here)", "f'' < 0 (여기서는 볼록이 아님)"), \
     ''                     using 5:($8 == 1 ? -1.6 : 1/0) with points pt 7 ps 0.4 lc rgb '#08519c' title tx('hessian\_is\_psd(f'."''".') = 1 ('.yours.')'), \
     ''                     using 5:($8 == 0 ? -1.6 : 1/0) with points pt 7 ps 0.4 lc rgb '#d62728' title tx('hessian\_is\_psd(f'."''".') = 0 ('.yours.')'), \
     '+' using (chord_b0):(fb(chord_b0)) every ::0::0 with points pt 7 ps 1.2 lc rgb '#000000' notitle, \
     '+' using (chord_b1):(fb(chord_b1)) every ::0::0 with points pt 7 ps 1.2 lc rgb '#000000' notitle
unset multiplot
