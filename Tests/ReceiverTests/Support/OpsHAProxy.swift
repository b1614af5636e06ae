import Foundation
import Glibc
import TestKit

/// A real HAProxy in front of one or more callhook servers, in the foreground (`-db`), with the
/// frontend and backend of Operating.md ("Scaling out") and a stats listener to read server
/// states from. It reaches the servers from `127.0.0.2` (`source`), so a test can tell its
/// address from the client's. Checks run every 100 ms and one failure takes a server out.
///
/// ```swift
/// let haproxy = try OpsHAProxy.start(in: scratch, servers: [server.port])
/// defer { haproxy.stop() }
/// let response = try HTTPTestClient.exchange(port: haproxy.port, request, from: "127.0.0.3")
/// XCTAssertTrue(haproxy.waitFor(server: "s1", state: "DOWN"))
/// ```
final class OpsHAProxy {
    static let proxyAddress = "127.0.0.2"
    static let adminToken = "an-admin-token-for-the-checks"

    let process: Process
    let port: Int
    let statsPort: Int
    let prefix: String

    private init(process: Process, port: Int, statsPort: Int, prefix: String) {
        self.process = process
        self.port = port
        self.statsPort = statsPort
        self.prefix = prefix
    }

    static func executable() -> String? { ExternalProgram.path("haproxy") }

    /// Operating.md's configuration without TLS; servers are named `s1`, `s2`, ...
    /// `retryOnFailure` adds what a pool behind a flaky instance wants: a request whose
    /// connection failed is sent again, to another server.
    static func configuration(port: Int, statsPort: Int, servers: [Int], retryOnFailure: Bool) -> String {
        let lines = servers.enumerated().map { index, serverPort in
            "    server s\(index + 1) 127.0.0.1:\(serverPort) check inter 100ms fall 1 rise 2 source \(proxyAddress)"
        }
        return """
            global
                maxconn 256
            defaults
                mode http
                timeout connect 1s
                timeout client 10s
                timeout server 10s
                timeout check 1s
            frontend hooks
                bind 127.0.0.1:\(port)
                option forwardfor
                default_backend callhook
            backend callhook
                balance roundrobin
                option httpchk
                http-check send meth GET uri /healthz hdr Authorization "Bearer \(adminToken)"
                http-check expect status 200
            \(retryOnFailure ? "    retries 3\n    option redispatch 1\n    retry-on conn-failure empty-response" : "")
            \(lines.joined(separator: "\n"))
            listen stats
                bind 127.0.0.1:\(statsPort)
                stats enable
                stats uri /stats

            """
    }

    static func start(in scratch: ScratchDirectory, servers: [Int], retryOnFailure: Bool = false,
                      seconds: Double = 10) throws -> OpsHAProxy {
        guard let haproxy = executable() else { throw OpsFailure("haproxy is not installed") }
        let prefix = scratch.file("haproxy")
        try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
        let port = try HTTPTestClient.freePort()
        let statsPort = try HTTPTestClient.freePort()
        let text = configuration(port: port, statsPort: statsPort, servers: servers, retryOnFailure: retryOnFailure)
        try Data(text.utf8).write(to: URL(fileURLWithPath: prefix + "/haproxy.cfg"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: haproxy)
        process.arguments = ["-db", "-f", prefix + "/haproxy.cfg"]
        _ = FileManager.default.createFile(atPath: prefix + "/stderr", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: prefix + "/stderr")
        process.standardError = FileHandle(forWritingAtPath: prefix + "/stderr")
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let started = OpsHAProxy(process: process, port: port, statsPort: statsPort, prefix: prefix)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let states = started.states()
            if !states.isEmpty && (1...servers.count).allSatisfy({ states["s\($0)"] == "UP" }) { return started }
            if !process.isRunning { break }
            usleep(20_000)
        }
        started.stop()
        throw OpsFailure("haproxy did not start with every server up on port \(port):\n\(started.log)")
    }

    var log: String { (try? String(contentsOfFile: prefix + "/stderr", encoding: .utf8)) ?? "" }

    /// The backend's servers and their states (`UP`, `DOWN`, `UP 1/2`, ...) from the CSV stats.
    func states() -> [String: String] {
        // pxname, svname, ... status is the 18th field.
        statsColumn(17)
    }

    /// The requests each server has in progress now (`scur`, the 5th field of the CSV stats).
    func sessions() -> [String: Int] {
        statsColumn(4).compactMapValues { Int($0) }
    }

    private func statsColumn(_ column: Int) -> [String: String] {
        guard let response = try? HTTPTestClient.exchange(port: statsPort, .get("/stats;csv")), response.status == 200 else {
            return [:]
        }
        var result: [String: String] = [:]
        for line in response.text.split(separator: "\n") where line.hasPrefix("callhook,") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if fields.count > column, fields[1] != "BACKEND" { result[fields[1]] = fields[column] }
        }
        return result
    }

    /// Waits until HAProxy has at least one request in progress on `server`.
    func waitForRequestInProgress(on server: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (sessions()[server] ?? 0) > 0 { return true }
            usleep(5_000)
        }
        return false
    }

    /// Waits until HAProxy shows `server` in `state`; false when it did not within `seconds`.
    func waitFor(server: String, state: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if states()[server] == state { return true }
            usleep(20_000)
        }
        return false
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
