#!/usr/bin/env bash
# Issue 13's figures for appends that span bounded segments, each measured RUNS times (default 3), medians printed:
#   - `append` of EVENTS in ONE append, with GL and (if given) with OLD_GL, a build from before bounded segments;
#   - `verify` of that ledger and of one written with `--batch 1000`, against `openssl dgst -sha256` over the same
#     segment and content files in the same run, as a ratio;
#   - the largest segment and content file of each ledger, against the bounds FORMAT.md documents ("Size bound":
#     T + one frame − 1 = 16 MiB + 65,570 bytes for a segment, T + one content entry − 1 = 16 MiB + 524,331 for a
#     content file; T = 16 MiB).
# Verify runs on two threads, so its wall time moves with what else runs on the machine; its CPU time (user + sys,
# from /usr/bin/time) is printed too.
# Usage: GL=BIN [OLD_GL=BIN] [RUNS=3] [WORK=DIR] Benchmarks/segment-bench.sh EVENTS.jsonl
# EVENTS: catalogue-valid envelopes, e.g. the generator of append-bench.sh. WORK (default a temporary directory
# under /work or /tmp) must have room for three ledgers of the events' size and more.
set -euo pipefail
events=${1:?usage: GL=BIN [OLD_GL=BIN] Benchmarks/segment-bench.sh EVENTS.jsonl}
gl=${GL:?set GL to the groupledger binary to measure}
old=${OLD_GL:-}
runs=${RUNS:-3}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
trap 'rm -rf "$work"/one "$work"/batch "$work"/old' EXIT
target=$((16 << 20))
segment_bound=$((target + 65571 - 1))
content_bound=$((target + 524332 - 1))

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
seconds() {  # seconds CMD...: wall time of CMD, its output discarded
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
cpu_seconds() {  # cpu_seconds CMD...: user + sys time of CMD
    /usr/bin/time -f "%U %S" -o "$work/time" "$@" > /dev/null 2>&1
    awk '{ print $1 + $2 }' "$work/time"
}
append_once() {  # append_once BIN DIR [ARGS...]: a fresh ledger in DIR, then the timed append
    local bin=$1 dir=$2
    shift 2
    rm -rf "$dir"
    "$bin" init --ledger "$dir" --origin bench.example/segments > /dev/null 2>&1
    seconds "$bin" append --ledger "$dir" "$@" "$events"
}
sizes() {  # sizes DIR: the ledger's segment and content files, count and largest
    local dir=$1
    echo "  segments: $(ls "$dir"/segments | wc -l), largest $(stat -c %s "$dir"/segments/* | sort -n | tail -1) bytes" \
        "(bound $segment_bound), over the bound: $(stat -c %s "$dir"/segments/* | awk -v b="$segment_bound" '$1 > b' | wc -l);" \
        "content files: largest $(stat -c %s "$dir"/content/* | sort -n | tail -1) bytes (bound $content_bound)," \
        "over the bound: $(stat -c %s "$dir"/content/* | awk -v b="$content_bound" '$1 > b' | wc -l)"
}
verify_vs_openssl() {  # verify_vs_openssl BIN DIR LABEL
    local bin=$1 dir=$2 label=$3 v o i
    "$bin" verify --ledger "$dir" > "$work/verify.out" || { cat "$work/verify.out"; exit 1; }
    : > "$work/v" && : > "$work/o" && : > "$work/vc" && : > "$work/oc"
    for i in $(seq "$runs"); do
        seconds "$bin" verify --ledger "$dir" >> "$work/v"
        seconds openssl dgst -sha256 "$dir"/segments/* "$dir"/content/* >> "$work/o"
    done
    for i in $(seq "$runs"); do
        cpu_seconds "$bin" verify --ledger "$dir" >> "$work/vc"
        cpu_seconds openssl dgst -sha256 "$dir"/segments/* "$dir"/content/* >> "$work/oc"
    done
    v=$(median < "$work/v")
    o=$(median < "$work/o")
    echo "$label: verify median $v s ($(tr '\n' ' ' < "$work/v")), openssl dgst -sha256 median $o s" \
        "($(tr '\n' ' ' < "$work/o")), ratio $(echo "scale=2; $v / $o" | bc);" \
        "CPU (user + sys) medians: verify $(median < "$work/vc") s, openssl $(median < "$work/oc") s"
}

echo "load before: $(uptime)"
echo "events: $(wc -l < "$events") lines, $(stat -c %s "$events") bytes"
: > "$work/a"
for i in $(seq "$runs"); do append_once "$gl" "$work/one" >> "$work/a"; done
echo "one append (GL): median $(median < "$work/a") s ($(tr '\n' ' ' < "$work/a"))"
if [ -n "$old" ]; then
    : > "$work/b"
    for i in $(seq "$runs"); do append_once "$old" "$work/old" >> "$work/b"; done
    echo "one append (OLD_GL): median $(median < "$work/b") s ($(tr '\n' ' ' < "$work/b"))"
fi
append_once "$gl" "$work/batch" --batch 1000 > "$work/c"
echo "--batch 1000 (GL, once): $(cat "$work/c") s"
echo "load after the appends: $(uptime)"
verify_vs_openssl "$gl" "$work/one" "one append"
sizes "$work/one"
verify_vs_openssl "$gl" "$work/batch" "--batch 1000"
sizes "$work/batch"
if [ -n "$old" ]; then
    verify_vs_openssl "$old" "$work/old" "one append by OLD_GL, verified by OLD_GL"
    sizes "$work/old"
fi
echo "load after: $(uptime)"
