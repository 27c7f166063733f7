# The std of each layer's activations against depth, for six initialisations, under tanh and
# under ReLU (width 128, log scale). Healthy schemes keep a flat line: Xavier for tanh, He for ReLU.
load 'plots/lesson06/schemes.gpi'
eval png_size(1500, 720)
# three more reference / yours pairs for the six schemes (ls 1-3, 11-13 come from common.gp)
set style line 4 lc rgb '#bcbddc' lw 6
set style line 5 lc rgb '#fc9272' lw 6
set style line 6 lc rgb '#bdbdbd' lw 6
set style line 14 lc rgb '#54278f' lw 2 dt 2 pt 7 ps 0.6
set style line 15 lc rgb '#a50f15' lw 2 dt 2 pt 7 ps 0.6
set style line 16 lc rgb '#252525' lw 2 dt 2 pt 7 ps 0.6
set multiplot layout 1,2 title tr("Activation std by layer: 10 layers of width 128, a batch of 64 N(0,1) inputs", "층별 활성 값의 표준편차: 너비 128인 층 10개, N(0,1) 입력 64개의 배치").note
set logscale y
set format y fmt10('%L')
set xrange [0:10]
set xtics 0,1,10
set xlabel tr("layer (0 = the input)", "층 (0은 입력)")
set ylabel tr("std of the layer's activations", "층의 활성 값의 표준편차")
set key bmargin center horizontal maxrows 2 nobox font ",10" width -2
set bmargin 8
do for [p=1:2] {
    act = p == 1 ? 'tanh' : 'relu'
    set title (p == 1 ? tr("tanh: Xavier's std decays slowly, smaller weights vanish, N(0,1) saturates", \
                           "tanh: Xavier는 표준편차가 천천히 줄고, 더 작은 가중치에서는 사라지며, N(0,1)은 포화된다") \
                       : tr("ReLU: He keeps the std flat, Xavier halves the variance at every layer", \
                           "ReLU: He는 표준편차를 그대로 지키고, Xavier는 층마다 분산을 절반으로 줄인다"))
    f = sprintf('%s/std_%s.dat', datadir, act)
    plot for [k=1:6] f using 1:(column(2*k)) with lines ls k title scheme_name[k], \
         for [k=1:6] f using 1:(column(2*k+1)) with linespoints ls 10+k notitle, \
         NaN with linespoints ls 16 title yours.tr(' (dashed)', ' (점선)')
}
unset multiplot
