#!/usr/bin/env bash
# The inspection model (LedgerInspection) on a ledger of N events (default 1,000,000) that `inspection-bench
# generate` appends in commits of 10,000: 5,000 registered persons with their accounts, 7 groups with a head and an
# admin, 60 directives with answers, then posts (two thirds, a Vietnamese text in content), joins and leaves.
# Builds the model from record 0 (the last 1,000 records as ten catch-ups of 100) and saves it, then resumes it
# from the snapshot in a new process; both print their time, their resident memory and p50/p99 over 100 calls of
# each query. Usage: Benchmarks/inspection-bench.sh [N]   SCRATCH=/path: where to build (default .build; the
# bench builds in SCRATCH-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scratch=${SCRATCH:-.build}
swift build -c release --package-path Benchmarks --product inspection-bench --scratch-path "$scratch-bench" >/dev/null
bench="$scratch-bench/release/inspection-bench"
"$bench" generate "$work/ledger" "$n"
echo "== build"
/usr/bin/time -f "process_peak_rss_kib=%M" "$bench" build "$work/ledger"
echo "== resume"
/usr/bin/time -f "process_peak_rss_kib=%M" "$bench" resume "$work/ledger"
