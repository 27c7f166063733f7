# |d a_depth / dx| for depth stacked activations, a_0 = x0, a_{i+1} = f(a_i), on a log axis.
# Sigmoid's slope is at most 1/4, so its product falls at least as fast as 4^-depth; tanh
# starting in saturation (x0 = 4) loses a factor 1e-3 at once; ReLU passes 1 through (x0 > 0).
eval png_size(1500, 620)
set multiplot layout 1,2 title tr("Vanishing gradients: the derivative of depth stacked activations", "경사소실: 활성화 함수를 depth겹 쌓은 함수의 도함수").note
set logscale y
set format y fmt10('%L')
set xrange [0:max_depth]
set yrange [1e-36:30]
set xlabel tr("depth (number of stacked layers)", "depth (쌓은 층의 수)")
set ylabel tx("|chain\\_grad(kind, depth, x_0)|")
set key bottom left nobox font ",10" samplen 2
if (is_png) {
    set label 1 tr("ReLU with x_0 < 0: exactly 0 at every depth\n(a dead unit), which a log axis cannot show", "x_0 < 0인 ReLU: 어느 깊이에서나 정확히 0\n(죽은 뉴런)이라 로그 축에는 그릴 수 없다") at graph 0.97, graph 0.70 right font ",10" tc rgb '#006d2c'
}
do for [k=1:2] {
    x0 = value(sprintf('x0_%d', k))
    set title sprintf("x_0 = %g", x0)
    f = sprintf('%s/depth_%d.dat', datadir, k)
    plot 0.25**x with lines ls 20 dt 3 title tx(tr("4^{-depth} (sigmoid's bound)", "4^{-depth} (시그모이드의 상한)")), \
         f using 1:2 with lines ls 1 title 'sigmoid ('.reference.')', \
         f using 1:3 with lines ls 2 title 'tanh ('.reference.')', \
         f using 1:4 with lines ls 3 title 'ReLU ('.reference.')', \
         f using 1:5 with linespoints ls 11 pi 3 title yours.' sigmoid', \
         f using 1:6 with linespoints ls 12 pi 3 title yours.' tanh', \
         f using 1:7 with linespoints ls 13 pi 3 title yours.' ReLU'
}
unset multiplot
