public import LedgerCore
import SystemPackage

/// What the writer knows after its last acknowledged append: the tree size and root, the last leaf hash (the
/// `prev` of the next record), how far the active segment and content file are committed, and the Merkle frontier
/// that lets the next append extend the tree without rehashing it.
public struct HeadState: Sendable, Equatable {
    /// Grows by one on every write of the head; recovery takes the valid slot with the highest generation.
    public var generation: UInt64
    /// The number of records (the tree size).
    public var size: UInt64
    /// The leaf hash of record `size - 1`.
    public var lastLeaf: Hash
    /// The first sequence number of the active (last) segment.
    public var activeSegment: UInt64
    /// The committed length of the active segment, in bytes.
    public var segmentLength: UInt64
    /// The committed length of the active segment's content file, in bytes.
    public var contentLength: UInt64
    /// The perfect-subtree roots of the tree, largest first.
    public var frontier: MerkleFrontier
    /// The signed checkpoint (C2SP signed note) of this size and root; empty before the first append.
    public var checkpoint: [UInt8]

    public init(
        generation: UInt64,
        size: UInt64,
        lastLeaf: Hash,
        activeSegment: UInt64,
        segmentLength: UInt64,
        contentLength: UInt64,
        frontier: MerkleFrontier,
        checkpoint: [UInt8] = []
    ) {
        self.generation = generation
        self.size = size
        self.lastLeaf = lastLeaf
        self.activeSegment = activeSegment
        self.segmentLength = segmentLength
        self.contentLength = contentLength
        self.frontier = frontier
        self.checkpoint = checkpoint
    }

    /// The text of one head slot, ending with a `check` line over everything before it.
    public func encoded(sha: SHA256) -> [UInt8] {
        var text = "groupledger-head v1\n"
        text += "generation \(generation)\n"
        text += "size \(size)\n"
        text += "root \(frontier.root(using: sha).base64)\n"
        text += "last \(lastLeaf.base64)\n"
        text += "segment \(LedgerLayout.stem(activeSegment)) \(segmentLength)\n"
        text += "content \(contentLength)\n"
        text += "frontier" + frontier.hashes.map { " " + $0.base64 }.joined() + "\n"
        text += "checkpoint \(Base64.encode(checkpoint))\n"
        var bytes = Array(text.utf8)
        bytes.append(contentsOf: Array("check \(sha.hash(bytes).hex)\n".utf8))
        return bytes
    }

    /// Parses one slot; `nil` when the slot is empty, torn or fails its check line.
    public static func decode(_ slot: [UInt8], sha: SHA256) -> HeadState? {
        let used = slot.prefix { $0 != 0 }
        guard let checkStart = lastLineStart(used) else { return nil }
        let body = Array(used[..<checkStart])
        let checkLine = String(decoding: used[checkStart...], as: UTF8.self)
        guard checkLine == "check \(sha.hash(body).hex)\n" else { return nil }
        var fields: [String: [Substring]] = [:]
        let text = String(decoding: body, as: UTF8.self)
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: false)
            fields[String(words[0])] = Array(words.dropFirst())
        }
        guard text.hasPrefix("groupledger-head v1\n"),
            let generation = fields["generation"]?.first.flatMap({ UInt64($0) }),
            let size = fields["size"]?.first.flatMap({ UInt64($0) }),
            let last = fields["last"]?.first.flatMap({ Hash(base64: $0) }),
            let root = fields["root"]?.first.flatMap({ Hash(base64: $0) }),
            let segment = fields["segment"], segment.count == 2, let activeSegment = UInt64(segment[0]),
            let segmentLength = UInt64(segment[1]),
            let contentLength = fields["content"]?.first.flatMap({ UInt64($0) }),
            let frontierWords = fields["frontier"]
        else { return nil }
        guard let checkpointWord = fields["checkpoint"]?.first, let checkpoint = Base64.decode(checkpointWord) else {
            return nil
        }
        let hashes = frontierWords.compactMap { Hash(base64: $0) }
        guard hashes.count == frontierWords.count, let frontier = try? MerkleFrontier(size: size, hashes: hashes),
            frontier.root(using: sha) == root
        else { return nil }
        return HeadState(
            generation: generation,
            size: size,
            lastLeaf: last,
            activeSegment: activeSegment,
            segmentLength: segmentLength,
            contentLength: contentLength,
            frontier: frontier,
            checkpoint: checkpoint
        )
    }

    private static func lastLineStart(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.last == UInt8(ascii: "\n") else { return nil }
        var i = bytes.endIndex - 2
        while i >= bytes.startIndex, bytes[i] != UInt8(ascii: "\n") { i -= 1 }
        return i >= bytes.startIndex ? i + 1 : nil
    }
}
