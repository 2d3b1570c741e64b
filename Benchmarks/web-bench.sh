#!/usr/bin/env bash
# The inspector's web view (issue 15) on a ledger of N events (default 1,000,000, made by `inspection-bench
# generate`). `groupledger serve --read-only` starts on it, logs in through its one-time link and waits for the
# inspection model (pages answer 503 until it is ready): the first start builds the model and saves its snapshot at
# shutdown, the second resumes it — the start-up figure. Then 100 GETs each of the province, group (first page),
# person, findings, one finding and search pages (and a record page): p50/p99 of the server's time (the access
# log's duration_ms) and of the client's (curl's time_total), or the status a page answered when it is not 200 (a
# page not on this branch: 404). Also serve's resident memory before and after the model is ready.
#
#   Benchmarks/web-bench.sh [N]
#   SCRATCH=/work/rel-build Benchmarks/web-bench.sh    (release build in another scratch path; the generator builds
#                                                       in SCRATCH-bench)
# LEDGER=DIR uses (and keeps) a generated ledger instead of generating one in a temporary directory;
# GROUPLEDGER=BINARY uses a built groupledger instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
scratch=${SCRATCH:-.build}
requests=100
gl=${GROUPLEDGER:-}
if [ -z "$gl" ]; then
    swift build -c release --product groupledger --scratch-path "$scratch" > /dev/null
    gl="$scratch/release/groupledger"
fi
work=$(mktemp -d)
server=""
trap 'if [ -n "$server" ]; then kill -TERM "$server" 2> /dev/null; wait "$server" || true; fi; rm -rf "$work"' EXIT

ledger=${LEDGER:-}
if [ -z "$ledger" ]; then
    swift build -c release --package-path Benchmarks --product inspection-bench --scratch-path "$scratch-bench" \
        > /dev/null
    ledger="$work/ledger"
    echo "== generating $n events"
    "$scratch-bench/release/inspection-bench" generate "$ledger" "$n"
fi

rss_kib() { sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status"; }

log="$work/access.jsonl"
jar="$work/cookies"

# serve_until_ready LABEL: starts `serve --read-only`, logs in by its one-time link, waits until the model is ready
# (`/export` answers 503 until then) and prints the times and the resident memory before and after.
serve_until_ready() {
    "$gl" serve --ledger "$ledger" --read-only --listen 127.0.0.1:0 --access-log "$log" \
        > "$work/serve.out" 2> "$work/serve.err" &
    server=$!
    local started link="" status=""
    started=$(date +%s.%N)
    for _ in $(seq 1200); do
        link=$(sed -n 's/^login link (once): \(http:.*\)$/\1/p' "$work/serve.out")
        [ -n "$link" ] && break
        sleep 0.05
    done
    [ -n "$link" ] || { echo "serve printed no login link: $(cat "$work/serve.err")" >&2; exit 1; }
    base=${link%%/login/*}
    echo "$1 listening_after_s=$(echo "$(date +%s.%N) - $started" | bc) rss_kib=$(rss_kib "$server" VmRSS)"
    curl -s -o /dev/null -c "$jar" "$link"
    for _ in $(seq 12000); do
        status=$(curl -s -o /dev/null -w "%{http_code}" -b "$jar" "$base/export")
        [ "$status" != 503 ] && break
        sleep 0.05
    done
    echo "$1 model_ready_after_s=$(echo "$(date +%s.%N) - $started" | bc) (status $status)" \
        "rss_kib=$(rss_kib "$server" VmRSS) peak_rss_kib=$(rss_kib "$server" VmHWM)"
}

stop_serve() {
    kill -TERM "$server"
    wait "$server" || true
    server=""
}

# The first start builds the model from the records and saves its snapshot at shutdown; the second resumes it.
if [ ! -f "$ledger/views/inspection.snapshot" ]; then
    serve_until_ready build
    stop_serve
fi
serve_until_ready resume

# A finding's id, from the findings page when this build has it.
finding=$(curl -s -b "$jar" "$base/findings" | grep -o 'href="/findings/[^"?]*"' | head -1 \
    | sed 's/^href="\/findings\///; s/"$//') || true
busiest=g-7301128844556677000
someone=p-00042

# measure NAME PATH: 100 GETs of PATH; p50/p99 of server and client time, or the status when not 200.
measure() {
    local name=$1 path=$2
    local times="$work/client-$name"
    : > "$times"
    local before
    before=$(wc -l < "$log")
    local status=200
    for _ in $(seq "$requests"); do
        local answer
        answer=$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "$base$path")
        status=${answer%% *}
        [ "$status" = 200 ] || break
        echo "${answer#* }" >> "$times"
    done
    sleep 0.5
    if [ "$status" != 200 ]; then
        echo "$name $path status=$status"
        return
    fi
    tail -n +"$((before + 1))" "$log" | python3 -c '
import json, sys
name, client = sys.argv[1], [float(line) * 1000 for line in open(sys.argv[2])]
server = [json.loads(line)["duration_ms"] for line in sys.stdin]
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * len(values))) - 1)]
print(f"{name} n={len(server)} server_p50_ms={pct(server, 50):.2f} server_p99_ms={pct(server, 99):.2f} "
      f"client_p50_ms={pct(client, 50):.2f} client_p99_ms={pct(client, 99):.2f}")
' "$name" "$times"
}

echo "== $requests GETs per page"
measure province /
measure group_first_page "/groups/$busiest"
measure person "/people/$someone"
measure findings /findings
if [ -n "$finding" ]; then measure finding "/findings/$finding"; else echo "finding /findings/{id} status=no-id"; fi
measure search "/search?q=b%C3%A1o+c%C3%A1o+t%C3%ACnh+h%C3%ACnh"
measure record "/records/$((n / 2))"
echo "rss_kib_after_pages=$(rss_kib "$server" VmRSS) peak_rss_kib=$(rss_kib "$server" VmHWM)"
