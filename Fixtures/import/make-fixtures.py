#!/usr/bin/env python3
"""Writes the importer fixtures in this directory: invented people and groups, in each source's documented shape.

Run from this directory: python3 make-fixtures.py. The OA signatures are computed here with hashlib, independently of
the Swift code, so the tests check the Swift MAC against a second implementation.
"""
import hashlib
import json

G = "7301128844556677001"          # the group, as zca-js and Zalo Web know it
ME = "7301000000000000002"         # the capture account (the group's admin)
HEAD, CUONG, DUNG, EM, PHU = ("7301000000000000001", "7301000000000000003", "7301000000000000004",
                              "7301000000000000005", "7301000000000000006")
T0 = 1762130712000                 # 2025-11-03T07:45:12+07:00


def line(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def message(msg_id, sender, msg_type, content, ts, d_name, **extra):
    data = {"actionId": str(int(msg_id) + 7), "msgId": msg_id, "cliMsgId": str(ts + 3), "msgType": msg_type,
            "uidFrom": sender, "idTo": G, "dName": d_name, "ts": str(ts), "status": 1, "content": content,
            "notify": "1", "ttl": 0, "userId": "0", "uin": "0", "cmd": 521, "st": 3, "at": 5,
            "realMsgId": "0", "propertyExt": {"color": 0, "size": 0, "type": 0, "subType": 0, "ext": "{}"},
            "paramsExt": {"countUnread": 1, "containType": 0, "platformType": 1}}
    data.update(extra)
    return {"type": 1, "data": data, "threadId": G, "isSelf": sender == ME}


def attachment(title, href, description="", action="", params=""):
    return {"title": title, "description": description, "href": href, "thumb": "https://s120.example.zdn.vn/t.jpg",
            "childnumber": 0, "action": action, "params": params, "type": ""}


def group_event(act, data):
    base = {"subType": 0, "groupId": G, "creatorId": HEAD, "groupName": "UBND tỉnh - Nông nghiệp",
            "sourceId": ME, "updateMembers": [], "groupSetting": None, "groupTopic": None, "info": None,
            "extraData": None, "time": str(T0), "avt": None, "fullAvt": None, "isAdd": 0, "hideGroupInfo": 0,
            "version": "1", "groupType": 1}
    base.update(data)
    return {"type": 1, "act": act, "data": base, "threadId": G, "isSelf": False}


def member(uid, name):
    return {"id": uid, "dName": name, "avatar": "https://s120.example.zdn.vn/a.jpg", "type": 0,
            "avatar_25": "https://s120.example.zdn.vn/a25.jpg"}


def zca():
    out = []
    t = T0

    def cap(event, payload, time=None, **more):
        entry = {"event": event, "payload": payload, "account": ME}
        if time is not None:
            entry["time"] = str(time)
        entry.update(more)
        out.append(line(entry))

    cap("connected", None, time=t - 60_000, session="s-2025-11-03")
    cap("group_event", group_event("join", {"sourceId": ME, "time": str(t - 50_000),
                                            "updateMembers": [member(CUONG, "Cường Sở NN"),
                                                              member(DUNG, "Dung STC")]}))
    cap("group_event", group_event("add_admin", {"sourceId": HEAD, "time": str(t - 40_000),
                                                 "updateMembers": [member(ME, "Bình VP")]}))
    directive = "Đề nghị @Cường Sở NN báo cáo tiến độ trước 16h00 ngày 05/11/2026 👍🏽"
    mention_pos = directive.encode("utf-16-le").index("@".encode("utf-16-le")) // 2
    cap("message", message("6001000000000000101", HEAD, "webchat", directive, t, "An PCT",
                           mentions=[{"uid": CUONG, "pos": mention_pos, "len": len("@Cường Sở NN"), "type": 0}]))
    nfd = "Ba\u0301o ca\u0301o: đã nhận 🙏"
    cap("message", message("6001000000000000102", CUONG, "webchat", nfd, t + 1_000, "Cường Sở NN",
                           quote={"ownerId": 7301000000000000001, "cliMsgId": 1762130712003,
                                  "globalMsgId": 6001000000000000101, "cliMsgType": 1, "ts": t,
                                  "msg": directive, "attach": "", "fromD": "An PCT", "ttl": 0}))
    kinds = [
        ("chat.photo", attachment("Ảnh hiện trường", "https://f1.example.zdn.vn/p.jpg"), "photo"),
        ("chat.voice", attachment("", "https://voice.example.zdn.vn/v.aac"), "voice"),
        ("chat.sticker", {"id": 37471, "catId": 11351, "type": 7}, "sticker"),
        ("chat.doodle", attachment("", "https://f1.example.zdn.vn/d.png"), "photo"),
        ("chat.recommended", attachment("https://baochinhphu.vn/tin-1.htm", "https://baochinhphu.vn/tin-1.htm",
                                        "Chính phủ chỉ đạo", "recommened.link"), "link"),
        ("chat.recommended", attachment("Em Sở TC", "https://zalo.me/" + EM, "", "recommened.user"), "contact"),
        ("chat.link", attachment("Cổng TTĐT tỉnh", "https://example.gov.vn/"), "link"),
        ("chat.location.new", attachment("UBND tỉnh", "https://maps.example/?q=12.68,108.04"), "location"),
        ("chat.video.msg", attachment("Clip lũ", "https://video.example.zdn.vn/c.mp4"), "video"),
        ("share.file", attachment("Bao-cao-thiet-hai.pdf", "https://f5-group-zf.example.zdn.vn/b.pdf"), "file"),
        ("chat.gif", attachment("", "https://gif.example.zdn.vn/g.gif"), "gif"),
        ("chat.todo", {"title": "Giao việc: tổng hợp số liệu", "params": "{}"}, "other"),
        ("group.poll", {"title": "Họp lúc 14h?", "params": "{}"}, "poll"),
    ]
    for i, (msg_type, content, _) in enumerate(kinds):
        cap("message", message(str(6001000000000000200 + i), DUNG, msg_type, content, t + 10_000 + i * 1_000,
                               "Dung STC"))
    cap("message", {"type": 0, "data": {"msgId": "6001000000000000300", "cliMsgId": "1", "msgType": "webchat",
                                        "uidFrom": DUNG, "idTo": ME, "dName": "Dung STC", "ts": str(t + 40_000),
                                        "content": "tin nhắn riêng"}, "threadId": DUNG, "isSelf": False})
    cap("reaction", {"data": {"actionId": "1", "msgId": "6001000000000000401", "cliMsgId": "2",
                              "msgType": "chat.reaction", "uidFrom": CUONG, "idTo": G, "dName": "Cường Sở NN",
                              "content": {"rMsg": [{"gMsgID": 6001000000000000101, "cMsgID": 1762130712003,
                                                    "msgType": 1}], "rIcon": "/-strong", "rType": 3, "source": 6},
                              "ts": str(t + 50_000), "ttl": 0}, "threadId": G, "isSelf": False, "isGroup": True})
    cap("reaction", {"data": {"actionId": "1", "msgId": "6001000000000000402", "cliMsgId": "3",
                              "msgType": "chat.reaction", "uidFrom": CUONG, "idTo": G,
                              "content": {"rMsg": [{"gMsgID": "6001000000000000101", "cMsgID": "1762130712003",
                                                    "msgType": 1}], "rIcon": "", "rType": -1, "source": 6},
                              "ts": str(t + 51_000), "ttl": 0}, "threadId": G, "isSelf": False, "isGroup": True})
    cap("message", message("6001000000000000103", DUNG, "share.file",
                           attachment("TỐI MẬT - Phương án.docx", "https://f5-group-zf.example.zdn.vn/m.docx"),
                           t + 60_000, "Dung STC"))
    cap("undo", {"data": {"actionId": "1", "msgId": "6001000000000000104", "cliMsgId": "4", "msgType": "webchat",
                          "uidFrom": DUNG, "idTo": G, "dName": "Dung STC", "ts": str(t + 90_000), "status": 1,
                          "content": {"globalMsgId": 6001000000000000103, "cliMsgId": 1762130772003,
                                      "deleteMsg": 1, "srcId": 7301000000000000004, "destId": 7301128844556677001},
                          "notify": "1", "ttl": 0, "userId": "0", "uin": "0", "cmd": 521, "st": 3, "at": 5,
                          "realMsgId": "0"}, "threadId": G, "isSelf": False, "isGroup": True})
    cap("seen_messages", [{"type": 1, "data": {"msgId": "6001000000000000101", "groupId": G,
                                               "seenUids": [DUNG, CUONG]}, "threadId": G, "isSelf": False}],
        time=t + 100_000)
    cap("delivered_messages", [{"type": 1, "data": {"msgId": "6001000000000000101", "seen": 0,
                                                    "deliveredUids": [CUONG, DUNG, ME], "seenUids": [],
                                                    "realMsgId": "0", "mSTs": t + 2_000, "groupId": G},
                                "threadId": G, "isSelf": True}])
    cap("typing", {"type": 1, "data": {"uid": CUONG, "ts": str(t), "isPC": 1}, "threadId": G, "isSelf": False})
    acts = [
        ("leave", {"sourceId": DUNG, "updateMembers": [member(DUNG, "Dung STC")]}),
        ("remove_member", {"sourceId": ME, "updateMembers": [member(EM, "Em")]}),
        ("block_member", {"sourceId": ME, "updateMembers": [member(EM, "Em")]}),
        ("remove_admin", {"sourceId": HEAD, "updateMembers": [member(ME, "Bình VP")]}),
        ("update_setting", {"sourceId": HEAD, "groupSetting": {
            "blockName": 1, "signAdminMsg": 1, "addMemberOnly": 0, "setTopicOnly": 0, "enableMsgHistory": 1,
            "joinAppr": 1, "lockCreatePost": 0, "lockCreatePoll": 0, "lockSendMsg": 0, "lockViewMember": 0,
            "bannFeature": 0, "dirtyMedia": 0, "banDuration": 0}}),
        ("update", {"sourceId": HEAD, "groupName": "UBND tỉnh - Nông nghiệp và PTNT"}),
        ("new_link", {"sourceId": ME, "info": {"group_link": "https://zalo.me/g/abcdef", "link_expired_time": 0}}),
        ("update_avatar", {"sourceId": ME, "avt": "https://s120.example.zdn.vn/g.jpg",
                           "fullAvt": "https://s240.example.zdn.vn/g.jpg"}),
        ("join_request", None),
        ("new_pin_topic", None), ("update_pin_topic", None), ("unpin_topic", None), ("reorder_pin_topic", None),
        ("update_board", {"sourceId": HEAD, "groupTopic": {"type": 0, "color": 0, "emoji": "", "startTime": 0,
                                                            "duration": 0, "params": "{\"title\":\"Nội quy\"}",
                                                            "id": "801", "creatorId": HEAD, "createTime": t,
                                                            "editorId": HEAD, "editTime": t, "repeat": 0,
                                                            "action": 0}}),
        ("remove_board", {"sourceId": HEAD}),
        ("update_topic", {"sourceId": HEAD}),
        ("remove_topic", {"sourceId": HEAD}),
        ("remind_topic", None), ("accept_remind", None), ("reject_remind", None),
        ("change_owner", {"sourceId": HEAD, "updateMembers": [member(ME, "Bình VP")]}),
    ]
    for i, (act, data) in enumerate(acts):
        when = t + 200_000 + i * 1_000
        if act == "join_request":
            payload = {"type": 0, "act": act, "data": {"uids": [PHU], "totalPending": 1, "groupId": G,
                                                       "time": str(when)}, "threadId": G, "isSelf": False}
        elif act.endswith("pin_topic") or act == "unpin_topic":
            topic = {"type": 2, "color": 0, "emoji": "", "startTime": 0, "duration": 0,
                     "params": "{\"msgId\":\"6001000000000000101\"}", "id": "901", "creatorId": HEAD,
                     "createTime": when, "editorId": HEAD, "editTime": when, "repeat": 0, "action": 0}
            body = {"oldBoardVersion": 4, "boardVersion": 5 + i, "topic": None if act == "reorder_pin_topic" else topic,
                    "actorId": HEAD, "groupId": G}
            if act == "reorder_pin_topic":
                body["topics"] = [{"topicId": "901", "topicType": 2}]
            payload = {"type": 12, "act": act, "data": json.dumps(body, ensure_ascii=False), "threadId": G,
                       "isSelf": False}
        elif act == "remind_topic":
            payload = {"type": 19, "act": act, "data": {"msg": "Họp giao ban 8h", "editorId": HEAD, "color": "0",
                                                        "emoji": "⏰", "creatorId": HEAD, "editTime": when,
                                                        "type": 0, "duration": 3600000, "group_id": G,
                                                        "createTime": when, "repeat": 0, "startTime": when,
                                                        "time": when, "remindType": 1}, "threadId": G,
                       "isSelf": False}
        elif act in ("accept_remind", "reject_remind"):
            payload = {"type": 17, "act": act, "data": {"topicId": "1001", "updateMembers": [CUONG], "groupId": G,
                                                        "time": str(when)}, "threadId": G, "isSelf": False}
        else:
            payload = group_event(act, dict(data, time=str(when)))
        cap("group_event", payload, time=when)
    backfill = [message("6001000000000000101", HEAD, "webchat", directive, t, "An PCT",
                        mentions=[{"uid": CUONG, "pos": mention_pos, "len": len("@Cường Sở NN"), "type": 0}]),
                message("6001000000000000099", HEAD, "webchat", "Chào các đồng chí.", t - 30_000, "An PCT")]
    cap("old_messages", backfill)
    cap("closed", 3000, time=t + 400_000, session="s-2025-11-03")
    return out


def web_store():
    def msg(msg_id, sender, msg_type, content, ts, **extra):
        m = {"actionId": str(int(msg_id) + 11), "msgId": msg_id, "zglobalMsgId": msg_id, "cliMsgId": str(ts + 5),
             "msgType": msg_type, "status": 2, "notify": "1", "mentions": None, "quote": None, "message": content,
             "sendDttm": str(ts), "serverTime": str(ts + 300), "fromUid": sender, "toUid": "g" + G,
             "dName": "Bình VP" if sender == "0" else "Cường Sở NN", "localDttm": ts + 900, "properties": None,
             "ttl": 0, "refMessageId": None, "src": 1, "syncFromMobile": False, "z_parsedTokens": [],
             "isLastMsg": False}
        m.update(extra)
        return m

    t = T0 - 86_400_000
    photo = {"title": "", "description": "", "childnumber": 0, "action": "", "type": "",
             "params": "{\"width\":800,\"height\":600}", "thumbUrl": "https://t.example.zdn.vn/p.jpg",
             "oriUrl": "https://f.example.zdn.vn/p.jpg", "hdUrl": "https://f.example.zdn.vn/p.jpg",
             "normalUrl": "https://f.example.zdn.vn/p.jpg"}
    link = {"title": "https://baochinhphu.vn/tin-2.htm", "description": "Thông cáo", "href":
            "https://baochinhphu.vn/tin-2.htm", "thumb": "", "childnumber": 0, "action": "recommened.link", "type": ""}
    card = {"title": "Em Sở TC", "description": "", "href": "www.zaloapp.com", "thumb": "", "childnumber": 0,
            "action": "recommened.user", "type": ""}
    file = {"title": "Ke-hoach-2026.xlsx", "description": "", "href": "https://f10-group-zf.example.zdn.vn/k",
            "thumb": "", "childnumber": 0, "action": "", "type": ""}
    place = {"action": "", "desc": "Trụ sở UBND tỉnh", "childnumber": 0, "href": "", "lat": "12.68",
             "lo": "108.04", "thumb": "", "title": "", "type": ""}
    items = [
        msg("5901000000000000001", "0", 1, "Kính gửi các đồng chí lịch họp tuần.", t),
        msg("5901000000000000002", CUONG, 1, "@Bình VP đã nhận", t + 1_000,
            mentions=[{"uid": "0", "pos": 0, "len": 7, "type": 0}],
            quote={"ownerId": 7301000000000000002, "cliMsgId": 1, "globalMsgId": 5901000000000000001,
                   "msg": "Kính gửi các đồng chí lịch họp tuần.", "fromD": "Bình VP"}),
        msg("5901000000000000003", "0", 2, photo, t + 2_000),
        msg("5901000000000000004", "0", 4, {"id": 26599, "catId": 10682, "type": 7, "extInfo": None}, t + 3_000),
        msg("5901000000000000005", "0", 6, link, t + 4_000),
        msg("5901000000000000006", "0", 6, card, t + 5_000),
        msg("5901000000000000007", "0", 19, file, t + 6_000),
        msg("5901000000000000008", "0", 17, place, t + 7_000),
        msg("5901000000000000009", "0", 20, "recall msg", t + 8_000),
        msg("5901000000000000010", CUONG, -6, {"title": "", "description": ""}, t + 9_000, action="leave"),
        msg("5901000000000000011", CUONG, 1, "tin nhắn riêng", t + 10_000, toUid=ME),
        # The same message the live capture has: a backfill overlapping it adds nothing.
        msg("6001000000000000101", HEAD, 1, "Đề nghị @Cường Sở NN báo cáo tiến độ trước 16h00 ngày 05/11/2026 👍🏽",
            T0, dName="An PCT"),
    ]
    return json.dumps(items, ensure_ascii=False, indent=1)


OA_APP = "1234567890123456789"
OA_SECRET = "fixture-oa-secret-key-not-real"
OA_GROUP = "f2a1c0ffee5a1d00"


def oa_bodies():
    t = T0
    base = lambda name, ts, sender, **more: dict({"app_id": OA_APP, "user_id_by_app": "552177279717587",
                                                  "event_name": name, "timestamp": str(ts),
                                                  "sender": {"id": sender}, "recipient": {"id": OA_GROUP}}, **more)
    bodies = [
        base("user_send_group_text", t, "2468013579", message={"msg_id": "oamsg-001",
                                                               "text": "Xin báo cáo: đã hoàn thành 🙏"}),
        base("user_send_group_image", t + 1_000, "2468013579", message={
            "msg_id": "oamsg-002", "text": "", "attachments": [{"type": "image", "payload": {
                "url": "https://photo.example.zdn.vn/x.jpg", "thumbnail": "https://photo.example.zdn.vn/t.jpg"}}]}),
        base("user_send_group_file", t + 2_000, "2468013579", message={
            "msg_id": "oamsg-003", "attachments": [{"type": "file", "payload": {
                "url": "https://file.example.zdn.vn/f", "name": "Bao-cao.pdf", "size": "2048", "type": "pdf"}}]}),
        base("oa_send_group_text", t + 3_000, "oa-4321", message={"msg_id": "oamsg-004", "text": "Thông báo lịch họp"}),
        base("user_join_group", t + 4_000, "1357924680"),
        base("user_out_group", t + 5_000, "1357924680"),
        base("add_group_admin", t + 6_000, "2468013579"),
        base("update_group_info", t + 7_000, "2468013579"),
        base("user_send_text", t + 8_000, "2468013579", message={"msg_id": "oamsg-1to1", "text": "riêng"}),
        base("some_future_event", t + 9_000, "2468013579"),
    ]
    bodies[0]["timestamp"] = "176213071200"[:12]  # a 12-digit timestamp, as in Zalo's own documentation example
    return [json.dumps(b, ensure_ascii=False, separators=(",", ":")) for b in bodies]


def mac(body):
    b = json.loads(body)
    return "mac=" + hashlib.sha256((b["app_id"] + body + b["timestamp"] + OA_SECRET).encode()).hexdigest()


def main():
    with open("zca/capture.jsonl", "w", encoding="utf-8") as f:
        f.write("\n".join(zca()) + "\n")
    with open("zalo-web/store.json", "w", encoding="utf-8") as f:
        f.write(web_store() + "\n")
    bodies = oa_bodies()
    with open("oa-webhook/signed.jsonl", "w", encoding="utf-8") as f:
        for body in bodies:
            f.write(line({"signature": mac(body), "body": body}) + "\n")
    with open("oa-webhook/bare.jsonl", "w", encoding="utf-8") as f:
        for body in bodies:
            f.write(body + "\n")
    tampered = bodies[0].replace("hoàn thành", "chưa làm")
    with open("oa-webhook/tampered.jsonl", "w", encoding="utf-8") as f:
        f.write(line({"signature": mac(bodies[0]), "body": tampered}) + "\n")
    with open("oa-webhook/secret.txt", "w", encoding="utf-8") as f:
        f.write(OA_SECRET + "\n")


if __name__ == "__main__":
    main()
