# i18n.sh: the bash tools' messages in the reader's language, with GNU gettext (gettext "text",
# and eval_gettext "text with \$var" as gettext.sh defines it), in the text domain "workbook" whose
# catalogs the build compiles from po/LANG.po into $B/locale. Sourced by checker/tools/workbook
# and the grader, after ROOT and B are set.
#
# The language is chosen as checker/core/i18n.c chooses it, so that the tools and the checker
# agree: WB_LANG when set (WB_LANG=ko), else gettext's own rule (LANGUAGE, outside the C
# locale named by LC_ALL, LC_MESSAGES or LANG); English in the C locale. Only the messages'
# locale changes: sort, awk and printf keep the caller's.

# WB_LANGUAGE: the messages' language, empty for English (set here without a subshell: every
# tool sources this file at its start).
WB_LANGUAGE=${WB_LANG:-}
if [ -z "$WB_LANGUAGE" ]; then
    case ${LC_ALL:-${LC_MESSAGES:-${LANG:-}}} in
        '' | C | POSIX | C.*) ;;
        *) WB_LANGUAGE=${LANGUAGE:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}} ;;
    esac
fi
export TEXTDOMAIN=workbook
case $B in /*) TEXTDOMAINDIR=$B/locale ;; *) TEXTDOMAINDIR=$ROOT/$B/locale ;; esac
export TEXTDOMAINDIR
# the checker (checker/core/i18n.c) reads its catalogs from the same folder
export WB_LOCALEDIR=$TEXTDOMAINDIR

# wb_subst TEMPLATE MSGID: TEMPLATE with each $NAME or ${NAME} that MSGID names replaced by the
# variable's value, as gettext.sh's eval_gettext does with envsubst, but without a process
# (a tool says many of these); a value is never read again as a template.
wb_subst() {
    local wb_t=$1 wb_out="" wb_var
    while [[ $wb_t == *'$'* ]]; do
        wb_out+=${wb_t%%\$*}
        wb_t=${wb_t#*\$}
        if { [[ $wb_t =~ ^\{([A-Za-z_][A-Za-z0-9_]*)\}(.*)$ ]] || [[ $wb_t =~ ^([A-Za-z_][A-Za-z0-9_]*)(.*)$ ]]; } &&
            [[ $2 == *"\$${BASH_REMATCH[1]}"* || $2 == *"\${${BASH_REMATCH[1]}}"* ]]; then
            wb_var=${BASH_REMATCH[1]}
            wb_out+=${!wb_var-}
            wb_t=${BASH_REMATCH[2]}
        else
            wb_out+='$'
        fi
    done
    printf '%s' "$wb_out$wb_t"
}

# eval_gettext MSGID / eval_ngettext MSGID MSGID_PLURAL N: the translation with the variables
# MSGID names substituted (gettext.sh's interface).
eval_gettext() {
    if [ -n "$WB_LANGUAGE" ]; then wb_subst "$(gettext "$1")" "$1"; else wb_subst "$1" "$1"; fi
}
eval_ngettext() {
    if [ -n "$WB_LANGUAGE" ]; then
        wb_subst "$(ngettext "$1" "$2" "$3")" "$1 $2"
    elif [ "$3" = 1 ]; then
        wb_subst "$1" "$1"
    else
        wb_subst "$2" "$2"
    fi
}

# gettext TEXT / ngettext ONE MANY N: the translation, or the English text itself without
# starting a process when the language is English or gettext is not installed.
gettext() {
    if [ -n "$WB_LANGUAGE" ] && command -v gettext >/dev/null 2>&1; then
        LANGUAGE=$WB_LANGUAGE LC_ALL=C.UTF-8 command gettext "$1"
    else
        printf '%s' "$1"
    fi
}
ngettext() {
    if [ -n "$WB_LANGUAGE" ] && command -v ngettext >/dev/null 2>&1; then
        LANGUAGE=$WB_LANGUAGE LC_ALL=C.UTF-8 command ngettext "$1" "$2" "$3"
    else
        if [ "$3" = 1 ]; then printf '%s' "$1"; else printf '%s' "$2"; fi
    fi
}
