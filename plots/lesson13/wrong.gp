# The misclassified test digits as their 8x8 images, each labelled "true→predicted".
# The driver writes whose network is shown as a number (epochs_yours is 0 when mlp_train is not
# written yet); the words are here, in both languages.
whose_shown = epochs_yours > 0 ? tr("your network", "내 신경망") : tr('the reference network (mlp\_train is not written yet)', '기준 신경망 (mlp\_train을 아직 쓰지 않음)')
fig_title = tx(sprintf(tr("The %d misclassified test digits of %s (label: true→predicted)", "잘못 분류한 테스트 숫자 %d개: %s (레이블: 정답→예측)"), n_wrong, whose_shown))
if (!is_png) { eval png_only_figure("the images of the digits") }
eval png_size(900, 200 + 120 * (wrong_rows > 0 ? wrong_rows : 1))
set title fig_title.note
unset xtics
unset ytics
unset key
unset colorbox
unset grid
set size ratio -1
set palette gray negative
set cbrange [0:16]
set xrange [-0.5:71.5]
set yrange [(wrong_rows > 0 ? wrong_rows : 1) * 9 - 0.5:-2.5]
if (n_wrong > 0) {
    plot datadir.'/wrong.dat' matrix with image notitle, \
         datadir.'/wrong_labels.dat' using 1:2:3 with labels font ',9' textcolor rgb '#c00000' notitle
} else {
    set label 100 tr("no digit misclassified", "잘못 분류한 숫자 없음") at 36, 3 center
    plot NaN notitle
}
