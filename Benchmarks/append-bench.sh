#!/usr/bin/env bash
# `groupledger append` of N generated envelopes (about 370 bytes a line: two thirds post.created with a Vietnamese
# text in content, one third member.joined), against the C reference chain appending the same lines with one
# fdatasync, measured in the same run. Usage: Benchmarks/append-bench.sh [N]   (default 1000000)
# MODE=file (default): `append FILE`, one durable commit; MODE=batch: `append --batch 1000 FILE`;
# MODE=stdin: `append -` reading standard input; MODE=stdin-batch: `append --batch 1000 -`.
# REF: the reference chain's directory (default ../shared/bench/ref-chain, built with make if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
mode=${MODE:-file}
ref=${REF:-../shared/bench/ref-chain}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scratch=${SCRATCH:-.build}
swift build -c release --product groupledger --scratch-path "$scratch" >/dev/null
gl="$scratch/release/groupledger"
python3 Benchmarks/generate-envelopes.py "$n" > "$work/events.jsonl"
bytes=$(stat -c %s "$work/events.jsonl")
if [ -x "$ref/refchain" ] || make -C "$ref" >/dev/null 2>&1; then
    ref_line=$("$ref/refchain" append "$work/ref.chain" -n "$n" -k 0 -i "$work/events.jsonl")
    echo "refchain: $ref_line"
else
    ref_line=""
    echo "refchain: SKIPPED (cannot build $ref/refchain)"
fi
"$gl" init --ledger "$work/ledger" --origin bench.example/append >/dev/null 2>&1
case "$mode" in
    file) args=("$work/events.jsonl"); input=/dev/null ;;
    batch) args=(--batch 1000 "$work/events.jsonl"); input=/dev/null ;;
    stdin) args=(-); input="$work/events.jsonl" ;;
    stdin-batch) args=(--batch 1000 -); input="$work/events.jsonl" ;;
    *) echo "unknown MODE $mode"; exit 64 ;;
esac
start=$(date +%s.%N)
/usr/bin/time -f "peak_rss_kib=%M" "$gl" append --ledger "$work/ledger" "${args[@]}" < "$input" 2>"$work/time.txt" >/dev/null
end=$(date +%s.%N)
seconds=$(echo "$end - $start" | bc)
rate=$(echo "$n / $seconds" | bc)
echo "groupledger: events=$n input_bytes=$bytes mode=$mode seconds=$seconds events_per_s=$rate $(grep peak_rss "$work/time.txt")"
ref_rate=$(echo "$ref_line" | tr ' ' '\n' | sed -n 's/^\(records_per_s\|events_per_s\|rate\)=//p' | head -1)
if [ -n "$ref_rate" ]; then
    echo "ratio (groupledger / refchain) = $(echo "scale=3; $rate / $ref_rate" | bc)"
fi
