#!/usr/bin/env bash
# 10,000 connections opened to `groupledger serve` and left idle (issue 14): while they are held, another client's
# POST is still answered 200; after the idle timeout the server has closed every one of them and holds no more
# descriptors than before; and it goes on answering.
#
#   Tests/Faults/serveidle.sh [CONNECTIONS]      (default 10000; needs a descriptor limit above it)
source "$(dirname "$0")/lib.sh"
CONNECTIONS=${1:-10000}
need_cmd python3 curl
[ -x "$GL" ] || skip_all "$GL is not built (swift build)"
ulimit -n $((CONNECTIONS + 1000)) 2> /dev/null || skip_all "the descriptor limit ($(ulimit -Hn)) is below $((CONNECTIONS + 1000))"
WORK=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2> /dev/null; rm -rf "$WORK"' EXIT

must "$GL" init --ledger "$WORK/ledger" --origin "$ORIGIN" > /dev/null 2>&1
TOKEN=$("$GL" token add --ledger "$WORK/ledger" --role importer --name idle 2> /dev/null | tail -1)
serve_in_background "$WORK/serve.out" "$WORK/serve.err" \
    "$GL" serve --ledger "$WORK/ledger" --listen 127.0.0.1:0 --idle-timeout 15
[ -n "$URL" ] || { fail "serve did not start: $(tail -3 "$WORK/serve.err")"; finish; }
PORT=${URL##*:}
fds_before=$(ls "/proc/$SERVER/fd" | wc -l)

post() {
    curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -X POST "$URL/v1/events" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
        --data-binary "{\"id\":\"idle:$1\",\"type\":\"group.created\",\"time\":\"2026-11-20T08:00:00+07:00\",\"actor\":\"u1\",\"group\":\"g1\"}"
}

# The idle clients: connect, say nothing, then wait (at most 60 s) for the server to close each connection.
python3 - "$PORT" "$CONNECTIONS" "$WORK" > "$WORK/idle.out" 2>&1 <<'PY' &
import selectors, socket, sys, time
port, count, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
socks = []
deadline = time.monotonic() + 120
while len(socks) < count and time.monotonic() < deadline:
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.setblocking(False)
    socks.append(s)
print(f"connected={len(socks)}", flush=True)
open(f"{work}/connected", "w").write(str(len(socks)))
selector = selectors.DefaultSelector()
for s in socks:
    selector.register(s, selectors.EVENT_READ)
closed = 0
deadline = time.monotonic() + 60
while closed < len(socks) and time.monotonic() < deadline:
    for key, _ in selector.select(timeout=1):
        try:
            data = key.fileobj.recv(4096)
        except ConnectionResetError:
            data = b""
        if not data:
            selector.unregister(key.fileobj)
            key.fileobj.close()
            closed += 1
print(f"closed_by_server={closed}", flush=True)
PY
IDLE=$!
for _ in $(seq 1200); do [ -f "$WORK/connected" ] && break; sleep 0.1; done
connected=$(cat "$WORK/connected" 2> /dev/null || echo 0)
[ "$connected" -ge "$CONNECTIONS" ] && pass "$connected idle connections opened" \
    || fail "only $connected of $CONNECTIONS connections opened: $(tail -2 "$WORK/idle.out")"

status=$(post held)
[ "$status" = 200 ] && pass "a POST while $connected connections sit idle is answered 200" \
    || fail "a POST while the connections sit idle: $status"

wait "$IDLE"
closed=$(sed -n 's/^closed_by_server=//p' "$WORK/idle.out")
[ "${closed:-0}" -ge "$CONNECTIONS" ] && pass "the server closed all $closed idle connections after its idle timeout" \
    || fail "the server closed ${closed:-0} of $connected idle connections within 60 s"
fds_after=0
for _ in $(seq 100); do
    fds_after=$(ls "/proc/$SERVER/fd" | wc -l)
    [ "$fds_after" -le $((fds_before + 10)) ] && break
    sleep 0.1
done
[ "$fds_after" -le $((fds_before + 10)) ] && pass "the server holds $fds_after descriptors again ($fds_before before)" \
    || fail "the server still holds $fds_after descriptors ($fds_before before)"
status=$(post after)
[ "$status" = 200 ] && pass "the server goes on answering (200)" || fail "after the idle connections: $status"
kill -TERM "$SERVER"
wait "$SERVER"
code=$?
[ "$code" = 0 ] && pass "serve exits 0 on SIGTERM" || fail "serve exited $code"
finish
