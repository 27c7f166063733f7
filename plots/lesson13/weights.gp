# The first layer's weights: each hidden unit's 64 incoming weights drawn as the 8x8 image they
# are matched against (blue negative, red positive).
# The driver writes whose network is shown as a number (epochs_yours is 0 when mlp_train is not
# written yet); the words are here, in both languages.
whose_shown = epochs_yours > 0 ? tr("your network", "내 신경망") : tr('the reference network (mlp\_train is not written yet)', '기준 신경망 (mlp\_train을 아직 쓰지 않음)')
fig_title = tx(sprintf(tr("First-layer weights of %s: one 8x8 image per hidden unit", "첫 층의 가중치: %s, 은닉 뉴런마다 8x8 이미지 하나"), whose_shown))
if (!is_png) { eval png_only_figure("64 small images of weights") }
eval png_size(900, 900)
set title fig_title.note
unset xtics
unset ytics
unset key
unset grid
set size ratio -1
set palette defined (-1 '#2166ac', 0 '#f7f7f7', 1 '#b2182b')
set cbrange [-0.8:0.8]
set cblabel tr("weight", "가중치")
set xrange [-0.5:71.5]
set yrange [71.5:-0.5]
plot datadir.'/weights.dat' matrix with image notitle
