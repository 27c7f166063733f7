# ids.awk: whether a student folder's name can be a student's id, and how to show it when not.
#   NAME=name LC_ALL=C awk -f checker/grade/ids.awk
# Prints one line: the name escaped, a tab, and what is wrong with the name (nothing when it can
# be an id). An id is written into the gradebook, the summary, Markdown, JSON and XML, and shown
# in terminals and spreadsheets, so it must be UTF-8 text without
#   - control characters (C0, DEL, C1): a newline or a tab splits a row, ESC drives the terminal;
#   - line separators (U+2028, U+2029): some viewers break the line there;
#   - bidirectional-text controls (Unicode's Bidi_Control: U+061C, U+200E, U+200F,
#     U+202A-U+202E, U+2066-U+2069): they reorder what is shown, so that an id reads as another.
# The escaped form has only printable text: \\ and \" for a backslash and a quote, \n, \t, \r,
# \xHH for other control bytes and bytes that are not UTF-8, \uHHHH for the characters above.
# The name comes in the environment: -v would read its backslashes as escapes. It is read byte by
# byte (mawk always does; gawk does in the C locale).

BEGIN {
    for (i = 1; i < 256; i++) ORD[sprintf("%c", i)] = i
    s = ENVIRON["NAME"]; n = length(s); shown = ""
    for (i = 1; i <= n; i += len) {
        len = utf8(s, i, n)
        if (len == 0) { bad["is not UTF-8 text"] = 1; shown = shown sprintf("\\x%02x", ORD[substr(s, i, 1)]); len = 1; continue }
        shown = shown show(CP, substr(s, i, len))
    }
    why = ""
    split("is not UTF-8 text|has control characters|has line separators|has bidirectional-text controls", order, "|")
    for (k = 1; k <= 4; k++) if (order[k] in bad) why = why (why == "" ? "" : " and ") order[k]
    printf "%s\t%s\n", shown, why
}

# utf8(s, i, n): the length of the UTF-8 sequence at byte i (its code point in CP), or 0 when the
# bytes there are not UTF-8 (a stray continuation byte, a truncated or overlong sequence, a
# surrogate, past U+10FFFF).
function utf8(s, i, n,   c, len, k, b) {
    c = ORD[substr(s, i, 1)]
    if (c < 128) { CP = c; return 1 }
    if (c >= 194 && c <= 223) { len = 2; CP = c - 192 }
    else if (c >= 224 && c <= 239) { len = 3; CP = c - 224 }
    else if (c >= 240 && c <= 244) { len = 4; CP = c - 240 }
    else return 0
    if (i + len - 1 > n) return 0
    for (k = 1; k < len; k++) {
        b = ORD[substr(s, i + k, 1)]
        if (b < 128 || b > 191) return 0
        CP = CP * 64 + b - 128
    }
    if ((len == 3 && CP < 2048) || (len == 4 && CP < 65536) || (CP >= 55296 && CP <= 57343) || CP > 1114111) return 0
    return len
}

# show(cp, bytes): one character as the escaped form shows it; notes in bad[] what is wrong.
function show(cp, bytes) {
    if (cp == 92) return "\\\\"
    if (cp == 34) return "\\\""
    if (cp < 32 || cp == 127) {
        bad["has control characters"] = 1
        if (cp == 10) return "\\n"
        if (cp == 9) return "\\t"
        if (cp == 13) return "\\r"
        return sprintf("\\x%02x", cp)
    }
    if (cp >= 128 && cp <= 159) { bad["has control characters"] = 1; return sprintf("\\u%04x", cp) }
    if (cp == 8232 || cp == 8233) { bad["has line separators"] = 1; return sprintf("\\u%04x", cp) }
    if (cp == 1564 || cp == 8206 || cp == 8207 || (cp >= 8234 && cp <= 8238) || (cp >= 8294 && cp <= 8297)) {
        bad["has bidirectional-text controls"] = 1
        return sprintf("\\u%04x", cp)
    }
    return bytes
}
