#!/usr/bin/env python3
"""Generates Fixtures/province/events.jsonl: a month (November 2026) of a fictional province's Zalo work groups.

Deterministic: the same script always writes the same bytes (a fixed random seed, no clock, no environment).
Run it from anywhere: `python3 Fixtures/province/generate.py`. Every line is an event of docs/EVENTS.md; the
ledger gives line N sequence number N (record 0 is `ledger.initialized`), which the `finding.reviewed` events at
the end rely on.

What the month contains, for the demo and the tests:
- 6 groups; group 6 (Tài nguyên) never gets a head (R1) and gets two admins (R3); group 4's head is registered as
  in charge of another field (R1); group 5's admin was assigned by
  someone other than the head (R3); group 4 hands its admin over with a short overlap (no finding).
- 60 people with one account each; most acknowledge the rules, a few never do (R5).
- p-020 changes account the right way (reported via the admin, approved by the head, then bound); p-031's new
  account joins and posts before anyone hears of it (R4); an account nobody registered joins group 3 (R4).
- About 1,700 ordinary work posts, 430 reactions and 350 seen receipts, in working hours; quieter weekends.
- A "TỐI MẬT" post and the false friends: mật khẩu, mật độ, mật ong, thân mật, bảo mật, bí mật, GIẢI MẬT (one in
  NFD); a "TUYỆT MẬT" post that the demo withholds (event id WITHHELD_POST_ID below).
- Emoji (a ZWJ family, a flag, a skin tone, a keycap), a Zalo emoticon, a sticker post, an advert with price,
  delivery and phone number, an unofficial link and an official one, and one insult.
- 12 directives from heads: answered by recorded acknowledgements, by quoting replies and by reactions, some with
  progress and completion, one cancelled, some overdue; one falls in a capture gap (code 3000, 18-19 Nov); one
  head post reads like a directive but nobody confirmed it (a candidate).
"""

import json
import random
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent / "events.jsonl"
WITHHELD_POST_ID = "zca:g-7301128844556677002:6001000000000099001"

rng = random.Random(2547)
events = []  # (sort key, event)


def t(day, hour, minute=0, second=0):
    return f"2026-11-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}+07:00"


def add(time, type_, actor, id_, group=None, data=None, content=None):
    event = {"id": id_, "type": type_, "time": time, "actor": actor}
    if group is not None:
        event["group"] = group
    if data is not None:
        event["data"] = data
    if content is not None:
        event["content"] = content
    events.append((time, len(events), event))
    return event


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


