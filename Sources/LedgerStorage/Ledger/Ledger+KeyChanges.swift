import Foundation
public import LedgerCore

extension Ledger {
    /// The id of the event that announces `signer` as a new key: fixed, so that announcing twice appends one event.
    static func rotationId(of signer: Ed25519NoteSigner) -> String {
        "ledger:key_rotated:\(NoteKeyID.hex(signer.keyID))"
    }

    /// The id of the event that retires `signer`.
    static func retirementId(of signer: Ed25519NoteSigner) -> String {
        "ledger:key_retired:\(NoteKeyID.hex(signer.keyID))"
    }

    /// Adds a new signing key: records a `ledger.key_rotated` event (signed, like every checkpoint from now on,
    /// by the old and the new key) so that verifiers learn the new key from the ledger itself.
    ///
    /// In order, each step durable before the next: the intent (``RotationIntent``, signed by the keys that sign
    /// now), the new key's file, the event; then the intent is deleted. A crash anywhere leaves either no new key
    /// or one that the next open announces (see ``completeKeyChanges()``).
    ///
    /// - Returns: the new verifier key.
    public func rotateKey(actor: String) throws(LedgerError) -> String {
        keyChanges.lock()
        defer { keyChanges.unlock() }
        let current = serialized.whileIdle { $0.checkpointSigner.signers }
        let signer = try LogKeys.make(origin: metadata.origin)
        try RotationIntent.write(for: signer, signedBy: current, origin: metadata.origin, layout: layout)
        try LogKeys.store(signer, in: layout)
        serialized.whileIdle { $0.checkpointSigner.signers.append(signer) }
        try announce(signer, previous: current.map(\.vkey), actor: actor)
        try RotationIntent.removeAll(layout)
        return signer.vkey
    }

    /// Stops signing with the key of `vkey`: records a `ledger.key_retired` event, then deletes the key file.
    /// The last key cannot be retired.
    public func retireKey(vkey: String, actor: String) throws(LedgerError) {
        keyChanges.lock()
        defer { keyChanges.unlock() }
        let signers = serialized.whileIdle { $0.checkpointSigner.signers }
        let retired = signers.first { $0.vkey == vkey }
        let remaining = signers.filter { $0.vkey != vkey }
        guard let retired else {
            throw LedgerError(.notFound, "no signing key has the verifier key \(vkey); see `groupledger vkey`")
        }
        guard !remaining.isEmpty else {
            throw LedgerError(.refused, "\(vkey) is the only signing key; rotate to a new key before retiring it")
        }
        if case .absent(let id) = try ownEvent(
            Ledger.retirementId(of: retired),
            type: .ledgerKeyRetired
        ) {
            let event = EventEnvelope(
                id: id,
                type: EventType.ledgerKeyRetired.rawValue,
                time: now(),
                actor: actor,
                data: .object(JSONObject(members: [("vkey", .string(vkey))]))
            )
            _ = try appendOwn([event])
        }
        serialized.whileIdle { $0.checkpointSigner.signers.removeAll { $0.vkey == vkey } }
        try LogKeys.remove(layout, retired)
    }

    /// Appends the `ledger.key_rotated` event for `signer`, naming the keys that signed before it, unless the
    /// ledger holds it already.
    private func announce(_ signer: Ed25519NoteSigner, previous: [String], actor: String) throws(LedgerError) {
        guard
            case .absent(let id) = try ownEvent(
                Ledger.rotationId(of: signer),
                type: .ledgerKeyRotated
            )
        else {
            return
        }
        let event = EventEnvelope(
            id: id,
            type: EventType.ledgerKeyRotated.rawValue,
            time: now(),
            actor: actor,
            data: .object(
                JSONObject(members: [
                    ("previous", .array(previous.map { .string($0) })), ("vkey", .string(signer.vkey)),
                ])
            )
        )
        _ = try appendOwn([event])
    }

