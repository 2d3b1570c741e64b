import LedgerCore

extension Verifier {
    /// With ``checksEnvelopes``: the problem with record `seq`'s stored envelope (`bytes`, the record after its
    /// header), if any — not an event envelope (`envelope-invalid`), or one whose bytes are not its RFC 8785
    /// canonical form (`envelope-not-canonical`, with the first byte that differs). A conforming writer stores only
    /// canonical envelopes; the record hashes prove the bytes unchanged since they were written, this proves that the
    /// writer followed the format.
    func envelopeProblem(
        _ bytes: Slice<UnsafeRawBufferPointer>,
        seq: UInt64,
        file: String,
        offset: Int,
        decoder: EnvelopeDecoder
    ) -> Failure? {
        let stored = Array(bytes)
        let canonical: [UInt8]
        do {
            let value = try JSONParser().parse(stored)
            _ = try decoder.decodeStored(value, seq: seq)
            canonical = JCS.serialize(value)
        } catch let error as JSONError {
            return fail(
                .envelopeInvalid,
                "\(file) byte \(offset): record \(seq) does not hold JSON: \(error.message)",
                file: file,
                offset: offset,
                seq: seq
            )
        } catch let error as LedgerError {
            return fail(
                .envelopeInvalid,
                "\(file) byte \(offset): not an event envelope: \(error.message)",
                file: file,
                offset: offset,
                seq: seq
            )
        } catch {
            return fail(.envelopeInvalid, "\(file) byte \(offset): record \(seq): \(error)", file: file, seq: seq)
        }
        guard canonical != stored else { return nil }
        let differs =
            zip(stored, canonical).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(stored.count, canonical.count)
        return fail(
            .envelopeNotCanonical,
            "\(file) byte \(offset): record \(seq)'s envelope is valid JSON but not in RFC 8785 canonical form "
                + "(it differs at byte \(differs) of the envelope); the hashes match, so it was written so: by "
                + "another writer than groupledger, or by one with a bug",
            file: file,
            offset: offset,
            seq: seq,
            expected: Self.excerpt(canonical, around: differs),
            found: Self.excerpt(stored, around: differs)
        )
    }

    /// Up to 24 bytes of `bytes` from a little before `index`, as text.
    private static func excerpt(_ bytes: [UInt8], around index: Int) -> String {
        let start = max(0, index - 8)
        return String(decoding: bytes[start..<min(bytes.count, start + 24)], as: UTF8.self)
    }
}
