public import LedgerCore
import SystemPackage

/// The `head` file: two fixed 8 KiB slots written in turn, each self-checked, so that a torn write of one slot
/// leaves the other intact (the meta-page scheme of LMDB).
///
/// The head is written after every acknowledged append *without* its own sync: the records themselves were
/// already made durable. After a power cut the head may lag behind the segments; opening the ledger scans forward
/// from it. What the head does give is the boundary between records that were acknowledged (where any damage
/// is corruption) and bytes that may be a torn, unacknowledged write.
public struct HeadFile {
    public static let slotSize = 8192
    private let file: LedgerFile

    /// Opens the head for writing; `create` makes a new, empty one.
    public static func open(_ layout: LedgerLayout, create: Bool = false) throws(LedgerError) -> HeadFile {
        let file = try LedgerFile.open(
            layout.headPath,
            name: "head",
            .readWrite,
            options: create ? [.create, .exclusiveCreate] : [],
            permissions: create ? .init(rawValue: 0o644) : nil
        )
        return HeadFile(file: file)
    }

    private init(file: LedgerFile) { self.file = file }

    public func close() { file.close() }

    /// Reads both slots and returns the valid one with the highest generation, or `nil` if neither is valid.
    public func read(sha: SHA256) throws(LedgerError) -> HeadState? {
        try HeadFile.read(file, sha: sha)
    }

    /// Reads the head of a ledger without opening it for writing (for readers such as `verify`).
    public static func read(_ layout: LedgerLayout, sha: SHA256) throws(LedgerError) -> HeadState? {
        let file = try LedgerFile.open(layout.headPath, name: "head", .readOnly)
        defer { file.close() }
        return try read(file, sha: sha)
    }

    private static func read(_ file: LedgerFile, sha: SHA256) throws(LedgerError) -> HeadState? {
        var best: HeadState?
        for slot in 0..<2 {
            let bytes = try file.read(upTo: slotSize, at: UInt64(slot * slotSize))
            guard !bytes.isEmpty, let state = HeadState.decode(bytes, sha: sha) else { continue }
            if best == nil || state.generation > best!.generation { best = state }
        }
        return best
    }

    /// Writes `state` into the slot its generation selects, zero-padded to the slot size. No sync (see above),
    /// unless `durably`, which `init` and recovery use.
    public func write(_ state: HeadState, sha: SHA256, durably: Bool = false) throws(LedgerError) {
        var bytes = state.encoded(sha: sha)
        precondition(bytes.count < HeadFile.slotSize, "head state exceeds its slot")
        bytes.append(contentsOf: [UInt8](repeating: 0, count: HeadFile.slotSize - bytes.count))
        try file.write(bytes, at: UInt64(Int(state.generation % 2) * HeadFile.slotSize))
        if durably { try file.syncData() }
    }
}
