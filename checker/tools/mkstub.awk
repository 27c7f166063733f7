# mkstub.awk: makes a lesson's stub from its reference solution.
#
# In a solution, the code a student writes stands between two marker lines:
#     /* SOLUTION BEGIN */
#     ...
#     /* SOLUTION END return 0.0; */
# The stub keeps everything else and puts in place of each block a TODO comment, the
# WB_TODO() call that lets the checker say "not written yet", and the statement that follows
# END, if any (a placeholder return value). Usage: awk -f mkstub.awk solution.c > stub.c
/\/\* SOLUTION BEGIN \*\// {
    if (inside) { print FILENAME ":" FNR ": SOLUTION BEGIN inside another block" > "/dev/stderr"; exit 1 }
    inside = 1
    match($0, /^[ \t]*/)
    indent = substr($0, 1, RLENGTH)
    next
}
/\/\* SOLUTION END/ {
    if (!inside) { print FILENAME ":" FNR ": SOLUTION END without BEGIN" > "/dev/stderr"; exit 1 }
    inside = 0
    placeholder = $0
    sub(/^.*\/\* SOLUTION END[ \t]*/, "", placeholder)
    sub(/[ \t]*\*\/[ \t]*$/, "", placeholder)
    print indent "/* TODO: write this (the formula is in the comment above). */"
    print indent "WB_TODO();"
    if (placeholder != "") print indent placeholder
    next
}
!inside { print }
END {
    if (inside) { print FILENAME ": SOLUTION BEGIN without END" > "/dev/stderr"; exit 1 }
}
