import LedgerCore
import Testing

@Suite struct Ed25519Tests {
    /// RFC 8032 §7.1, "Test Vectors for Ed25519", TEST 1–3: seed, public key, message, signature.
    static let rfc8032Vectors: [(seed: String, publicKey: String, message: String, signature: String)] = [
        (
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        ),
        (
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        ),
        (
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        ),
    ]

    @Test(arguments: 0..<3) func rfc8032KnownAnswers(vector: Int) throws {
        let v = Self.rfc8032Vectors[vector]
        let key = try Ed25519PrivateKey(seed: hexBytes(v.seed))
        #expect(key.publicKey.rawRepresentation == hexBytes(v.publicKey))
        #expect(key.seed == hexBytes(v.seed))
        let signature = key.sign(hexBytes(v.message))
        #expect(signature == hexBytes(v.signature))
        let publicKey = try Ed25519PublicKey(raw: hexBytes(v.publicKey))
        #expect(publicKey == key.publicKey)
        #expect(publicKey.isValidSignature(hexBytes(v.signature), for: hexBytes(v.message)))
        #expect(!publicKey.isValidSignature(hexBytes(v.signature), for: hexBytes(v.message) + [0]))
    }

    @Test func rejectsTamperedSignaturesAndWrongKeys() throws {
        let key = Ed25519PrivateKey.generate()
        let other = Ed25519PrivateKey.generate()
        let message = Array("GroupLedger".utf8)
        let signature = key.sign(message)
        #expect(signature.count == 64)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!other.publicKey.isValidSignature(signature, for: message))
        for i in signature.indices {
            var bad = signature
            bad[i] ^= 0x01
            #expect(!key.publicKey.isValidSignature(bad, for: message))
        }
        #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: message))
        #expect(!key.publicKey.isValidSignature(signature + [0], for: message))
        #expect(!key.publicKey.isValidSignature([], for: message))
        #expect(key.publicKey != other.publicKey)
    }

    @Test func rejectsWrongLengths() {
        #expect(throws: Ed25519KeyError.invalidSeedLength(31)) {
            try Ed25519PrivateKey(seed: [UInt8](repeating: 1, count: 31))
        }
        #expect(throws: Ed25519KeyError.invalidSeedLength(33)) {
            try Ed25519PrivateKey(seed: [UInt8](repeating: 1, count: 33))
        }
        #expect(throws: Ed25519KeyError.invalidPublicKeyLength(0)) { try Ed25519PublicKey(raw: []) }
        #expect(throws: Ed25519KeyError.invalidPublicKeyLength(64)) {
            try Ed25519PublicKey(raw: [UInt8](repeating: 0, count: 64))
        }
    }

    @Test func nonCurvePointPublicKeyVerifiesNothing() throws {
        // y = 2^255 - 1 is not a valid encoding; the key is accepted but no signature verifies against it.
        let key = try Ed25519PublicKey(raw: [UInt8](repeating: 0xFF, count: 32))
        #expect(!key.isValidSignature([UInt8](repeating: 0, count: 64), for: []))
    }

    @Test func generatedKeysDifferAndRoundTripTheirSeed() throws {
        let a = Ed25519PrivateKey.generate()
        let b = Ed25519PrivateKey.generate()
        #expect(a.publicKey != b.publicKey)
        #expect(try Ed25519PrivateKey(seed: a.seed).publicKey == a.publicKey)
    }

    @Test func oneKeyIsUsableFromManyTasksAtOnce() async throws {
        let key = try Ed25519PrivateKey(seed: hexBytes(Self.rfc8032Vectors[2].seed))
        let expected = hexBytes(Self.rfc8032Vectors[2].signature)
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var failures = 0
                    for i in 0..<100 {
                        if key.sign([0xAF, 0x82]) != expected { failures += 1 }
                        let message = [UInt8(task), UInt8(i)]
                        if !key.publicKey.isValidSignature(key.sign(message), for: message) { failures += 1 }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }
}
