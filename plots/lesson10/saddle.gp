# The notes' saddle f = x^2 - y^2 (the Optimization blog post): the surface with the curves along the Hessian's
# eigenvectors through (0, 0), and a top view with Newton's method and its gradient-step fallback.
fig_title = "The saddle point of f(x, y) = x^2 - y^2 at (0, 0)"
if (!is_png) { eval png_only_figure("a surface and a top view with contours") }
eval png_size(1500, 650)
set multiplot layout 1,2 title fig_title.note

set title sprintf("The Hessian's %s: up along one eigenvector, down along the other\nyour hessian\\_central: %s; your classify\\_critical\\_point: %s", \
    ref_eigs, your_eigs, your_kind)
set xlabel "x"
set ylabel "y"
set zlabel "f" rotate by 90
set xrange [-1:1]
set yrange [-1:1]
set zrange [-1.1:1.1]
set view 55, 35
set ticslevel 0
set key at screen 0.03, 0.80 left Left reverse box opaque font ",10"
splot datadir.'/saddle_grid.dat' using 1:2:3 with lines lc rgb '#d0d0d0' notitle, \
      datadir.'/saddle_eig_ref.dat' index 1 using 1:2:3 with lines ls 1 title 'along the eigenvector of +2 (reference)', \
      datadir.'/saddle_eig_ref.dat' index 0 using 1:2:3 with lines ls 2 title 'along the eigenvector of -2 (reference)', \
      datadir.'/saddle_eig_yours.dat' using 1:2:3 with lines ls 11 title 'your Hessian'."'".'s eigenvectors', \
      '+' using (0):(0):(0) every ::0::0 with points pt 7 ps 1.5 lc rgb '#000000' title 'the saddle point'

set title "Top view: where H is not positive definite, Newton takes gradient steps (fallback\\_lr = 0.1)\nthe full Newton step -H^{-1}∇f would jump straight onto the saddle"
set view map
set size ratio -1
set contour base
unset surface
set cntrparam levels incremental -1, 0.2, 1
set table datadir.'/saddle_contours.dat'
splot datadir.'/saddle_grid.dat' using 1:2:3 with lines
unset table
unset contour
set size ratio -1
set key bmargin center horizontal nobox font ",10" maxrows 2
set bmargin 6
plot datadir.'/saddle_contours.dat' using 1:2 with lines lc rgb '#cccccc' notitle, \
     '+' using (-0.9):(0):(1.8):(0) every ::0::0 with vectors nohead lc rgb '#9ecae1' lw 3 title 'eigenvector of +2', \
     '+' using (0):(-0.9):(0):(1.8) every ::0::0 with vectors nohead lc rgb '#fdae6b' lw 3 title 'eigenvector of -2', \
     '+' using (saddle_x0):(saddle_y0):(-saddle_x0):(-saddle_y0) every ::0::0 with vectors head filled dt 3 lc rgb '#444444' title 'full Newton step', \
     datadir.'/saddle_path_ref.dat' using 2:3 with lines ls 3 title 'newton\_run (reference)', \
     datadir.'/saddle_path_yours.dat' using 2:3 with linespoints ls 13 title 'newton\_run ('.yours.')', \
     '+' using (0):(0) every ::0::0 with points pt 7 ps 1.5 lc rgb '#000000' notitle
unset multiplot
