# The misclassified test digits as their 8x8 images, each labelled "true→predicted".
fig_title = sprintf("The %d misclassified test digits of %s (label: true→predicted)", n_wrong, whose)
if (!is_png) { eval png_only_figure("the images of the digits") }
eval png_size(900, 200 + 120 * (wrong_rows > 0 ? wrong_rows : 1))
set title fig_title.note noenhanced
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
    set label 100 "no digit misclassified" at 36, 3 center
    plot NaN notitle
}
