# What inference uses: one unit's mini-batch mean and variance (noisy) with their running
# averages (PyTorch's momentum), and the held-out loss in inference mode against the loss with
# the held-out batch's own statistics.
eval png_size(1500, 560)
set multiplot layout 1,3 title sprintf(tr("Running statistics of unit %d (the input z of batch normalization), momentum = %g", "뉴런 %d(배치 정규화의 입력 z)의 이동 평균 통계, momentum = %g"), unit, momentum).note
set xlabel tr("training step", "업데이트 횟수")
set xrange [0:steps]
set bmargin 7
set key at graph 0.5, graph -0.17 center top horizontal nobox font ",10" maxrows 2

set title tr("mean of z", "z의 평균")
set ylabel tr("mean", "평균")
plot datadir.'/running.dat' using 1:2 with lines ls 20 title tr('mini-batch', '미니배치'), \
     '' using 1:3 with lines ls 1 title tr('running', '이동 평균').' ('.reference.')', \
     '' using 1:4 with lines ls 11 title yours

set title tr("variance of z", "z의 분산")
set ylabel tr("variance", "분산")
plot datadir.'/running.dat' using 1:5 with lines ls 20 title tr('mini-batch (divisor m)', '미니배치 (m으로 나눔)'), \
     '' using 1:6 with lines ls 2 title tr('running, unbiased', '이동 평균, 불편 분산').' ('.reference.')', \
     '' using 1:7 with lines ls 12 title yours

set title tr("loss on held-out points", "학습에 쓰지 않은 점에서의 손실")
set ylabel tr("loss", "손실")
set yrange [0:*]
set offsets 0, 0, graph 0.05, 0
plot datadir.'/running.dat' using 1:9 with lines ls 3 title tr('running statistics', '이동 평균 통계').' ('.reference.')', \
     '' using 1:8 with lines ls 20 title tr("the held-out batch's own statistics", "평가 배치 자신의 통계"), \
     '' using 1:10 with lines ls 13 title tx(yours.' (batchnorm\_inference)')
unset multiplot
