#!/usr/bin/env bash
# TLS through a real reverse proxy: the nginx site of deploy/nginx/groupledger.conf (its paths and ports replaced,
# nothing else) in front of `groupledger serve`, on loopback, called with curl over HTTPS.
#
#   Tests/Deploy/nginx.sh            (GROUPLEDGER=path/to/groupledger to test another build)
#
# Checks: an event posted over HTTPS is appended (200 after the commit) and reads back from the ledger; the
# checkpoint is served; a body over the site's limit is refused by nginx (413) and appends nothing; the upstream's
# own refusals (401) come through unchanged; a web view login through the proxy gets a Secure session cookie; plain
# HTTP on the TLS port and TLS 1.1 are refused; the access log of `serve` records the request with its token name. Prints SKIPPED (reason) when nginx, curl or openssl is missing.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
GL=${GROUPLEDGER:-$REPO/.build/debug/groupledger}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
finish() {
    echo "nginx: $PASSED passed, $FAILED failed, 0 skipped"
    [ "$FAILED" -eq 0 ]
    exit $?
}
[ -x "$NGINX" ] || { echo "SKIPPED (nginx is not installed: apt-get install nginx-light)"; exit 77; }
command -v curl > /dev/null || { echo "SKIPPED (curl is not installed)"; exit 77; }
command -v openssl > /dev/null || { echo "SKIPPED (openssl is not installed)"; exit 77; }
[ -x "$GL" ] || { echo "SKIPPED ($GL is not built: swift build)"; exit 77; }

WORK=$(mktemp -d)
cleanup() {
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2> /dev/null
    [ -n "${SERVER:-}" ] && kill -9 "$SERVER" 2> /dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

"$GL" init --ledger "$WORK/ledger" --origin example.org/deploy > /dev/null 2>&1 || { fail "init"; finish; }
TOKEN=$("$GL" token add --ledger "$WORK/ledger" --role importer --name proxy-test 2> /dev/null | tail -1)
AUDITOR=$("$GL" token add --ledger "$WORK/ledger" --role auditor --name proxy-auditor 2> /dev/null | tail -1)
"$GL" serve --ledger "$WORK/ledger" --listen 127.0.0.1:0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER=$!
UPSTREAM=""
for _ in $(seq 300); do
    UPSTREAM=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$WORK/serve.out")
    [ -n "$UPSTREAM" ] && break
    sleep 0.1
done
[ -n "$UPSTREAM" ] || { fail "serve did not start: $(tail -3 "$WORK/serve.err")"; finish; }

# A certificate for 127.0.0.1, and the documented site with only its paths and ports replaced.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2> /dev/null \
    || { fail "openssl could not make a test certificate"; finish; }
TLS_PORT=$(free_port)
HTTP_PORT=$(free_port)
sed -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$UPSTREAM;|" \
    -e "s|listen 443 ssl;|listen 127.0.0.1:$TLS_PORT ssl;|" \
    -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|" \
    -e "s|/etc/groupledger/tls/fullchain.pem|$WORK/cert.pem|" \
    -e "s|/etc/groupledger/tls/privkey.pem|$WORK/key.pem|" \
    "$REPO/deploy/nginx/groupledger.conf" > "$WORK/site.conf"
cat > "$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/body;
    proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi;
    scgi_temp_path $WORK/scgi;
    include $WORK/site.conf;
}
EOF
"$NGINX" -t -p "$WORK" -c "$WORK/nginx.conf" > "$WORK/nginx-t.log" 2>&1 \
    || { fail "nginx refuses the documented site: $(tail -3 "$WORK/nginx-t.log")"; finish; }
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" 2> "$WORK/nginx-start.log" \
    || { fail "nginx did not start: $(tail -3 "$WORK/nginx-start.log")"; finish; }
for _ in $(seq 100); do [ -s "$WORK/nginx.pid" ] && break; sleep 0.1; done

BASE=https://127.0.0.1:$TLS_PORT
CURL=(curl -sS --max-time 30 --cacert "$WORK/cert.pem")
EVENT='{"id":"proxy:1","type":"group.created","time":"2026-11-20T08:00:00+07:00","actor":"u1","group":"g1"}'

