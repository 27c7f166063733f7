# The three learning-rate schedules from lr0 = 0.1 over 100 epochs.
eval png_size(1400, 750)
set title tx(tr("Learning-rate schedules from lr_0 = 0.1", "lr_0 = 0.1에서 시작하는 학습률 담금질")).note
set xlabel tr("epoch", "세대(epoch)")
set ylabel tr("learning rate", "학습률")
set xrange [0:100]
set yrange [0:0.105]
set key top right
plot datadir.'/sched_ref.dat' using 1:2 with steps ls 1 title tx(tr('step decay (step\_size 30, γ 0.5)', '계단식 감쇠 (step\_size 30, γ 0.5)')), \
     datadir.'/sched_ref.dat' using 1:3 with lines ls 2 title tr('exponential (γ 0.97)', '지수 감쇠 (γ 0.97)'), \
     datadir.'/sched_ref.dat' using 1:4 with lines ls 3 title tx(tr('cosine (lr_{min} 0.001, t_{max} 80)', '코사인 담금질 (lr_{min} 0.001, t_{max} 80)')), \
     datadir.'/sched_yours.dat' using 1:2 with steps ls 11 title tx(yours.': lr\_step\_decay'), \
     datadir.'/sched_yours.dat' using 1:3 with lines ls 12 title tx(yours.': lr\_exponential'), \
     datadir.'/sched_yours.dat' using 1:4 with lines ls 13 title tx(yours.': lr\_cosine')
