#!/usr/bin/env python3
"""Load for `groupledger serve` over loopback, for servekill.sh (issue 14, kill -9 under load).

  serve-load.py load URL TOKEN WORKDIR SEED      64 clients post 1- and 100-event requests until the server dies
                                                 (or 30 s pass); writes WORKDIR/acked.txt (ids answered 200) and
                                                 WORKDIR/pending.jsonl (bodies sent without an answer)
  serve-load.py retry URL TOKEN WORKDIR          posts every pending body again until it is answered 200 (bounded)
  serve-load.py check WORKDIR LOG.jsonl          every acknowledged and every retried id is in the ledger exactly once

Only the standard library; every loop is bounded in count and time.
"""
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

CLIENTS = 64
MAX_SECONDS = 30
MAX_REQUESTS_PER_CLIENT = 2000


def connection(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)


def body(round, client, request, size):
    lines = []
    for i in range(size):
        event = {
            "id": f"load:{round}:{client}:{request}:{i}",
            "type": "member.joined",
            "time": "2026-11-20T08:00:00+07:00",
            "actor": f"u{client}",
            "group": f"g{client % 7}",
            "data": {"accounts": [f"a{client}-{request}-{i}"]},
        }
        lines.append(json.dumps(event, separators=(",", ":")))
    return ("\n".join(lines) + "\n").encode()


def post(conn, token, payload):
    conn.request(
        "POST", "/v1/events", body=payload,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/x-ndjson"},
    )
    response = conn.getresponse()
    return response.status, response.read()


def load(url, token, workdir, seed):
    acked, pending = [], []
    lock = threading.Lock()
    deadline = time.monotonic() + MAX_SECONDS

    def client(number):
        rng = random.Random(seed * 1000 + number)
        conn = connection(url)
        for request in range(MAX_REQUESTS_PER_CLIENT):
            if time.monotonic() > deadline:
                return
            size = 100 if rng.random() < 0.2 else 1
            payload = body(seed, number, request, size)
            try:
                status, answer = post(conn, token, payload)
            except (OSError, http.client.HTTPException):
                with lock:
                    pending.append(payload.decode())
                return
            if status == 200:
                with lock:
                    acked.extend(json.loads(line)["id"] for line in payload.decode().splitlines())
            elif status == 503:
                with lock:
                    pending.append(payload.decode())
                time.sleep(0.05)
            else:
                print(f"unexpected status {status}: {answer[:200]!r}", file=sys.stderr)
                sys.exit(1)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(MAX_SECONDS + 15)
    with open(f"{workdir}/acked.txt", "a") as out:
        out.writelines(f"{id}\n" for id in acked)
    with open(f"{workdir}/pending.jsonl", "w") as out:
        out.writelines(json.dumps(p) + "\n" for p in pending)
    print(f"acked={len(acked)} pending_requests={len(pending)}")


def retry(url, token, workdir):
    with open(f"{workdir}/pending.jsonl") as f:
        pending = [json.loads(line) for line in f if line.strip()]
    retried = 0
    for payload in pending:
        for attempt in range(50):
            try:
                conn = connection(url)
                status, answer = post(conn, token, payload.encode())
                conn.close()
            except (OSError, http.client.HTTPException):
                time.sleep(0.1)
                continue
            if status == 200:
                break
            if status != 503:
                print(f"retry: unexpected status {status}: {answer[:200]!r}", file=sys.stderr)
                sys.exit(1)
            time.sleep(0.1)
        else:
            print("retry: a pending request was never answered 200", file=sys.stderr)
            sys.exit(1)
        retried += 1
        with open(f"{workdir}/retried.txt", "a") as out:
            out.writelines(json.loads(line)["id"] + "\n" for line in payload.splitlines())
    print(f"retried_requests={retried}")


def check(workdir, log):
    counts = {}
    with open(log) as f:
        for line in f:
            if line.strip():
                id = json.loads(line)["event"]["id"]
                counts[id] = counts.get(id, 0) + 1
    wanted = set()
    for name in ("acked.txt", "retried.txt"):
        try:
            with open(f"{workdir}/{name}") as f:
                wanted.update(line.strip() for line in f if line.strip())
        except FileNotFoundError:
            pass
    missing = [id for id in wanted if counts.get(id, 0) == 0]
    repeated = [id for id, n in counts.items() if n > 1]
    if missing or repeated:
        print(f"missing={len(missing)} {missing[:5]} repeated={len(repeated)} {repeated[:5]}", file=sys.stderr)
        sys.exit(1)
    print(f"checked={len(wanted)} exactly once")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "load":
        load(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif command == "retry":
        retry(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "check":
        check(sys.argv[2], sys.argv[3])
    else:
        sys.exit(64)