status=$("${CURL[@]}" -o "$WORK/answer" -w '%{http_code}' -X POST "$BASE/v1/events" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' --data-binary "$EVENT")
if [ "$status" = 200 ] && grep -q '"appended":1' "$WORK/answer"; then
    pass "POST /v1/events over HTTPS through nginx: 200 $(cat "$WORK/answer")"
else
    fail "POST /v1/events over HTTPS: $status $(cat "$WORK/answer")"
fi

status=$("${CURL[@]}" -o "$WORK/checkpoint" -w '%{http_code}' "$BASE/checkpoint")
if [ "$status" = 200 ] && [ "$(head -1 "$WORK/checkpoint")" = example.org/deploy ] \
    && [ "$(sed -n 2p "$WORK/checkpoint")" = 2 ]; then
    pass "GET /checkpoint through nginx names the origin and the size 2"
else
    fail "GET /checkpoint: $status $(head -3 "$WORK/checkpoint")"
fi

head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' 'x' > "$WORK/big"
status=$("${CURL[@]}" -o /dev/null -w '%{http_code}' -X POST "$BASE/v1/events" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' --data-binary "@$WORK/big")
[ "$status" = 413 ] && pass "a 17 MiB body is refused by nginx with 413" || fail "a 17 MiB body: $status"

status=$("${CURL[@]}" -o /dev/null -w '%{http_code}' -X POST "$BASE/v1/events" \
    -H 'Authorization: Bearer glt_not-a-token' -H 'Content-Type: application/x-ndjson' --data-binary "$EVENT")
[ "$status" = 401 ] && pass "an unknown token gets the server's 401 through nginx" || fail "unknown token: $status"

# The web view: nginx says X-Forwarded-Proto: https, so the session cookie is Secure.
"${CURL[@]}" -o /dev/null -D "$WORK/login-headers" -X POST "$BASE/login" \
    --data-urlencode "token=$AUDITOR" --data-urlencode "next=/" 2> /dev/null
if grep -qi '^set-cookie: gl_session=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Strict; Secure' "$WORK/login-headers"; then
    pass "a web view login through nginx gets a Secure, HttpOnly, SameSite=Strict session cookie"
else
    fail "web view login through nginx: $(tr -d '\r' < "$WORK/login-headers" | head -8)"
fi

status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$TLS_PORT/checkpoint")
[ "$status" != 200 ] && pass "plain HTTP on the TLS port is not served ($status)" \
    || fail "plain HTTP on the TLS port was served"
if "${CURL[@]}" --tlsv1.1 --tls-max 1.1 -o /dev/null "$BASE/checkpoint" 2> /dev/null; then
    fail "TLS 1.1 was accepted"
else
    pass "TLS 1.1 is refused"
fi
status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$HTTP_PORT/checkpoint")
case "$status" in
    "308 https://"*) pass "plain HTTP on port 80's stand-in redirects to HTTPS ($status)" ;;
    *) fail "plain HTTP redirect: $status" ;;
esac

kill -TERM "$SERVER"
for _ in $(seq 300); do kill -0 "$SERVER" 2> /dev/null || break; sleep 0.1; done
wait "$SERVER"
code=$?
SERVER=""
[ "$code" = 0 ] && pass "serve exits 0 on SIGTERM" || fail "serve exited $code on SIGTERM"
if "$GL" log --ledger "$WORK/ledger" --json | grep -q '"id":"proxy:1"'; then
    pass "the event posted through the proxy is in the ledger"
else
    fail "the event posted through the proxy is not in the ledger"
fi
if [ "$("$GL" log --ledger "$WORK/ledger" --json | wc -l)" = 2 ]; then
    pass "the refused bodies appended nothing (2 records: init and the one event)"
else
    fail "the ledger holds $("$GL" log --ledger "$WORK/ledger" --json | wc -l) records, not 2"
fi
grep -q '"token":"proxy-test"' "$WORK/ledger/access.jsonl" \
    && pass "serve's access log names the token of the proxied request" \
    || fail "serve's access log does not name the token"
finish
