# The distribution of 100 mini-batches' activations before and after inverted dropout, for the
# notes' input rate (p = 0.2) and hidden rate (p = 0.5): a fraction p of the units become exact
# zeros (counted in the panel's box, not binned), and every kept value is stretched by 1/(1-p).
eval png_size(1500, 620)
array layer_name[2] = [tr("input layer", "입력층"), tr("hidden layer", "은닉층")]
set multiplot layout 1,2 title sprintf(tr("Activations of 100 mini-batches (%d values each) before and after inverted dropout", "미니배치 100개(각각 값 %d개)의 활성 값: 역 드롭아웃 전과 후"), batch).note
set xlabel tr("activation (positive values; the exact zeros are counted in the box)", "활성 값 (양수만 그림, 정확히 0인 값은 상자 안에 따로 셈)")
set ylabel tr("fraction of all activations per bin (log scale)", "구간마다 전체 활성 값에서 차지하는 비율 (로그 눈금)")
set logscale y
set format y fmt10('%L')
set yrange [1e-6:1]
set key top right font ",10"
do for [k=1:2] {
    p = value(sprintf('p_%d', k))
    set xrange [0:value(sprintf('hist_max_%d', k))]
    set title sprintf(tr("%s, p = %g: kept values times 1/(1-p) = %g", "%s, p = %g: 남은 값에 1/(1-p) = %g를 곱한다"), layer_name[k], p, 1.0/(1.0-p))
    zy = value(sprintf('zeros_yours_%d', k))
    zeros = sprintf(tr("exact zeros: %.1f%% before dropout\n%.1f%% after (reference)", "정확히 0인 값: 드롭아웃 전 %.1f%%\n드롭아웃 뒤 %.1f%% (기준)"), \
                    100*value(sprintf('zeros_before_%d', k)), 100*value(sprintf('zeros_ref_%d', k)))
    zeros = zeros.(zy == zy ? sprintf(tr("\n%.1f%% after (yours)", "\n드롭아웃 뒤 %.1f%% (내 코드)"), 100*zy) : "")
    if (k == 1) { set label 1 zeros at graph 0.40, graph 0.45 center front boxed } \
    else { set label 1 zeros at graph 0.97, graph 0.70 right front boxed }
    f = sprintf('%s/hist_%d.dat', datadir, k)
    plot f using 1:2 with histeps ls 20 lw 2 title tr('before dropout', '드롭아웃 전'), \
         f using 1:3 with histeps ls 1 title tr('after dropout', '드롭아웃 뒤').' ('.reference.')', \
         f using 1:4 with histeps ls 11 title tx(yours.' dropout\_forward')
}
unset multiplot
