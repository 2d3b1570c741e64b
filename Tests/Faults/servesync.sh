#!/usr/bin/env bash
# `serve` never answers 200 before `fdatasync` has returned (issue 14), checked on the system calls themselves:
#   1. Ordering: `serve` runs under strace (-f, timestamps); for each of a few POST /v1/events, the 200 is written to
#      the socket only after at least one fdatasync that began after the request was read has returned, and with
#      no fdatasync still in flight.
#   2. A failing sync: every fdatasync after the ledger is open fails with EIO (strace fault injection); the POST
#      must not be answered 200, /readyz must say why, and no 200 may appear in the trace.
#
#   Tests/Faults/servesync.sh
source "$(dirname "$0")/lib.sh"
need_cmd strace python3 curl
[ -x "$GL" ] || skip_all "$GL is not built (swift build)"
WORK=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2> /dev/null; rm -rf "$WORK"' EXIT

# serve_traced LEDGER TRACE [strace options...]: starts serve under strace (see serve_in_background).
serve_traced() {
    local ledger=$1 trace=$2
    shift 2
    serve_in_background "$WORK/serve.out" "$WORK/serve.err" \
        strace -f -qq -ttt -s 48 -o "$trace" -e trace=fdatasync,read,write,writev,sendmsg "$@" \
        "$GL" serve --ledger "$ledger" --listen 127.0.0.1:0
}

stop_server() {
    kill -TERM "$SERVER" 2> /dev/null
    for _ in $(seq 300); do kill -0 "$SERVER" 2> /dev/null || break; sleep 0.1; done
    kill -9 "$SERVER" 2> /dev/null
    wait "$SERVER" 2> /dev/null
}

event() {
    printf '{"id":"sync:%s","type":"group.created","time":"2026-11-20T08:00:00+07:00","actor":"u1","group":"g1"}\n' "$1"
}

# 1. Ordering.
must "$GL" init --ledger "$WORK/a" --origin "$ORIGIN" > /dev/null 2>&1
TOKEN=$("$GL" token add --ledger "$WORK/a" --role importer --name sync 2> /dev/null | tail -1)
serve_traced "$WORK/a" "$WORK/a.trace" || { fail "serve did not start under strace: $(tail -3 "$WORK/serve.err")"; finish; }
for n in 1 2 3; do
    status=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code}' -X POST "$URL/v1/events" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' --data-binary "$(event "$n")")
    [ "$status" = 200 ] || fail "request $n under strace: $status"
done
stop_server
if out=$(python3 - "$WORK/a.trace" <<'PY'
import re, sys
# Lines: PID TIMESTAMP syscall(...) = result, or split into "<unfinished ...>" and "<... resumed>" halves.
line_re = re.compile(r'^(\d+)\s+(\d+\.\d+)\s+(.*)$')
in_flight = {}          # pid -> start time of an fdatasync not yet returned
returned = []           # (start, end) of every fdatasync that returned 0
requests, answers = [], []
for raw in open(sys.argv[1], errors="replace"):
    m = line_re.match(raw.strip())
    if not m:
        continue
    pid, t, rest = m.group(1), float(m.group(2)), m.group(3)
    if rest.startswith("fdatasync("):
        if "<unfinished" in rest:
            in_flight[pid] = t
        elif rest.rstrip().endswith("= 0"):
            returned.append((t, t))
    elif rest.startswith("<... fdatasync resumed>"):
        start = in_flight.pop(pid, t)
        if rest.rstrip().endswith("= 0"):
            returned.append((start, t))
    elif (rest.startswith("read(") or rest.startswith("<... read resumed>")) and "POST /v1/events" in rest:
        # A read that another thread's system call interrupted in the trace shows its bytes on the "resumed"
        # half, stamped when it returned: later than the read began, so the check is no weaker.
        requests.append(t)
    elif re.match(r'(write|writev|sendmsg)\(', rest) and "HTTP/1.1 200" in rest:
        answers.append((t, dict(in_flight)))
posts = 0
for request in requests:
    later = [a for a in answers if a[0] > request]
    if not later:
        continue
    answer, flying = later[0]
    synced = [s for s in returned if s[0] > request and s[1] < answer]
    if not synced:
        print(f"a 200 written at {answer} with no fdatasync returned since the request at {request}")
        sys.exit(1)
    if any(start > request for start in flying.values()):
        print(f"a 200 written at {answer} while an fdatasync begun after the request was still running")
        sys.exit(1)
    posts += 1
if posts < 3:
    print(f"only {posts} of 3 requests were matched to their answers in the trace")
    sys.exit(1)
print(f"{posts} answers, each after the fdatasync of its commit had returned")
PY
); then
    pass "ordering: $out"
else
    fail "ordering: $out"
fi

# 2. A failing sync: every fdatasync of the server fails with EIO (opening the ledger does not sync).
must "$GL" init --ledger "$WORK/b" --origin "$ORIGIN" > /dev/null 2>&1
TOKEN=$("$GL" token add --ledger "$WORK/b" --role importer --name sync 2> /dev/null | tail -1)
serve_traced "$WORK/b" "$WORK/b.trace" -e inject=fdatasync:error=EIO:when=1+ \
    || { fail "serve did not start with failing syncs: $(tail -3 "$WORK/serve.err")"; finish; }
status=$(curl -sS --max-time 60 -o "$WORK/answer" -w '%{http_code}' -X POST "$URL/v1/events" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' --data-binary "$(event eio)")
ready=$(curl -sS --max-time 30 -o "$WORK/ready" -w '%{http_code}' "$URL/readyz")
stop_server
if [ "$status" != 200 ] && ! grep -E '(write|writev|sendmsg)\(' "$WORK/b.trace" | grep -q "HTTP/1.1 200"; then
    pass "a failed fdatasync is answered $status, not 200: $(head -c 160 "$WORK/answer")"
else
    fail "a failed fdatasync was answered $status: $(head -c 160 "$WORK/answer")"
fi
[ "$ready" = 503 ] && pass "/readyz then says 503: $(head -1 "$WORK/ready")" || fail "/readyz after a failed sync: $ready"
finish
