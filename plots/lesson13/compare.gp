# The notes' claims on real data (reference network): the validation loss per epoch with N(0, 1)
# weights (no init scaling) vs He, with batch normalization, and with a larger learning rate.
eval png_size(1000, 650)
set title tr("The validation loss of the reference network on the digits in four settings (Adam, 12 epochs)", "기준 신경망의 숫자 데이터 검증 손실, 네 가지 설정 (Adam, 12세대)").note
set xlabel tr("epoch", "세대(epoch)")
set ylabel tr("validation loss (nats)", "검증 손실 (nat)")
set logscale y
# the four settings, in the order of the driver's compare_1.dat .. compare_4.dat
array compare_name[4] = [tr("N(0, 1) init, no scaling", "N(0, 1) 초기화, 배율 조정 없음"), tr("He init", "He 초기화"), \
                         tr("He init + batch norm", "He 초기화 + 배치 정규화"), \
                         tr("He init, lr 0.03 (10 times larger)", "He 초기화, lr 0.03 (10배 큰 학습률)")]
set xrange [0:12]
set key top right box opaque font ",10"
plot for [k=1:4] sprintf('%s/compare_%d.dat', datadir, k) using 1:4 with linespoints lw 2 pt 7 ps 0.6 title compare_name[k]
