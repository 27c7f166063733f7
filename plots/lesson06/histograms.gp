# The classic picture of initialisation: the activations of 10 tanh layers, one histogram per
# layer (layer 1 at the bottom), for weights that are too small, Xavier's, and too large.
load 'plots/lesson06/schemes.gpi'
eval png_size(1500, 680)
set multiplot layout 1,3 title tr("Activations of 10 tanh layers (width 128, batch of 200 N(0,1) inputs): one histogram per layer", "tanh 층 10개(너비 128, N(0,1) 입력 200개의 배치)의 활성 값: 층마다 히스토그램 하나").note
set xrange [-1.05:1.05]
set yrange [0.8:11.1]
set ytics 1,1,10
set grid noytics
set xlabel tr("activation h = tanh(z)", "활성 값 h = tanh(z)")
set ylabel tr("layer", "층")
set key bmargin center horizontal nobox font ",10"
set bmargin 6
set style fill transparent solid 0.7 noborder
do for [p=1:3] {
    set title sprintf(tr("%s\nstd at layer 10: %.2g", "%s\n10번째 층의 표준편차: %.2g"), scheme_name[value(sprintf('hist_scheme_%d', p))], value(sprintf('hist_std_%d', p)))
    f = sprintf('%s/hist_%d.dat', datadir, p)
    # an empty stretch of bins is NaN in the data: no baseline there (filledcurves needs both
    # of its y values undefined to leave a gap)
    plot for [l=0:9] f index l using 1:($3 == $3 ? $2 : NaN):3 with filledcurves ls 1 title (l == 0 ? reference : ''), \
         for [l=0:9] f index l using 1:4 with lines ls 11 title (l == 0 ? yours : '')
}
unset multiplot
