# Shared helpers for the fault-injection scripts in Tests/Faults (sourced, not run).
#
# Every script prints one line per case ("ok ...", "FAIL ...", "SKIPPED (reason)") and ends with
#   <script>: N passed, N failed, N skipped
# Exit status: 0 all passed, 1 something failed, 77 skipped as a whole (a prerequisite is missing).

set -u
FAULTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$FAULTS_DIR/../.." && pwd)
SCRIPT_NAME=$(basename "$0" .sh)
GL=${GROUPLEDGER:-$REPO/.build/debug/groupledger}
STRESS=${LEDGER_STRESS:-$REPO/Fuzz/.build/debug/ledger-stress}
PASSED=0
FAILED=0
SKIPPED=0
XFAILS=0
XFAIL_IDS=""
ORIGIN=example.org/faults

say() { printf '%s\n' "$*"; }
pass() { PASSED=$((PASSED + 1)); [ "${QUIET_OK:-0}" = 1 ] || say "ok   $*"; }
fail() { FAILED=$((FAILED + 1)); say "FAIL $*"; }

# A missing prerequisite: the whole script is skipped, loudly, and never counts as passed.
skip_all() {
    say "SKIPPED ($*)"
    say "$SCRIPT_NAME: 0 passed, 0 failed, 1 skipped"
    exit 77
}

finish() {
    local id counts=""
    for id in $XFAIL_IDS; do counts="$counts $id x${XFAIL_COUNT[$id]}"; done
    [ "$XFAILS" -gt 0 ] && say "XFAIL $XFAILS hit(s) of known bugs:$counts (see Tests/Faults/known-bugs.txt)"
    say "$SCRIPT_NAME: $PASSED passed, $FAILED failed, $SKIPPED skipped"
    [ "$FAILED" -eq 0 ] || exit 1
    exit 0
}

# must CMD...: a step of the harness itself; if it fails the run stops as FAILED (never checks a wrong thing).
must() {
    "$@" || { fail "harness step failed: $*"; say "$SCRIPT_NAME: $PASSED passed, $FAILED failed, $SKIPPED skipped"; exit 1; }
}

need_root() { [ "$(id -u)" = 0 ] || skip_all "needs root: $*"; }
need_cmd() {
    local c
    for c in "$@"; do command -v "$c" > /dev/null 2>&1 || skip_all "needs $c (apt-get install $(pkg_of "$c"))"; done
}
pkg_of() {
    case $1 in
        mkfs.xfs) echo xfsprogs ;; mkfs.ext4 | e2fsck) echo e2fsprogs ;; losetup | mount) echo util-linux ;;
        faketime) echo faketime ;; *) echo "$1" ;;
    esac
}

# Builds what a script needs when it is not there yet (CI builds the main package before running these).
ensure_gl() {
    [ -x "$GL" ] && return
    say "== building groupledger"
    (cd "$REPO" && swift build --product groupledger > /dev/null) || { say "FAIL cannot build groupledger"; exit 1; }
}
ensure_stress() {
    ensure_gl
    [ -x "$STRESS" ] && [ "$STRESS" -nt "$REPO/Fuzz/Sources/ledger-stress/main.swift" ] && return
    say "== building ledger-stress (Fuzz package)"
    (cd "$REPO" && swift build --package-path Fuzz --product ledger-stress > /dev/null) \
        || { say "FAIL cannot build ledger-stress"; exit 1; }
}

# One catalogue-valid event line.
event_line() {
    printf '{"id":"%s","type":"post.created","time":"2026-11-29T10:00:00Z","actor":"7301000000000000001","group":"g-1","data":{"kind":"text","message":"m-%s"},"content":{"text":"Báo cáo %s"}}\n' "$1" "$1" "$1"
}

# events_file FILE PREFIX COUNT: COUNT events with ids PREFIX-1..PREFIX-COUNT.
events_file() {
    local i
    : > "$1"
    for i in $(seq 1 "$3"); do event_line "$2-$i" >> "$1"; done
}

# The ids of an events file, as one "TRY id id ..." line, for the checker.
tried_line() { printf 'TRY %s\n' "$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$1" | tr '\n' ' ')"; }
# "ACK - - id id ...": acknowledged by an exit status 0, seqs unknown.
acked_line() { printf 'ACK - - %s\n' "$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$1" | tr '\n' ' ')"; }

