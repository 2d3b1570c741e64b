#!/usr/bin/env bash
# How appending scales with the ledger's size: builds a ledger of PARTS × 1,000,000 generated envelopes (the lines of
# append-bench.sh), one durable `append` per million, and records each append's seconds and peak RSS; then a
# 1,000-event append (process start, open, append, close) at 1M and at the full size. The inputs come from
# Benchmarks/generate-envelopes.py, ids distinct across files.
# Usage: Benchmarks/scale-bench.sh [PARTS]   (default 10). WORK (default a temporary directory; ~0.8 GB of disk per
# million events) keeps the ledger and the inputs; GROUPLEDGER picks the binary (default: a release build).
set -euo pipefail
cd "$(dirname "$0")/.."
parts=${1:-10}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
if [ -z "${GROUPLEDGER:-}" ]; then
    scratch=${SCRATCH:-.build}
    swift build -c release --product groupledger --scratch-path "$scratch" >/dev/null
    GROUPLEDGER="$scratch/release/groupledger"
fi
gl=$GROUPLEDGER
generate() {  # start, count, file
    python3 Benchmarks/generate-envelopes.py "$2" "$1" > "$3"
}
for p in $(seq 0 $((parts - 1))); do
    [ -s "$work/part-$p.jsonl" ] || generate $((p * 1000000)) 1000000 "$work/part-$p.jsonl"
done
generate $((parts * 1000000)) 1000 "$work/small-1.jsonl"
generate $((parts * 1000000 + 1000)) 1000 "$work/small-2.jsonl"
ledger="$work/ledger"
rm -rf "$ledger"
"$gl" init --ledger "$ledger" --origin bench.example/scale >/dev/null 2>&1
measure() {  # label, input
    /usr/bin/time -f "%e %M" "$gl" append --ledger "$ledger" "$2" >/dev/null 2>"$work/time.txt"
    read -r seconds rss < <(tail -1 "$work/time.txt")
    echo "$1 seconds=$seconds peak_rss_kib=$rss runs=$(ls "$ledger/index" | grep -c '^ids\..*\.run$' || true)"
}
for p in $(seq 0 $((parts - 1))); do
    measure "append 1M at $((p))M" "$work/part-$p.jsonl"
    [ "$p" = 0 ] && measure "append 1000 at 1M" "$work/small-1.jsonl"
done
measure "append 1000 at ${parts}M" "$work/small-2.jsonl"
[ -n "${WORK:-}" ] || rm -rf "$work"
