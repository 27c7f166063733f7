# The distribution of 100 mini-batches' activations before and after inverted dropout, for the
# notes' input rate (p = 0.2) and hidden rate (p = 0.5): a fraction p of the units become exact
# zeros (counted in the panel's box, not binned), and every kept value is stretched by 1/(1-p).
eval png_size(1500, 620)
set multiplot layout 1,2 title sprintf("Activations of 100 mini-batches (%d values each) before and after inverted dropout", batch).note
set xlabel "activation (positive values; the exact zeros are counted in the box)"
set ylabel "fraction of all activations per bin (log scale)"
set logscale y
set format y fmt10('%L')
set yrange [1e-6:1]
set key top right font ",10"
do for [k=1:2] {
    p = value(sprintf('p_%d', k))
    set xrange [0:value(sprintf('hist_max_%d', k))]
    set title sprintf("%s, p = %g: kept values times 1/(1-p) = %g", value(sprintf('layer_%d', k)), p, 1.0/(1.0-p))
    zy = value(sprintf('zeros_yours_%d', k))
    zeros = sprintf("exact zeros: %.1f%% before dropout\n%.1f%% after (reference)", \
                    100*value(sprintf('zeros_before_%d', k)), 100*value(sprintf('zeros_ref_%d', k)))
    zeros = zeros.(zy == zy ? sprintf("\n%.1f%% after (yours)", 100*zy) : "")
    if (k == 1) { set label 1 zeros at graph 0.40, graph 0.45 center front boxed } \
    else { set label 1 zeros at graph 0.97, graph 0.70 right front boxed }
    f = sprintf('%s/hist_%d.dat', datadir, k)
    plot f using 1:2 with histeps ls 20 lw 2 title 'before dropout', \
         f using 1:3 with histeps ls 1 title 'after dropout (reference)', \
         f using 1:4 with histeps ls 11 title tx(yours.' dropout\_forward')
}
unset multiplot
