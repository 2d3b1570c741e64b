#!/usr/bin/env bash
# Hostile input to every importer and to `append` (issue 6).
#
#   Tests/Faults/hostile.sh
#
# For each input format (append's JSON Lines, zca, oa-webhook, zalo-web, roster-csv) and each kind of hostile
# unit (invalid UTF-8, a 100 MB line, element or record, 10,000-deep nesting, a raw NUL byte, an RTL override in
# an id, a look-alike digit in a Zalo id, a duplicate key or column, a number where an id goes), a file holds a
# good unit, the hostile one, and (for the line formats) another good unit; hostile-inputs.py writes them.
# Required: exit 65; a message naming the file and the unit (line 2, element 1, row 3); every file of the ledger
# byte for byte as before (except `lock`, the writer's note); and peak resident memory within 64 MiB of the same
# command on the good units alone. Kinds that do not apply are listed as such (CSV has no nesting; append's and
# OA's ids are free-form, so look-alikes are theirs to keep).
source "$(dirname "$0")/lib.sh"

need_cmd python3
ensure_gl
[ -x /usr/bin/time ] || skip_all "needs /usr/bin/time (apt-get install time)"
BASE=$(mktemp -d "${TMPDIR:-/tmp}/gl-hostile.XXXXXX")
trap 'rm -rf "$BASE"' EXIT
IN=$BASE/in
must python3 "$FAULTS_DIR/hostile-inputs.py" "$IN"
L=$BASE/L

# run_import FORMAT FILE: the command for FORMAT on FILE; its stderr in $BASE/err, peak RSS (KiB) in $BASE/rss.
run_import() {
    local format=$1 file=$2 cmd
    case $format in
        append) cmd=("$GL" append --ledger "$L" "$file") ;;
        zalo-web) cmd=("$GL" import zalo-web --ledger "$L" --account 7301000000000000002 "$file") ;;
        roster-csv) cmd=("$GL" import roster-csv --ledger "$L" --as-of 2026-11-29T08:00:00+07:00 "$file") ;;
        *) cmd=("$GL" import "$format" --ledger "$L" "$file") ;;
    esac
    /usr/bin/time -f '%M' -o "$BASE/rss" "${cmd[@]}" > /dev/null 2> "$BASE/err"
}

# The ledger's files and their digests, without the writer's lock note.
snapshot() { (cd "$L" && find . -type f ! -name lock -print0 | sort -z | xargs -0 sha256sum); }

# where_of FORMAT KIND: the unit the message must name (a roster's duplicate column is in its header, row 1).
where_of() {
    case $1/$2 in
        roster-csv/duplicate-key) echo "row 1" ;; roster-csv/*) echo "row 3" ;; zalo-web/*) echo "element 1" ;;
        *) echo "line 2" ;;
    esac
}

for format in append zca oa-webhook zalo-web roster-csv; do
    rm -rf "$L"
    must "$GL" init --ledger "$L" --origin "$ORIGIN/hostile" > /dev/null
    run_import "$format" "$IN/$format.good" || { fail "$format: the good units alone are refused: $(cat "$BASE/err")"; continue; }
    baseline=$(tail -n 1 "$BASE/rss")
    before=$(snapshot)
    for kind in invalid-utf8 100mb-unit deep-nesting nul-byte rtl-override homoglyph-id duplicate-key number-id; do
        file=$IN/$format.$kind
        if [ ! -f "$file" ]; then
            say "n/a  $format $kind"
            continue
        fi
        status=0
        run_import "$format" "$file" || status=$?
        rss=$(tail -n 1 "$BASE/rss")
        problem=""
        [ "$status" = 65 ] || problem="exit $status, not 65"
        where=$(where_of "$format" "$kind")
        grep -q "$(basename "$file") $where" "$BASE/err" \
            || problem="$problem; the message does not name $(basename "$file") $where"
        [ "$(snapshot)" = "$before" ] || problem="$problem; the ledger changed"
        [ "$rss" -le $((baseline + 65536)) ] || problem="$problem; peak RSS $((rss / 1024)) MiB, more than 64 MiB over $((baseline / 1024)) MiB"
        if [ -n "$problem" ]; then
            fail "$format $kind:${problem#;} ($(head -c 300 "$BASE/err" | tr '\n' ' '))"
        else
            pass "$format $kind: exit 65, $(grep -m1 -o "$(basename "$file") [^:]*" "$BASE/err"), ledger unchanged, peak RSS $((rss / 1024)) MiB (good units: $((baseline / 1024)) MiB)"
        fi
    done
done
finish
