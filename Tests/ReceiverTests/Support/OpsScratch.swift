import Foundation
import Glibc

/// A fresh directory under /tmp for one test's config, logs and captured output; removed by
/// `remove()` (call it from `tearDown`).
///
/// ```swift
/// let scratch = try OpsScratch()
/// try scratch.write("config.json", json)
/// defer { scratch.remove() }
/// ```
struct OpsScratch {
    let path: String

    init() throws {
        var template = Array("/tmp/callhook-ops-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw OpsFailure("mkdtemp: \(String(cString: strerror(errno)))") }
        path = String(cString: made)
        // nginx workers and logrotate may run as another user; let them in.
        chmod(path, 0o755)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    func append(_ name: String, _ text: String) throws {
        let fd = open(file(name), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OpsFailure("open \(name): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw OpsFailure("short write to \(name)")
        }
    }

    func read(_ name: String) -> [UInt8] {
        (FileManager.default.contents(atPath: file(name))).map { [UInt8]($0) } ?? []
    }

    func text(_ name: String) -> String { String(decoding: read(name), as: UTF8.self) }

    /// Non-empty lines of a file.
    func lines(_ name: String) -> [String] {
        text(name).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A failure of the test machinery itself (not of the code under test), with what went wrong.
struct OpsFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
