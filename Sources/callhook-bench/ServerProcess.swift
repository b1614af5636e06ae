import Foundation
import Glibc

/// A `callhook serve` child process on a free port.
final class ServerProcess {
    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    static func start(binary: String, config: String, cpu: String?) throws -> ServerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let command = [binary, "serve", "--config", config]
        process.arguments = cpu.map { ["taskset", "-c", $0] + command } ?? command
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        // The server prints `listening on 127.0.0.1:PORT` once it accepts connections.
        var seen = ""
        while !seen.contains("listening on") || !seen.hasSuffix("\n") {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { throw BenchError("the server exited: \(seen)") }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = seen.split(separator: "\n").first(where: { $0.contains("listening on") }),
              let port = line.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw BenchError("no port in: \(seen)")
        }
        return ServerProcess(process: process, port: port)
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// Resident memory now, from /proc; under `taskset` the server is the child's child... so
    /// `env` execs it in place and the pid is the server's.
    func rssKiB() -> Int { statusField("VmRSS:") }

    /// The high-water mark of resident memory.
    func peakRSSKiB() -> Int { statusField("VmHWM:") }

    private func statusField(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
    }
}

/// Opens many keep-alive connections that send nothing.
enum IdleConnections {
    static func open(count: Int, port: Int) -> [Int32] {
        var fds: [Int32] = []
        for _ in 0..<count {
            guard let fd = Loopback.connect(port: port) else { break }
            fds.append(fd)
        }
        return fds
    }
}

enum Limits {
    static func raiseOpenFiles(to wanted: Int) {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = min(rlim_t(wanted), limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A folder under /tmp, removed at exit of the benchmark.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/callhook-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError("mkdtemp failed") }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
