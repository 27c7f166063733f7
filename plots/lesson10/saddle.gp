# The notes' saddle f = x^2 - y^2 (the Optimization blog post): the surface with the curves along the Hessian's
# eigenvectors through (0, 0), and a top view with Newton's method and its gradient-step fallback.
fig_title = tr("The saddle point of f(x, y) = x^2 - y^2 at (0, 0)", "f(x, y) = x^2 - y^2의 (0, 0)에 있는 안장점")
if (!is_png) { eval png_only_figure("a surface and a top view with contours") }
eval png_size(1500, 650)
set multiplot layout 1,2 title fig_title.note

# The driver writes numbers and codes; the words are here. your_*_status: why a function of yours
# gave nothing ('' when it ran).
eigs(hi, lo) = sprintf(tr("eigenvalues %g and %g", "고윳값 %g, %g"), hi, lo)
your_eigs = your_eigs_status ne '' ? your_eigs_status \
          : your_eig_hi == your_eig_hi ? eigs(your_eig_hi, your_eig_lo) : tr("not finite", "유한하지 않음")
kind_name(k) = k == 1 ? tr("a minimum", "극소점") : k == 2 ? tr("a maximum", "극대점") \
             : k == 3 ? tr("a saddle", "안장점") : k == 4 ? tr("degenerate", "퇴화") : tr("invalid", "잘못된 입력")
your_kind_text = your_kind_status ne '' ? your_kind_status : kind_name(your_kind)
set title sprintf(tr("The Hessian's %s: up along one eigenvector, down along the other\nyour hessian\\_central: %s; your classify\\_critical\\_point: %s", \
                     "헤시안 행렬의 %s: 한 고유벡터를 따라 올라가고 다른 고유벡터를 따라 내려간다\n내 hessian\\_central: %s, 내 classify\\_critical\\_point: %s"), \
    eigs(ref_eig_hi, ref_eig_lo), your_eigs, your_kind_text)
set xlabel "x"
set ylabel "y"
set zlabel "f" rotate by 90
set xrange [-1:1]
set yrange [-1:1]
set zrange [-1.1:1.1]
set view 55, 35
set ticslevel 0
set key at screen 0.03, 0.80 left Left reverse box opaque font ",10"
splot datadir.'/saddle_grid.dat' using 1:2:3 with lines lc rgb '#d0d0d0' notitle, \
      datadir.'/saddle_eig_ref.dat' index 1 using 1:2:3 with lines ls 1 title tr('along the eigenvector of +2', '고윳값 +2의 고유벡터 방향').' ('.reference.')', \
      datadir.'/saddle_eig_ref.dat' index 0 using 1:2:3 with lines ls 2 title tr('along the eigenvector of -2', '고윳값 -2의 고유벡터 방향').' ('.reference.')', \
      datadir.'/saddle_eig_yours.dat' using 1:2:3 with lines ls 11 title tr("your Hessian's eigenvectors", "내 헤시안 행렬의 고유벡터"), \
      '+' using (0):(0):(0) every ::0::0 with points pt 7 ps 1.5 lc rgb '#000000' title tr('the saddle point', '안장점')

set title tr("Top view: where H is not positive definite, Newton takes gradient steps (fallback\\_lr = 0.1)\nthe full Newton step -H^{-1}∇f would jump straight onto the saddle", \
             "위에서 본 모습: H가 양의 정부호가 아니면 뉴턴 방법은 경사하강 걸음을 내딛는다 (fallback\\_lr = 0.1)\n온전한 뉴턴 걸음 -H^{-1}∇f를 쓰면 곧장 안장점으로 뛰어든다")
set view map
set size ratio -1
set contour base
unset surface
set cntrparam levels incremental -1, 0.2, 1
set table datadir.'/saddle_contours.dat'
splot datadir.'/saddle_grid.dat' using 1:2:3 with lines
unset table
unset contour
set size ratio -1
set key bmargin center horizontal nobox font ",10" maxrows 2
set bmargin 6
plot datadir.'/saddle_contours.dat' using 1:2 with lines lc rgb '#cccccc' notitle, \
     '+' using (-0.9):(0):(1.8):(0) every ::0::0 with vectors nohead lc rgb '#9ecae1' lw 3 title tr('eigenvector of +2', '고윳값 +2의 고유벡터'), \
     '+' using (0):(-0.9):(0):(1.8) every ::0::0 with vectors nohead lc rgb '#fdae6b' lw 3 title tr('eigenvector of -2', '고윳값 -2의 고유벡터'), \
     '+' using (saddle_x0):(saddle_y0):(-saddle_x0):(-saddle_y0) every ::0::0 with vectors head filled dt 3 lc rgb '#444444' title tr('full Newton step', '온전한 뉴턴 걸음'), \
     datadir.'/saddle_path_ref.dat' using 2:3 with lines ls 3 title 'newton\_run ('.reference.')', \
     datadir.'/saddle_path_yours.dat' using 2:3 with linespoints ls 13 title 'newton\_run ('.yours.')', \
     '+' using (0):(0) every ::0::0 with points pt 7 ps 1.5 lc rgb '#000000' notitle
unset multiplot
