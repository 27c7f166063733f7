# The mean activation of each mini-batch, without dropout and with it, for the notes' input rate
# (p = 0.2) and hidden rate (p = 0.5). Inverted dropout keeps the mean where it was; without
# scaling (classic training) it drops to (1 - p) times it; multiplying the kept units by (1 - p),
# a wrong scaling, drops it to (1 - p)^2 times it.
eval png_size(1500, 620)
array layer_name[2] = [tr("input layer", "입력층"), tr("hidden layer", "은닉층")]
set multiplot layout 1,2 title sprintf(tr("Mean activation of each mini-batch (%d activations) during training", "학습 중 미니배치(활성 값 %d개)마다의 평균 활성 값"), batch).note
set xlabel tr("mini-batch", "미니배치")
set ylabel tr("mean activation", "평균 활성 값")
set xrange [0:100]
set key top center horizontal maxrows 3 width -4 font ",10"
do for [k=1:2] {
    p = value(sprintf('p_%d', k))
    set title sprintf(tr("%s, p = %g: kept units scaled by 1/(1-p) = %g", "%s, p = %g: 남은 뉴런에 1/(1-p) = %g를 곱한다"), layer_name[k], p, 1.0/(1.0-p))
    f = sprintf('%s/mean_%d.dat', datadir, k)
    stats f using 3 nooutput
    set yrange [0:1.5*STATS_max]
    plot f using 1:2 with lines ls 20 title tr('without dropout', '드롭아웃 없음'), \
         f using 1:3 with lines ls 1 title tr('inverted dropout', '역 드롭아웃').' ('.reference.')', \
         f using 1:6 with linespoints ls 11 pi 5 title tx(yours.' dropout\_forward'), \
         f using 1:4 with lines ls 2 title tr('no scaling: classic training', '배율 보정 없음: 고전적 드롭아웃의 훈련').' ('.reference.')', \
         f using 1:7 with linespoints ls 12 pi 5 title tx(yours.' dropout\_forward\_classic'), \
         f using 1:5 with lines ls 3 title tr('wrong: kept units times (1-p)', '틀린 방식: 남은 뉴런에 (1-p)를 곱함')
}
unset multiplot
