#!/usr/bin/env python3
"""Generic envelopes for the append benchmarks, one JSON line each (about 370 bytes): two thirds post.created with a
Vietnamese text in content, one third member.joined. Usage: generate-envelopes.py N [START] — events START..START+N-1
(START defaults to 0), so that files made with different starts hold distinct ids."""
import json
import sys

n = int(sys.argv[1])
start = int(sys.argv[2]) if len(sys.argv) > 2 else 0
for i in range(start, start + n):
    group = "g-73011288445566770%02d" % (i % 7)
    actor = "73010000000000%05d" % (i % 5000)
    time = "2026-11-%02dT%02d:%02d:%02d+07:00" % (1 + i // 86400 % 28, i // 3600 % 24, i // 60 % 60, i % 60)
    if i % 3 == 2:
        event = {"id": "ev:join:%d" % i, "type": "member.joined", "time": time, "actor": actor, "group": group,
                 "data": {"accounts": ["73020000000000%05d" % (i % 90000)], "via": "link"}}
    else:
        event = {"id": "ev:post:%d" % i, "type": "post.created", "time": time, "actor": actor, "group": group,
                 "data": {"kind": "text", "message": str(6001000000000000000 + i)},
                 "content": {"text": "Đề nghị các đơn vị báo cáo tình hình thực hiện nhiệm vụ số %d trước 16h00 ngày mai." % i}}
    print(json.dumps(event, ensure_ascii=False))
