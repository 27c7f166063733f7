# Train vs validation loss on a small training set that overfits: the training loss keeps
# falling, the validation loss turns; early stopping keeps the weights of its lowest point.
set title ("Overfitting and early stopping: ".early_settings).note
set xlabel "epoch"
set ylabel "mean NLL (nats)"
set logscale y
set key top right box opaque
set arrow 1 from best_ref, graph 0 to best_ref, graph 1 nohead dt 3 lc rgb '#666666'
set label 1 sprintf(" best validation loss: epoch %d\n (early stopping keeps these weights)", best_ref) at best_ref, graph 0.92 left font ",10"
plot datadir.'/early_ref.dat' using 1:2 with lines ls 1 title 'training loss (reference)', \
     datadir.'/early_ref.dat' using 1:3 with lines ls 2 title 'validation loss (reference)', \
     datadir.'/early_yours.dat' using 1:2 with linespoints ls 11 title 'training loss ('.yours.')', \
     datadir.'/early_yours.dat' using 1:3 with linespoints ls 12 title 'validation loss ('.yours.')'
