# Newton's method against gradient descent: on ToBig's Optimization session's quadratic x^2/20 + y^2 (Newton lands on
# the minimum in one step), on Rosenbrock's banana valley, and the gradient norm per step.
# A text terminal gets the last panel only: contours are unreadable in text.
set contour base
unset surface
set view map
set cntrparam levels discrete 0.05, 0.2, 0.5, 1, 2, 3, 4, 6
set table datadir.'/quad_contours.dat'
splot datadir.'/quad_grid.dat' using 1:2:3 with lines
unset table
set cntrparam levels discrete 0.1, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512
set table datadir.'/rosen_contours.dat'
splot datadir.'/rosen_grid.dat' using 1:2:3 with lines
unset table
unset contour

fig_title = tr("Newton's method against gradient descent", "뉴턴 방법과 경사하강법")
set key box opaque font ",10"
if (is_png) {
    # The quadratic's panel keeps one scale on both axes (its valley is 4.5 times longer than
    # wide, which is the point): it gets the widest slot, and room above and below the paths,
    # where its key goes.
    eval png_size(1650, 640)
    set multiplot title fig_title.note
    top = 0.92   # below the title and the note
    set xlabel "x"
    set ylabel "y"

    set origin 0, 0
    set size 0.42, top
    set title sprintf(tr("f = x^2/20 + y^2 from (-7, 2) to ||∇f|| ≤ 10^{-8}:\nNewton %d step, gradient descent (lr %g) %d steps", \
                         "f = x^2/20 + y^2, (-7, 2)에서 ||∇f|| ≤ 10^{-8}까지:\n뉴턴 방법 %d걸음, 경사하강법(lr %g) %d걸음"), \
        quad_newton_steps, quad_gd_lr, quad_gd_steps)
    set key inside bottom center horizontal maxrows 2 box opaque
    set size ratio -1
    set xrange [-7.6:1.6]
    set yrange [-3.2:2.8]
    plot datadir.'/quad_contours.dat' using 1:2 with lines lc rgb '#cccccc' notitle, \
         datadir.'/quad_gd_ref.dat' using 2:3 with linespoints lc rgb '#bbbbbb' pt 6 ps 0.5 title tr('gradient descent', '경사하강법').' ('.reference.')', \
         datadir.'/quad_newton_ref.dat' using 2:3 with lines ls 1 title tr('Newton', '뉴턴 방법').' ('.reference.')', \
         datadir.'/quad_newton_yours.dat' using 2:3 with linespoints ls 11 title tr('Newton', '뉴턴 방법').' ('.yours.')', \
         '+' using (0):(0) every ::0::0 with points pt 3 ps 2 lc rgb '#000000' title tr('minimum (0, 0)', '최소점 (0, 0)')

    set origin 0.42, 0
    set size 0.29, top
    set title sprintf(tr("Rosenbrock from (-1.2, 1) to ||∇f|| ≤ 10^{-8}:\nNewton %d steps, gradient descent (lr %g) %d steps", \
                         "Rosenbrock 함수, (-1.2, 1)에서 ||∇f|| ≤ 10^{-8}까지:\n뉴턴 방법 %d걸음, 경사하강법(lr %g) %d걸음"), \
        rosen_newton_steps, rosen_gd_lr, rosen_gd_steps)
    set key inside top left vertical maxrows auto box opaque
    set size noratio
    set xrange [-2:2]
    set yrange [-3.5:3]
    plot datadir.'/rosen_contours.dat' using 1:2 with lines lc rgb '#cccccc' notitle, \
         datadir.'/rosen_gd_ref.dat' using 2:3 with lines lc rgb '#666666' lw 2 title tr('gradient descent', '경사하강법').' ('.reference.')', \
         datadir.'/rosen_newton_ref.dat' using 2:3 with linespoints ls 2 pt 7 ps 1 title tr('Newton', '뉴턴 방법').' ('.reference.')', \
         datadir.'/rosen_newton_yours.dat' using 2:3 with linespoints ls 12 title tr('Newton', '뉴턴 방법').' ('.yours.')', \
         '+' using (1):(1) every ::0::0 with points pt 3 ps 2 lc rgb '#000000' title tr('minimum (1, 1)', '최소점 (1, 1)')

    set origin 0.71, 0
    set size 0.29, top
    set title tr("Rosenbrock: the gradient's norm at each step", "Rosenbrock 함수: 걸음마다의 경사도 노름")
} else {
    set title fig_title.note.png_only("the paths on the contours of both functions")."\n".tr("Rosenbrock: the gradient's norm at each step", "Rosenbrock 함수: 걸음마다의 경사도 노름")
}
set logscale xy
set format xy fmt10('%L')
set key inside top right vertical maxrows auto box opaque
set xlabel tr("step k + 1", "걸음 k + 1")
set ylabel tx("||∇f(x_k)||")
set xrange [1:1e5]
set yrange [1e-9:1e4]
plot datadir.'/rosen_gd_ref.dat' using ($1+1):4 with lines lc rgb '#999999' lw 2 title tr('gradient descent', '경사하강법').' ('.reference.')', \
     datadir.'/rosen_newton_ref.dat' using ($1+1):4 with lines ls 2 title tr('Newton', '뉴턴 방법').' ('.reference.')', \
     datadir.'/rosen_newton_yours.dat' using ($1+1):4 with linespoints ls 12 title tr('Newton', '뉴턴 방법').' ('.yours.')'
if (is_png) { unset multiplot }
