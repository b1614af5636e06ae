import Foundation
import Glibc

/// What a process has spent so far, from /proc: CPU time (user + system, all threads) and
/// context switches (voluntary and involuntary, summed over its threads). The difference of
/// two samples divided by the requests between them is stable on a shared machine, where
/// requests per second is not.
struct ProcessSample {
    var cpuSeconds: Double
    var contextSwitches: Int

    static func of(pid: Int32) -> ProcessSample {
        ProcessSample(cpuSeconds: cpuSeconds(pid: pid), contextSwitches: contextSwitches(pid: pid))
    }

    static func - (after: ProcessSample, before: ProcessSample) -> ProcessSample {
        ProcessSample(cpuSeconds: after.cpuSeconds - before.cpuSeconds,
                      contextSwitches: after.contextSwitches - before.contextSwitches)
    }

    /// Fields 14 and 15 of /proc/PID/stat (utime, stime) in clock ticks; the command name in
    /// field 2 may hold spaces, so fields are counted after its closing parenthesis.
    private static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12].
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func contextSwitches(pid: Int32) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var total = 0
        for task in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8) else { continue }
            for line in status.split(separator: "\n") {
                if line.hasPrefix("voluntary_ctxt_switches:") || line.hasPrefix("nonvoluntary_ctxt_switches:") {
                    total += Int(line.split(separator: "\t").last ?? "") ?? 0
                }
            }
        }
        return total
    }
}

/// One `GET` over a fresh connection, for reading `/metrics` between runs.
enum PlainHTTP {
    static func get(port: Int, path: String) -> String {
        guard let fd = Loopback.connect(port: port) else { return "" }
        defer { close(fd) }
        guard Loopback.send("GET \(path) HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n", to: fd) else { return "" }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response.append(contentsOf: chunk[..<n])
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// The value of the first sample line starting with `series` (name and labels).
    static func metric(_ series: String, in text: String) -> Double {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.split(separator: " ").last ?? "") ?? 0
        }
        return 0
    }
}
