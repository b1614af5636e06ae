import Foundation
import Glibc
import TestKit

/// A real nginx in front of a callhook server, with its own prefix in a scratch directory, in
/// the foreground (`daemon off`, one process), on a free loopback port. It reaches callhook
/// from `127.0.0.2` (`proxy_bind`), so a test can tell nginx's address from its own client's.
///
/// ```swift
/// let nginx = try OpsNginx.start(in: scratch, upstreamPort: server.port)
/// defer { nginx.stop() }
/// let response = try HTTPTestClient(port: nginx.port, from: "127.0.0.3").request(request)
/// ```
final class OpsNginx {
    static let proxyAddress = "127.0.0.2"

    let process: Process
    let port: Int
    let prefix: String

    private init(process: Process, port: Int, prefix: String) {
        self.process = process
        self.port = port
        self.prefix = prefix
    }

    /// The nginx binary, or nil when it is not installed.
    static func executable() -> String? { ExternalProgram.path("nginx", alsoIn: ["/usr/local/nginx/sbin"]) }

    /// The configuration the README recommends, cut down to what a test needs.
    static func configuration(prefix: String, port: Int, upstreamPort: Int) -> String {
        """
        daemon off;
        master_process off;
        worker_processes 1;
        pid \(prefix)/nginx.pid;
        error_log \(prefix)/error.log info;
        events { worker_connections 128; }
        http {
            access_log \(prefix)/access.log;
            client_body_temp_path \(prefix)/body;
            proxy_temp_path \(prefix)/proxy;
            fastcgi_temp_path \(prefix)/fastcgi;
            uwsgi_temp_path \(prefix)/uwsgi;
            scgi_temp_path \(prefix)/scgi;

            upstream callhook {
                server 127.0.0.1:\(upstreamPort);
                keepalive 8;
            }
            server {
                listen 127.0.0.1:\(port);
                client_max_body_size 1m;
                location / {
                    proxy_pass http://callhook;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Real-IP $remote_addr;
                    proxy_bind \(proxyAddress);
                }
            }
        }

        """
    }

    static func start(in scratch: ScratchDirectory, upstreamPort: Int, seconds: Double = 10) throws -> OpsNginx {
        guard let nginx = executable() else { throw OpsFailure("nginx is not installed") }
        let prefix = scratch.file("nginx")
        try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
        let port = try HTTPTestClient.freePort()
        try Data(configuration(prefix: prefix, port: port, upstreamPort: upstreamPort).utf8)
            .write(to: URL(fileURLWithPath: prefix + "/nginx.conf"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nginx)
        process.arguments = ["-p", prefix, "-c", prefix + "/nginx.conf", "-e", prefix + "/error.log"]
        _ = FileManager.default.createFile(atPath: prefix + "/stderr", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: prefix + "/stderr")
        process.standardError = FileHandle(forWritingAtPath: prefix + "/stderr")
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let started = OpsNginx(process: process, port: port, prefix: prefix)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? HTTPTestClient(port: port)) != nil { return started }
            if !process.isRunning { break }
            usleep(20_000)
        }
        started.stop()
        throw OpsFailure("nginx did not start on port \(port):\n\(started.log)")
    }

    var log: String {
        ["stderr", "error.log"].map { (try? String(contentsOfFile: prefix + "/" + $0, encoding: .utf8)) ?? "" }.joined()
    }

    /// SIGQUIT (graceful), then SIGKILL if it lingers.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGQUIT)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
