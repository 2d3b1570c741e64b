import GroupDomain
import LedgerCore
import Testing

@Suite struct EventCatalogueTests {
    private func event(_ type: String, group: String? = "g-1", data: JSONValue) -> EventEnvelope {
        EventEnvelope(
            id: "e-1",
            type: type,
            time: Timestamp("2026-11-03T07:45:12+07:00")!,
            actor: "p-001",
            group: group,
            data: data
        )
    }

    private func problem(_ event: EventEnvelope) -> String? {
        do {
            try EventCatalogue.validate(event, at: "line 1")
            return nil
        } catch {
            return error.message
        }
    }

    /// Every named constant of the domain, listed by hand: Swift cannot enumerate static members, so a constant
    /// added to `EventType+Catalogue.swift` belongs here too.
    private static let domainConstants: [EventType] = [
        .groupRegistered, .headAssigned, .deputyAssigned, .adminAssigned, .adminUnassigned, .personRegistered,
        .accountBound, .accountUnbound, .accountChangeReported, .accountChangeApproved, .rulesAcknowledged,
        .findingReviewed, .groupCreated, .groupRenamed, .groupSettingsChanged, .groupAdminAdded, .groupAdminRemoved,
        .groupPlatformEvent, .memberJoined, .memberLeft, .memberRemoved, .memberBlocked, .postCreated, .postRecalled,
        .postRemoved, .reactionAdded, .messageSeen, .messageDelivered, .captureStarted, .captureStopped,
        .directiveIssued, .directiveAcknowledged, .directiveProgressReported, .directiveDifficultyReported,
        .directiveCompleted, .directiveCancelled,
    ]

    @Test func everyTypeHasAVietnameseName() {
        for type in EventCatalogue.types.keys {
            #expect(EventTypeName.vietnamese(type)?.isEmpty == false, "\(type)")
        }
        for type in EventType.ledgerOwn {
            #expect(EventTypeName.vietnamese(type)?.isEmpty == false, "\(type)")
        }
        #expect(EventTypeName.vietnamese(.postCreated) == "đăng tin")
        #expect(EventTypeName.vietnamese(.ledgerContentWithheld) == "rút nội dung")
        #expect(EventTypeName.vietnamese(EventType(rawValue: "no.such_type")) == nil)
    }

    @Test func everyDomainConstantIsInTheCatalogueAndTheLedgersOwnAreNot() {
        #expect(Set(Self.domainConstants).count == Self.domainConstants.count)
        #expect(Set(Self.domainConstants) == Set(EventCatalogue.types.keys))
        // Deliberately out: the ledger writes its own events; an input event in their namespace is refused.
        for type in EventType.ledgerOwn {
            #expect(EventCatalogue.types[type] == nil, "\(type)")
            #expect(EnvelopeRules.namespace(of: type.rawValue) == EnvelopeRules.reservedNamespace, "\(type)")
        }
        for type in Self.domainConstants + EventType.ledgerOwn {
            #expect(EnvelopeRules.isValidType(type.rawValue), "\(type)")
        }
        for (type, schema) in EventCatalogue.types { #expect(schema.type == type) }
    }

    @Test func aConstantIsTheNameStoredInTheEnvelope() {
        #expect(EventType.postCreated.rawValue == "post.created")
        #expect(EventType.groupPlatformEvent.rawValue == "group.platform_event")
        #expect(EventType.ledgerContentWithheld.rawValue == "ledger.content_withheld")
        #expect(EventType.directiveDifficultyReported.description == "directive.difficulty_reported")
        #expect(EventCatalogue.types[EventType(rawValue: "post.created")]?.type == .postCreated)
    }

    @Test func aLeadersFieldsAreANonEmptyListOfText() {
        func registered(fields: JSONValue) -> String? {
            problem(
                event(
                    "person.registered",
                    group: nil,
                    data: ["person": "p-1", "position": "Phó Chủ tịch", "unit": "UBND tỉnh", "fields": fields]
                )
            )
        }
        #expect(registered(fields: ["Y tế", "Giáo dục và Đào tạo"]) == nil)
        for bad: JSONValue in [[], "Y tế", [""], [1]] {
            #expect(registered(fields: bad) != nil, "\(bad)")
        }
    }

    @Test func validEventsOfEveryKindPass() {
        #expect(problem(event("head.assigned", data: ["person": "p-001"])) == nil)
        #expect(
            problem(event("person.registered", group: nil, data: ["person": "p-1", "position": "x", "unit": "y"]))
                == nil
        )
        #expect(
            problem(
                event(
                    "post.created",
                    data: [
                        "message": "6001000000000000101", "kind": "text",
                        "mentions": [["account": "7301000000000000003", "pos": 0, "len": 5]],
                    ]
                )
            ) == nil
        )
        #expect(
            problem(
                event(
                    "directive.issued",
                    data: [
                        "directive": "d-1", "issuer": "p-001", "assignees": ["p-003"],
                        "due": "2026-11-05T16:00:00+07:00",
                    ]
                )
            ) == nil
        )
        #expect(problem(event("capture.stopped", group: nil, data: ["account": "7301", "code": 3000])) == nil)
    }

    @Test func everyTypeInTheCatalogueIsDocumented() throws {
        #expect(EventCatalogue.types.count == 36)
        for type in EventCatalogue.types.keys { #expect(type.rawValue.contains(".")) }
    }

    @Test(arguments: [
        ("member.joinedd", "not in the event catalogue"),
        ("member.joined", "\"group\" is required"),
        ("person.registered", "\"group\" does not belong"),
        ("admin.assigned", "\"data.assigned_by\" is required"),
        ("post.created", "\"data.kind\" must be one of"),
        ("directive.issued", "\"data.due\" must be an RFC 3339 time"),
        ("head.assigned", "\"data.extra\" is not part of head.assigned"),
    ])
    func refusalsNameTheField(_ type: String, _ expected: String) {
        let cases: [String: EventEnvelope] = [
            "member.joinedd": event("member.joinedd", data: [:]),
            "member.joined": event("member.joined", group: nil, data: ["accounts": ["1"]]),
            "person.registered": event("person.registered", data: ["person": "p", "position": "x", "unit": "y"]),
            "admin.assigned": event("admin.assigned", data: ["person": "p-2"]),
            "post.created": event("post.created", data: ["message": "1", "kind": "emoji"]),
            "directive.issued": event(
                "directive.issued",
                data: ["directive": "d", "issuer": "p", "assignees": ["q"], "due": "tomorrow"]
            ),
            "head.assigned": event("head.assigned", data: ["person": "p", "extra": "x"]),
        ]
        let message = problem(cases[type]!)
        #expect(message?.contains(expected) == true, "\(message ?? "accepted")")
        #expect(message?.hasPrefix("line 1: ") == true)
    }
}
