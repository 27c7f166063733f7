# Two features of the breast cancer data before and after standardization: mean area (hundreds to
# thousands) against mean smoothness (about 0.1). Left: as measured, both axes on one scale, as a
# distance or a gradient step sees them: smoothness is invisible. Middle: the usual plot, each axis
# stretched on its own. Right: standardized with the training rows' mean and std; now the data
# itself has the shape of the middle plot, on one scale.
eval png_size(1800, 640)
set multiplot layout 1,3 title sprintf("Breast cancer, %d rows: mean area vs mean smoothness, standardized with the mean and std of the %d training rows", rows, n_train).note
set key top right box opaque font ",10"
malignant = "lc rgb '#e6550d'"
benign = "lc rgb '#3182bd'"

set title "As measured, one scale on both axes"
set xlabel "mean area"
set ylabel "mean smoothness"
set size ratio -1
set xrange [0:2600]
set yrange [-1300:1300]
set label 1 sprintf("smoothness spans only %g:\nevery point sits on y = 0.1", smooth_span) at 1300,-400 center font ",10"
plot datadir.'/raw_0.dat' using 1:2 with points pt 7 ps 0.5 @malignant title 'malignant', \
     datadir.'/raw_1.dat' using 1:2 with points pt 7 ps 0.5 @benign title 'benign'
unset label 1

set title sprintf("As measured, each axis stretched (area spans %g)", area_span)
set size noratio
set xrange [0:2600]
set yrange [0.04:0.18]
plot datadir.'/raw_0.dat' using 1:2 with points pt 7 ps 0.5 @malignant title 'malignant', \
     datadir.'/raw_1.dat' using 1:2 with points pt 7 ps 0.5 @benign title 'benign'

set title "Standardized, one scale on both axes"
set xlabel sprintf("mean area: z = (x - %g) / %g", area_mean, area_std)
set ylabel sprintf("mean smoothness: z = (x - %g) / %g", smooth_mean, smooth_std)
set size ratio -1
set xrange [-3:6]
set yrange [-4:5]
plot datadir.'/ref_0.dat' using 1:2 with points ls 2 pt 7 ps 1.3 title 'reference, malignant', \
     datadir.'/ref_1.dat' using 1:2 with points ls 1 pt 7 ps 1.3 title 'reference, benign', \
     datadir.'/yours_0.dat' using 1:2 with points ls 12 pt 7 ps 0.35 title yours.', malignant', \
     datadir.'/yours_1.dat' using 1:2 with points ls 11 pt 7 ps 0.35 title yours.', benign'
unset multiplot
