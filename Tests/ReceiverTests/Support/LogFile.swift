import Foundation
import XCTest

/// Reads a JSON Lines log back the way a tailer would.
///
/// ```swift
/// let ids = try LogFile.objects(path).compactMap { $0["id"] as? String }
/// ```
enum LogFile {
    /// The file's bytes; empty when it does not exist.
    static func bytes(_ path: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return [UInt8](data)
    }

    static func text(_ path: String) -> String { String(decoding: bytes(path), as: UTF8.self) }

    /// The whole (`\n`-terminated) lines, and what follows the last `\n`.
    static func split(_ path: String) -> (lines: [[UInt8]], partial: [UInt8]) {
        var content = bytes(path)[...]
        var lines: [[UInt8]] = []
        while let newline = content.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(Array(content[..<newline]))
            content = content[(newline + 1)...]
        }
        return (lines, Array(content))
    }

    /// Every whole line parsed as a JSON object; a line that does not parse fails the test.
    /// A partial last line fails it too unless `allowPartialTail`.
    static func objects(_ path: String, allowPartialTail: Bool = false,
                        file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let (lines, partial) = split(path)
        if !allowPartialTail {
            XCTAssertTrue(partial.isEmpty, "\(path) ends with a partial line of \(partial.count) bytes", file: file, line: line)
        }
        var objects: [[String: Any]] = []
        for (index, bytes) in lines.enumerated() {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                XCTFail("line \(index + 1) of \(path) is not a JSON object: \(String(decoding: bytes.prefix(300), as: UTF8.self))",
                        file: file, line: line)
                continue
            }
            objects.append(object)
        }
        return objects
    }

    /// The `id` of each line, in order.
    static func ids(_ path: String, allowPartialTail: Bool = false,
                    file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try objects(path, allowPartialTail: allowPartialTail, file: file, line: line).compactMap { $0["id"] as? String }
    }
}
