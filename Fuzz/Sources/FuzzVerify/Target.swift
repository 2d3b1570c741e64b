// The verifier and crash recovery over damaged ledger directories (plan V1): a small real ledger (three segments,
// content, a rolled key) is damaged by a list of edits taken from the input, written to a scratch directory under
// /dev/shm, then `Verifier.run()` and `Ledger.open` (recovery) run on it. Neither may crash, hang or trip ASan,
// whatever the bytes; refusing to open and reporting damage are the expected outcomes.
//
// Input: up to 8 edits of 5 bytes each plus data: op, file, offset (u16), length; ops: 0 xor data at offset,
// 1 truncate at offset, 2 zero a range (a lost sector), 3 append data, 4 delete the file, 5 insert data.
import Foundation
import FuzzSupport
import LedgerCore
import LedgerStorage

struct Pristine: @unchecked Sendable {
    let base: String
    let files: [(path: String, bytes: [UInt8])]

    init() {
        base = "/dev/shm/groupledger-fuzzverify-\(getpid())"
        try? FileManager.default.removeItem(atPath: base)
        try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let root = base + "/pristine"
        var options = LedgerOptions()
        options.segmentRollBytes = 1500
        let ledger = try! Ledger.create(at: root, origin: "example.org/fuzz", options: options)
        for n in 0..<6 {
            _ = try! ledger.append(
                (0..<2).map { k in
                    EventEnvelope(
                        id: "v-\(n)-\(k)",
                        type: "post.created",
                        time: Timestamp("2026-11-29T10:00:00Z")!,
                        actor: "7301000000000000001",
                        group: "g-1",
                        data: .object(JSONObject(members: [("kind", .string("text"))])),
                        content: k == 0 ? .object(JSONObject(members: [("text", .string("nội dung \(n)"))])) : nil
                    )
                }
            )
        }
        _ = try! ledger.rotateKey(actor: "fuzz")
        ledger.close()
        var files: [(String, [UInt8])] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                relative != "lock"
            {
                // (not FileManager.contents: on an empty file it leaks a 4 KiB buffer, which LeakSanitizer reports)
                let file = try! LedgerFile.open(full, name: relative, .readOnly)
                files.append((relative, try! file.readAll()))
                file.close()
            }
        }
        self.files = files.sorted { $0.0 < $1.0 }
    }
}

let pristine = Pristine()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    var files = pristine.files.map { Optional($0.bytes) }
    var at = 0
    var edits = 0
    while at + 5 <= input.count && edits < 8 {
        let op = input[at] % 6
        let file = Int(input[at + 1]) % files.count
        let offset = Fuzz.number(input, at: at + 2, width: 2)
        let length = Int(input[at + 4])
        let payload = Array(input[min(at + 5, input.count)..<min(at + 5 + length, input.count)])
        at += 5 + (op == 0 || op == 3 || op == 5 ? payload.count : 0)
        edits += 1
        guard var bytes = files[file] else { continue }
        let position = bytes.isEmpty ? 0 : offset % (bytes.count + 1)
        switch op {
        case 0:
            for (i, b) in payload.enumerated() where position + i < bytes.count { bytes[position + i] ^= b }
        case 1: bytes.removeSubrange(position...)
        case 2:
            for i in position..<min(bytes.count, position + max(length, 1) * 16) { bytes[i] = 0 }
        case 3: bytes += payload
        case 4:
            files[file] = nil
            continue
        default: bytes.insert(contentsOf: payload, at: position)
        }
        files[file] = bytes
    }
    let root = pristine.base + "/work"
    try? FileManager.default.removeItem(atPath: root)
    for directory in ["segments", "content", "index", "tree", "keys", "quarantine", "checkpoints"] {
        try? FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
    }
    for (n, file) in pristine.files.enumerated() {
        guard let bytes = files[n] else { continue }
        FileManager.default.createFile(
            atPath: root + "/" + file.path,
            contents: Data(bytes),
            attributes: file.path.hasPrefix("keys/") ? [.posixPermissions: 0o600] : nil
        )
    }
    _ = try? Verifier(root: root).run()
    if let ledger = try? Ledger.open(at: root) {
        _ = ledger.size
        ledger.close()
        _ = try? Verifier(root: root).run()
    }
    return 0
}

/// Builds the pristine ledger before the first input, so that its one-time allocations are not charged to an input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    _ = pristine.files.count
    atexit { try? FileManager.default.removeItem(atPath: pristine.base) }
    return 0
}
