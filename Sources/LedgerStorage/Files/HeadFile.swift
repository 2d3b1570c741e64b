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

    /// Reads the head of a ledger without opening it for writing (for readers).
    public static func read(_ layout: LedgerLayout, sha: SHA256) throws(LedgerError) -> HeadState? {
        latest(of: try readSlots(layout, sha: sha))
    }

    /// What one slot holds.
    public enum Slot {
        /// Nothing but zeros, or nothing at all: never written.
        case empty
        /// Bytes that are not a valid head (a torn write, or damage).
        case damaged
        case valid(HeadState)
    }

    /// Reads both slots of the head of a ledger as they are, without opening it for writing: for `verify`, which
    /// reports a damaged slot that ``read(_:sha:)`` passes over.
    public static func readSlots(_ layout: LedgerLayout, sha: SHA256) throws(LedgerError) -> [Slot] {
        let file = try LedgerFile.open(layout.headPath, name: "head", .readOnly)
        defer { file.close() }
        return try readSlots(file, sha: sha)
    }

    /// The valid slot with the highest generation, or `nil` if neither is valid.
    public static func latest(of slots: [Slot]) -> HeadState? {
        var best: HeadState?
        for case .valid(let state) in slots where best == nil || state.generation > best!.generation { best = state }
        return best
    }

    private static func read(_ file: LedgerFile, sha: SHA256) throws(LedgerError) -> HeadState? {
        latest(of: try readSlots(file, sha: sha))
    }

    private static func readSlots(_ file: LedgerFile, sha: SHA256) throws(LedgerError) -> [Slot] {
        var slots: [Slot] = []
        for slot in 0..<2 {
            let bytes = try file.read(upTo: slotSize, at: UInt64(slot * slotSize))
            if let state = HeadState.decode(bytes, sha: sha) {
                slots.append(.valid(state))
            } else {
                slots.append(bytes.contains { $0 != 0 } ? .damaged : .empty)
            }
        }
        return slots
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
