import Foundation
import Glibc
import TestKit

/// A real HAProxy in front of a callhook server, in the foreground (`-db`), on a free loopback
/// port, relaying TCP with `send-proxy-v2`: callhook sees HAProxy's address as the peer and
/// takes the client's from the PROXY protocol header.
///
/// ```swift
/// let haproxy = try OpsHAProxyRelay.start(in: scratch, upstreamPort: server.port)
/// defer { haproxy.stop() }
/// let response = try HTTPTestClient(port: haproxy.port, from: "127.0.0.3").request(request)
/// ```
final class OpsHAProxyRelay {
    let process: Process
    let port: Int
    let directory: String

    private init(process: Process, port: Int, directory: String) {
        self.process = process
        self.port = port
        self.directory = directory
    }

    /// The haproxy binary, or nil when it is not installed.
    static func executable() -> String? { ExternalProgram.path("haproxy") }

    /// TCP mode, the server line with `send-proxy-v2` (`send-proxy` for v1).
    static func configuration(port: Int, upstreamPort: Int, sendProxy: String) -> String {
        """
        global
            maxconn 256
        defaults
            mode tcp
            timeout connect 5s
            timeout client 30s
            timeout server 30s
        frontend hooks
            bind 127.0.0.1:\(port)
            default_backend callhook
        backend callhook
            server callhook1 127.0.0.1:\(upstreamPort) \(sendProxy)

        """
    }

    static func start(in directory: String, upstreamPort: Int, sendProxy: String = "send-proxy-v2",
                      seconds: Double = 10) throws -> OpsHAProxyRelay {
        guard let haproxy = executable() else { throw OpsFailure("haproxy is not installed") }
        let port = try HTTPTestClient.freePort()
        let config = directory + "/haproxy.cfg"
        try Data(configuration(port: port, upstreamPort: upstreamPort, sendProxy: sendProxy).utf8)
            .write(to: URL(fileURLWithPath: config))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: haproxy)
        process.arguments = ["-db", "-f", config]
        let log = directory + "/haproxy.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: log)
        process.standardError = FileHandle(forWritingAtPath: log)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let started = OpsHAProxyRelay(process: process, port: port, directory: directory)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? HTTPTestClient.connects(port: port)) == true { return started }
            if !process.isRunning { break }
            usleep(20_000)
        }
        started.stop()
        throw OpsFailure("haproxy did not start on port \(port):\n\(started.log)")
    }

    var log: String { (try? String(contentsOfFile: directory + "/haproxy.log", encoding: .utf8)) ?? "" }

    /// SIGUSR1 (soft stop), then SIGKILL if it lingers.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGUSR1)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
