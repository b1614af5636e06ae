import Foundation
import Glibc
import Signatures

/// The server under wrk, the way the README's "Performance" table is measured: server pinned
/// to core 0, wrk to core 1 (`--unpinned` lets both float), keep-alive, 64 connections.
struct LoadBenchmark {
    var fsync = "always"
    var payload = BenchPayloads.impactPBXHangup
    var seconds = 10
    var runs = 3
    var connections = 64
    var eventLoops = 1
    var pinned = true
    var idleConnections = 0
    /// `verify: hmac-sha256` on the route, every request signed (the cost of checking).
    var verify = false

    /// Also runs nginx `return 200` under the same wrk command, for the CPU ratio.
    var compareWithNginx = true

    struct RunResult {
        var requestsPerSecond: Double
        var p99Milliseconds: Double
        var non2xx: Int
        var peakRSSKiB: Int
        var requests = 0
        /// Server CPU (user + system, every thread) per request, in microseconds.
        var cpuMicros = 0.0
        /// Context switches of every server thread per request.
        var switches = 0.0
        /// Event-log lines per batch `write`.
        var linesPerWrite = 0.0
        /// nginx's CPU per request in the matching run, when compared.
        var nginxCPUMicros: Double?
    }

    @discardableResult
    func run(serverBinary: String) throws -> [RunResult] {
        let dir = try TemporaryDirectory()
        let secret = "bench-secret-0123456789"
        let signing = verify ? #","secret":"\#(secret)","verify":{"scheme":"hmac-sha256","header":"X-Signature","encoding":"hex"}"# : ""
        let signature = Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(payload.body.utf8), key: Array(secret.utf8)))
        let config = """
        {"listen":"127.0.0.1:0","event_log":"events.jsonl","rejects_log":"rejects.jsonl","fsync":"\(fsync)",
         "dedupe_window":0,"event_loops":\(eventLoops),
         "limits":{"max_connections":20000,"idle_timeout_ms":600000},
         "routes":[{"name":"\(payload.route)","path":"/hooks/\(payload.route)","vendor":"\(payload.route)"\(signing)}]}
        """
        try config.write(toFile: dir.path + "/config.json", atomically: true, encoding: .utf8)
        let script = try Wrk.script(payload: payload, in: dir.path, headers: verify ? [("X-Signature", signature)] : [])

        Limits.raiseOpenFiles(to: 65_536)
        let server = try ServerProcess.start(binary: serverBinary, config: dir.path + "/config.json",
                                             cpu: pinned ? "0" : nil)
        defer { server.stop() }

        var idle: [Int32] = []
        defer { idle.forEach { close($0) } }
        if idleConnections > 0 {
            let before = server.rssKiB()
            idle = IdleConnections.open(count: idleConnections, port: server.port)
            usleep(500_000)
            let after = server.rssKiB()
            print("  \(idle.count) idle keep-alive connections: server RSS \(before / 1024) MiB -> \(after / 1024) MiB "
                  + "(+\(format(Double(after - before) / 1024, decimals: 1)) MiB)")
        }

        let nginx = compareWithNginx && NginxReference.available ? try NginxReference(cpu: pinned ? "0" : nil) : nil
        defer { nginx?.stop() }
        let url = "http://127.0.0.1:\(server.port)/hooks/\(payload.route)"
        var results: [RunResult] = []
        for run in 1...runs {
            let before = ProcessSample.of(pid: server.process.processIdentifier)
            let metricsBefore = PlainHTTP.get(port: server.port, path: "/metrics")
            let output = try Wrk.run(url: url, script: script, seconds: seconds, connections: connections,
                                     cpu: pinned ? "1" : nil)
            let spent = ProcessSample.of(pid: server.process.processIdentifier) - before
            let metricsAfter = PlainHTTP.get(port: server.port, path: "/metrics")
            var result = Wrk.parse(output)
            result.peakRSSKiB = server.peakRSSKiB()
            let requests = Double(max(result.requests, 1))
            result.cpuMicros = spent.cpuSeconds * 1e6 / requests
            result.switches = Double(spent.contextSwitches) / requests
            let lines = Self.delta("callhook_log_lines_written_total{log=\"events\"}", metricsBefore, metricsAfter)
            let writes = Self.delta("callhook_log_batches_written_total{log=\"events\"}", metricsBefore, metricsAfter)
            result.linesPerWrite = writes > 0 ? lines / writes : 0
            if let nginx {
                let before = ProcessSample.of(pid: nginx.process.processIdentifier)
                let reference = Wrk.parse(try Wrk.run(url: "http://127.0.0.1:\(nginx.port)/", script: script,
                                                      seconds: seconds, connections: connections, cpu: pinned ? "1" : nil))
                let spent = ProcessSample.of(pid: nginx.process.processIdentifier) - before
                result.nginxCPUMicros = spent.cpuSeconds * 1e6 / Double(max(reference.requests, 1))
            }
            results.append(result)
            print("  run \(run): \(format(result.requestsPerSecond)) req/s, p99 \(format(result.p99Milliseconds, decimals: 2)) ms, "
                  + "non-2xx \(result.non2xx), peak RSS \(format(Double(result.peakRSSKiB) / 1024, decimals: 1)) MiB, "
                  + "CPU \(format(result.cpuMicros, decimals: 1)) µs/req, \(format(result.switches, decimals: 3)) switches/req, "
                  + "\(format(result.linesPerWrite, decimals: 1)) lines/write"
                  + (result.nginxCPUMicros.map { ", nginx return 200 \(format($0, decimals: 1)) µs/req" } ?? ""))
        }
        let lines = (try? String(contentsOfFile: dir.path + "/events.jsonl", encoding: .utf8))?.utf8.filter { $0 == 10 }.count ?? 0
        print("  median: \(format(median(results.map(\.requestsPerSecond)))) req/s, "
              + "p99 \(format(median(results.map(\.p99Milliseconds)), decimals: 2)) ms, "
              + "peak RSS \(format(Double(results.map(\.peakRSSKiB).max() ?? 0) / 1024, decimals: 1)) MiB, "
              + "\(lines) lines in the log")
        let ratios = results.compactMap { r in r.nginxCPUMicros.map { r.cpuMicros / max($0, 0.001) } }
        print("  median: CPU \(format(median(results.map(\.cpuMicros)), decimals: 1)) µs/req, "
              + "\(format(median(results.map(\.switches)), decimals: 3)) context switches/req, "
              + "\(format(median(results.map(\.linesPerWrite)), decimals: 1)) lines/write"
              + (ratios.isEmpty ? "" : ", nginx return 200 \(format(median(results.compactMap(\.nginxCPUMicros)), decimals: 1)) µs/req, "
                 + "ratio \(format(median(ratios), decimals: 2))x"))
        return results
    }

    /// The `verify` target measured the way a noisy machine allows: `pairs` single runs without
    /// and with `verify: hmac-sha256`, interleaved so drift hits both sides alike, then the
    /// throughput lost between the two medians and the median of the pairs' own ratios.
    func compareVerify(pairs: Int, serverBinary: String) throws {
        var plain: [Double] = [], signed: [Double] = []
        for pair in 1...max(pairs, 1) {
            var one = self
            one.runs = 1
            one.compareWithNginx = false
            one.verify = false
            print("pair \(pair), without verify:")
            plain += try one.run(serverBinary: serverBinary).map(\.requestsPerSecond)
            one.verify = true
            print("pair \(pair), with verify:")
            signed += try one.run(serverBinary: serverBinary).map(\.requestsPerSecond)
        }
        let lost = 1 - median(signed) / max(median(plain), 1)
        let ratios = zip(signed, plain).map { $0 / max($1, 1) }
        print("verify: \(pairs) pairs, median \(format(median(plain))) req/s without, \(format(median(signed))) with: "
              + "\(format(lost * 100, decimals: 1)) % lost (target ≤ 10 %); median pair ratio \(format(median(ratios), decimals: 3))")
    }

    private static func delta(_ series: String, _ before: String, _ after: String) -> Double {
        PlainHTTP.metric(series, in: after) - PlainHTTP.metric(series, in: before)
    }
}

