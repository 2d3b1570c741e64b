#!/usr/bin/env bash
# Import of N zca-js listener lines (group text messages, ~600 bytes each), including the durable appends,
# with the release build of groupledger. Usage: Benchmarks/import-bench.sh [N]   (default 1000000)
# MIX=1: a mixed capture instead, per 20 lines: 14 text messages, 2 with a mention, 1 reply quoting a message,
# 1 photo, 1 reaction and 1 recall (the last four take the decoder's general path).
# BATCH=0 (the default, as `import` without --batch): one durable commit, staged while decoding;
# BATCH=1000: every line checked first, then a commit every 1,000 events.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product groupledger >/dev/null
python3 - "$n" "${MIX:-0}" > "$work/capture.jsonl" <<'PY'
import json, sys
n, mix = int(sys.argv[1]), sys.argv[2] == "1"
for i in range(n):
    group = "73011288445566770%02d" % (i % 7)
    uid = "73010000000000%05d" % (i % 5000)
    msg = str(6001000000000000000 + i)
    data = {
        "actionId": str(7000000000 + i), "msgId": msg, "cliMsgId": str(1762000000000 + i), "msgType": "webchat",
        "uidFrom": uid, "idTo": group, "dName": "Cán bộ %d" % (i % 5000), "ts": str(1762045800000 + i * 1000),
        "status": 1, "content": "Đề nghị các đơn vị báo cáo tình hình thực hiện nhiệm vụ số %d trước 16h00." % i,
        "notify": "1", "ttl": 0, "userId": "0", "uin": "0", "cmd": 521, "st": 3, "at": 5}
    event, kind = "message", i % 20 if mix else 0
    if kind in (14, 15):  # a mention
        data["content"] = "@Cường Sở NN " + data["content"]
        data["mentions"] = [{"uid": "7301000000000000003", "pos": 0, "len": 12, "type": 0}]
    elif kind == 16:  # a reply quoting an earlier message
        data["quote"] = {"ownerId": 7301000000000000001, "cliMsgId": 1762000000000 + i - 1,
                         "globalMsgId": 6001000000000000000 + i - 1, "cliMsgType": 1, "ts": 1762045800000,
                         "msg": "Báo cáo trước 16h00", "attach": "", "fromD": "An PCT", "ttl": 0}
    elif kind == 17:  # a photo
        data["msgType"] = "chat.photo"
        data["content"] = {"title": "Ảnh hiện trường %d" % i, "description": "", "href": "https://f1.example.zdn.vn/p.jpg",
                           "thumb": "https://s120.example.zdn.vn/t.jpg", "childnumber": 0, "action": "", "params": "",
                           "type": ""}
    elif kind == 18:  # a reaction to the message before
        event, data["msgType"] = "reaction", "chat.reaction"
        data["content"] = {"rMsg": [{"gMsgID": 6001000000000000000 + i - 1, "cMsgID": 1762000000000 + i - 1,
                                     "msgType": 1}], "rIcon": "/-strong", "rType": 3, "source": 6}
    elif kind == 19:  # a recall of the message before
        event = "undo"
        data["content"] = {"globalMsgId": 6001000000000000000 + i - 1, "cliMsgId": 1762000000000 + i - 1,
                           "deleteMsg": 1, "srcId": int(uid), "destId": int(group)}
    payload = {"type": 1, "threadId": group, "isSelf": False, "data": data}
    if event != "message":
        del payload["type"]
        payload["isGroup"] = True
    print(json.dumps({"event": event, "payload": payload, "account": "7301000000000000002"}, ensure_ascii=False))
PY
bytes=$(stat -c %s "$work/capture.jsonl")
.build/release/groupledger init --ledger "$work/ledger" --origin bench.example/import >/dev/null
start=$(date +%s.%N)
/usr/bin/time -f "peak_rss_kib=%M" .build/release/groupledger import zca --ledger "$work/ledger" --batch "${BATCH:-0}" \
    "$work/capture.jsonl" 2>"$work/time.txt" >/dev/null
end=$(date +%s.%N)
seconds=$(echo "$end - $start" | bc)
echo "events=$n input_bytes=$bytes batch=${BATCH:-0} mix=${MIX:-0}"
echo "import_seconds=$seconds"
echo "import_events_per_second=$(echo "$n / $seconds" | bc)"
cat "$work/time.txt"
