"""Writes the inputs of Tests/Faults/hostile.sh into the directory given: for each format (append's JSON Lines, zca,
oa-webhook, zalo-web, roster-csv), FORMAT.good (good units only) and FORMAT.KIND (a good unit, the hostile one, and
for the line formats another good unit). A kind that does not apply to a format has no file."""
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
BIG = 100 * 1024 * 1024

def zca(msg_id, uid="7301000000000000001", group="7301128844556677001", text="Báo cáo tiến độ"):
    return ('{"event":"message","account":"7301000000000000002","payload":{"type":1,"threadId":"%s","isSelf":false,'
            '"data":{"msgId":"%s","cliMsgId":"1","msgType":"webchat","uidFrom":"%s","idTo":"%s","dName":"An",'
            '"ts":"1762130712000","content":"%s"}}}' % (group, msg_id, uid, group, text))
def oa(msg_id, sender="2468013579", text="Xin báo cáo"):
    return ('{"app_id":"1234567890123456789","event_name":"user_send_group_text","timestamp":"1762130712000",'
            '"sender":{"id":"%s"},"recipient":{"id":"f2a1c0ffee5a1d00"},"message":{"msg_id":"%s","text":"%s"}}' % (sender, msg_id, text))
def env(i, actor="7301000000000000001", text="Báo cáo"):
    return ('{"id":"h-%s","type":"post.created","time":"2026-11-29T10:00:00+07:00","actor":"%s","group":"g-1",'
            '"data":{"kind":"text","message":"m-%s"},"content":{"text":"%s"}}' % (i, actor, i, text))
def web(msg_id, uid="7301000000000000001", text="Kính gửi"):
    return ('{"msgId":"%s","cliMsgId":"1","msgType":1,"message":"%s","sendDttm":"1762044312000","fromUid":"%s",'
            '"toUid":"g7301128844556677001"}' % (msg_id, text, uid))
HEADER = "STT,Họ và tên,Chức vụ,Đơn vị,Tài khoản,Nhóm,Vai trò"
def row(n, account="7301000000000000001", name="Nguyễn Văn An", role="Thành viên"):
    return "%d,%s,Chuyên viên,Văn phòng,%s,7301128844556677001,%s" % (n, name, account, role)

def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

deep = "[" * 10000 + "]" * 10000


def lines(fmt, good1, good2, bad):
    return good1.encode() + b"\n" + bad + b"\n" + good2.encode() + b"\n"

formats = {
    "append": (lambda: env(1), lambda: env(2), lambda **k: env(3, **k), "line 2"),
    "zca": (lambda: zca("6001"), lambda: zca("6002"), lambda **k: zca("6003", **k), "line 2"),
    "oa-webhook": (lambda: oa("m1"), lambda: oa("m2"), lambda **k: oa("m3", **k), "line 2"),
    "zalo-web": (lambda: web("5901"), lambda: web("5902"), lambda **k: web("5903", **k), "element 1"),
}
idfield = {"append": "actor", "zca": "uid", "oa-webhook": "sender", "zalo-web": "uid"}
for fmt, (g1, g2, bad, where) in formats.items():
    def unit(**k):
        return bad(**k).encode()
    cases = {
        "invalid-utf8": unit(text="Báo cáo").replace("cáo".encode(), b"c\xc3\x28o"),
        "100mb-unit": unit(text="a" * BIG),
        "nul-byte": unit(text="Báo NULMARK cáo").replace(b"NULMARK", b"\x00"),
        "rtl-override": unit(**{idfield[fmt]: "73\u202e01"}),
        "duplicate-key": unit().replace(b"{", b'{"dup":1,"dup":2,', 1),
    }
    # Nesting: a 10,000-deep array as a member's value.
    u = unit()
    cases["deep-nesting"] = u[:-1] + b',"deep":' + deep.encode() + b"}"
    if fmt in ("zca", "zalo-web"):
        cases["homoglyph-id"] = unit(uid="\uff17301000000000000001")
        cases["number-id"] = unit().replace(b'"msgId":"6003"', b'"msgId":6.003e3').replace(b'"msgId":"5903"', b'"msgId":5.903e3')
    if fmt == "append":
        cases["number-id"] = unit().replace(b'"id":"h-3"', b'"id":3e0')
    for kind, data in cases.items():
        if fmt == "zalo-web":
            body = b"[" + g1().encode() + b",\n" + data + b",\n" + g2().encode() + b"]\n"
        else:
            body = lines(fmt, g1(), g2(), data)
        write("%s.%s" % (fmt, kind), body)
    write("%s.good" % fmt, (b"[" + g1().encode() + b",\n" + g2().encode() + b"]\n") if fmt == "zalo-web" else (g1() + "\n" + g2() + "\n").encode())

# Roster: header, a good row, the hostile row (row 3).
def roster(bad):
    return ("\ufeff" + HEADER + "\n" + row(1, role="Trưởng nhóm") + "\n").encode() + bad + b"\n"
write("roster-csv.good", ("\ufeff" + HEADER + "\n" + row(1, role="Trưởng nhóm") + "\n" + row(2, account="7301000000000000009") + "\n").encode())
write("roster-csv.invalid-utf8", roster(row(2, account="7301000000000000009").encode().replace("Văn".encode(), b"V\xc3\x28n")))
write("roster-csv.100mb-unit", roster(row(2, account="7301000000000000009", name='"' + "a" * BIG + '"').encode()))
write("roster-csv.nul-byte", roster(row(2, account="7301000000000000009", name="An\x00").encode()))
write("roster-csv.rtl-override", roster(row(2, account="73\u202e01").encode()))
write("roster-csv.homoglyph-id", roster(row(2, account="\uff17301000000000000009").encode()))
write("roster-csv.number-id", roster(row(2, account="7.30100E+18").encode()))
write("roster-csv.duplicate-key", ("\ufeff" + HEADER + ",Tài khoản\n" + row(1, role="Trưởng nhóm") + ",7301000000000000003\n").encode())
