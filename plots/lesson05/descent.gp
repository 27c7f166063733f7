# Gradient descent on the least-squares loss of the class on two features (mean texture, mean
# radius), from w = 0 with lr = 1/L. Raw, the inputs are all positive and of different sizes: the
# loss is a long narrow valley and descent crawls along it. Standardized, the contours are nearly
# round and the same number of steps reaches the minimum. Contours: the loss's excess over its
# minimum as a fraction of the excess at w = 0 (1, 1/4, 1/16, ...).
fig_title = sprintf(tr("Gradient descent on least squares, class ≈ w_1 texture + w_2 radius: %d steps from w = 0 with lr = 1/L", "최소제곱 문제 class ≈ w_1 texture + w_2 radius 위의 경사하강법: w = 0에서 lr = 1/L로 %d번 업데이트"), gd_steps)
if (!is_png) { eval png_only_figure("two panels of paths on the loss contours") }
set contour base
set cntrparam levels discrete 1, 0.25, 0.0625, 0.015625, 0.00390625, 0.0009765625
unset surface
set view map
set table datadir.'/contours_raw.dat'
splot datadir.'/grid_raw.dat' using 1:2:3 with lines
unset table
set table datadir.'/contours_ref.dat'
splot datadir.'/grid_ref.dat' using 1:2:3 with lines
unset table
unset contour

eval png_size(1500, 700)
set multiplot layout 1,2 title fig_title.note
set size ratio -1
set key bmargin center horizontal nobox font ",10"

set title sprintf(tr("Raw features: curvatures differ %.3gx", "원래 특징: 곡률이 %.3g배 다르다"), raw_cond)
set xlabel tr("w_1 (mean texture)", "w_1 (mean texture, 평균 질감)")
set ylabel tr("w_2 (mean radius)", "w_2 (mean radius, 평균 반지름)")
set xrange [raw_x0:raw_x1]
set yrange [raw_y0:raw_y1]
plot datadir.'/contours_raw.dat' using 1:2 with lines lc rgb '#bbbbbb' title tr('loss contours', '손실의 등고선'), \
     datadir.'/path_raw.dat' using 1:2 with linespoints ls 2 pt 7 ps 0.8 title reference, \
     '+' using (raw_wmin1):(raw_wmin2) every ::0::0 with points pt 3 ps 2 lc rgb '#000000' title tr('minimum', '최소점')

set title sprintf(tr("Standardized features: curvatures differ %.3gx", "표준화한 특징: 곡률이 %.3g배 다르다"), ref_cond)
set xlabel tr("w_1 (mean texture, z-score)", "w_1 (mean texture의 표준점수)")
set ylabel tr("w_2 (mean radius, z-score)", "w_2 (mean radius의 표준점수)")
set xrange [ref_x0:ref_x1]
set yrange [ref_y0:ref_y1]
plot datadir.'/contours_ref.dat' using 1:2 with lines lc rgb '#bbbbbb' title tr('loss contours', '손실의 등고선'), \
     datadir.'/path_ref.dat' using 1:2 with linespoints ls 1 pt 7 ps 0.8 title reference, \
     datadir.'/path_yours.dat' using 1:2 with linespoints ls 11 title yours, \
     '+' using (ref_wmin1):(ref_wmin2) every ::0::0 with points pt 3 ps 2 lc rgb '#000000' title tr('minimum', '최소점')
unset multiplot
