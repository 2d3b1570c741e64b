import ArgumentParser
import Foundation
import LedgerCore

/// Maps ledger errors to sysexits codes and prints them on standard error.
enum Failure {
    static func exitCode(for code: LedgerError.Code) -> Int32 {
        switch code {
        case .badInput, .refused: 65
        case .missingInput, .notALedger, .notFound: 66
        case .cannotCreate: 73
        case .io, .syncFailed, .writerStopped: 74
        case .locked: 75
        case .corrupt: 1
        default: 70
        }
    }

    /// Runs `body`; a ``LedgerError`` becomes a message on stderr and the matching exit code.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            Console.error("groupledger: \(error)")
            throw ExitCode(exitCode(for: error.code))
        }
    }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints each warning on standard error, prefixed "warning: ".
    static func warn(_ warnings: [String]) {
        for warning in warnings { error("warning: " + warning) }
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Prints `value` as JSON with sorted keys, one object per line.
    static func printJSON(_ value: JSONValue) {
        print(String(decoding: JCS.serialize(value), as: UTF8.self))
    }
}
