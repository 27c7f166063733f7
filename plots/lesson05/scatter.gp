# Two features of the breast cancer data before and after standardization: mean area (hundreds to
# thousands) against mean smoothness (about 0.1). Left: as measured, both axes on one scale, as a
# distance or a gradient step sees them: smoothness is invisible. Middle: the usual plot, each axis
# stretched on its own. Right: standardized with the training rows' mean and std; now the data
# itself has the shape of the middle plot, on one scale.
eval png_size(1800, 640)
set multiplot layout 1,3 title sprintf(tr("Breast cancer, %d rows: mean area vs mean smoothness, standardized with the mean and std of the %d training rows", "유방암 데이터 %d행: mean area와 mean smoothness, 훈련 행 %d개의 평균과 표준편차로 표준화"), rows, n_train).note
set key top right box opaque font ",10"
malignant = "lc rgb '#e6550d'"
benign = "lc rgb '#3182bd'"

set title tr("As measured, one scale on both axes", "측정한 그대로, 두 축을 같은 눈금으로")
set xlabel tr("mean area", "mean area (평균 면적)")
set ylabel tr("mean smoothness", "mean smoothness (평균 매끄러움)")
set size ratio -1
set xrange [0:2600]
set yrange [-1300:1300]
set label 1 sprintf(tr("smoothness spans only %g:\nevery point sits on y = 0.1", "smoothness의 범위는 %g뿐이라\n모든 점이 y = 0.1 한 줄에 몰린다"), smooth_span) at 1300,-400 center font ",10"
plot datadir.'/raw_0.dat' using 1:2 with points pt 7 ps 0.5 @malignant title tr('malignant', '악성'), \
     datadir.'/raw_1.dat' using 1:2 with points pt 7 ps 0.5 @benign title tr('benign', '양성')
unset label 1

set title sprintf(tr("As measured, each axis stretched (area spans %g)", "측정한 그대로, 축마다 따로 늘려서 (area의 범위는 %g)"), area_span)
set size noratio
set xrange [0:2600]
set yrange [0.04:0.18]
plot datadir.'/raw_0.dat' using 1:2 with points pt 7 ps 0.5 @malignant title tr('malignant', '악성'), \
     datadir.'/raw_1.dat' using 1:2 with points pt 7 ps 0.5 @benign title tr('benign', '양성')

set title tr("Standardized, one scale on both axes", "표준화한 뒤, 두 축을 같은 눈금으로")
set xlabel sprintf(tr("mean area: z = (x - %g) / %g", "mean area (평균 면적): z = (x - %g) / %g"), area_mean, area_std)
set ylabel sprintf(tr("mean smoothness: z = (x - %g) / %g", "mean smoothness (평균 매끄러움): z = (x - %g) / %g"), smooth_mean, smooth_std)
set size ratio -1
set xrange [-3:6]
set yrange [-4:5]
plot datadir.'/ref_0.dat' using 1:2 with points ls 2 pt 7 ps 1.3 title reference.tr(', malignant', ', 악성'), \
     datadir.'/ref_1.dat' using 1:2 with points ls 1 pt 7 ps 1.3 title reference.tr(', benign', ', 양성'), \
     datadir.'/yours_0.dat' using 1:2 with points ls 12 pt 7 ps 0.35 title yours.tr(', malignant', ', 악성'), \
     datadir.'/yours_1.dat' using 1:2 with points ls 11 pt 7 ps 0.35 title yours.tr(', benign', ', 양성')
unset multiplot
