# Gradient descent on f(x) = x^2 from x0 = 2: the iterates x_k on the parabola. A learning rate
# above 1 = 2/L (L = f'' = 2) makes every step overshoot by more than it gains.
eval png_size(1500, 580)
set multiplot layout 1,3 title tx(tr("Gradient descent on f(x) = x^2 from x_0 = 2, 12 steps", "f(x) = x^2 위의 경사하강법: x_0 = 2에서 12번 업데이트")).note
set xrange [-5:5]
set yrange [-0.5:25]
set xlabel "x"
set ylabel "f(x)"
# the key below the x label: a margin tall enough for both
set key bmargin center horizontal nobox font ",10"
set bmargin 5
set samples 200
array par_name[3] = [tr("smooth", "매끄럽게 수렴"), tr("zig-zag", "지그재그"), tr("diverges", "발산")]
do for [k=1:3] {
    set title sprintf("lr = %g (%s)", value(sprintf('par_lr_%d', k)), par_name[k])
    plot x**2 with lines ls 20 notitle, \
         sprintf('%s/par_ref_%d.dat', datadir, k) using 1:2 with lines ls 2 title reference, \
         sprintf('%s/par_yours_%d.dat', datadir, k) using 1:2 with linespoints ls 12 title yours
}
unset multiplot
