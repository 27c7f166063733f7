# Train vs validation loss on a small training set that overfits: the training loss keeps
# falling, the validation loss turns; early stopping keeps the weights of its lowest point.
set title sprintf(tr("Overfitting and early stopping: MGD, batch size %d, lr = %g, %d training rows, %d validation rows", \
                     "과적합과 조기 멈춤: MGD, 배치 크기 %d, lr = %g, 훈련 행 %d개, 검증 행 %d개"), \
                  early_batch, early_lr, early_train, early_val).note
set xlabel tr("epoch", "세대(epoch)")
set ylabel tr("mean NLL (nats)", "평균 NLL (nat)")
set logscale y
set key top right box opaque
set arrow 1 from best_ref, graph 0 to best_ref, graph 1 nohead dt 3 lc rgb '#666666'
set label 1 sprintf(tr(" best validation loss: epoch %d\n (early stopping keeps these weights)", " 검증 손실이 가장 낮은 세대: %d\n (조기 멈춤은 이때의 가중치를 남긴다)"), best_ref) at best_ref, graph 0.92 left font ",10"
train_loss = tr('training loss', '훈련 손실')
val_loss = tr('validation loss', '검증 손실')
plot datadir.'/early_ref.dat' using 1:2 with lines ls 1 title train_loss.' ('.reference.')', \
     datadir.'/early_ref.dat' using 1:3 with lines ls 2 title val_loss.' ('.reference.')', \
     datadir.'/early_yours.dat' using 1:2 with linespoints ls 11 title train_loss.' ('.yours.')', \
     datadir.'/early_yours.dat' using 1:3 with linespoints ls 12 title val_loss.' ('.yours.')'
