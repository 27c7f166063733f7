# registry.sh: lessons/registry.tsv, the one list of lessons, read once by the bash tools that
# source it (from the repo's root): REG_LESSONS (the numbers, in order) and REG_SLUG, REG_FILE,
# REG_POINTS, REG_TITLE by number; registry_field NN COLUMN prints one (2 slug, 3 file,
# 4 points, 5 title), as `workbook field` does.
declare -a REG_LESSONS=()
declare -A REG_SLUG=() REG_FILE=() REG_POINTS=() REG_TITLE=()
while IFS=$'\t' read -r reg_num reg_slug reg_file reg_points reg_title; do
    case $reg_num in '' | '#'*) continue ;; esac
    REG_LESSONS+=("$reg_num")
    REG_SLUG[$reg_num]=$reg_slug REG_FILE[$reg_num]=$reg_file
    REG_POINTS[$reg_num]=$reg_points REG_TITLE[$reg_num]=$reg_title
done <lessons/registry.tsv
unset reg_num reg_slug reg_file reg_points reg_title

registry_field() {
    case $2 in
        2) echo "${REG_SLUG[$1]-}" ;; 3) echo "${REG_FILE[$1]-}" ;;
        4) echo "${REG_POINTS[$1]-}" ;; 5) echo "${REG_TITLE[$1]-}" ;;
    esac
}
