public import LedgerCore
import SystemPackage

/// The `LEDGER` file: what a directory is and which log it holds. Written once by `init`, never changed.
///
/// ```
/// groupledger ledger
/// format 1
/// origin daklak.gov.vn/ubnd/zalo-groups
/// ```
public struct LedgerMetadata: Sendable, Equatable {
    public static let format = 1
    /// The log's identity: the first line of every checkpoint (C2SP tlog-checkpoint "origin").
    public let origin: String

    public init(origin: String) { self.origin = origin }

    /// Why `origin` cannot name a new log, or `nil`: it must be non-empty printable text without spaces or `+`
    /// (C2SP tlog-checkpoint), at most 255 bytes, e.g. `daklak.gov.vn/ubnd/zalo-groups`, and without bidirectional
    /// controls or other invisible characters, which would make a checkpoint's first line read as another log's.
    public static func originProblem(_ origin: String) -> String? {
        if let problem = storedOriginProblem(origin) { return problem }
        if let problem = EnvelopeRules.hiddenCharacterProblem(origin) ?? EnvelopeRules.defaultIgnorableProblem(origin) {
            return "the origin \(problem)"
        }
        return nil
    }

    /// The rules an existing `LEDGER` file is read with: those of ``originProblem(_:)`` before invisible characters
    /// were refused, so that a ledger made then still opens.
    static func storedOriginProblem(_ origin: String) -> String? {
        if origin.isEmpty { return "the origin is empty" }
        if origin.utf8.count > 255 { return "the origin is longer than 255 bytes" }
        for scalar in origin.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x21 || scalar.value == 0x7f || scalar == "+" {
                return "the origin may not contain spaces, control characters or '+'"
            }
        }
        return nil
    }

    public var encoded: [UInt8] {
        Array("groupledger ledger\nformat \(LedgerMetadata.format)\norigin \(origin)\n".utf8)
    }

    /// Reads and checks the `LEDGER` file of `layout`.
    public static func read(_ layout: LedgerLayout) throws(LedgerError) -> LedgerMetadata {
        guard Directory.exists(layout.metadataPath) else {
            if Directory.exists(layout.root) {
                throw LedgerError(
                    .notALedger,
                    "\(layout.root) is not a ledger (it has no LEDGER file); "
                        + "create one with `groupledger init --ledger \(layout.root) --origin NAME`"
                )
            }
            throw LedgerError(
                .missingInput,
                "no ledger at \(layout.root); create one with "
                    + "`groupledger init --ledger \(layout.root) --origin NAME`"
            )
        }
        let file = try LedgerFile.open(layout.metadataPath, name: "LEDGER", .readOnly)
        defer { file.close() }
        let text = String(decoding: try file.readAll(), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[0] == "groupledger ledger", lines[3].isEmpty else {
            throw LedgerError(.notALedger, "LEDGER in \(layout.root) is not a GroupLedger identity file")
        }
        guard lines[1] == "format \(format)" else {
            throw LedgerError(.notALedger, "LEDGER says \"\(lines[1])\"; this build reads format \(format)")
        }
        guard lines[2].hasPrefix("origin ") else {
            throw LedgerError(.notALedger, "LEDGER has no origin line")
        }
        let origin = String(lines[2].dropFirst("origin ".count))
        if let problem = storedOriginProblem(origin) { throw LedgerError(.notALedger, "LEDGER: \(problem)") }
        return LedgerMetadata(origin: origin)
    }
}
