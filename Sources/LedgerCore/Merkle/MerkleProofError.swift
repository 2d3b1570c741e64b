/// Why a Merkle proof was rejected, or could not be made.
///
/// `code` is for programs; `message` is for people and names the sizes, indices and counts involved, e.g.
/// "inclusion proof has 5 hashes; a tree of 8 needs 3 for index 2".
public struct MerkleProofError: Error, Equatable, Sendable {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// A leaf index is not below the tree size (RFC 9162 §2.1.3.2 step 1).
        case indexOutOfRange
        /// A consistency proof from a larger tree to a smaller one.
        case sizesOutOfOrder
        /// A proof has more or fewer hashes than its sizes (and index) require.
        case wrongProofLength
        /// An inclusion proof leads to a root other than the expected one.
        case rootMismatch
        /// A consistency proof does not lead to the old tree's root.
        case oldRootMismatch
        /// A consistency proof does not lead to the new tree's root.
        case newRootMismatch
        /// Proof text or bytes are not a sequence of 32-byte hashes.
        case malformedHash
        /// A `MerkleFrontier` was given a number of hashes other than the number of set bits of its size.
        case malformedFrontier
        /// A `TreeHashReader` could not supply a node, or returned the wrong number of hashes.
        case nodeUnavailable
    }

    /// The kind of failure.
    public let code: Code
    /// A one-line explanation for people.
    public let message: String

    /// An error of kind `code` explained by `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

extension MerkleProofError: CustomStringConvertible {
    public var description: String { message }
}

extension MerkleProofError {
    /// "1 leaf", "8 leaves": a count and its noun, for messages.
    static func counted(_ count: some BinaryInteger, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
