# results.jq: a student's results.json, in Gradescope's autograder format, from the stream that
# checker/grade/report.awk writes (jq -n -R -f results.jq <.results.tsv >results.json):
#   result SCORE OUTPUT STUDENT MAX_SCORE SEED SANDBOX
#   lesson NN TITLE SCORE MAX_SCORE STATUS FILE WHY LOG PASSED TESTS   (one per lesson, in extra_data)
#   test NAME NUMBER SCORE MAX_SCORE STATUS VISIBILITY OUTPUT      (one per test)
# one record a line, its fields tab-separated, with \\, \n and \t escaped. jq writes the JSON, so
# every string is escaped right, whatever it holds (backslashes, quotes, control characters,
# bytes that are not UTF-8: jq reads those as U+FFFD).

# unesc: a field's text. Split at the escaped backslashes first, so that "\\n" stays a backslash
# and an n (not gsub: jq 1.6's is slow on long texts).
def unesc: split("\\\\") | map(split("\\n") | join("\n") | split("\\t") | join("\t")) | join("\\");

[inputs | split("\t") | map(unesc)] as $records
| ($records | map(select(.[0] == "result")) | first) as $r
| {
    score: ($r[1] | tonumber),
    output: $r[2],
    visibility: "visible",
    stdout_visibility: "hidden",
    extra_data: {student: $r[3], max_score: ($r[4] | tonumber), seed: $r[5], sandbox: ($r[6] == "true"),
        lessons: [$records[] | select(.[0] == "lesson") | {
            lesson: .[1], title: .[2], score: (.[3] | tonumber), max_score: (.[4] | tonumber), status: .[5],
            file: .[6], why: .[7], log: .[8], passed: (.[9] | tonumber), tests: (.[10] | tonumber)
        }]},
    tests: [$records[] | select(.[0] == "test") | {
        name: .[1], number: .[2], score: (.[3] | tonumber), max_score: (.[4] | tonumber),
        status: .[5], visibility: .[6], output: .[7]
    }]
  }
