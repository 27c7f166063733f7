# The geometric meaning of a partial derivative (기초미분과 최적화): the plane y = b cuts the
# surface z = f(x, y) = x y^2 + x^2 y in the curve z = f(x, b); f_x(a, b) is the slope of its
# tangent at x = a. Likewise the plane x = a and f_y(a, b). Left: the surface with both slices;
# middle and right: each slice with its tangent, the slope from your grad_xy2_plus_x2y.
fig_title = sprintf(tr("Partial derivatives as slopes of slices: f(x, y) = x y^2 + x^2 y at (%g, %g)", "단면의 기울기인 편미분계수: (%g, %g)에서 f(x, y) = x y^2 + x^2 y"), slice_a, slice_b)
slope_text(s) = (s == s) ? sprintf("%.4g", s) : tr("missing", "없음")
if (is_png) {
    eval png_size(1650, 600)
    set multiplot layout 1,3 title tx(fig_title).note
    set title tr("The surface z = f(x, y) and the two slices through the point", "곡면 z = f(x, y)와 그 점을 지나는 두 단면")
    set xlabel "x"
    set ylabel "y"
    set zlabel "z" rotate by 90
    set view 60, 30
    set ticslevel 0
    set key at screen 0.02, 0.80 left Left reverse box opaque font ",10"
    splot datadir.'/surface.dat' using 1:2:3 with lines lc rgb '#d0d0d0' notitle, \
          datadir.'/slice_x.dat' using 1:(slice_b):2 with lines ls 1 title tx(sprintf(tr('slice y = %g: z = f(x, %g)', '단면 y = %g: z = f(x, %g)'), slice_b, slice_b)), \
          datadir.'/slice_y.dat' using (slice_a):1:2 with lines ls 2 title tx(sprintf(tr('slice x = %g: z = f(%g, y)', '단면 x = %g: z = f(%g, y)'), slice_a, slice_a)), \
          datadir.'/slice_x.dat' using 1:(slice_b):3 with lines lc rgb '#08519c' lw 2 title tr('tangent of slope f_x', '기울기가 f_x인 접선'), \
          datadir.'/slice_y.dat' using (slice_a):1:3 with lines lc rgb '#a63603' lw 2 title tr('tangent of slope f_y', '기울기가 f_y인 접선'), \
          '+' using (slice_a):(slice_b):(slice_z0) every ::0::0 with points pt 7 ps 1.5 lc rgb '#000000' notitle
    unset zlabel
    set key default
} else {
    set multiplot layout 1,2 title tx(fig_title).note.png_only("the surface")
}
set key top left box opaque
set key samplen 2.5 height 0.6
set ylabel "z"
set xlabel "x"
set title tx(sprintf(tr("The slice y = %g\nf_x(%g, %g) = %.4g (reference), %s (yours)", "단면 y = %g\nf_x(%g, %g) = %.4g (기준), %s (내 코드)"), slice_b, slice_a, slice_b, ref_fx, slope_text(your_fx)))
plot datadir.'/slice_x.dat' using 1:2 with lines ls 20 title tx(sprintf('z = f(x, %g)', slice_b)), \
     ''                     using 1:3 with lines ls 1 title tr('tangent', '접선').' ('.reference.')', \
     ''                     using 1:4 with linespoints ls 11 title tx(yours.tr(' (slope from grad\_xy2\_plus\_x2y)', ' (grad\_xy2\_plus\_x2y로 구한 기울기)')), \
     '+' using (slice_a):(slice_z0) every ::0::0 with points pt 7 ps 1.5 lc rgb '#000000' notitle
set xlabel "y"
set title tx(sprintf(tr("The slice x = %g\nf_y(%g, %g) = %.4g (reference), %s (yours)", "단면 x = %g\nf_y(%g, %g) = %.4g (기준), %s (내 코드)"), slice_a, slice_a, slice_b, ref_fy, slope_text(your_fy)))
plot datadir.'/slice_y.dat' using 1:2 with lines ls 20 title tx(sprintf('z = f(%g, y)', slice_a)), \
     ''                     using 1:3 with lines ls 2 title tr('tangent', '접선').' ('.reference.')', \
     ''                     using 1:4 with linespoints ls 12 title tx(yours.tr(' (slope from grad\_xy2\_plus\_x2y)', ' (grad\_xy2\_plus\_x2y로 구한 기울기)')), \
     '+' using (slice_b):(slice_z0) every ::0::0 with points pt 7 ps 1.5 lc rgb '#000000' notitle
unset multiplot