    /// Whether the ledger announced `signer`: in its first record, or in a `ledger.key_rotated` event.
    private func isAnnounced(_ signer: Ed25519NoteSigner, genesis: LedgerReader.Entry) throws(LedgerError) -> Bool {
        if genesis.record.flags.contains(.ledgerEvent), genesis.envelope.type == EventType.ledgerInitialized.rawValue,
            genesis.envelope.data?["vkey"]?.stringValue == signer.vkey
        {
            return true
        }
        guard
            case .recorded(_, let event) = try ownEvent(
                Ledger.rotationId(of: signer),
                type: .ledgerKeyRotated
            )
        else { return false }
        return event.data?["vkey"]?.stringValue == signer.vkey
    }

    /// Whether the ledger recorded the retirement of `signer`.
    private func isRetired(_ signer: Ed25519NoteSigner) throws(LedgerError) -> Bool {
        guard
            case .recorded(_, let event) = try ownEvent(
                Ledger.retirementId(of: signer),
                type: .ledgerKeyRetired
            )
        else { return false }
        return event.data?["vkey"]?.stringValue == signer.vkey
    }

    /// Finishes a key change that a crash cut short, so that the ledger signs with exactly the keys its events
    /// announce: `key rotate` writes its intent and the key file, then appends `ledger.key_rotated`; `key retire`
    /// appends `ledger.key_retired`, then deletes the file. Killed in between, the first leaves a key that signs
    /// every later checkpoint although verifiers cannot learn it from the ledger, the second a retired key that
    /// still signs. Like an interrupted `withhold`, the change rolls forward: the key is announced now, or its
    /// file deleted now. A key file the writer did not make (no intent signed by an announced key names it) is
    /// refused, never announced: whoever can write to the key directory cannot make the ledger adopt a key.
    ///
    /// - Returns: one sentence per change finished, for the recovery report.
    /// - Throws: ``LedgerError`` `.refused` for a key file without a valid intent, or made for another log;
    ///   otherwise as ``append(_:)``.
    func completeKeyChanges() throws(LedgerError) -> [String] {
        // A ledger without records is one whose creation did not finish: nothing was announced or retired yet.
        guard size > 0 else { return [] }
        let keys = serialized.whileIdle { $0.checkpointSigner.signers }
        var messages: [String] = []
        var announced: [Ed25519NoteSigner] = []
        var unannounced: [Ed25519NoteSigner] = []
        let genesis = try LedgerReader(layout: layout, metadata: metadata).entry(0)
        for signer in keys {
            if try isRetired(signer) {
                try LogKeys.remove(layout, signer)
                serialized.whileIdle { $0.checkpointSigner.signers.removeAll { $0.keyID == signer.keyID } }
                messages.append(
                    "removed \(layout.keysName)/\(LogKeys.fileName(signer)): the key was retired, and a crash kept "
                        + "its file"
                )
            } else if try isAnnounced(signer, genesis: genesis) {
                announced.append(signer)
            } else {
                unannounced.append(signer)
            }
        }
        for signer in unannounced {
            let file = "\(layout.keysName)/\(LogKeys.fileName(signer))"
            guard signer.name == metadata.origin else {
                throw LedgerError(
                    .refused,
                    "\(file) is a key for the log \"\(signer.name)\", not \"\(metadata.origin)\", and this ledger "
                        + "never announced it: move it out of \(layout.keysName)/"
                )
            }
            guard try RotationIntent.exists(for: signer, announced: announced, origin: metadata.origin, layout: layout)
            else {
                throw LedgerError(
                    .refused,
                    "\(file) is a key this ledger never announced, and no rotation intent signed by the ledger's "
                        + "key names it: it was not made by `groupledger key rotate`, and adopting it would let it "
                        + "sign checkpoints; move it out of \(layout.keysName)/ and check who put it there"
                )
            }
        }
        for signer in unannounced {
            try announce(signer, previous: announced.map(\.vkey), actor: "groupledger")
            announced.append(signer)
            messages.append(
                "announced the signing key \(signer.vkey): a crash during `key rotate` had kept it out of the ledger"
            )
        }
        try RotationIntent.removeAll(layout)
        return messages
    }
}
