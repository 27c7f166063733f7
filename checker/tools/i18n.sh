# i18n.sh: the bash tools' messages in the reader's language, with GNU gettext's gettext.sh
# (gettext "text", eval_gettext "text with \$var"), in the text domain "workbook" whose
# catalogs the build compiles from po/LANG.po into $B/locale. Sourced by checker/tools/workbook
# and the grader, after ROOT and B are set.
#
# The language is chosen as checker/core/i18n.c chooses it, so that the tools and the checker
# agree: WB_LANG when set (WB_LANG=ko), else gettext's own rule (LANGUAGE, outside the C
# locale named by LC_ALL, LC_MESSAGES or LANG); English in the C locale. Only the messages'
# locale changes: sort, awk and printf keep the caller's.

wb_language() {
    if [ -n "${WB_LANG:-}" ]; then printf '%s\n' "$WB_LANG"; return; fi
    local locale=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
    case $locale in '' | C | POSIX | C.*) return ;; esac
    printf '%s\n' "${LANGUAGE:-$locale}"
}

WB_LANGUAGE=$(wb_language)
export TEXTDOMAIN=workbook
case $B in /*) TEXTDOMAINDIR=$B/locale ;; *) TEXTDOMAINDIR=$ROOT/$B/locale ;; esac
export TEXTDOMAINDIR
# the checker (checker/core/i18n.c) reads its catalogs from the same folder
export WB_LOCALEDIR=$TEXTDOMAINDIR

if command -v gettext.sh >/dev/null 2>&1; then
    # shellcheck disable=SC1091
    . gettext.sh
else
    eval_gettext() { local wb_text; wb_text=$(gettext "$1"); eval "printf '%s' \"$wb_text\""; }
    eval_ngettext() { local wb_text; wb_text=$(ngettext "$1" "$2" "$3"); eval "printf '%s' \"$wb_text\""; }
fi

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
