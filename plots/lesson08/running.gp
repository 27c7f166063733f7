# What inference uses: one unit's mini-batch mean and variance (noisy) with their running
# averages (PyTorch's momentum), and the held-out loss in inference mode against the loss with
# the held-out batch's own statistics.
eval png_size(1500, 560)
set multiplot layout 1,3 title sprintf("Running statistics of unit %d (the input z of batch normalization), momentum = %g", unit, momentum).note
set xlabel "training step"
set xrange [0:steps]
set bmargin 7
set key at graph 0.5, graph -0.17 center top horizontal nobox font ",10" maxrows 2

set title "mean of z"
set ylabel "mean"
plot datadir.'/running.dat' using 1:2 with lines ls 20 title 'mini-batch', \
     '' using 1:3 with lines ls 1 title 'running (reference)', \
     '' using 1:4 with lines ls 11 title yours

set title "variance of z"
set ylabel "variance"
plot datadir.'/running.dat' using 1:5 with lines ls 20 title 'mini-batch (divisor m)', \
     '' using 1:6 with lines ls 2 title 'running, unbiased (reference)', \
     '' using 1:7 with lines ls 12 title yours

set title "loss on held-out points"
set ylabel "loss"
set yrange [0:*]
set offsets 0, 0, graph 0.05, 0
plot datadir.'/running.dat' using 1:9 with lines ls 3 title 'running statistics (reference)', \
     '' using 1:8 with lines ls 20 title "the held-out batch's own statistics", \
     '' using 1:10 with lines ls 13 title tx(yours.' (batchnorm\_inference)')
unset multiplot
