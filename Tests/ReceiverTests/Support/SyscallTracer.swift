import Foundation
import Glibc
import XCTest

/// `strace` attached to a running server (all its threads), writing its transcript to a file,
/// and optionally failing chosen system calls with `-e inject=...`. Detaching leaves the server
/// running untraced. Throws `XCTSkip` when strace is missing or ptrace is not permitted.
///
/// ```swift
/// let tracer = try SyscallTracer.attach(to: server.pid, output: path("strace.txt"),
///                                       options: ["-P", log, "-e", "trace=fdatasync",
///                                                 "-e", "inject=fdatasync:error=EIO:when=5"])
/// ...
/// tracer.detach()
/// let failed = tracer.transcript.calls.filter(\.injected)
/// ```
final class SyscallTracer {
    struct AttachError: Error, CustomStringConvertible {
        let description: String
    }

    let process: Process
    let outputPath: String
    /// strace's own messages, in a file beside the transcript (a pipe nobody reads could fill).
    let errorPath: String

    private init(process: Process, outputPath: String, errorPath: String) {
        self.process = process
        self.outputPath = outputPath
        self.errorPath = errorPath
    }

    static let candidates = ["/usr/bin/strace", "/bin/strace", "/usr/local/bin/strace"]

    /// `strace -f -o OUTPUT OPTIONS -p PID`, returned once every thread is attached.
    static func attach(to pid: pid_t, output: String, options: [String], seconds: Double = 10) throws -> SyscallTracer {
        guard let strace = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("strace is not installed (looked at \(candidates)); `apt-get install -y strace` runs these tests")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = ["-f", "-o", output] + options + ["-p", String(pid)]
        let errorPath = output + ".err"
        guard FileManager.default.createFile(atPath: errorPath, contents: nil),
              let errors = FileHandle(forWritingAtPath: errorPath) else {
            throw AttachError(description: "cannot create \(errorPath)")
        }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let tracer = SyscallTracer(process: process, outputPath: output, errorPath: errorPath)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            // "strace: Process N attached with M threads", printed once all are attached.
            if tracer.errorText.contains("attached") { return tracer }
            if !process.isRunning {
                process.waitUntilExit()
                let text = tracer.errorText
                if text.contains("Operation not permitted") {
                    throw XCTSkip("ptrace is not permitted here, so strace cannot attach: \(text)")
                }
                throw AttachError(description: "strace exited with \(process.terminationStatus): \(text)")
            }
            usleep(5_000)
        }
        tracer.detach()
        throw AttachError(description: "strace did not attach within \(seconds) s: \(tracer.errorText)")
    }

    var errorText: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// Detaches (strace lets the tracees go on SIGINT) and waits for strace to exit, so the
    /// transcript is complete.
    func detach(seconds: Double = 10) {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    var transcript: StraceTranscript { StraceTranscript(text: LogFile.text(outputPath)) }
}
