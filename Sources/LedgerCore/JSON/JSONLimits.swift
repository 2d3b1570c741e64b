/// Bounds that ``JSONParser`` enforces so that hostile input cannot exhaust memory or time.
///
/// Exceeding a limit is an error with code ``JSONError/Code/tooDeep``, ``JSONError/Code/stringTooLong`` or
/// ``JSONError/Code/numberTooLong``; the message states the limit.
public struct JSONLimits: Sendable, Hashable {
    /// The deepest nesting of arrays and objects; a top-level array or object is depth 1, so `[[1]]` needs 2.
    /// The parser keeps its own stack and never recurses, but the parsed value's equality, hashing and JCS
    /// serialization do, so keep this in the hundreds at most.
    public var maxDepth: Int
    /// The longest string (value or key), in UTF-8 bytes after escapes are decoded.
    public var maxStringBytes: Int
    /// The most digits in one number, counting integer, fraction and exponent digits.
    public var maxNumberDigits: Int

    /// Creates limits; the defaults suit single events of a few kilobytes up to documents of megabytes.
    public init(maxDepth: Int = 64, maxStringBytes: Int = 16 << 20, maxNumberDigits: Int = 100) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxNumberDigits = maxNumberDigits
    }
}