# ---------------------------------------------------------------- people and accounts

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLES = ["Văn", "Thị", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc", "Thu", "Đức", "Hoài", "Xuân", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hòa", "Hùng", "Khánh", "Lan", "Long", "Mai", "Nam", "Nga",
         "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thủy", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Linh", "Huy"]
UNITS = ["Sở Nông nghiệp và PTNT", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải",
         "Sở Tài nguyên và Môi trường", "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "UBND thành phố Buôn Ma Thuột",
         "UBND huyện Krông Pắc", "UBND huyện Ea H'leo", "UBND thị xã Buôn Hồ", "Sở Xây dựng", "Sở Nội vụ"]

people = {}  # person id -> dict(name, position, unit, account)


def account_of(n):
    return f"7301{n:015d}"


for n in range(1, 61):
    pid = f"p-{n:03d}"
    if n <= 5:
        position, unit = "Phó Chủ tịch UBND tỉnh", "UBND tỉnh"
    elif n <= 12:
        position, unit = "Chuyên viên", "Văn phòng UBND tỉnh"
    else:
        position = rng.choice(["Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Trưởng phòng"])
        unit = rng.choice(UNITS)
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
    people[pid] = {"name": name, "position": position, "unit": unit, "account": account_of(n)}

CAPTURE_ACCOUNT = "7301000000000000900"

GROUPS = [
    ("g-7301128844556677001", "UBND tỉnh - Nông nghiệp", "Nông nghiệp và PTNT", "p-001", ["p-006"]),
    ("g-7301128844556677002", "UBND tỉnh - Tài chính", "Tài chính - Ngân sách", "p-002", ["p-007"]),
    ("g-7301128844556677003", "UBND tỉnh - Y tế", "Y tế", "p-003", ["p-008"]),
    ("g-7301128844556677004", "UBND tỉnh - Giáo dục", "Giáo dục và Đào tạo", "p-004", ["p-009"]),
    ("g-7301128844556677005", "UBND tỉnh - Giao thông", "Giao thông vận tải", "p-005", ["p-012"]),
    ("g-7301128844556677006", "UBND tỉnh - Tài nguyên", "Tài nguyên và Môi trường", None, ["p-010", "p-011"]),
]
G = [g[0] for g in GROUPS]

# ---------------------------------------------------------------- governance: day 1 (2 Nov)

day1 = 2
minute = 0


def tick():
    global minute
    minute += 1
    return t(day1, 7 + minute // 60, minute % 60)


# The fields each provincial leader is in charge of (lĩnh vực phụ trách). p-004 heads the education group but is
# registered as in charge of culture and tourism only (R1 head-not-in-charge).
LEADER_FIELDS = {
    "p-001": ["Nông nghiệp và PTNT"],
    "p-002": ["Tài chính", "Kế hoạch và Đầu tư"],
    "p-003": ["Y tế"],
    "p-004": ["Văn hóa, Thể thao và Du lịch"],
    "p-005": ["Giao thông vận tải", "Xây dựng"],
}

for pid, person in people.items():
    data = {"person": pid, "position": person["position"], "unit": person["unit"]}
    if pid in LEADER_FIELDS:
        data["fields"] = LEADER_FIELDS[pid]
    add(tick(), "person.registered", "vp-ubnd", f"gov:person:{pid}",
        data=data,
        content={"full_name": person["name"]})
    add(tick(), "account.bound", "vp-ubnd", f"gov:account:{pid}:{person['account']}",
        data={"person": pid, "account": person["account"]})

add(t(day1, 7, 0), "capture.started", CAPTURE_ACCOUNT, "capture:start:1",
    data={"account": CAPTURE_ACCOUNT, "session": "s-1"})

members_of = {}
for index, (gid, name, field, head, admins) in enumerate(GROUPS):
    at = t(day1, 9, 10 * index)
    add(at, "group.registered", "vp-ubnd", f"gov:group:{gid}", group=gid,
        data={"field": field, "decision": "2547/QĐ-UBND"}, content={"name": name})
    creator = people[head or "p-006"]["account"]
    add(t(day1, 9, 10 * index + 1), "group.created", creator, f"zca-ge:{gid}:create", group=gid,
        data={"creator": creator}, content={"name": name})
    if head:
        add(t(day1, 9, 10 * index + 2), "head.assigned", "vp-ubnd", f"gov:head:{gid}", group=gid,
            data={"person": head})
    for k, admin in enumerate(admins):
        assigned_by = head or "vp-ubnd"
        if gid == G[4]:
            assigned_by = "p-007"  # R3: not the head
        add(t(day1, 9, 10 * index + 3 + k), "admin.assigned", "vp-ubnd", f"gov:admin:{gid}:{admin}", group=gid,
            data={"person": admin, "assigned_by": assigned_by})
    if index == 0:
        add(t(day1, 9, 5), "deputy.assigned", "vp-ubnd", f"gov:deputy:{gid}:p-013", group=gid,
            data={"person": "p-013"})
    # members: the head, the admins and 10-14 others
    pool = [f"p-{n:03d}" for n in range(13, 61)]
    others = rng.sample(pool, rng.randint(10, 14))
    members = ([head] if head else []) + admins + others
    if gid == G[0] and "p-020" not in members:
        members.append("p-020")
    if gid == G[1] and "p-031" not in members:
        members.append("p-031")
    members_of[gid] = members
    accounts = [people[p]["account"] for p in members]
    add(t(day1, 10, 10 * index), "member.joined", creator, f"zca-ge:{gid}:join:initial", group=gid,
        data={"accounts": accounts, "added_by": creator, "via": "invite"},
        content={"display_names": [f"{people[p]['name']} - {people[p]['position']}" for p in members]})
    admin_accounts = [people[a]["account"] for a in admins]
    add(t(day1, 10, 10 * index + 1), "group.admin_added", creator, f"zca-ge:{gid}:add_admin", group=gid,
        data={"accounts": admin_accounts, "by": creator})
    add(t(day1, 10, 10 * index + 2), "group.settings_changed", creator, f"zca-ge:{gid}:setting:1", group=gid,
        data={"settings": {"joinAppr": 1, "lockSendMsg": 0, "addMemberOnly": 1, "enableMsgHistory": 1,
                           "lockViewMember": 0, "signAdminMsg": 1}})

# R5: acknowledgements on 2-5 Nov; a few people never acknowledge
never_acknowledge = {"p-044", "p-052", "p-058"}
for gid, members in members_of.items():
    for pid in members:
        if pid in never_acknowledge:
            continue
        day = rng.randint(2, 5)
        add(t(day, rng.randint(13, 17), rng.randint(0, 59)), "rules.acknowledged", "vp-ubnd",
            f"gov:ack:{gid}:{pid}", group=gid, data={"person": pid, "rulebook": "2547/QĐ-UBND", "version": "2021"})

# ---------------------------------------------------------------- ordinary traffic

WORK = [
    "Báo cáo tiến độ thực hiện kế hoạch tháng 11 đã gửi qua hệ thống quản lý văn bản.",
    "Đã nhận, cảm ơn đồng chí.",
    "Kính gửi lãnh đạo, đơn vị đã hoàn thành rà soát số liệu.",
    "Đề nghị các đơn vị cập nhật số liệu trước cuộc họp giao ban.",
    "Xin gửi lịch họp giao ban tuần sau, đề nghị các đồng chí bố trí thời gian.",
    "Đơn vị đang phối hợp với UBND huyện để xử lý, sẽ báo cáo sau.",
    "Văn bản số {n}/UBND-TH đã được ban hành, các đơn vị lưu ý thực hiện.",
    "Đã chuyển hồ sơ sang Sở Tài chính thẩm định.",
    "Xin ý kiến chỉ đạo của đồng chí về phương án bố trí kinh phí.",
    "Số liệu giải ngân vốn đầu tư công đến ngày {d}/11 đạt {p}%.",
    "Hội nghị trực tuyến bắt đầu lúc 14h00, đường link đã gửi qua email công vụ.",
    "Tình hình giá cả thị trường trên địa bàn ổn định, chưa có biến động lớn.",
    "Đề nghị liên hệ đồng chí Trưởng phòng Kế hoạch để thống nhất số liệu.",
    "Báo cáo nhanh tình hình mưa lũ tại huyện Krông Pắc: chưa có thiệt hại về người.",
    "Đã tiếp thu ý kiến, đơn vị sẽ hoàn thiện dự thảo.",
]

message_counter = [6001000000000000000]


def next_message():
    message_counter[0] += 1
    return str(message_counter[0])


posts_by_group = {gid: [] for gid in G}  # (message id, author account)


def post(gid, author_pid, time, text, kind="text", quote=None, mentions=None, attachments=None, msg=None,
         account=None):
    msg = msg or next_message()
    account = account or people[author_pid]["account"]
    data = {"message": msg, "kind": kind}
    if quote:
        data["quote"] = quote
    if mentions:
        data["mentions"] = mentions
    content = {"text": text}
    if attachments:
        content["attachments"] = attachments
    if author_pid:
        content["display_name"] = people[author_pid]["name"]
    add(time, "post.created", account, f"zca:{gid}:{msg}", group=gid, data=data, content=content)
    posts_by_group[gid].append((msg, account))
    return msg


GAP_START = (18, 10)  # capture stopped 18 Nov 10:00
GAP_END = (19, 14)  # restarted 19 Nov 14:00


def in_gap(day, hour):
    return (day, hour) >= GAP_START and (day, hour) < GAP_END


for day in range(3, 31):
    weekday = (day + 6) % 7  # 2 Nov 2026 is a Monday
    busy = 14 if weekday < 5 else 3
    for gid in G:
        for _ in range(busy):
            hour = rng.choice([7, 8, 9, 10, 11, 13, 14, 15, 16])
            if in_gap(day, hour):
                continue
            author = rng.choice(members_of[gid])
            text = rng.choice(WORK).format(n=rng.randint(1000, 9999), d=day, p=rng.randint(40, 95))
            time = t(day, hour, rng.randint(0, 59), rng.randint(0, 59))
            switched = author == "p-020" and day >= 14
            msg = post(gid, author, time, text, account="7301000000000001020" if switched else None)
            roll = rng.random()
            if roll < 0.25:
                reactor = rng.choice(members_of[gid])
                add(time[:17] + "59" + time[19:], "reaction.added", people[reactor]["account"],
                    f"zca-r:{gid}:{msg}:{reactor}", group=gid, data={"message": msg, "icon": "/-strong"})
            elif roll < 0.45:
                seen = sorted(people[p]["account"] for p in rng.sample(members_of[gid], 3))
                add(time[:17] + "58" + time[19:], "message.seen", CAPTURE_ACCOUNT, f"zca-s:{gid}:{msg}",
                    group=gid, data={"messages": [msg], "accounts": seen})

# ---------------------------------------------------------------- text rules: R7a–R7e and their false friends

g1, g2, g3, g4, g5, g6 = G


def member(gid, k):
    """The k-th ordinary member of a group (not its head or admins), for the special posts."""
    heads_and_admins = {GROUPS[G.index(gid)][3], *GROUPS[G.index(gid)][4], "p-020", "p-031"}
    return [p for p in members_of[gid] if p not in heads_and_admins][k]


post(g1, member(g1, 0), t(10, 9, 15),
     "Gửi các đồng chí tài liệu TỐI MẬT về phương án phòng chống dịch tả lợn châu Phi.")
post(g2, member(g2, 0), t(24, 10, 20), "Kế hoạch TUYỆT MẬT về nhân sự, đề nghị không chia sẻ ra ngoài.",
     msg=WITHHELD_POST_ID.rsplit(":", 1)[1])
post(g3, "p-008", t(11, 8, 30), "Đề nghị các đồng chí đổi mật khẩu hộp thư công vụ trước ngày 15/11.")
post(g4, "p-009", t(11, 9, 0), "Mật độ dân cư tại các xã vùng sâu còn thấp, ảnh hưởng đến việc bố trí điểm trường.")
post(g1, member(g1, 1), t(12, 15, 0),
     "Hợp tác xã đang hỗ trợ bà con tiêu thụ mật ong, đề nghị Sở Công Thương hỗ trợ kết nối.")
post(g2, "p-007", t(12, 16, 0), "Cảm ơn các đồng chí đã phối hợp thân mật và hiệu quả trong đợt kiểm tra.")
post(g3, member(g3, 0), t(13, 9, 45), "Đề nghị các đơn vị tăng cường bảo mật thông tin, không chia sẻ tài khoản.")
post(g4, member(g4, 0), t(13, 10, 0), "Công tác giữ bí mật nhà nước cần được quán triệt đến từng cán bộ.")
post(g5, "p-012", t(16, 14, 0), "Văn bản đã được GIẢI MẬT theo quyết định của cơ quan có thẩm quyền.")
post(g6, "p-010", t(16, 15, 30), unicodedata.normalize("NFD", "Đề nghị kiểm tra mật độ rừng và báo cáo thân mật."))
post(g5, member(g5, 0), t(17, 8, 40), "Đã nhận 👍", kind="text")
post(g1, member(g1, 2), t(20, 11, 0), "Chúc mừng sinh nhật anh 🎂🎉 chúc anh nhiều sức khỏe!")
post(g2, member(g2, 1), t(20, 11, 5), "Cả nhà 👨‍👩‍👧 đi dự lễ chào cờ 🇻🇳")
post(g3, member(g3, 1), t(21, 9, 0), "Số 1️⃣ đã xong, đồng chí 👍🏽 giúp em mục 2")
post(g4, member(g4, 1), t(21, 9, 30), "/-strong :))")
post(g5, member(g5, 1), t(21, 10, 0), "", kind="sticker")
post(g6, member(g6, 0), t(22, 19, 0), "Nhà em có bán mật ong rừng nguyên chất, giá 250k/lít, ship COD toàn tỉnh, inbox "
     "hoặc LH 0912 345 678 ạ")
post(g1, member(g1, 3), t(22, 9, 0), "Đề nghị Sở Công Thương báo cáo tình hình bình ổn giá mặt hàng thiết yếu.")
post(g2, member(g2, 2), t(23, 9, 0), "Tin nóng: http://tin-nong-24h.xyz/sap-nhap-tinh", kind="link",
     attachments=[{"title": "Tin nóng sáp nhập tỉnh", "href": "http://tin-nong-24h.xyz/sap-nhap-tinh"}])
post(g3, member(g3, 2), t(23, 10, 0), "Văn bản chỉ đạo: https://daklak.gov.vn/van-ban/2547", kind="link",
     attachments=[{"title": "Quyết định 2547/QĐ-UBND", "href": "https://daklak.gov.vn/van-ban/2547"}])
post(g4, member(g4, 2), t(23, 20, 0), "Làm ăn như vậy là vô trách nhiệm, đồ ngu!")
post(g5, "p-012", t(24, 9, 0), "Gửi các đồng chí công văn.", kind="file",
     attachments=[{"title": "CV_123_TOI_MAT.pdf", "description": "Độ mật: Mật"}])

# ---------------------------------------------------------------- R4: account changes

# Done right: p-020 reports through the admin of group 1, the head approves, then the office binds the new account.
new20 = "7301000000000001020"
add(t(14, 8, 0), "account.change_reported", "p-006", "gov:change:p-020:report", group=g1,
    data={"person": "p-020", "old_account": people["p-020"]["account"], "new_account": new20,
          "reported_via": "p-006"})
add(t(14, 9, 0), "account.change_approved", "p-001", "gov:change:p-020:approve", group=g1,
    data={"person": "p-020", "new_account": new20, "approved_by": "p-001"})
add(t(14, 9, 30), "account.bound", "vp-ubnd", f"gov:account:p-020:{new20}", data={"person": "p-020", "account": new20})
add(t(14, 9, 31), "account.unbound", "vp-ubnd", f"gov:unbind:p-020:{people['p-020']['account']}",
    data={"person": "p-020", "account": people["p-020"]["account"]})
add(t(14, 10, 0), "member.joined", people["p-006"]["account"], f"zca-ge:{g1}:join:{new20}", group=g1,
    data={"accounts": [new20], "added_by": people["p-006"]["account"], "via": "invite"},
    content={"display_names": [people["p-020"]["name"]]})
add(t(14, 10, 5), "member.left", people["p-020"]["account"], f"zca-ge:{g1}:leave:p-020", group=g1,
    data={"accounts": [people["p-020"]["account"]]})
post(g1, "p-020", t(14, 10, 30), "Em đã chuyển sang tài khoản mới, báo cáo các đồng chí.", account=new20)

# Unreported: p-031's new account joins group 2 by link and posts; the office binds it a week later, no report.
new31 = "7301000000000001031"
add(t(15, 15, 0), "member.joined", new31, f"zca-ge:{g2}:join:{new31}", group=g2,
    data={"accounts": [new31], "via": "link"}, content={"display_names": [people["p-031"]["name"]]})
post(g2, "p-031", t(15, 15, 20), "Em dùng số mới, các anh chị lưu lại giúp em.", account=new31)
add(t(22, 8, 0), "account.bound", "vp-ubnd", f"gov:account:p-031:{new31}", data={"person": "p-031", "account": new31})

# Nobody's account: joins group 3 and posts, never bound.
stranger = "7301999000000000777"
add(t(16, 9, 0), "member.joined", stranger, f"zca-ge:{g3}:join:{stranger}", group=g3,
    data={"accounts": [stranger], "via": "link"}, content={"display_names": ["Tuấn - Sở Y tế"]})
post(g3, None, t(16, 9, 10), "Chào các anh chị, em mới vào nhóm.", account=stranger)

# R3: group 4 hands its admin over with a two-hour overlap (no finding).
add(t(20, 8, 0), "admin.assigned", "vp-ubnd", f"gov:admin:{g4}:p-011", group=g4,
    data={"person": "p-011", "assigned_by": "p-004"})
add(t(20, 10, 0), "admin.unassigned", "vp-ubnd", f"gov:unassign:{g4}:p-009", group=g4,
    data={"person": "p-009", "by": "p-004"})

# ---------------------------------------------------------------- capture gap 18 Nov 10:00 – 19 Nov 14:00

add(t(*GAP_START), "capture.stopped", CAPTURE_ACCOUNT, "capture:stop:1",
    data={"account": CAPTURE_ACCOUNT, "code": 3000, "session": "s-1", "reason": "duplicate connection"})
add(t(*GAP_END), "capture.started", CAPTURE_ACCOUNT, "capture:start:2",
    data={"account": CAPTURE_ACCOUNT, "session": "s-2"})

# ---------------------------------------------------------------- directives (R2, R9)

HEADS = {g: h for g, _, _, h, _ in GROUPS}
ADMIN = {g: a[0] for g, _, _, _, a in GROUPS}


def directive(n, gid, day, hour, due, assignees, answers, cancel=None):
    head = HEADS[gid]
    names = ", ".join(people[a]["unit"] for a in assignees)
    text = f"Đề nghị {names} báo cáo kết quả triển khai trước {due[11:13]}h00 ngày {due[8:10]}/11/2026."
    mentions = []
    position = utf16_len("Đề nghị ")
    for assignee in assignees:
        mentions.append({"account": people[assignee]["account"], "pos": position,
                         "len": utf16_len(people[assignee]["unit"])})
        position += utf16_len(people[assignee]["unit"]) + utf16_len(", ")
    msg = post(gid, head, t(day, hour), text, mentions=mentions)
    did = f"d-{n:02d}"
    add(t(day, hour, 20), "directive.issued", ADMIN[gid], f"gov:directive:{did}", group=gid,
        data={"directive": did, "issuer": head, "assignees": assignees, "due": due, "source_message": msg,
              "confirmed_by": ADMIN[gid]})
    for kind, assignee, when in answers:
        at = t(*when)
        if kind == "reply":
            post(gid, assignee, at, "Đơn vị đã nhận chỉ đạo, đang triển khai.", quote=msg)
        elif kind == "reaction":
            add(at, "reaction.added", people[assignee]["account"], f"zca-r:{gid}:{msg}:{assignee}", group=gid,
                data={"message": msg, "icon": "/-strong"})
        else:
            add(at, f"directive.{kind}", ADMIN[gid], f"gov:{did}:{kind}:{assignee}", group=gid,
                data={"directive": did, "assignee": assignee})
    if cancel:
        add(t(*cancel), "directive.cancelled", HEADS[gid], f"gov:{did}:cancelled", group=gid,
            data={"directive": did, "by": HEADS[gid], "reason": "Đã có chỉ đạo thay thế"})


def pick(gid, k, seed):
    chooser = random.Random(seed)
    pool = [p for p in members_of[gid] if p not in (HEADS[gid],) + tuple(GROUPS[G.index(gid)][4])
            and p not in ("p-020", "p-031")]
    return chooser.sample(pool, k)


a = pick(g1, 2, 1)
directive(1, g1, 4, 8, t(6, 16), a, [("acknowledged", a[0], (4, 9)), ("acknowledged", a[1], (4, 10)),
                                     ("progress_reported", a[0], (5, 15)), ("completed", a[0], (6, 11)),
                                     ("progress_reported", a[1], (6, 9)), ("completed", a[1], (6, 15))])
a = pick(g2, 2, 2)
directive(2, g2, 5, 9, t(9, 16), a, [("reply", a[0], (5, 10)), ("reaction", a[1], (5, 11)),
                                     ("progress_reported", a[0], (8, 10)), ("progress_reported", a[1], (9, 9))])
a = pick(g3, 3, 3)
directive(3, g3, 6, 14, t(10, 17), a, [("acknowledged", a[0], (6, 15)), ("reply", a[1], (7, 8)),
                                       ("progress_reported", a[0], (9, 10)), ("difficulty_reported", a[1], (10, 9))])
a = pick(g4, 2, 4)
directive(4, g4, 9, 8, t(12, 16), a, [("acknowledged", a[0], (9, 9)), ("completed", a[0], (12, 10))])
a = pick(g5, 2, 5)
directive(5, g5, 10, 9, t(13, 16), a, [("reaction", a[0], (10, 9, )), ("reaction", a[1], (10, 10)),
                                       ("completed", a[0], (13, 9)), ("completed", a[1], (13, 11))])
a = pick(g1, 2, 6)
directive(6, g1, 11, 8, t(16, 16), a, [])  # nobody answers: overdue
a = pick(g2, 2, 7)
directive(7, g2, 17, 15, t(19, 12), a, [("acknowledged", a[0], (17, 16))])  # window covers the capture gap
a = pick(g3, 2, 8)
directive(8, g3, 20, 9, t(25, 16), a, [("acknowledged", a[0], (20, 10)), ("acknowledged", a[1], (20, 11)),
                                       ("progress_reported", a[0], (24, 9))])
a = pick(g4, 1, 9)
directive(9, g4, 23, 8, t(27, 16), a, [], cancel=(24, 8))  # cancelled before anyone answered
a = pick(g5, 2, 10)
directive(10, g5, 25, 9, t(28, 16), a, [("reply", a[0], (25, 10)), ("completed", a[0], (27, 10)),
                                        ("acknowledged", a[1], (26, 15))])  # a[1]: late acknowledgement
a = pick(g1, 3, 11)
directive(11, g1, 26, 14, t(30, 16), a, [("acknowledged", a[0], (26, 15)), ("acknowledged", a[1], (26, 16)),
                                         ("acknowledged", a[2], (27, 8)), ("progress_reported", a[1], (29, 10))])
a = pick(g2, 2, 12)
directive(12, g2, 27, 9, t(30, 17), a, [("completed", a[0], (28, 9)), ("completed", a[1], (28, 11))])

# A head's post that reads like a directive; nobody confirmed it (a candidate).
post(g3, "p-003", t(26, 8, 30), "Yêu cầu Sở Y tế báo cáo tình hình dịch sốt xuất huyết trước 17h00 ngày 28/11/2026.")

# ---------------------------------------------------------------- write, in time order, then the reviews

events.sort(key=lambda item: (item[0], item[1]))
lines = [item[2] for item in events]


def seq_of(event_id):
    return next(i for i, e in enumerate(lines) if e["id"] == event_id) + 1


def seq_of_text(fragment):
    return next(i for i, e in enumerate(lines)
                if e["type"] == "post.created" and fragment in e["content"]["text"]) + 1


reviews = [
    (f"R7a:post:{seq_of_text('tài liệu TỐI MẬT')}", "confirmed", "p-011", g1),
    (f"R7d:post:{seq_of_text('Đã nhận 👍')}", "dismissed", "p-011", g5),
]
for number, (finding, verdict, reviewer, gid) in enumerate(reviews, start=1):
    lines.append({"id": f"gov:review:{number}", "type": "finding.reviewed", "time": t(30, 17, number),
                  "actor": reviewer, "group": gid,
                  "data": {"finding": finding, "verdict": verdict, "reviewer": reviewer}})

with OUT.open("w", encoding="utf-8", newline="\n") as out:
    for event in lines:
        out.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n")

print(f"wrote {len(lines)} events to {OUT}")
