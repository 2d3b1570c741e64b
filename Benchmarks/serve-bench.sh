#!/usr/bin/env bash
# `groupledger serve` under load over loopback (issue 14), every figure next to its baseline in the same run:
#   1. 64 clients x 1-event requests, group commit (the default), against the same load with one fdatasync per
#      request (`serve --max-commit-bodies 1`: each body committed alone): acknowledged events/s, p50/p99 ack latency;
#   2. 100-event requests against CLI `append --batch 100` of the same events;
#   3. idle RSS, peak RSS under load, and the time from SIGTERM to exit under load.
# The fdatasync regime of the disk (fast ~0.2 ms or slow ~4 ms on this VM) is probed before and after.
#
#   Benchmarks/serve-bench.sh [REQUESTS_PER_CLIENT]      (default 100)
#   SCRATCH=/work/rel-build Benchmarks/serve-bench.sh    (release build in another scratch path)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100}
scratch=${SCRATCH:-.build}
probe=${PROBE:-../shared/bench/ref-chain/fsync_probe}
swift build -c release --product groupledger --scratch-path "$scratch" > /dev/null
swift build -c release --package-path Benchmarks --product serve-load --scratch-path "$scratch-bench" > /dev/null
gl="$scratch/release/groupledger"
load="$scratch-bench/release/serve-load"
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill -9 "$server" 2> /dev/null; rm -rf "$work"' EXIT

regime() {
    if [ -x "$probe" ]; then
        "$probe" -s 3 -b 4096 -m append "$work/probe" 2>&1 | tr '\n' ' '
    else
        echo "fsync_probe not built (make -C ../shared/bench/ref-chain)"
    fi
}

# start LEDGER [serve options...]: starts serve, sets server (pid) and port.
start() {
    local ledger=$1
    shift
    "$gl" serve --ledger "$ledger" --listen 127.0.0.1:0 --access-log "$work/access-$RANDOM.jsonl" "$@" \
        > "$work/serve.out" 2> "$work/serve.err" &
    server=$!
    port=""
    for _ in $(seq 300); do
        port=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/serve.out")
        [ -n "$port" ] && return 0
        sleep 0.1
    done
    echo "serve did not start: $(cat "$work/serve.err")" >&2
    exit 1
}

stop() {
    kill -TERM "$server"
    wait "$server" || true
    server=""
}

fresh() {
    rm -rf "$work/ledger"
    "$gl" init --ledger "$work/ledger" --origin bench.example/serve > /dev/null 2>&1
    token=$("$gl" token add --ledger "$work/ledger" --role importer --name bench 2> /dev/null | tail -1)
}

# drive ARGS...: runs serve-load against the running server; on failure shows what the server said.
drive() {
    "$load" "$port" "$token" "$@" || {
        echo "serve-load failed (exit $?); serve's standard error:" >&2
        tail -20 "$work/serve.err" >&2
        exit 1
    }
}

rss_kib() { sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status"; }

echo "fdatasync before: $(regime)"

fresh
start "$work/ledger"
sleep 1
echo "idle_rss_kib=$(rss_kib "$server" VmRSS)"
drive 64 "$requests" 1 group-commit
echo "peak_rss_kib_under_1_event_load=$(rss_kib "$server" VmHWM)"
stop

fresh
start "$work/ledger" --max-commit-bodies 1
drive 64 "$requests" 1 commit-each
stop

fresh
start "$work/ledger"
drive 64 $((requests / 10 > 0 ? requests / 10 : 1)) 100 hundred-events
echo "peak_rss_kib_under_100_event_load=$(rss_kib "$server" VmHWM)"
stop
"$load" --dump "$work/hundred.jsonl" 64 $((requests / 10 > 0 ? requests / 10 : 1)) 100 cli
fresh
events=$(wc -l < "$work/hundred.jsonl")
begun=$(date +%s.%N)
"$gl" append --ledger "$work/ledger" --batch 100 "$work/hundred.jsonl" > /dev/null
ended=$(date +%s.%N)
echo "cli-append-batch-100: events=$events seconds=$(echo "$ended - $begun" | bc) events_per_s=$(echo "$events / ($ended - $begun)" | bc)"

# SIGTERM under load: the time until the process has exited, having answered what was in flight.
fresh
start "$work/ledger"
"$load" "$port" "$token" 64 $((requests * 10)) 1 shutdown > "$work/shutdown.out" 2>&1 &
loader=$!
sleep 2
begun=$(date +%s.%N)
kill -TERM "$server"
wait "$server" || true
ended=$(date +%s.%N)
server=""
wait "$loader" || true
echo "sigterm_to_exit_under_load_s=$(echo "$ended - $begun" | bc) ($(cat "$work/shutdown.out"))"

echo "fdatasync after: $(regime)"
