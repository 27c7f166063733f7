# Internal covariate shift: one second-layer unit's input to tanh over training (its 15th, 50th
# and 85th percentiles over a fixed probe set), without and with batch normalization, and the
# loss of the runs. The runs share their initial weights and their mini-batches.
eval png_size(1500, 560)
set multiplot layout 1,3 title sprintf("A 2-8-8-1 tanh network, SGD with lr = %g and mini-batches of %d: unit %d of the second hidden layer", lr, batch, unit).note
set xlabel "training step"
set xrange [0:steps]
set bmargin 7
set key at graph 0.5, graph -0.17 center top horizontal nobox font ",10" maxrows 2
set ylabel "input to tanh (percentiles 15, 50, 85)"
set yrange [ylo:yhi]

set title "without batch normalization: z = W h + b drifts"
plot datadir.'/shift.dat' using 1:2:4 with filledcurves lc rgb '#fdd0a2' title '15th to 85th', \
     '' using 1:3 with lines ls 2 title 'median'

# x̂: x and the combining circumflex U+0302, which the PNG and a UTF-8 terminal both draw
set title "with batch normalization: γ x̂ + β moves only as γ, β learn"
plot datadir.'/shift.dat' using 1:5:7 with filledcurves lc rgb '#c6dbef' title '15th to 85th (reference)', \
     '' using 1:6 with lines ls 1 title 'median (reference)', \
     '' using 1:8 with lines ls 11 title yours.' (15th, 50th, 85th)', \
     '' using 1:9 with lines ls 11 notitle, \
     '' using 1:10 with lines ls 11 notitle

set title "loss on the probe set (mean cross-entropy)"
set ylabel "loss"
set yrange [0:*]
set offsets 0, 0, graph 0.05, 0
plot datadir.'/shift.dat' using 1:11 with lines ls 2 title 'without BN', \
     '' using 1:12 with lines ls 1 title 'with BN (reference)', \
     '' using 1:13 with lines ls 11 title yours
unset multiplot
