#!/usr/bin/env bash
# Regenerates the seed inputs in Fuzz/corpus/<target>/seed-* from a small real ledger made with the CLI.
# The seeds are committed; run this only when the formats change. Regression inputs (crash-*) are never touched.
#
#   Fuzz/Scripts/make-seeds.sh                 # every target (needs the CLI: swift build)
#   Fuzz/Scripts/make-seeds.sh --importers     # only the importer targets, from Fixtures/import (no CLI needed)
set -euo pipefail
FUZZ=$(cd "$(dirname "$0")/.." && pwd)

# Importers: a few lines of each fixture in Fixtures/import, plus small hand-written cases each source can send
# (CRLF and blank lines, a BOM, numeric ids, a bare number and a string element, quoted line breaks).
importer_seeds() {
    local fixtures=$FUZZ/../Fixtures/import t
    for t in FuzzZca FuzzOAWebhook FuzzZaloWeb FuzzRosterCSV; do
        mkdir -p "$FUZZ/corpus/$t"
        rm -f "$FUZZ/corpus/$t"/seed-*
    done
    local zca=$FUZZ/corpus/FuzzZca oa=$FUZZ/corpus/FuzzOAWebhook web=$FUZZ/corpus/FuzzZaloWeb roster=$FUZZ/corpus/FuzzRosterCSV
    # zca: connected, a join, two messages, a 1:1 message, a reaction, an undo, both receipts, typing, old_messages, closed.
    sed -n '1p;2p;4p;5p;19p;20p;23p;24p;25p;26p;49p' "$fixtures/zca/capture.jsonl" > "$zca/seed-capture"
    sed -n '48p' "$fixtures/zca/capture.jsonl" > "$zca/seed-old-messages"
    sed -n '27,40p' "$fixtures/zca/capture.jsonl" > "$zca/seed-group-events"
    { sed -n '4p' "$fixtures/zca/capture.jsonl"; printf ' \t\r\n\n'; sed -n '1p' "$fixtures/zca/capture.jsonl"; } |
        sed 's/$/\r/' > "$zca/seed-crlf"
    printf '%s\n' \
        '{"event":"message","payload":{"type":1,"data":{"msgId":6001,"cliMsgId":1,"msgType":"webchat","uidFrom":"0","idTo":"7301128844556677001","dName":"An","ts":1762130712000,"content":"xin chào"},"threadId":"7301128844556677001","isSelf":true},"account":"7301000000000000002"}' \
        '{"event":"group_event","payload":{"type":1,"act":"some_new_act","data":"{\"groupId\":\"7301128844556677001\",\"sourceId\":\"7301000000000000001\",\"time\":\"1762130662000\"}","threadId":"7301128844556677001","isSelf":false},"account":"7301000000000000002"}' \
        '{"event":"error","payload":{"code":1},"account":"7301000000000000002"}' \
        > "$zca/seed-hand"
    # OA webhook: the fixtures' bare, signed (the harness re-signs with its own secret) and tampered lines.
    cp "$fixtures/oa-webhook/bare.jsonl" "$oa/seed-bare"
    cp "$fixtures/oa-webhook/signed.jsonl" "$oa/seed-signed"
    cp "$fixtures/oa-webhook/tampered.jsonl" "$oa/seed-tampered"
    printf '%s\n' \
        '{"app_id":1234567890123456789,"event_name":"user_send_group_sticker","timestamp":1762130712000,"sender":{"id":2468013579},"recipient":{"id":"f2a1c0ffee5a1d00"},"message":{"msg_id":"oamsg-9","attachments":[{"type":"sticker","payload":{"id":"s1","url":"https://example.zdn.vn/s.png"}}]}}' \
        '{"signature":"mac=00","body":"{\"app_id\":\"42\",\"event_name\":\"user_out_group\",\"timestamp\":1762130717000,\"sender\":{\"id\":\"1357924680\"},\"recipient\":{\"id\":\"f2a1c0ffee5a1d00\"}}"}' \
        > "$oa/seed-hand"
    # Zalo Web: the whole store is too long for one seed; one per three elements, and edge cases.
    python3 - "$fixtures/zalo-web/store.json" "$web" <<'PY'
import json, sys
store, out = json.load(open(sys.argv[1])), sys.argv[2]
for n in range(0, len(store), 3):
    with open(f'{out}/seed-store-{n // 3}', 'w') as f:
        json.dump(store[n:n + 3], f, ensure_ascii=False, indent=1)
with open(f'{out}/seed-compact', 'w') as f:
    json.dump(store[:2], f, ensure_ascii=False, separators=(',', ':'))
with open(f'{out}/seed-odd-elements', 'w') as f:
    f.write('[ 1, "a string", null, [], ' + json.dumps(store[0], ensure_ascii=False) + ' ]\n')
PY
    printf '[]' > "$web/seed-empty"
    # Roster: the fixture, and short rosters (English headers with assigned_by, CRLF, no BOM).
    cp "$fixtures/roster/roster.csv" "$roster/seed-roster"
    printf '%s\r\n' 'full name,position,unit,account,group,role,assigned_by' \
        'An,Head,Office,7301000000000000001,7301128844556677001,head,' \
        'Binh,Officer,Office,7301000000000000002,7301128844556677001,admin,7301000000000000001' \
        '"Cuong, Jr.",Officer,"Dept ""A""",,7301128844556677001,member,' > "$roster/seed-english"
    printf '%s\n' 'Họ và tên,Chức vụ,Đơn vị,Tài khoản,Nhóm,Vai trò' \
        'Dung,Phó,Sở TC,7301000000000000004,7301128844556677001,Phó nhóm' \
        'Em,Chuyên viên,Sở TC,7301000000000000005,7301128844556677001,Quản trị' > "$roster/seed-vietnamese"
}

