#!/usr/bin/env bash
# Regenerates the seed inputs in Fuzz/corpus/<target>/seed-* from a small real ledger made with the CLI.
# The seeds are committed; run this only when the formats change. Regression inputs (crash-*) are never touched.
set -euo pipefail
FUZZ=$(cd "$(dirname "$0")/.." && pwd)
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
ls "$FUZZ"/corpus/*/ | head -40
