#!/usr/bin/env bash
# Crash at every syscall (plan C2/C8, bar B1).
#
#   Tests/Faults/crashsweep.sh [--syscalls "write pwrite64 ..."] [--steps "1 2 ..."]
#
# A scripted workload of ten steps runs against one ledger:
#   1 append 3 events (one batch)           6 ledger-stress: 2 batches of 12 events (about 3.4 KB), 2 KiB
#   2 append 5 events with --batch 2          segments: each batch spans a segment boundary (sealed and synced
#                                             inside the append)
#   3 key rotate (key file: tmp, fsync,     7 append 2 events to the rolled ledger (sealed-segment checks)
#     rename, dir fsync; then an event)     8 recovery of a torn tail (a partial frame after the last record)
#   4 append a duplicate and a new event    9 import 6,000 zca lines as one staged append (written in
#   5 withhold the content of record 2        pieces before its commit): all of them or none
#                                          10 ledger-stress --staged: 2 staged appends of 12 events fed one at
#                                             a time, 2 KiB segments (staged appends spanning segments)
# ledger-stress --roll sets the segment bound (LedgerOptions.segmentRollBytes, 16 MiB by default) that the CLI
# does not expose; the dry run requires (ledger-stress --audit) that steps 6 and 10 each leave segment boundaries
# inside an append batch, so the crash points of those steps include every call of a spanning append.
# A dry run of each step under `strace -f -y` lists every call of write, pwrite64, fdatasync, fsync, openat,
# rename and ftruncate that touches the ledger (or writes to stdout/stderr: an acknowledgement the client never
# sees). Then, for each such call k of each syscall, the ledger is restored to its state before the step and the
# step is rerun under `strace -e inject=SC:signal=SIGKILL:when=k`: the process dies as it enters that call.
# check_ledger (lib.sh) then requires verify to pass, recovery (an append of one new event) to succeed, verify to
# pass again, every acknowledged event once at its seq, nothing unsent. For step 8 the crash hits recovery itself, and the check's
# own recovery must then finish the job (recovery is idempotent).
#
# By default an openat that can neither create nor truncate (no O_CREAT, no O_TRUNC) is skipped: a process killed
# there leaves exactly the files it leaves when killed at the next call in the list, so the crash state is already
# covered. --all crashes there too (the soak tier does).
source "$(dirname "$0")/lib.sh"

SYSCALLS="write pwrite64 fdatasync fsync openat rename ftruncate"
STEPS="1 2 3 4 5 6 7 8 9 10"
ALL=0
while [ $# -gt 0 ]; do
    case $1 in
        --syscalls) SYSCALLS=$2; shift ;;
        --steps) STEPS=$2; shift ;;
        --all) ALL=1 ;;
        *) say "usage: $0 [--all] [--syscalls LIST] [--steps LIST]"; exit 64 ;;
    esac
    shift
done
need_cmd strace
strace -o /dev/null -e inject=getpid:signal=SIGKILL:when=9999 true 2> /dev/null \
    || skip_all "strace cannot inject faults here (ptrace not permitted?)"
ensure_stress

BASE=$(mktemp -d "${TMPDIR:-/tmp}/gl-crashsweep.XXXXXX")
WORK=$BASE/work
mkdir -p "$WORK"
trap 'rm -rf "$BASE"' EXIT
L=$BASE/L
trace_set=$(echo "$SYSCALLS" | tr ' ' ',')

events_file "$WORK/f1.jsonl" a 3
events_file "$WORK/f2.jsonl" b 5
{ event_line a-1; event_line c-1; } > "$WORK/f3.jsonl"
events_file "$WORK/f4.jsonl" d 2
event_line z-probe > "$WORK/probe.jsonl"
# Step 9's capture: enough group messages (about 5 MB of records and content) that the staged import writes some
# of them before its commit. Their ids, from a dry run, make its journal lines.
for i in $(seq 1 6000); do
    printf '{"event":"message","account":"7301000000000000002","payload":{"type":1,"threadId":"7301128844556677001","isSelf":false,"data":{"msgId":"%s","cliMsgId":"%s","msgType":"webchat","uidFrom":"7301000000000000001","idTo":"7301128844556677001","dName":"Cán bộ","ts":"%s","content":"Đề nghị các đơn vị báo cáo tình hình thực hiện nhiệm vụ số %s trước 16 giờ, kèm theo số liệu của từng xã."}}}\n' \
        "$((6001000000000000000 + i))" "$((1762000000000 + i))" "$((1762045800000 + i * 1000))" "$i"
done > "$WORK/f9.jsonl"
"$GL" import zca --dry-run "$WORK/f9.jsonl" 2> /dev/null | grep -o '"id":"zca:[^"]*"' | sed 's/"id":"\(.*\)"/{"id":"\1"}/' \
    > "$WORK/f9.ids"
