# The notes' claims on real data (reference network): the validation loss per epoch with N(0, 1)
# weights (no init scaling) vs He, with batch normalization, and with a larger learning rate.
eval png_size(1000, 650)
set title "The validation loss of the reference network on the digits in four settings (Adam, 12 epochs)".note
set xlabel "epoch"
set ylabel "validation loss (nats)"
set logscale y
set xrange [0:12]
set key top right box opaque font ",10"
plot for [k=1:4] sprintf('%s/compare_%d.dat', datadir, k) using 1:4 with linespoints lw 2 pt 7 ps 0.6 title value(sprintf('compare_%d', k))
