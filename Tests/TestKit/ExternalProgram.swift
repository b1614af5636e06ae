import Foundation

/// Where a program the tests drive for real is installed (nginx, haproxy, rsyslogd, promtool…),
/// searched along `PATH`, then the sbin folders Debian puts daemons in; nil when it is missing,
/// so the test can skip with a message.
///
/// ```swift
/// guard let haproxy = ExternalProgram.path("haproxy") else { throw XCTSkip("haproxy not found") }
/// ```
public enum ExternalProgram {
    public static func path(_ name: String, alsoIn extra: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin"] + extra
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