[ "$(wc -l < "$WORK/f9.ids")" = 6000 ] || { fail "the dry run of step 9's capture did not give 6000 events"; finish; }
: > "$WORK/empty.jsonl"

# run_step N WRAPPER...: runs step N (wrapped, e.g. in strace) with its output in $WORK/step.out; returns its status.
run_step() {
    local n=$1
    shift
    case $n in
        1) "$@" "$GL" append --ledger "$L" "$WORK/f1.jsonl" ;;
        2) "$@" "$GL" append --ledger "$L" --batch 2 "$WORK/f2.jsonl" ;;
        3) "$@" "$GL" key rotate --ledger "$L" ;;
        4) "$@" "$GL" append --ledger "$L" "$WORK/f3.jsonl" ;;
        5) "$@" "$GL" withhold --ledger "$L" --seq 2 --reason fault-test ;;
        6) "$@" "$STRESS" --ledger "$L" --roll 2048 --batch 12 --batches 2 --prefix w ;;
        7) "$@" "$GL" append --ledger "$L" "$WORK/f4.jsonl" ;;
        8) "$@" "$GL" append --ledger "$L" "$WORK/empty.jsonl" ;;
        9) "$@" "$GL" import zca --ledger "$L" "$WORK/f9.jsonl" ;;
        10) "$@" "$STRESS" --ledger "$L" --roll 2048 --batch 12 --batches 2 --staged --prefix v ;;
    esac > "$WORK/step.out" 2> "$WORK/step.err"
}

# journal_step N STATUS: the TRY/ACK lines step N contributes (stress prints its own; CLI steps ack on exit 0).
journal_step() {
    local n=$1 status=$2
    case $n in
        1) tried_line "$WORK/f1.jsonl"; [ "$status" = 0 ] && acked_line "$WORK/f1.jsonl" ;;
        2) tried_line "$WORK/f2.jsonl"; [ "$status" = 0 ] && acked_line "$WORK/f2.jsonl" ;;
        3) [ "$status" = 0 ] && echo "ACKTYPE ledger.key_rotated" ;;
        4) tried_line "$WORK/f3.jsonl"; [ "$status" = 0 ] && acked_line "$WORK/f3.jsonl" ;;
        5) [ "$status" = 0 ] && echo "ACK - - ledger:content_withheld:2" ;;
        6 | 10) grep -E '^(TRY|ACK) ' "$WORK/step.out" ;;
        7) tried_line "$WORK/f4.jsonl"; [ "$status" = 0 ] && acked_line "$WORK/f4.jsonl" ;;
        9) tried_line "$WORK/f9.ids"; [ "$status" = 0 ] && acked_line "$WORK/f9.ids" ;;
    esac
    return 0
}

# Before step 8: a torn write after the last record, as a crash in the middle of a frame leaves it.
tear_tail() {
    local seg
    seg=$(ls "$L"/segments/*.seg | tail -1)
    head -c 120 "$(ls "$L"/segments/*.seg | head -1)" | tail -c 56 >> "$seg"
    printf '\000\000\001\100partial-frame' >> "$seg"
}

# spanning_boundaries: how many segment boundaries of $L fall inside an append batch (ledger-stress --audit).
spanning_boundaries() {
    "$STRESS" --audit --ledger "$L" | sed -n 's/^AUDIT OK .*; \([0-9]*\) segment boundaries fall inside an append batch$/\1/p'
}

# Build the states before each step, and the journal of acknowledgements up to there.
must "$GL" init --ledger "$L" --origin "$ORIGIN/crashsweep" > /dev/null
: > "$WORK/journal.0"
spans=0
for n in 1 2 3 4 5 6 7 8 9 10; do
    rm -rf "$BASE/state.$n"
    [ "$n" = 8 ] && tear_tail
    cp -a "$L" "$BASE/state.$n"
    cp "$WORK/journal.$((n - 1))" "$WORK/journal.before.$n"
    run_step "$n" strace -f -y -qq -o "$WORK/dry.$n" -e trace="$trace_set" || {
        fail "dry run of step $n failed: $(cat "$WORK/step.err")"
        finish
    }
    { cat "$WORK/journal.$((n - 1))"; journal_step "$n" 0; } > "$WORK/journal.$n"
    if [ "$n" = 6 ] || [ "$n" = 10 ]; then
        now=$(spanning_boundaries)
        [ -n "$now" ] && [ "$now" -gt "$spans" ] || {
            fail "step $n did not span segments (segment boundaries inside a batch: ${now:-audit failed}, before: $spans)"
            finish
        }
        say "step $n: an append spans segments ($((now - spans)) segment boundaries inside a batch)"
        spans=$now
    fi
done
check_ledger "$L" "$WORK/journal.10" || { fail "the workload itself fails the check: $CHECK_DETAIL"; finish; }
pass "workload without faults: $CHECK_DETAIL"

# crash_points N: "syscall k description" for every call of the main thread that touches the ledger or stdout/err.
crash_points() {
    awk -v ledger="$L" -v want=" $SYSCALLS " -v all="$ALL" '
        NR == 1 { main = $1 }
        {
            tid = $1
            if (match($0, /^[0-9]+ +(<\.\.\. )?[a-z0-9_]+/) == 0) next
            if ($0 ~ /resumed>/) next
            call = $2; sub(/\(.*/, "", call)
            if (index(want, " " call " ") == 0) next
            count[tid, call]++
            if (tid != main) { other++; next }
            touches = index($0, ledger) > 0 || (call == "write" && $0 ~ /^[0-9]+ +write\([12]</)
            if (!touches) next
            if (!all && call == "openat" && $0 !~ /O_CREAT|O_TRUNC/) { same++; next }
            line = $0; sub(/^[0-9]+ +/, "", line); gsub(ledger, "L", line); gsub(/AT_FDCWD<[^>]*>, /, "", line)
            print call, count[tid, call], substr(line, 1, 110)
        }
        END {
            if (other) print "# " other " calls in other threads not targeted" > "/dev/stderr"
            if (same) print "# " same " read-only opens skipped as equivalent (use --all)" > "/dev/stderr"
        }
    ' "$WORK/dry.$1"
}

