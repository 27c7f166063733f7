# The blog post Optimization: the risk f(x) = x cos(pi x) (the loss expected over all data) and
# the empirical risk g(x) = f(x) + 0.2 cos(5 pi x) (the mean loss over a finite training set):
# their minima differ. Right: noisy descent from f's local minimum, without and with noise.
fig_title = "Empirical risk vs risk, and escaping a local minimum with noise"
num_text(v) = (v == v) ? sprintf("%.3f", v) : "missing"
eval png_size(1500, 620)
set multiplot layout 1,2 title tx(fig_title).note
set key top center box opaque font ",10"
set xlabel "x"
set ylabel "risk"
set title tx(sprintf("Minima: risk %.3f, empirical risk %.3f\ndescent from 1.3 stops at %.3f on f, %.3f on g\n(yours: %s, %s)", \
    min_f, min_g, gd_ref_f, gd_ref_g, num_text(gd_your_f), num_text(gd_your_g)))
if (!is_png) { set key below nobox }
set xrange [0.5:1.5]
set yrange [-1.4:1.0]
plot datadir.'/risk.dat' using 1:2 with lines ls 1 title 'risk f(x) = x cos(πx)', \
     ''                  using 1:3 with lines ls 2 title 'empirical risk g(x) = f(x) + 0.2 cos(5πx)', \
     '+' using (min_f):(min_f_y) every ::0::0 with points pt 7 ps 1.6 lc rgb '#08519c' title 'min of risk', \
     '+' using (min_g):(min_g_y) every ::0::0 with points pt 5 ps 1.4 lc rgb '#a63603' title 'min of empirical risk'
set title tx(sprintf("From f's local minimum %.3f: %d steps, lr %g\nnoise %g fading to 0: %.0f%% reach the global minimum\n(yours: %s)", \
    escape_x0, escape_steps, escape_lr, escape_noise, 100 * escaped_ref, \
    (escaped_yours == escaped_yours) ? sprintf("%.0f%%", 100 * escaped_yours) : "missing"))
set xrange [-1.5:2]
set yrange [0:1.1]
set ylabel "fraction of 300 runs ending here"
set key top center box opaque font ",10"
if (!is_png) { set key below nobox }
set style fill solid 0.5 noborder
plot datadir.'/escape.dat' using 1:2 with boxes lc rgb '#bbbbbb' title 'no noise: all stay (reference)', \
     ''                    using 1:3 with boxes lc rgb '#9ecae1' title tx(sprintf('noise %g (reference)', escape_noise)), \
     ''                    using 1:5 with linespoints ls 11 title tx(sprintf('noise %g (%s)', escape_noise, yours)), \
     ''                    using 1:4 with points pt 6 ps 1.2 lc rgb '#444444' title tx(sprintf('no noise (%s)', yours))
unset multiplot
