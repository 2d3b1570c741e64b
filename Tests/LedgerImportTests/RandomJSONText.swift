/// Pieces of random JSON text for the tests that compare a direct path with the general one: values picked from
/// lists, optional members, members in random order with random whitespace.
enum RandomJSONText {
    static func pick<R: RandomNumberGenerator>(_ values: [String], _ rng: inout R) -> String {
        values[Int.random(in: 0..<values.count, using: &rng)]
    }

    static func ws<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        Int.random(in: 0..<8, using: &rng) == 0 ? [" ", "\t", "\r", "  "][Int.random(in: 0..<4, using: &rng)] : ""
    }

    static func object<R: RandomNumberGenerator>(_ members: [(String, String?)], _ rng: inout R) -> String {
        var present = members.compactMap { key, value in value.map { (key, $0) } }
        present.shuffle(using: &rng)
        return "{" + ws(&rng)
            + present.map { "\"\($0.0)\"" + ws(&rng) + ":" + ws(&rng) + $0.1 + ws(&rng) }.joined(separator: ",") + "}"
    }

    static func maybe<R: RandomNumberGenerator>(_ percent: Int, _ value: String, _ rng: inout R) -> String? {
        Int.random(in: 0..<100, using: &rng) < percent ? value : nil
    }
}
