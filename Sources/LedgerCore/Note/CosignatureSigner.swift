#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Produces Ed25519 checkpoint cosignatures of [C2SP tlog-cosignature](https://c2sp.org/tlog-cosignature) v1,
/// signature type `0x04`.
///
/// As a ``NoteSigner`` it stamps each signature with its clock; ``sign(text:timestamp:)`` takes an explicit
/// time. The spec forbids one Ed25519 key for several cosigners, since the signed message does not include
/// the name.
public struct CosignatureSigner: NoteSigner {
    public let name: String
    public let keyID: UInt32
    public let privateKey: Ed25519PrivateKey
    private let clock: @Sendable () -> UInt64

    /// A cosigner named `name` with `privateKey`, stamping signatures with `clock` (POSIX seconds; by default
    /// the system's real-time clock).
    public init(
        name: String,
        privateKey: Ed25519PrivateKey,
        clock: @escaping @Sendable () -> UInt64 = CosignatureSigner.systemTime
    ) throws(NoteKeyError) {
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.privateKey = privateKey
        self.clock = clock
        keyID = NoteKeyID.compute(name: name, type: .cosignatureV1, publicKey: privateKey.publicKey.rawRepresentation)
    }

    /// The matching verifier.
    public var verifier: CosignatureVerifier {
        try! CosignatureVerifier(name: name, publicKey: privateKey.publicKey)  // the name was checked
    }

    /// The verifier key string `<name>+<hex key ID>+<base64(0x04 || public key)>`.
    public var vkey: String { verifier.vkey }

    /// `timestamp || Ed25519 signature` for the checkpoint body `text` at the clock's current time.
    public func sign(text: [UInt8]) -> [UInt8] {
        sign(text: text, timestamp: clock())
    }

    /// `timestamp || Ed25519 signature` for the checkpoint body `text` at `timestamp`.
    ///
    /// - Precondition: `timestamp` is at most ``Cosignature/maximumTimestamp`` (2^63 − 1).
    public func sign(text: [UInt8], timestamp: UInt64) -> [UInt8] {
        precondition(timestamp <= Cosignature.maximumTimestamp, "cosignature timestamps must not exceed 2^63 - 1")
        var out = (0..<8).map { UInt8(truncatingIfNeeded: timestamp >> (56 - 8 * $0)) }
        out.append(contentsOf: privateKey.sign(Cosignature.message(body: text, timestamp: timestamp)))
        return out
    }

    /// The cosignature line for `checkpoint` at `timestamp`, ready for ``Note/adding(_:)``.
    public func cosign(_ checkpoint: Checkpoint, timestamp: UInt64) -> NoteSignature {
        NoteSignature(checkedName: name, keyID: keyID, signature: sign(text: checkpoint.body, timestamp: timestamp))
    }

    /// The current POSIX time in seconds from the system's real-time clock (0 if it is before 1970).
    public static let systemTime: @Sendable () -> UInt64 = {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(max(0, now.tv_sec))
    }
}
