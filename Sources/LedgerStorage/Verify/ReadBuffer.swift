import LedgerCore

/// Memory that file windows are read into again and again: one allocation for a whole verification on a thread,
/// instead of a fresh array (and the page faults of touching it) for every window.
///
/// It grows to the largest read asked of it and never shrinks. Not thread-safe: one per thread.
final class ReadBuffer {
    private var memory: UnsafeMutableRawBufferPointer

    init() { memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 0, alignment: 64) }

    deinit { memory.deallocate() }

    /// Reads up to `count` bytes of `file` at `offset` (fewer where the file ends) and returns them; they stay valid
    /// until the next read.
    func read(_ file: LedgerFile, upTo count: Int, at offset: UInt64) throws(LedgerError) -> UnsafeRawBufferPointer {
        if memory.count < count {
            memory.deallocate()
            memory = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 64)
        }
        let read = try file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: memory[..<count]))
        return UnsafeRawBufferPointer(rebasing: memory[..<read])
    }
}

/// The read buffers of one thread that checks segments: one for frames, one for content entries.
final class SegmentBuffers {
    let frames = ReadBuffer()
    let content = ReadBuffer()
}
