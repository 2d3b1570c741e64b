/// A key that can sign [C2SP signed notes](https://c2sp.org/signed-note).
///
/// See ``Note/sign(text:signers:)`` and ``Note/signed(by:)``.
public protocol NoteSigner: Sendable {
    /// The key name in signature lines; it must satisfy ``NoteKeyName/isValid(_:)``.
    var name: String { get }
    /// The 32-bit key ID in signature lines.
    var keyID: UInt32 { get }
    /// The signature bytes (without the key ID) for the note text `text`, which includes its final newline.
    func sign(text: [UInt8]) -> [UInt8]
}
