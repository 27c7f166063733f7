# 300 draws of U[0.0001, 1] and 300 log-uniform draws on the same range, on a log axis: uniform
# draws crowd into the last decade, log-uniform ones spread evenly over all four.
eval png_size(1300, 540)
set title sprintf(tr("%d uniform and %d log-uniform draws on [0.0001, 1]; below 0.01 (reference): %d uniform, %d log-uniform", "[0.0001, 1]에서 균일 분포로 %d개, 로그 균일 분포로 %d개 추출 (0.01 미만인 값, 기준: 균일 %d개, 로그 균일 %d개)"), n_samples, n_samples, small_uniform, small_log).note
set logscale x
set xrange [1e-4:1]
set format x fmt10('%T')
set xlabel tr("sampled value (log axis)", "추출한 값 (로그 축)")
set yrange [0.4:4.6]
set ytics (tr("log-uniform", "로그 균일").", ".yours 1, tr("log-uniform", "로그 균일").", ".reference 2, \
           tr("uniform", "균일").", ".yours 3, tr("uniform", "균일").", ".reference 4)
set grid xtics noytics
set key off
set lmargin 24
plot datadir.'/samples_ref.dat' using 1:($2 + $3) with points pt 7 ps 0.5 lc rgb '#3182bd' notitle, \
     datadir.'/samples_yours.dat' using 1:($2 + $3) with points pt 7 ps 0.5 lc rgb '#a63603' notitle
