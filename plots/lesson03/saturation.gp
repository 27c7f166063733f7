# One sigmoid neuron with target y = 0, as its pre-activation z grows: the output sigmoid(z) is
# more and more wrong, yet MSE's gradient 2 a^2 (1 - a) dies out like e^{-z} (the factor
# sigmoid'(z)), while cross-entropy's gradient a - y tends to 1. Left linear, right logarithmic.
eval png_size(1500, 620)
set multiplot layout 1,2 title tr("A saturated neuron learns slowly with MSE: |dL/dz| for a = sigmoid(z), target y = 0", "포화된 뉴런은 MSE로는 느리게 배운다: a = sigmoid(z), 목표 y = 0일 때의 |dL/dz|").note
set xlabel tr("pre-activation z  (the output a = sigmoid(z) is wrong by a)", "활성화 함수의 입력 z  (출력 a = sigmoid(z)의 오차는 a)")
set ylabel "|dL/dz|"
set xrange [-4:14]
set key font ",10"

set title tr("linear scale", "선형 눈금")
set key right center
set yrange [0:1.1]
plot datadir.'/saturation.dat' using 1:2 with lines ls 1 title tr('cross-entropy', '교차 엔트로피').': a - y ('.reference.')', \
     ''                        using 1:3 with lines ls 2 title 'MSE: 2 (a - y) a (1 - a) ('.reference.')', \
     ''                        using 1:4 every 10 with linespoints ls 11 title tx(yours.': sigmoid\_ce\_grad(z, 0)'), \
     ''                        using 1:5 every 10 with linespoints ls 12 title tx(yours.': sigmoid\_mse\_grad(z, 0)')

set title tr("logarithmic scale", "로그 눈금")
set key bottom left
set logscale y
set format y fmt10('%L')
set yrange [1e-7:2]
plot datadir.'/saturation.dat' using 1:2 with lines ls 1 title tr('cross-entropy', '교차 엔트로피').': a - y ('.reference.')', \
     ''                        using 1:3 with lines ls 2 title 'MSE: 2 (a - y) a (1 - a) ('.reference.')', \
     ''                        using 1:4 every 10 with linespoints ls 11 title tx(yours.': sigmoid\_ce\_grad(z, 0)'), \
     ''                        using 1:5 every 10 with linespoints ls 12 title tx(yours.': sigmoid\_mse\_grad(z, 0)')
unset multiplot
