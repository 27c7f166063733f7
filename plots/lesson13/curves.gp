# Training and validation loss and accuracy per epoch of a 64-hidden-unit network trained with
# Adam on the standardized digits: yours and the reference, from the same start and batches.
eval png_size(1400, 600)
set multiplot layout 1,2 title sprintf(tr("A 64-hidden-unit MLP on the digits (Adam, lr 0.003, batch 32): test accuracy %.1f%% (reference)", "은닉 뉴런 64개의 MLP, 숫자 데이터 (Adam, lr 0.003, 배치 32): 테스트 정확도 %.1f%% (기준)"), 100 * acc_ref).note
set xlabel tr("epoch", "세대(epoch)")
set key top right box opaque font ",10"
set title tr("loss (mean cross-entropy, nats)", "손실 (평균 교차 엔트로피, nat)")
set logscale y
set ylabel tr("loss", "손실")
plot datadir.'/curves_ref.dat' using 1:2 with lines ls 1 title tr('training (reference)', '훈련 (기준)'), \
     datadir.'/curves_ref.dat' using 1:4 with lines ls 2 title tr('validation (reference)', '검증 (기준)'), \
     datadir.'/curves_yours.dat' using 1:2 with linespoints ls 11 title tr('training', '훈련').' ('.yours.')', \
     datadir.'/curves_yours.dat' using 1:4 with linespoints ls 12 title tr('validation', '검증').' ('.yours.')'
unset logscale y
set title tr("accuracy", "정확도")
set ylabel tr("fraction right", "맞힌 비율")
set yrange [0.8:1.005]
set key bottom right
plot datadir.'/curves_ref.dat' using 1:3 with lines ls 1 title tr('training (reference)', '훈련 (기준)'), \
     datadir.'/curves_ref.dat' using 1:5 with lines ls 2 title tr('validation (reference)', '검증 (기준)'), \
     datadir.'/curves_yours.dat' using 1:3 with linespoints ls 11 title tr('training', '훈련').' ('.yours.')', \
     datadir.'/curves_yours.dat' using 1:5 with linespoints ls 12 title tr('validation', '검증').' ('.yours.')'
unset multiplot
