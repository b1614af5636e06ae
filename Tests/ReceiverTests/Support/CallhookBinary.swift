import Foundation
import Glibc

/// The `callhook` executable that `swift build` put beside the test bundle, run as a child
/// with its output going to files (a child never blocks on a full pipe, and a test can read
/// what a long-running command has printed so far).
///
/// ```swift
/// let result = try CallhookBinary.run(["calls", "--json", log])
/// XCTAssertEqual(result.status, 0)
/// let tail = try CallhookBinary.launch(["tail", "--follow", log], in: scratch)
/// ```
enum CallhookBinary {
    /// `.build/<triple>/debug/callhook`, next to `callhookPackageTests.xctest`.
    static func path() throws -> String {
        var candidates: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("callhook").path)
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("callhook").path)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("callhook").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw OpsFailure("no callhook binary beside the test bundle (looked at \(candidates)); run `swift build` first")
    }

    /// A running child whose stdout and stderr go to `<name>.out` and `<name>.err` in `scratch`.
    final class Child {
        let process: Process
        let stdoutPath: String
        let stderrPath: String

        init(process: Process, stdoutPath: String, stderrPath: String) {
            self.process = process
            self.stdoutPath = stdoutPath
            self.stderrPath = stderrPath
        }

        var pid: pid_t { process.processIdentifier }
        var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

        func signal(_ signo: Int32) {
            if process.isRunning { kill(pid, signo) }
        }

        /// The exit status (128 + n after signal n), or nil when it is still running at the deadline.
        func wait(seconds: Double) -> Int32? {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning {
                if Date() >= deadline { return nil }
                usleep(2_000)
            }
            process.waitUntilExit()
            return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        }

        /// SIGTERM, then SIGKILL if it is still there after `seconds`; returns the exit status.
        @discardableResult
        func stop(seconds: Double = 5) -> Int32? {
            signal(SIGTERM)
            if let status = wait(seconds: seconds) { return status }
            signal(SIGKILL)
            _ = wait(seconds: 5)
            return nil
        }
    }

    static func launch(_ arguments: [String], in scratch: OpsScratch, name: String = "callhook") throws -> Child {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        let out = scratch.file(name + ".out")
        let err = scratch.file(name + ".err")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Child(process: process, stdoutPath: out, stderrPath: err)
    }

    /// Runs a command that ends by itself; fails when it has not ended within `seconds`.
    static func run(_ arguments: [String], in scratch: OpsScratch, seconds: Double = 15)
        throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try launch(arguments, in: scratch, name: "run-\(arguments.first ?? "")")
        guard let status = child.wait(seconds: seconds) else {
            child.stop()
            throw OpsFailure("callhook \(arguments.joined(separator: " ")) did not end within \(seconds) s")
        }
        return (status, child.stdout, child.stderr)
    }
}
