# Each activation (blue) with its derivative (orange), yours dashed over the reference. At the
# kink x = 0 the derivatives of the ReLU family jump; the value drawn at 0 is PyTorch's choice.
# tanh itself is the C library's (the lesson asks only for its derivative), so it has no "yours".
eval png_size(1500, 900)
set multiplot layout 2,3 title tr("Activations f(x) and their derivatives f'(x)", "활성화 함수 f(x)와 그 도함수 f'(x)").note
set xrange [-4:4]
set xlabel "x"
set key top left nobox font ",9" samplen 2
set xzeroaxis lc rgb '#bbbbbb'
set yzeroaxis lc rgb '#bbbbbb'

array files[5] = ['act_sigmoid', 'act_tanh', 'act_relu', 'act_leaky', 'act_elu']
array titles[5] = ['sigmoid', 'tanh', 'ReLU', sprintf('leaky ReLU, a = %g', leak), sprintf('ELU, a = %g', elu_a)]
array ymin[5] = [-0.1, -1.1, -0.5, -0.6, -1.1]
array ymax[5] = [1.1, 1.1, 4.1, 4.1, 4.1]
do for [k=1:5] {
    set title titles[k]
    set ylabel (k == 1 || k == 4) ? "f(x), f'(x)" : ""
    set yrange [ymin[k]:ymax[k]]
    f = sprintf('%s/%s.dat', datadir, files[k])
    plot f using 1:2 with lines ls 1 title 'f ('.reference.')', \
         f using 1:3 with lines ls 2 title "f' (".reference.")", \
         f using 1:4 with linespoints ls 11 pi 12 title (k == 2 ? '' : yours." f"), \
         f using 1:5 with linespoints ls 12 pi 12 title yours." f'"
}

set title tx(sprintf(tr("PReLU: d/da of leaky\\_relu(x, a), a = %g", "PReLU: leaky\\_relu(x, a)의 a에 대한 도함수, a = %g"), leak))
set ylabel ""
set yrange [-4.2:0.6]
set key bottom right   # top left, the key would hide the curve's kink at 0
f = datadir.'/prelu.dat'
plot f using 1:2 with lines ls 3 title 'd/da ('.reference.')', \
     f using 1:3 with linespoints ls 13 pi 12 title tx(yours.' prelu\_grad\_alpha')
unset multiplot
