# The confusion matrix on the test digits: how often each true digit (row) got each prediction
# (column); the diagonal is right.
# The driver writes whose network is shown as a number (epochs_yours is 0 when mlp_train is not
# written yet); the words are here, in both languages.
whose_shown = epochs_yours > 0 ? tr("your network", "내 신경망") : tr('the reference network (mlp\_train is not written yet)', '기준 신경망 (mlp\_train을 아직 쓰지 않음)')
fig_title = tx(sprintf(tr("Confusion matrix of %s on the %d test digits (accuracy %.1f%%)", "혼동 행렬: %s, 테스트 숫자 %d개 (정확도 %.1f%%)"), whose_shown, n_test, 100 * acc_shown))
if (!is_png) { eval png_only_figure("a heat map of counts") }
eval png_size(800, 720)
set title fig_title.note
set xlabel tr("predicted digit", "예측한 숫자")
set ylabel tr("true digit", "정답 숫자")
set xrange [-0.5:9.5]
set yrange [9.5:-0.5]
set xtics 1
set ytics 1
set grid front
unset key
set cblabel tr("test digits", "테스트 숫자의 수")
set palette defined (0 '#ffffff', 1 '#c6dbef', 8 '#4292c6', 40 '#08306b')
set cbrange [0:40]
plot datadir.'/confusion.dat' using 1:2:3 with image notitle, \
     '' using 1:2:($3 > 0 ? sprintf('%d', $3) : '') with labels font ',10' textcolor rgb '#d94801' notitle
