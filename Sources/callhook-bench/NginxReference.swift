import Foundation
import Glibc

/// nginx answering `return 200` on the same core, under the same wrk command: the reference
/// the server's CPU per request is compared with. One process (`master_process off`), so its
/// pid is the one that does the work.
final class NginxReference {
    let process: Process
    let port: Int
    private let directory: TemporaryDirectory

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx")
    }

    init(cpu: String?) throws {
        directory = try TemporaryDirectory()
        port = try FreePort.pick()
        let config = """
        daemon off; master_process off; worker_processes 1; pid \(directory.path)/nginx.pid;
        error_log \(directory.path)/error.log;
        events { worker_connections 4096; }
        http {
            access_log off;
            client_body_temp_path \(directory.path)/body;
            server { listen 127.0.0.1:\(port); location / { return 200 "{\\"ok\\":true}"; } }
        }
        """
        try config.write(toFile: directory.path + "/nginx.conf", atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let command = ["/usr/sbin/nginx", "-p", directory.path, "-c", directory.path + "/nginx.conf"]
        process.arguments = cpu.map { ["taskset", "-c", $0] + command } ?? command
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready once it accepts a connection.
        for _ in 0..<500 {
            if FreePort.accepts(port) { return }
            usleep(10_000)
        }
        throw BenchError("nginx did not start listening on \(port)")
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

enum FreePort {
    /// A port the kernel just handed out for an ephemeral bind (racy in theory, fine here).
    static func pick() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw BenchError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(_ port: Int) -> Bool {
        guard let fd = Loopback.connect(port: port) else { return false }
        close(fd)
        return true
    }
}
