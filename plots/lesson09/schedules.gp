# The three learning-rate schedules from lr0 = 0.1 over 100 epochs.
if (term ne 'dumb') { set terminal pngcairo size 1400,750 enhanced font 'DejaVu Sans,11' linewidth 1.5 }
set title "Learning-rate schedules from lr_0 = 0.1".note
set xlabel "epoch"
set ylabel "learning rate"
set xrange [0:100]
set yrange [0:0.105]
set key top right
plot datadir.'/sched_ref.dat' using 1:2 with steps ls 1 title 'step decay (step\_size 30, {/Symbol g} 0.5)', \
     datadir.'/sched_ref.dat' using 1:3 with lines ls 2 title 'exponential ({/Symbol g} 0.97)', \
     datadir.'/sched_ref.dat' using 1:4 with lines ls 3 title 'cosine (lr_{min} 0.001, t_{max} 80)', \
     datadir.'/sched_yours.dat' using 1:2 with steps ls 11 title yours.': lr\_step\_decay', \
     datadir.'/sched_yours.dat' using 1:3 with lines ls 12 title yours.': lr\_exponential', \
     datadir.'/sched_yours.dat' using 1:4 with lines ls 13 title yours.': lr\_cosine'
