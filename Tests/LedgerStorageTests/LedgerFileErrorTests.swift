import Foundation
import LedgerCore
import LedgerStorage
import SystemPackage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A failed call on a ledger file says where (the file and the offset) and why (the call and its `errno`) as values,
/// not only in its message.
@Suite struct LedgerFileErrorTests {
    @Test func aReadPastTheEndNamesTheFileAndOffset() throws {
        let directory = TemporaryDirectory("file-errors")
        defer { directory.remove() }
        let path = directory.path + "/data"
        try Data([1, 2, 3, 4]).write(to: URL(fileURLWithPath: path))
        let file = try LedgerFile.open(path, name: "segments/data", .readOnly)
        defer { file.close() }
        #expect(try file.read(upTo: 10, at: 2) == [3, 4], "a short read at the end returns what is there")
        let error = #expect(throws: LedgerError.self) { try file.read(at: 2, count: 10) }
        #expect(error?.code == .io)
        #expect(error?.location == LedgerError.Location(file: "segments/data", offset: 2))
    }

    @Test func aFailedWriteCarriesTheCallAndErrno() throws {
        let directory = TemporaryDirectory("file-errors")
        defer { directory.remove() }
        let path = directory.path + "/data"
        try Data([1, 2, 3, 4]).write(to: URL(fileURLWithPath: path))
        let file = try LedgerFile.open(path, name: "content/data", .readOnly)
        defer { file.close() }
        let error = #expect(throws: LedgerError.self) { try file.write([9], at: 100) }
        #expect(error?.code == .io)
        #expect(error?.location == LedgerError.Location(file: "content/data", offset: 100))
        let cause = try #require(error?.cause as? SystemCallError)
        #expect(cause == SystemCallError("pwrite", errno: EBADF))
        #expect(error?.description == "content/data: pwrite failed (pwrite: Bad file descriptor)")
    }

    @Test func aMissingFileIsMissingInputWithTheOpenErrno() throws {
        let directory = TemporaryDirectory("file-errors")
        defer { directory.remove() }
        let error = #expect(throws: LedgerError.self) {
            try LedgerFile.open(directory.path + "/absent", name: "index/absent", .readOnly)
        }
        #expect(error?.code == .missingInput)
        #expect(error?.location.file == "index/absent")
        #expect((error?.cause as? SystemCallError) == SystemCallError("open", errno: ENOENT))
    }
}
