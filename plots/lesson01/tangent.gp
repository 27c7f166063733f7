# f(x) = x cos(pi x) and its tangent at x0, the slope from derivative_central.
set title tx(sprintf(tr("f(x) = x cos(πx) and its tangent at x_0 = %g", "f(x) = x cos(πx)와 x_0 = %g에서의 접선"), x0)).note
set xlabel "x"
set ylabel "f(x)"
set xrange [-1:2]
set key top left
plot datadir.'/curve.dat'   using 1:2 with lines ls 20 title 'f', \
     datadir.'/tangent.dat' using 1:2 with lines ls 1 title tr('tangent', '접선').' ('.reference.')', \
     ''                     using 1:3 with linespoints ls 11 title tx(yours.tr(' (slope from derivative\_central)', ' (derivative\_central로 구한 기울기)')), \
     '+' using (x0):(y0) every ::0::0 with points pt 7 ps 1.5 lc rgb '#000000' notitle
