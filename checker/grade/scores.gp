# scores.gp: the class's score distribution, one box per lesson with every student as a dot.
#   gnuplot -e "datafile='scores.dat'; boxfile='scores.box'; labels='scores.labels.gp'; outfile='scores.png'" scores.gp
# From report.awk: scores.dat: lesson index, score in % of the lesson's points (one line per
# student); scores.box: lesson index, quartiles, range, median and mean; labels.gp: nlessons,
# nstudents and the x tics (lesson number and title).
load labels
set terminal pngcairo size (nlessons > 4 ? 180 * nlessons + 200 : 900), 600 enhanced font 'DejaVu Sans,11'
set output outfile
set encoding utf8
set title sprintf("Score distribution per lesson (%d student%s)", nstudents, nstudents == 1 ? "" : "s")
set ylabel "score (% of the lesson's points)"
set yrange [-5:105]
set ytics 0, 20, 100
set xrange [0.4 : nlessons + 0.6]
set grid ytics lc rgb '#c8c8c8'
set key outside top center horizontal samplen 1.5 spacing 1.2
set style fill solid 0.25 border lc rgb '#08519c'
set boxwidth 0.5
set bmargin 6
# The dots are spread sideways (a fixed pseudo-random jitter) so that equal scores stay visible.
jitter(x) = x + 0.34 * (rand(0) - 0.5)
plot boxfile using 1:2:3:4:5 with candlesticks whiskerbars 0.5 lc rgb '#08519c' title 'quartiles and range', \
     boxfile using ($1 - 0.25):6:(0.5):(0) with vectors nohead lc rgb '#08519c' lw 3 title 'median', \
     datafile using (jitter($1)):2 with points pt 7 ps 0.8 lc rgb '#a63603' title 'one student', \
     boxfile using 1:7 with points pt 9 ps 1.8 lc rgb '#222222' title 'mean'
