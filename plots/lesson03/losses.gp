# The three losses of a true class (y = 1), against the predicted probability p (left) and against
# the score z = ln(p / (1 - p)) behind it (right): cross-entropy grows without bound as p -> 0,
# the squared error never exceeds 1, and the hinge is exactly 0 once the score clears the margin.
eval png_size(1500, 620)
set multiplot layout 1,2 title tr("Losses of one example whose true class is 1", "정답 클래스가 1인 샘플 하나의 손실").note
set key top right font ",10"
set ylabel tr("loss", "손실")
set yrange [0:5]

set title tr("against the predicted probability p of the true class", "정답 클래스의 예측 확률 p에 대해")
set xlabel "p = sigmoid(z)"
set xrange [0:1]
plot datadir.'/prob.dat' using 1:2 with lines ls 1 title tr('cross-entropy', '교차 엔트로피').' -ln p ('.reference.')', \
     ''                  using 1:3 with lines ls 2 title tx(tr('squared error', '제곱 오차').' (1 - p)^2 ('.reference.')'), \
     ''                  using 1:4 with lines ls 3 title tr('hinge', '힌지').' max(0, 1 - z) ('.reference.')', \
     ''                  using 1:5 every 10 with linespoints ls 11 title tx(yours.': binary\_cross\_entropy(p, 1)'), \
     ''                  using 1:6 every 10 with linespoints ls 12 title yours.': mse(p, 1)', \
     ''                  using 1:7 every 10 with linespoints ls 13 title yours.': hinge(z, 1)'

set title tr("against the score (logit) z of the true class", "정답 클래스의 점수(로짓) z에 대해")
set xlabel "z"
set xrange [-4:4]
set arrow 1 from 1, graph 0 to 1, graph 1 nohead lc rgb '#999999' dt 3
set label 1 tr("margin z = 1", "여백 z = 1") at 1, graph 0.6 left offset 0.5,0 tc rgb '#666666'
plot datadir.'/margin.dat' using 1:2 with lines ls 1 title tx(tr('cross-entropy', '교차 엔트로피').' ln(1 + e^{-z}) ('.reference.')'), \
     ''                    using 1:3 with lines ls 2 title tx(tr('squared error', '제곱 오차').' (sigmoid(z) - 1)^2 ('.reference.')'), \
     ''                    using 1:4 with lines ls 3 title tr('hinge', '힌지').' max(0, 1 - z) ('.reference.')', \
     ''                    using 1:5 every 8 with linespoints ls 11 title tx(yours.': bce\_with\_logits(z, 1)'), \
     ''                    using 1:6 every 8 with linespoints ls 12 title yours.': mse(sigmoid(z), 1)', \
     ''                    using 1:7 every 8 with linespoints ls 13 title yours.': hinge(z, 1)'
unset multiplot