/// wrk from Debian's package, run and read.
enum Wrk {
    /// A wrk script posting `payload` (written beside it as `body`) with `headers`.
    static func script(payload: BenchPayloads.Payload, in directory: String, headers: [(String, String)] = []) throws -> String {
        try payload.body.write(toFile: directory + "/body", atomically: true, encoding: .utf8)
        let script = directory + "/post.lua"
        let extra = headers.map { "wrk.headers[\"\($0.0)\"] = \"\($0.1)\"\n" }.joined()
        try """
        local f = io.open("\(directory)/body", "rb")
        wrk.method = "\(payload.method)"
        wrk.body = f:read("*a")
        f:close()
        wrk.headers["Content-Type"] = "\(payload.contentType ?? "application/octet-stream")"

        """.appending(extra).write(toFile: script, atomically: true, encoding: .utf8)
        return script
    }

    static func run(url: String, script: String, seconds: Int, connections: Int, cpu: String?) throws -> String {
        var arguments = ["wrk", "-t1", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script, url]
        if let cpu { arguments = ["taskset", "-c", cpu] + arguments }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        // A missing wrk or a run that could not connect is an error, never a row of zeros.
        guard process.terminationStatus == 0, output.contains("Requests/sec:") else {
            throw BenchError("wrk failed (exit \(process.terminationStatus)); is Debian's wrk installed?\n\(output)")
        }
        return output
    }

    static func parse(_ output: String) -> LoadBenchmark.RunResult {
        var result = LoadBenchmark.RunResult(requestsPerSecond: 0, p99Milliseconds: 0, non2xx: 0, peakRSSKiB: 0)
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.contains(" requests in "), let value = words.first.flatMap({ Int($0) }) {
                result.requests = value
            } else if line.hasPrefix("Requests/sec:"), let value = words.last.flatMap({ Double($0) }) {
                result.requestsPerSecond = value
            } else if words.first == "99%", let value = words.last {
                result.p99Milliseconds = milliseconds(String(value))
            } else if line.contains("Non-2xx or 3xx responses:"), let value = words.last.flatMap({ Int($0) }) {
                result.non2xx = value
            }
        }
        return result
    }

    /// `812.00us`, `4.51ms`, `1.02s` in milliseconds.
    static func milliseconds(_ text: String) -> Double {
        if text.hasSuffix("us") { return (Double(text.dropLast(2)) ?? 0) / 1000 }
        if text.hasSuffix("ms") { return Double(text.dropLast(2)) ?? 0 }
        if text.hasSuffix("s") { return (Double(text.dropLast(1)) ?? 0) * 1000 }
        return 0
    }
}
