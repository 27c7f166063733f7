# The weights of each init function for the README's layer (300 inputs, 100 outputs): your
# histogram over the law's density, and, grey, what the course notes write where they differ.
eval png_size(1300, 900)
set multiplot layout 2,2 title tx(sprintf(tr("The weights of a layer with n_{in} = %d inputs and n_{out} = %d outputs (30000 draws)", "입력 n_{in} = %d개, 출력 n_{out} = %d개인 층의 가중치 (30000개 추출)"), fan_in, fan_out)).note
set samples 1001
unif(x, r) = abs(x) <= r ? 1.0 / (2.0 * r) : 0.0
gauss(x, s) = exp(-x * x / (2.0 * s * s)) / (s * sqrt(2.0 * pi))
set xlabel tr("weight", "가중치")
set ylabel tr("density", "밀도")
set key top right box opaque font ",10"
set style line 21 lc rgb '#888888' lw 2 dt 3

set xrange [-0.2:0.2]
set yrange [0:11.5]
set title tx(sprintf("init\\_xavier\\_uniform: U[-r, r], r = sqrt(6 / (n_{in} + n_{out})) = %.4f", r_xu))
plot unif(x, r_xu) with lines ls 1 title tr('the law', '이론 분포'), \
     unif(x, r_lc) with lines ls 21 title tx(tr("notes' \"Xavier\": r = 1/sqrt(n_{in})", "노트의 \"Xavier\": r = 1/sqrt(n_{in})")), \
     datadir.'/weights_1.dat' using 1:2 with histeps ls 11 title yours

set xrange [-0.35:0.35]
set yrange [0:6.5]
set title tx(sprintf("init\\_xavier\\_normal: N(0, σ^2), σ = sqrt(2 / (n_{in} + n_{out})) = %.4f", s_xn))
plot gauss(x, s_xn) with lines ls 1 title tr('the law', '이론 분포'), \
     datadir.'/weights_2.dat' using 1:2 with histeps ls 11 title yours

set title tx(sprintf("init\\_he\\_normal: N(0, σ^2), σ = sqrt(2 / n_{in}) = %.4f", s_he))
plot gauss(x, s_he) with lines ls 1 title tr('the law', '이론 분포'), \
     gauss(x, s_he_notes) with lines ls 21 title tx(tr("Lecture 5: N(0, 4 / (n_{in} + n_{out}))", "「Lecture 5」의 He: N(0, 4 / (n_{in} + n_{out}))")), \
     datadir.'/weights_3.dat' using 1:2 with histeps ls 11 title yours

set xrange [-0.2:0.2]
set yrange [0:9.5]
set title tx(sprintf("init\\_lecun\\_uniform: U[-r, r], r = 1 / sqrt(n_{in}) = %.4f", r_lc))
plot unif(x, r_lc) with lines ls 1 title tr('the law', '이론 분포'), \
     datadir.'/weights_4.dat' using 1:2 with histeps ls 11 title yours
unset multiplot
