# complete.awk: awk -f complete.awk SUBMISSION STUB prints the stub's definitions of the functions
# SUBMISSION does not define, to be appended to it. A hostile submission of the corpus attacks
# through the functions it defines; the functions its lesson gained after it was written come
# from the lesson's stub (WB_TODO), so that it still links and its attack is what is graded.
# A definition is a line at the start of the file's column that names NAME( and does not end
# with ';' (or declares NAME an ifunc or an alias); it ends at the first line that is "}". A
# submission that #includes a .c file gets its definitions from there: it is left as it is.
function defined_name(line) {
    if (line !~ /^[A-Za-z_]/ || (line ~ /;[ \t]*$/ && line !~ /(ifunc|alias)\(/) ||
        !match(line, /[A-Za-z_][A-Za-z0-9_]*\(/))
        return ""
    return substr(line, RSTART, RLENGTH - 1)
}
FNR == NR && /^[ \t]*#[ \t]*include[ \t]*"[^"]*\.c"/ { includes_c = 1 }
FNR == NR { name = defined_name($0); if (name != "") defined[name] = 1; next }
includes_c { exit }
!copying && (name = defined_name($0)) != "" && !(name in defined) { copying = 1; print "" }
copying { print }
copying && /^}/ { copying = 0 }
