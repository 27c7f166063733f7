# The validation loss of logistic regression on the breast-cancer data (gradient descent, `epochs`
# epochs, L2 weight decay) over the (lr, weight decay) plane, with the points each search tried.
fig_title = sprintf(tr("Validation loss of logistic regression (breast cancer, %d epochs of gradient descent) over the searched plane; cross and ring: the best points", "탐색한 평면 위에서 로지스틱 회귀(유방암 데이터, 경사하강법 %d세대)의 검증 손실 (가위표와 고리: 가장 좋은 점)"), epochs)
if (!is_png) { eval png_only_figure("three heat maps with the points each search tried") }
eval png_size(1650, 600)
set multiplot layout 1,3 title fig_title.note
set xrange [-3:1]
set yrange [-4:0]
set xlabel tr("learning rate", "학습률")
set ylabel tr("weight decay", "가중치 감쇠")
set xtics 1
set ytics 1
set format x "10^{%.0f}"
set format y "10^{%.0f}"
set cblabel tr("validation loss (mean NLL)", "검증 손실 (평균 NLL)")
set cbrange [0:0.7]
set palette defined (0 '#ffffff', 0.25 '#fee8c8', 0.6 '#fdbb84', 1 '#e34a33')
set key bmargin center horizontal nobox font ",10"
set bmargin 6
set grid front
files = "rs gs cf"
do for [p=1:3] {
    n = p == 1 ? tr('random_search (16 trials)', 'random_search (시도 16번)') : p == 2 ? 'grid_search (4 x 4)' \
      : tr('coarse_to_fine (3 x 3, 3 rounds)', 'coarse_to_fine (3 x 3, 3회)')
    # best_yours_K: the number, or why there is none (the status, "not written yet"; or nonfinite,
    # noindex: the best index it returned points at a non-finite loss, or at no trial)
    b = value(sprintf('best_yours_%d', p))
    b = b eq 'nonfinite' ? tr('not finite', '유한하지 않음') : b eq 'noindex' ? tr('no valid index', '올바른 번호 없음') : b
    set title sprintf(tr("%s\nbest val loss: reference %.4f, yours %s", "%s\n가장 낮은 검증 손실: 기준 %.4f, 내 코드 %s"), n, value(sprintf('best_ref_%d', p)), b) noenhanced
    f = word(files, p)
    plot datadir.'/plane.dat' using 1:2:(($3 > 0.7) ? 0.7 : $3) with image notitle, \
         sprintf('%s/%s_ref.dat', datadir, f) using (log10($1)):(log10($2)) with points pt 7 ps 2.2 lc rgb '#6baed6' title reference, \
         sprintf('%s/%s_yours.dat', datadir, f) using (log10($1)):(log10($2)) with points ls 11 ps 1.0 title yours, \
         datadir.'/best_ref.dat' every ::(p-1)::(p-1) using (log10($1)):(log10($2)) with points pt 3 ps 3.5 lc rgb '#2171b5' lw 2 title tr('best, reference', '가장 좋은 점, 기준'), \
         datadir.'/best_yours.dat' every ::(p-1)::(p-1) using (log10($1)):(log10($2)) with points pt 6 ps 2.5 lc rgb '#000000' lw 2 title tr('best, yours', '가장 좋은 점, 내 코드')
}
unset multiplot
