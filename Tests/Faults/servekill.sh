#!/usr/bin/env bash
# kill -9 under load (issue 14): `groupledger serve` takes 64 concurrent clients posting 1-event and 100-event
# requests over loopback and is killed with SIGKILL at a random moment, ROUNDS times (default 20). After each kill
# the server is restarted and every request left without an answer is posted again until it is answered 200.
# At the end, every event acknowledged with 200 and every retried one must be in the ledger exactly once, and the
# ledger must verify.
#
#   Tests/Faults/servekill.sh [ROUNDS]
source "$(dirname "$0")/lib.sh"
ROUNDS=${1:-20}
command -v python3 > /dev/null || skip_all "python3 is not installed"
[ -x "$GL" ] || skip_all "$GL is not built (swift build)"
WORK=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2> /dev/null; rm -rf "$WORK"' EXIT
LEDGER=$WORK/ledger
must "$GL" init --ledger "$LEDGER" --origin "$ORIGIN" > /dev/null 2>&1
TOKEN=$("$GL" token add --ledger "$LEDGER" --role importer --name load 2> /dev/null | tail -1)
[ -n "$TOKEN" ] || { fail "token add printed no token"; finish; }

start_server() {
    serve_in_background "$WORK/serve.out" "$WORK/serve.err" "$GL" serve --ledger "$LEDGER" --listen 127.0.0.1:0
}

for round in $(seq "$ROUNDS"); do
    if ! start_server; then
        fail "round $round: the server did not start: $(tail -3 "$WORK/serve.err")"
        break
    fi
    python3 "$FAULTS_DIR/serve-load.py" load "$URL" "$TOKEN" "$WORK" "$round" > "$WORK/load.out" 2>&1 &
    LOAD=$!
    sleep "$(python3 -c "import random; random.seed($round); print(round(random.uniform(0.3, 2.0), 2))")"
    kill -9 "$SERVER"
    wait "$SERVER" 2> /dev/null
    if ! wait "$LOAD"; then
        fail "round $round: the load failed: $(tail -3 "$WORK/load.out")"
        break
    fi
    if ! start_server; then
        fail "round $round: the server did not restart after kill -9: $(tail -3 "$WORK/serve.err")"
        break
    fi
    if ! python3 "$FAULTS_DIR/serve-load.py" retry "$URL" "$TOKEN" "$WORK" > "$WORK/retry.out" 2>&1; then
        fail "round $round: retrying the unanswered requests failed: $(tail -3 "$WORK/retry.out")"
        break
    fi
    kill -TERM "$SERVER"
    for _ in $(seq 300); do kill -0 "$SERVER" 2> /dev/null || break; sleep 0.1; done
    if kill -0 "$SERVER" 2> /dev/null; then
        fail "round $round: the server did not exit within 30 s of SIGTERM"
        kill -9 "$SERVER"
        break
    fi
    wait "$SERVER"
    status=$?
    [ "$status" -eq 0 ] || { fail "round $round: the server exited $status after SIGTERM"; break; }
    pass "round $round: $(cat "$WORK/load.out" | tail -1), $(tail -1 "$WORK/retry.out")"
done

if [ "$FAILED" -eq 0 ]; then
    must "$GL" log --ledger "$LEDGER" --json > "$WORK/log.jsonl"
    if out=$(python3 "$FAULTS_DIR/serve-load.py" check "$WORK" "$WORK/log.jsonl" 2>&1); then
        pass "after $ROUNDS kills: $out"
    else
        fail "after $ROUNDS kills: $out"
    fi
    if "$GL" verify --ledger "$LEDGER" > "$WORK/verify.out" 2>&1; then
        pass "the ledger verifies"
    else
        fail "the ledger does not verify: $(tail -3 "$WORK/verify.out")"
    fi
fi
finish
