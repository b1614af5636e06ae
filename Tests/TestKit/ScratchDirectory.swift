import Foundation
import Glibc

/// A fresh folder under /tmp for one test's config, logs and the output of what it started;
/// `remove()` (from `tearDown`) takes it away with everything in it. Readable by everyone, since
/// nginx workers and logrotate may run as another user.
///
/// ```swift
/// let scratch = try ScratchDirectory()
/// defer { scratch.remove() }
/// try scratch.write("config.json", json)
/// XCTAssertEqual(scratch.lines("events.jsonl").count, 1)
/// ```
public struct ScratchDirectory: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let path: String

    public init(prefix: String = "callhook-tests") throws {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure(description: "mkdtemp: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
        chmod(path, 0o755)
    }

    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    /// Appends with one `write` on an `O_APPEND` descriptor, as a logging program would.
    public func append(_ name: String, _ text: String) throws {
        let fd = open(file(name), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "open \(name): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw Failure(description: "short write to \(name)")
        }
    }

    public func read(_ name: String) -> [UInt8] { Self.bytes(of: file(name)) }

    public func text(_ name: String) -> String { String(decoding: read(name), as: UTF8.self) }

    /// The non-empty lines of a file.
    public func lines(_ name: String) -> [String] {
        text(name).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    public func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    // MARK: - Any file

    /// The file's lines without their `\n`, empty ones included; a final unterminated piece is kept as a line.
    public static func lines(of path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return [] }
        var parts = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if parts.last == "" { parts.removeLast() }
        return parts.map(String.init)
    }

    public static func bytes(of path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    public static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }
}
