import LedgerCore
import SystemPackage

/// Writes an ``IdRun`` from ids handed in ascending digest order: into `<name>.tmp` as they come, then the fence,
/// the filter and the header, `fsync`, `rename` into place and `fsync` of the directory. A run that fails on the
/// way is removed, never used.
struct IdRunWriter {
    private let layout: LedgerLayout
    private let first: UInt64
    private let end: UInt64
    private let path: String
    private let temporary: String
    private let file: LedgerFile
    private var buffer: [UInt8] = []
    private var written = IdRun.entryOffset(0)
    private var count = 0
    private var fence: [UInt8] = []
    private var filter: IdFilter
    private var last: IdDigest?

    /// Starts the run of records `first..<end`, its filter sized for `expected` ids.
    init(_ layout: LedgerLayout, first: UInt64, end: UInt64, expected: Int) throws(LedgerError) {
        self.layout = layout
        self.first = first
        self.end = end
        path = layout.indexDirectory + "/" + IdRun.fileName(first: first, end: end)
        temporary = path + ".tmp"
        Directory.removeFile(temporary)
        file = try LedgerFile.open(
            temporary,
            name: layout.relative(temporary),
            .readWrite,
            options: [.create, .exclusiveCreate],
            permissions: LedgerLayout.segmentMode
        )
        filter = IdFilter(capacity: expected)
        buffer.reserveCapacity(Self.flushBytes + IdRun.entrySize)
    }

    private static let flushBytes = 1 << 20

    /// Adds the next id; an id equal to the one before is skipped (the first seq stays).
    ///
    /// - Throws: ``LedgerError`` `.corrupt` for an id that does not follow the one before (a damaged source run).
    mutating func append(_ digest: IdDigest, seq: UInt64) throws(LedgerError) {
        if let last {
            if last == digest { return }
            guard IdRun.orders(last, before: digest) else {
                throw LedgerError(
                    .corrupt,
                    "ids out of order while writing \(layout.relative(path)): a run it is merged from is damaged; "
                        + "its file is removed, and the next open rebuilds the ids from the index files"
                )
            }
        }
        last = digest
        if count % IdRun.blockEntries == 0 {
            BigEndian.append(digest.high, to: &fence)
            BigEndian.append(digest.low, to: &fence)
        }
        filter.insert(digest)
        BigEndian.append(digest.high, to: &buffer)
        BigEndian.append(digest.low, to: &buffer)
        BigEndian.append(seq, to: &buffer)
        count += 1
        if buffer.count >= Self.flushBytes { try flush() }
    }

    private mutating func flush() throws(LedgerError) {
        try file.write(buffer, at: written)
        written += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the file, makes it durable under its name and opens it. `anchor` is the leaf hash of record
    /// `end - 1`.
    consuming func finish(anchor: Hash) throws(LedgerError) -> IdRun {
        precondition(count > 0, "a run holds at least one id")
        do {
            try flush()
            var tail = fence
            for word in filter.words { withUnsafeBytes(of: word.littleEndian) { tail.append(contentsOf: $0) } }
            try file.write(tail, at: written)
            var header = IdRun.magic
            for word in [first, end, UInt64(count), UInt64(filter.blockCount)] {
                BigEndian.append(word, to: &header)
            }
            anchor.append(to: &header)
            let hasher = SHA256Stream()
            header.withUnsafeBytes { hasher.update($0) }
            tail.withUnsafeBytes { hasher.update($0) }
            hasher.finish().append(to: &header)
            try file.write(header, at: 0)
            try file.sync()
        } catch {
            abandon()
            throw error
        }
        file.close()
        let name = layout.relative(path)
        do {
            try Directory.rename(temporary, path, name: name)
            try Directory.sync(layout.indexDirectory, name: "index")
        } catch {
            // Not known to be durable: not used.
            Directory.removeFile(temporary)
            Directory.removeFile(path)
            throw error
        }
        guard let run = IdRun.open(path, name: name, first: first, end: end) else {
            Directory.removeFile(path)
            throw LedgerError(.io, "\(name) could not be read back after it was written")
        }
        return run
    }

    /// Closes and removes the unfinished file.
    func abandon() {
        file.close()
        Directory.removeFile(temporary)
    }
}
