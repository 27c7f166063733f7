# Loss curves of BGD, SGD and MGD on standardized breast cancer: the mean NLL on the training
# rows (left) and the validation rows (right) after each epoch, same learning rate for all three.
eval png_size(1400, 600)
set multiplot layout 1,2 title ("BGD, SGD and MGD on breast cancer: ".curves_settings).note
set xlabel "epoch"
set ylabel "mean NLL (nats)"
set logscale y
set xrange [0:40]
set key top right box opaque font ",10"
set title "training loss"
plot for [k=1:3] sprintf('%s/curves_ref_%d.dat', datadir, k) using 1:2 with lines ls k title value(sprintf('method_%d', k)).' (reference)', \
     for [k=1:3] sprintf('%s/curves_yours_%d.dat', datadir, k) using 1:2 with linespoints ls (10 + k) title value(sprintf('method_%d', k)).' ('.yours.')'
set title "validation loss"
plot for [k=1:3] sprintf('%s/curves_ref_%d.dat', datadir, k) using 1:3 with lines ls k title value(sprintf('method_%d', k)).' (reference)', \
     for [k=1:3] sprintf('%s/curves_yours_%d.dat', datadir, k) using 1:3 with linespoints ls (10 + k) title value(sprintf('method_%d', k)).' ('.yours.')'
unset multiplot