total=0
started=$(date +%s.%N)
for n in $STEPS; do
    crash_points "$n" > "$WORK/points.$n" 2> "$WORK/points.$n.note"
    step_points=0
    while read -r sc k description; do
        rm -rf "$L"
        cp -a "$BASE/state.$n" "$L"
        status=0
        run_step "$n" strace -f -qq -o "$WORK/inj" -e trace="$sc" -e inject="$sc:signal=SIGKILL:when=$k" || status=$?
        if [ "$status" != 137 ]; then
            fail "step $n $sc#$k: the crash point was not reached (status $status): $description"
            continue
        fi
        { cat "$WORK/journal.before.$n"; journal_step "$n" "$status"; } > "$WORK/journal"
        total=$((total + 1))
        step_points=$((step_points + 1))
        if ! check_ledger "$L" "$WORK/journal" "$WORK/probe.jsonl"; then
            fail "step $n crash at $sc#$k ($description): $CHECK_DETAIL"
            continue
        fi
        if [ -n "$CHECK_XFAIL" ]; then xfail "${CHECK_XFAIL%%:*}" "step $n $sc#$k"; fi
        if [ "$n" = 9 ]; then
            imported=$(grep -c 'zca:' "$WORK/log.tsv")
            if [ "$imported" != 0 ] && [ "$imported" != 6000 ]; then
                fail "step 9 crash at $sc#$k ($description): $imported of the 6000 imported events survived (all or none)"
                continue
            fi
        fi
        if [ "$n" = 6 ] || [ "$n" = 10 ]; then
            # Every batch the step tried is in the ledger whole or not at all, whichever segments it spanned.
            partial=$(awk -F'\t' '
                FILENAME == ARGV[1] { if ($1 ~ /^TRY /) { tries[++t] = substr($1, 5) } next }
                { stored[$NF] = 1 }
                END {
                    for (i = 1; i <= t; i++) {
                        n = split(tries[i], ids, " "); found = 0
                        for (j = 1; j <= n; j++) if (ids[j] in stored) found++
                        if (found != 0 && found != n) { print found " of the " n " events of batch " ids[1] "..."; exit }
                    }
                }' "$WORK/step.out" "$WORK/log.tsv")
            if [ -n "$partial" ]; then
                fail "step $n crash at $sc#$k ($description): $partial survived (all or none)"
                continue
            fi
        fi
        if [ "$n" = 3 ]; then
            keys=$(ls "$L"/keys/*.skey | wc -l)
            recorded=$((1 + $(awk -F'\t' '$3 == "ledger.key_rotated"' "$WORK/log.tsv" | wc -l)))
            if [ "$keys" != "$recorded" ]; then
                fail "step 3 crash at $sc#$k ($description): keys/ holds $keys signing keys but the ledger announces $recorded after recovery"
                continue
            fi
        fi
        pass "step $n crash at $sc#$k: $description"
    done < "$WORK/points.$n"
    say "step $n: $step_points crash points$(sed 's/^#/;/' "$WORK/points.$n.note")"
done
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
say "$total crash points in $elapsed s"
finish
