# Internal covariate shift: one second-layer unit's input to tanh over training (its 15th, 50th
# and 85th percentiles over a fixed probe set), without and with batch normalization, and the
# loss of the runs. The runs share their initial weights and their mini-batches.
eval png_size(1500, 560)
set multiplot layout 1,3 title sprintf(tr("A 2-8-8-1 tanh network, SGD with lr = %g and mini-batches of %d: unit %d of the second hidden layer", "2-8-8-1 tanh 신경망, lr = %g, 미니배치 크기 %d의 SGD: 두 번째 은닉층의 뉴런 %d"), lr, batch, unit).note
set xlabel tr("training step", "업데이트 횟수")
set xrange [0:steps]
set bmargin 7
set key at graph 0.5, graph -0.17 center top horizontal nobox font ",10" maxrows 2
set ylabel tr("input to tanh (percentiles 15, 50, 85)", "tanh의 입력 (백분위수 15, 50, 85)")
set yrange [ylo:yhi]

set title tr("without batch normalization: z = W h + b drifts", "배치 정규화 없음: z = W h + b가 표류한다")
plot datadir.'/shift.dat' using 1:2:4 with filledcurves lc rgb '#fdd0a2' title tr('15th to 85th', '15–85 백분위수'), \
     '' using 1:3 with lines ls 2 title tr('median', '중앙값')

# x̂: x and the combining circumflex U+0302, which the PNG and a UTF-8 terminal both draw
set title tr("with batch normalization: γ x̂ + β moves only as γ, β learn", "배치 정규화 사용: γ x̂ + β는 γ, β가 학습되는 만큼만 움직인다")
plot datadir.'/shift.dat' using 1:5:7 with filledcurves lc rgb '#c6dbef' title tr('15th to 85th', '15–85 백분위수').' ('.reference.')', \
     '' using 1:6 with lines ls 1 title tr('median', '중앙값').' ('.reference.')', \
     '' using 1:8 with lines ls 11 title yours.tr(' (15th, 50th, 85th)', ' (15, 50, 85 백분위수)'), \
     '' using 1:9 with lines ls 11 notitle, \
     '' using 1:10 with lines ls 11 notitle

set title tr("loss on the probe set (mean cross-entropy)", "관찰용 집합의 손실 (평균 교차 엔트로피)")
set ylabel tr("loss", "손실")
set yrange [0:*]
set offsets 0, 0, graph 0.05, 0
plot datadir.'/shift.dat' using 1:11 with lines ls 2 title tr('without BN', 'BN 없음'), \
     '' using 1:12 with lines ls 1 title tr('with BN', 'BN 사용').' ('.reference.')', \
     '' using 1:13 with lines ls 11 title yours
unset multiplot