if [ "${1:-}" = --importers ]; then
    importer_seeds
    ls "$FUZZ"/corpus/Fuzz{Zca,OAWebhook,ZaloWeb,RosterCSV}/
    exit 0
fi
GL=${GROUPLEDGER:-$FUZZ/../.build/debug/groupledger}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
L=$T/L
"$GL" init --ledger "$L" --origin example.org/fuzz > /dev/null
cat > "$T/events.jsonl" <<'JSON'
{"id":"x1","type":"head.assigned","time":"2026-11-29T10:00:00Z","actor":"vp","group":"g-1","data":{"person":"p-1"}}
{"id":"x2","type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"7301000000000000001","group":"g-1","data":{"kind":"text","message":"m-1"},"content":{"text":"Báo cáo tiến độ","n":[1,2.5,-0,1e21,12345678901234567890]}}
{"id":"x3","type":"member.joined","time":"2026-11-02T08:10:00+07:00","actor":"7301000000000000002","group":"g-1","data":{"accounts":["7301000000000000009"]}}
JSON
"$GL" append --ledger "$L" --batch 1 "$T/events.jsonl" > /dev/null
seg=$L/segments/00000000000000000000.seg
for t in FuzzRecord FuzzFrames FuzzEnvelope FuzzNote FuzzCheckpoint FuzzProof FuzzHead; do
    mkdir -p "$FUZZ/corpus/$t"
    rm -f "$FUZZ/corpus/$t"/seed-*
done
# Records and frames: walk the frames of the segment (u32 length, record, 32-byte leaf hash).
python3 - "$seg" "$FUZZ/corpus" <<'PY'
import sys, struct
seg, out = sys.argv[1], sys.argv[2]
data = open(seg, 'rb').read()
off, n, items = 64, 0, b''
while off + 4 <= len(data):
    (length,) = struct.unpack('>I', data[off:off + 4])
    record = data[off + 4:off + 4 + length]
    open(f'{out}/FuzzRecord/seed-{n}', 'wb').write(record)
    items += struct.pack('>H', len(record) - 84) + record
    off += 4 + length + 32
    n += 1
open(f'{out}/FuzzFrames/seed-segment', 'wb').write(b'\x00' + data)
open(f'{out}/FuzzFrames/seed-framed', 'wb').write(b'\x01' + items)
PY
cp "$T/events.jsonl" "$FUZZ/corpus/FuzzEnvelope/seed-lines"
i=0
while IFS= read -r line; do printf '%s' "$line" > "$FUZZ/corpus/FuzzEnvelope/seed-$i"; i=$((i + 1)); done < "$T/events.jsonl"
"$GL" checkpoint --ledger "$L" > "$FUZZ/corpus/FuzzNote/seed-checkpoint"
sed '/^$/,$d' "$FUZZ/corpus/FuzzNote/seed-checkpoint" > "$FUZZ/corpus/FuzzCheckpoint/seed-body"
"$GL" prove inclusion --ledger "$L" --index 1 > "$FUZZ/corpus/FuzzProof/seed-inclusion"
head -c 8192 "$L/head" | tr -d '\000' > "$T/slot"
{ printf '\000'; cat "$T/slot"; } > "$FUZZ/corpus/FuzzHead/seed-slot"
{ printf '\001'; sed '$d' "$T/slot"; } > "$FUZZ/corpus/FuzzHead/seed-body"
importer_seeds
ls "$FUZZ"/corpus/*/ | head -80
