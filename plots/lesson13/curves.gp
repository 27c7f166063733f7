# Training and validation loss and accuracy per epoch of a 64-hidden-unit network trained with
# Adam on the standardized digits: yours and the reference, from the same start and batches.
eval png_size(1400, 600)
set multiplot layout 1,2 title sprintf("A 64-hidden-unit MLP on the digits (Adam, lr 0.003, batch 32): test accuracy %.1f%% (reference)", 100 * acc_ref).note
set xlabel "epoch"
set key top right box opaque font ",10"
set title "loss (mean cross-entropy, nats)"
set logscale y
set ylabel "loss"
plot datadir.'/curves_ref.dat' using 1:2 with lines ls 1 title 'training (reference)', \
     datadir.'/curves_ref.dat' using 1:4 with lines ls 2 title 'validation (reference)', \
     datadir.'/curves_yours.dat' using 1:2 with linespoints ls 11 title 'training ('.yours.')', \
     datadir.'/curves_yours.dat' using 1:4 with linespoints ls 12 title 'validation ('.yours.')'
unset logscale y
set title "accuracy"
set ylabel "fraction right"
set yrange [0.8:1.005]
set key bottom right
plot datadir.'/curves_ref.dat' using 1:3 with lines ls 1 title 'training (reference)', \
     datadir.'/curves_ref.dat' using 1:5 with lines ls 2 title 'validation (reference)', \
     datadir.'/curves_yours.dat' using 1:3 with linespoints ls 11 title 'training ('.yours.')', \
     datadir.'/curves_yours.dat' using 1:5 with linespoints ls 12 title 'validation ('.yours.')'
unset multiplot
