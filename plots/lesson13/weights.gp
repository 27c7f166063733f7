# The first layer's weights: each hidden unit's 64 incoming weights drawn as the 8x8 image they
# are matched against (blue negative, red positive).
fig_title = sprintf("First-layer weights of %s: one 8x8 image per hidden unit", whose)
if (!is_png) { eval png_only_figure("64 small images of weights") }
eval png_size(900, 900)
set title fig_title.note noenhanced
unset xtics
unset ytics
unset key
unset grid
set size ratio -1
set palette defined (-1 '#2166ac', 0 '#f7f7f7', 1 '#b2182b')
set cbrange [-0.8:0.8]
set cblabel "weight"
set xrange [-0.5:71.5]
set yrange [71.5:-0.5]
plot datadir.'/weights.dat' matrix with image notitle
