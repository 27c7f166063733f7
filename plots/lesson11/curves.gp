# Loss curves of BGD, SGD and MGD on standardized breast cancer: the mean NLL on the training
# rows (left) and the validation rows (right) after each epoch, same learning rate for all three.
eval png_size(1400, 600)
# The methods, in the driver's order; batch_K is each one's batch size.
array method[3] = ["BGD", "SGD", "MGD"]
method_name(k) = sprintf(tr("%s (batch size %d)", "%s (배치 크기 %d)"), method[k], value(sprintf('batch_%d', k)))
set multiplot layout 1,2 title sprintf(tr("BGD, SGD and MGD on breast cancer: lr = %g, no weight decay, %d training rows, %d validation rows", \
                                          "유방암 데이터로 학습한 BGD, SGD, MGD: lr = %g, 가중치 감쇠 없음, 훈련 행 %d개, 검증 행 %d개"), \
                                       curves_lr, curves_train, curves_val).note
set xlabel tr("epoch", "세대(epoch)")
set ylabel tr("mean NLL (nats)", "평균 NLL (nat)")
set logscale y
set xrange [0:40]
set key top right box opaque font ",10"
set title tr("training loss", "훈련 손실")
plot for [k=1:3] sprintf('%s/curves_ref_%d.dat', datadir, k) using 1:2 with lines ls k title method_name(k).' ('.reference.')', \
     for [k=1:3] sprintf('%s/curves_yours_%d.dat', datadir, k) using 1:2 with linespoints ls (10 + k) title method_name(k).' ('.yours.')'
set title tr("validation loss", "검증 손실")
plot for [k=1:3] sprintf('%s/curves_ref_%d.dat', datadir, k) using 1:3 with lines ls k title method_name(k).' ('.reference.')', \
     for [k=1:3] sprintf('%s/curves_yours_%d.dat', datadir, k) using 1:3 with linespoints ls (10 + k) title method_name(k).' ('.yours.')'
unset multiplot
