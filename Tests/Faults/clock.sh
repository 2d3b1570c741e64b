#!/usr/bin/env bash
# The wall clock going backwards (plan P4/P5).
#
#   Tests/Faults/clock.sh
#
# 1. Separate `append` runs under faketime at 2030, then 2001, then now, then ten years ago, then 2099.
# 2. One ledger-stress process (two threads) while the clock it sees jumps -3 h, +1 d, -30 d, -20 y mid-run
#    (libfaketime reading FAKETIME_TIMESTAMP_FILE with FAKETIME_NO_CACHE=1; the monotonic clock is left alone).
# Required: every append succeeds; seqs stay 0..n-1 in append order; every acknowledged event is there once;
# `verify` passes (also when the verifier's own clock is in 2001 or 2099); the records' appended_at really went
# backwards at every backward step, 6 times (else the fault was never injected and the test proves nothing). Time-based reading is documented
# in docs/RELIABILITY.md: order is seq, appended_at is informative.
source "$(dirname "$0")/lib.sh"

need_cmd faketime
ensure_stress
BASE=$(mktemp -d "${TMPDIR:-/tmp}/gl-clock.XXXXXX")
WORK=$BASE/work
mkdir -p "$WORK"
trap 'rm -rf "$BASE"' EXIT
L=$BASE/L

# A canary: is the clock really faked for our binaries?
year=$(faketime '2001-02-03 04:05:06' "$GL" init --ledger "$BASE/canary" --origin "$ORIGIN/canary" > /dev/null \
    && "$GL" log --ledger "$BASE/canary" --json | sed -n 's/.*"appended_at":"\([0-9]*\)-.*/\1/p' | head -1)
[ "$year" = 2001 ] || skip_all "faketime does not reach the Swift binary here (appended_at year $year)"

must "$GL" init --ledger "$L" --origin "$ORIGIN/clock" > /dev/null
: > "$WORK/journal"
i=0
for when in '2030-06-01 12:00:00' '2001-02-03 04:05:06' now '-10y' '2099-12-31 23:59:59'; do
    i=$((i + 1))
    events_file "$WORK/e$i.jsonl" "t$i" 3
    tried_line "$WORK/e$i.jsonl" >> "$WORK/journal"
    if [ "$when" = now ]; then
        "$GL" append --ledger "$L" --batch 1 "$WORK/e$i.jsonl" > /dev/null 2> "$WORK/err"
    elif [ "${when#-}" != "$when" ]; then
        faketime -f "$when" "$GL" append --ledger "$L" --batch 1 "$WORK/e$i.jsonl" > /dev/null 2> "$WORK/err"
    else
        faketime "$when" "$GL" append --ledger "$L" --batch 1 "$WORK/e$i.jsonl" > /dev/null 2> "$WORK/err"
    fi || { fail "append at clock $when failed: $(cat "$WORK/err")"; continue; }
    acked_line "$WORK/e$i.jsonl" >> "$WORK/journal"
    pass "append with the clock at $when"
done

# One process, the clock jumping while it appends.
echo "+0" > "$WORK/ft.rc"
(
    for step in -3h +1d -30d -20y; do
        sleep 0.15
        echo "$step" > "$WORK/ft.rc"
    done
) &
jumper=$!
# Through the faketime wrapper (which sets FAKETIME_SHARED: with a bare LD_PRELOAD of libfaketime, Swift's
# CommandLine.arguments comes out empty here), minus its FAKETIME, so that the timestamp file rules.
faketime -f +0 env -u FAKETIME FAKETIME_TIMESTAMP_FILE="$WORK/ft.rc" FAKETIME_NO_CACHE=1 FAKETIME_DONT_FAKE_MONOTONIC=1 \
    "$STRESS" --ledger "$L" --threads 2 --batch 2 --batches 100 --pause-us 10000 --prefix j > "$WORK/out" 2> "$WORK/err"
status=$?
wait "$jumper"
grep -E '^(TRY|ACK) ' "$WORK/out" >> "$WORK/journal"
[ "$status" = 0 ] && pass "ledger-stress with the clock jumping -3h, +1d, -30d, -20y: $(grep -c '^ACK' "$WORK/out") appends" \
    || fail "ledger-stress with a jumping clock exited $status: $(cat "$WORK/err")"

if check_ledger "$L" "$WORK/journal"; then pass "order and content: $CHECK_DETAIL"; else fail "$CHECK_DETAIL"; fi
"$GL" log --ledger "$L" --json > "$WORK/log.json"
backwards=$(sed -n 's/.*"appended_at":"\([^"]*\)".*"seq":\([0-9]*\)}$/\2 \1/p' "$WORK/log.json" \
    | awk 'prev != "" && $2 < prev { n++ } { prev = $2 } END { print n + 0 }')
if [ "$backwards" -ge 6 ]; then
    pass "appended_at went backwards $backwards times while seq kept increasing (the clock fault was real)"
else
    fail "appended_at went backwards only $backwards times: the clock fault did not reach the writer"
fi
for when in '2001-02-03 04:05:06' '2099-12-31 23:59:59'; do
    if faketime "$when" "$GL" verify --ledger "$L" > "$WORK/v" 2>&1; then
        pass "verify with its own clock at $when"
    else
        fail "verify with its own clock at $when: $(head -3 "$WORK/v")"
    fi
done
finish
