extension Note {
    /// Signs `text` with each of `signers`, in order.
    ///
    /// The text must end with a newline and contain no ASCII control character other than newline
    /// ([C2SP signed-note](https://c2sp.org/signed-note#format)); there must be at least one signer.
    public static func sign(text: String, signers: [any NoteSigner]) throws(NoteError) -> Note {
        let message = Array(text.utf8)
        try checkText(message)
        return try Note(text: text, signatures: sign(message, by: signers))
    }

    /// This note with signatures by `signers` added after the existing ones.
    ///
    /// As in Go's `sumdb/note`, an existing signature with the same name and key ID as one of the signers is
    /// dropped, so re-signing replaces a key's old signature instead of duplicating it.
    public func signed(by signers: [any NoteSigner]) throws(NoteError) -> Note {
        let added = try Note.sign(textBytes, by: signers)
        // "name+keyID" is unambiguous because key names never contain "+".
        let replaced = Set(added.map { "\($0.name)+\($0.keyID)" })
        let kept = signatures.filter { !replaced.contains("\($0.name)+\($0.keyID)") }
        return try Note(text: text, signatures: kept + added)
    }

    /// This note with `signature` (for example a cosignature collected from a witness) appended.
    ///
    /// The signature is not verified here.
    public func adding(_ signature: NoteSignature) throws(NoteError) -> Note {
        try Note(text: text, signatures: signatures + [signature])
    }

    /// One signature per signer over `text`, in order.
    private static func sign(_ text: [UInt8], by signers: [any NoteSigner]) throws(NoteError) -> [NoteSignature] {
        var out = [NoteSignature]()
        for signer in signers {
            out.append(try NoteSignature(name: signer.name, keyID: signer.keyID, signature: signer.sign(text: text)))
        }
        return out
    }
}