# known_bug MESSAGE: prints the id of the open known bug whose pattern matches MESSAGE (or nothing).
known_bug() {
    local message=$1 id pattern
    while IFS=$'\t' read -r id pattern _; do
        case $id in '#'* | '') continue ;; esac
        if printf '%s' "$message" | grep -Eq -- "$pattern"; then printf '%s' "$id"; return 0; fi
    done < "$FAULTS_DIR/known-bugs.txt"
    return 1
}
# xfail ID TEXT: a hit of an open known bug; the first three hits of each bug are printed, the rest counted.
declare -A XFAIL_COUNT
xfail() {
    XFAILS=$((XFAILS + 1))
    case " $XFAIL_IDS " in *" $1 "*) ;; *) XFAIL_IDS="$XFAIL_IDS $1" ;; esac
    XFAIL_COUNT[$1]=$((${XFAIL_COUNT[$1]:-0} + 1))
    [ "${XFAIL_COUNT[$1]}" -le 3 ] && say "XFAIL $1: $2"
    [ "${XFAIL_COUNT[$1]}" = 3 ] && say "      (further hits of $1 are counted, not printed)"
    return 0
}

# check_ledger DIR JOURNAL [PROBE]: the Jepsen-style set check after a fault.
#   JOURNAL holds TRY/ACK lines (ledger-stress output or acked_line/tried_line) of every writer that ran.
#   1. `verify` passes on the ledger as the fault left it (a torn tail is a note, not damage);
#   2. opening it for writing (crash recovery) succeeds (and, given a PROBE events file, appends it);
#   3. `verify` passes again;
#   4. the log holds seqs 0..n-1 with no gap, each id once, every acknowledged id (at its acknowledged seq when
#      known), and nothing that was never tried.
# Prints one line describing the first problem and returns 1, or returns 0.
CHECK_DETAIL=""
check_ledger() {
    local dir=$1 journal=$2 probe=${3:-} out
    CHECK_XFAIL=""
    if ! out=$("$GL" verify --ledger "$dir" 2>&1); then
        local early
        early=$(known_bug "$out") || true
        if [ "$early" = GL-F2 ]; then
            # Known bug GL-F2: verify calls a torn new segment damage; recovery must still handle it.
            CHECK_XFAIL="$early: verify before recovery: $(echo "$out" | sed -n 2p)"
        else
            CHECK_DETAIL="verify before recovery: $(echo "$out" | head -3 | tr '\n' ' ')"
            return 1
        fi
    fi
    : > "$WORK/empty.jsonl"
    # With a PROBE events file, recovery is an append of it (the writer must take new events after recovery).
    local input=$WORK/empty.jsonl
    if [ -n "$probe" ]; then
        input=$probe
        { cat "$journal"; tried_line "$probe"; acked_line "$probe"; } > "$WORK/journal.probe"
        journal=$WORK/journal.probe
    fi
    if ! out=$("$GL" append --ledger "$dir" "$input" 2>&1); then
        local bug
        bug=$(known_bug "$out") || true
        if [ "$bug" = GL-F1 ]; then
            # Known bug GL-F1: the index is derived data; without it the writer rebuilds it from the segments.
            CHECK_XFAIL="$bug: $(echo "$out" | tr '\n' ' ')"
            rm -f "$dir"/index/*.idx
            out=$("$GL" append --ledger "$dir" "$input" 2>&1) \
                || { CHECK_DETAIL="recovery failed even without the index files: $(echo "$out" | tr '\n' ' ')"; return 1; }
        else
            CHECK_DETAIL="recovery (open for writing) failed: $(echo "$out" | tr '\n' ' ')"
            return 1
        fi
    fi
    out=$("$GL" verify --ledger "$dir" 2>&1) || { CHECK_DETAIL="verify after recovery: $(echo "$out" | head -3 | tr '\n' ' ')"; return 1; }
    "$GL" log --ledger "$dir" > "$WORK/log.tsv" 2> "$WORK/log.err" || { CHECK_DETAIL="log failed: $(cat "$WORK/log.err")"; return 1; }
    CHECK_DETAIL=$(awk '
        FILENAME == ARGV[1] {
            if ($1 == "TRY") { for (i = 2; i <= NF; i++) tried[$i] = 1 }
            else if ($1 == "ACKTYPE") { wanttype[$2] = 1 }
            else if ($1 == "NOTIN") { for (i = 2; i <= NF; i++) absent[$i] = 1 }
            else if ($1 == "FAILED") { for (i = 2; i <= NF; i++) { failed[$i] = 1; tried[$i] = 1 } }
            else if ($1 == "ACK") {
                for (i = 4; i <= NF; i++) { acked[$i] = ($2 == "-") ? "-" : $2 + i - 4; tried[$i] = 1; nacked++ }
            }
            next
        }
        {
            n = split($0, f, "\t"); seq = f[1]; id = f[n]
            if (seq != expect && !bad) { msg = "seq " seq " where " expect " was expected (gap or reorder)"; bad = 1 }
            expect = seq + 1
            if ((id in seen) && !bad) { msg = "id " id " stored twice (seq " seen[id] " and " seq ")"; bad = 1 }
            seen[id] = seq
            types[f[3]]++
            if (id !~ /^ledger:/ && !(id in tried) && !bad) { msg = "id " id " at seq " seq " was never sent"; bad = 1 }
            if ((id in absent) && !bad) { msg = "id " id " at seq " seq " was written by a writer that was refused"; bad = 1 }
            if ((id in failed) && !bad) { msg = "id " id " at seq " seq " is in the ledger although its append failed with an I/O error"; bad = 1 }
            records++
        }
        END {
            for (id in acked) {
                if (bad) break
                if (!(id in seen)) { msg = "LOST acknowledged id " id; bad = 1 }
                else if (acked[id] != "-" && acked[id] != seen[id]) {
                    msg = "acknowledged id " id " at seq " acked[id] " is now at seq " seen[id]; bad = 1
                }
            }
            for (t in wanttype) if (!bad && !(t in types)) { msg = "LOST acknowledged " t " event"; bad = 1 }
            if (bad) { print msg; exit 1 }
            print records " records, " nacked " acknowledged events all present once"
        }' "$journal" "$WORK/log.tsv") || return 1
    return 0
}

# head_field DIR FIELD: a field of the newest valid head slot ("segment" gives "<stem> <length>").
head_field() {
    local dir=$1 field=$2
    for slot in 0 1; do
        dd if="$dir/head" bs=8192 skip=$slot count=1 2> /dev/null | tr -d '\000' \
            | awk -v f="$field" '$1 == "generation" { g = $2 } $1 == f { $1 = ""; v = substr($0, 2) } END { print g "\t" v }'
    done | sort -n -k1,1 | tail -1 | cut -f2
}

# Unmounts and detaches everything under a work directory (for traps).
cleanup_mounts() {
    local base=$1 m f
    for m in $(awk -v b="$base" 'index($2, b) == 1 { print $2 }' /proc/mounts | sort -r); do
        umount "$m" 2> /dev/null || umount -l "$m" 2> /dev/null
    done
    for f in "$base"/*; do
        [ -f "$f" ] || continue
        losetup -j "$f" 2> /dev/null | cut -d: -f1 | while read -r dev; do losetup -d "$dev" 2> /dev/null; done
    done
}

# serve_in_background OUT ERR COMMAND...: runs COMMAND (a `groupledger serve`, possibly under a tracer) in the
# background with its output in OUT and ERR; sets SERVER (its pid) and URL (http://HOST:PORT) once it prints its
# `listening on` line, and fails after 60 s or when the process ends first.
serve_in_background() {
    local out=$1 err=$2
    shift 2
    : > "$out"
    "$@" > "$out" 2> "$err" &
    SERVER=$!
    URL=""
    for _ in $(seq 600); do
        URL=$(sed -n 's/^listening on \(http:\/\/[0-9.:]*\)$/\1/p' "$out" | head -1)
        [ -n "$URL" ] && return 0
        kill -0 "$SERVER" 2> /dev/null || return 1
        sleep 0.1
    done
    return 1
}
