import Foundation
import LedgerStorage
import SystemPackage
import Testing

/// A descriptor closed twice would close whatever file another thread opened under its number in between: the
/// second close stops the process, naming the file, instead of carrying on with someone else's file gone.
@Suite struct DescriptorCloseTests {
    @Test func closingALedgerFileTwiceStopsTheProcessNamingIt() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let dir = TemporaryDirectory("double-close")
            FileHandle.standardError.write(Data("directory: \(dir.path)\n".utf8))
            let file = try LedgerFile.open(
                dir.path + "/victim",
                name: "victim",
                .readWrite,
                options: [.create],
                permissions: .ownerReadWrite
            )
            file.close()
            file.close()
        }
        let said = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(said.contains("(victim) twice"), "stderr: \(said)")
        for line in said.split(separator: "\n") where line.hasPrefix("directory: ") {
            try? FileManager.default.removeItem(atPath: String(line.dropFirst("directory: ".count)))
        }
    }

    /// A descriptor that was never opened (a failed `open` left -1) is not a double close.
    @Test func aDescriptorThatWasNeverOpenedIsLeftAlone() async {
        await #expect(processExitsWith: .success) {
            Descriptor.close(-1, name: "never opened")
        }
    }
}
