import LedgerCore

extension Ledger {
    /// The id of the event that announces `signer` as a new key: fixed, so that announcing twice appends one event.
    static func rotationId(of signer: Ed25519NoteSigner) -> String {
        "ledger:key_rotated:\(NoteKeyID.hex(signer.keyID))"
    }

    /// The id of the event that retires `signer`.
    static func retirementId(of signer: Ed25519NoteSigner) -> String {
        "ledger:key_retired:\(NoteKeyID.hex(signer.keyID))"
    }

    /// The `ledger.key_rotated` event for `signer`, naming the keys that signed before it.
    func rotationEvent(for signer: Ed25519NoteSigner, previous: [String], actor: String) -> EventEnvelope {
        EventEnvelope(
            id: Ledger.rotationId(of: signer),
            type: "ledger.key_rotated",
            time: now(),
            actor: actor,
            data: .object(
                JSONObject(members: [
                    ("previous", .array(previous.map { .string($0) })), ("vkey", .string(signer.vkey)),
                ])
            )
        )
    }

    /// Finishes a key change that a crash cut short, so that the ledger signs with exactly the keys its events
    /// announce: `key rotate` writes the key file, then appends `ledger.key_rotated`; `key retire` appends
    /// `ledger.key_retired`, then deletes the file. Killed in between, the first leaves a key that signs every
    /// later checkpoint although verifiers cannot learn it from the ledger, the second a retired key that still
    /// signs. Like an interrupted `withhold`, the change rolls forward: the key is announced now, or its file
    /// deleted now.
    ///
    /// - Returns: one sentence per change finished, for the recovery report.
    /// - Throws: ``LedgerError`` `.refused` for a key file made for another log (its name is not this origin);
    ///   otherwise as ``append(_:)``.
    func completeKeyChanges() throws(LedgerError) -> [String] {
        // A ledger without records is one whose creation did not finish: nothing was announced or retired yet.
        guard state.size > 0 else { return [] }
        let keys = whileIdle { signers }
        var messages: [String] = []
        var announced: [Ed25519NoteSigner] = []
        var unannounced: [Ed25519NoteSigner] = []
        let genesis = try LedgerReader(layout: layout, metadata: metadata).entry(0).envelope
        for signer in keys {
            if ids.seq(of: IdDigest(id: Ledger.retirementId(of: signer), sha: sha)) != nil {
                try LogKeys.remove(layout, signer)
                whileIdle { signers.removeAll { $0.keyID == signer.keyID } }
                messages.append(
                    "removed keys/\(LogKeys.fileName(signer)): the key was retired, and a crash kept its file"
                )
            } else if ids.seq(of: IdDigest(id: Ledger.rotationId(of: signer), sha: sha)) != nil
                || genesis.data?["vkey"]?.stringValue == signer.vkey
            {
                announced.append(signer)
            } else {
                guard signer.name == metadata.origin else {
                    throw LedgerError(
                        .refused,
                        "keys/\(LogKeys.fileName(signer)) is a key for the log \"\(signer.name)\", not "
                            + "\"\(metadata.origin)\", and this ledger never announced it: move it out of keys/"
                    )
                }
                unannounced.append(signer)
            }
        }
        for signer in unannounced {
            _ = try append([rotationEvent(for: signer, previous: announced.map(\.vkey), actor: "groupledger")])
            announced.append(signer)
            messages.append(
                "announced the signing key \(signer.vkey): a crash during `key rotate` had kept it out of the ledger"
            )
        }
        return messages
    }
}
