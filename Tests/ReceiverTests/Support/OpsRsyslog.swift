import Foundation
import Glibc
import TestKit

/// A real rsyslogd with its own config, pid file and work directory under a scratch directory,
/// in the foreground (`-n`), loading no module but the ones its config names: no `/dev/log`,
/// no system files. Two roles, as Operating.md ("Shipping the log") sets them up: a shipper
/// whose `imfile` follows a log by name and forwards each line over TCP, and a collector whose
/// `imtcp` writes every message it gets as one line of one file.
///
/// ```swift
/// let collector = try OpsRsyslog.collector(in: scratch, output: scratch.file("collected.jsonl"))
/// let shipper = try OpsRsyslog.shipper(in: scratch, following: server.eventLog, to: collector.port)
/// defer { shipper.stop(); collector.stop() }
/// ```
final class OpsRsyslog {
    /// Bigger than any line the tests write (rsyslog cuts a message at this size).
    static let maxMessageSize = "256k"

    let process: Process
    let directory: String
    let port: Int

    private init(process: Process, directory: String, port: Int) {
        self.process = process
        self.directory = directory
        self.port = port
    }

    static func executable() -> String? { ExternalProgram.path("rsyslogd") }

    /// The shipper's configuration: Operating.md shows the same, with system paths.
    static func shipperConfiguration(workDirectory: String, log: String, collectorPort: Int) -> String {
        """
        global(workDirectory="\(workDirectory)" maxMessageSize="\(maxMessageSize)")
        module(load="imfile" mode="inotify")
        input(type="imfile" file="\(log)" tag="callhook" ruleset="ship"
              addMetadata="off" reopenOnTruncate="off")
        ruleset(name="ship") {
            action(type="omfwd" target="127.0.0.1" port="\(collectorPort)" protocol="tcp"
                   tcp_framing="octet-counted" template="RSYSLOG_SyslogProtocol23Format"
                   queue.type="LinkedList" queue.filename="ship" queue.saveOnShutdown="on"
                   action.resumeRetryCount="-1")
        }

        """
    }

    /// The collector's configuration: each message's text, as the shipper read it, one a line.
    static func collectorConfiguration(workDirectory: String, port: Int, output: String) -> String {
        """
        global(workDirectory="\(workDirectory)" maxMessageSize="\(maxMessageSize)")
        module(load="imtcp")
        template(name="line" type="string" string="%msg%\\n")
        input(type="imtcp" address="127.0.0.1" port="\(port)" ruleset="collect")
        ruleset(name="collect") {
            action(type="omfile" file="\(output)" template="line")
        }

        """
    }

    static func shipper(in scratch: ScratchDirectory, following log: String, to collectorPort: Int) throws -> OpsRsyslog {
        try start(in: scratch, name: "shipper", port: 0) {
            shipperConfiguration(workDirectory: $0, log: log, collectorPort: collectorPort)
        }
    }

    static func collector(in scratch: ScratchDirectory, output: String) throws -> OpsRsyslog {
        let port = try HTTPTestClient.freePort()
        let started = try start(in: scratch, name: "collector", port: port) {
            collectorConfiguration(workDirectory: $0, port: port, output: output)
        }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if (try? HTTPTestClient.connects(port: port)) == true { return started }
            if !started.process.isRunning { break }
            usleep(20_000)
        }
        started.stop()
        throw OpsFailure("the collecting rsyslogd did not listen on \(port):\n\(started.log)")
    }

    private static func start(in scratch: ScratchDirectory, name: String, port: Int,
                              configuration: (String) -> String) throws -> OpsRsyslog {
        guard let rsyslogd = executable() else { throw OpsFailure("rsyslogd is not installed") }
        let directory = scratch.file(name)
        try FileManager.default.createDirectory(atPath: directory + "/work", withIntermediateDirectories: true)
        try Data(configuration(directory + "/work").utf8).write(to: URL(fileURLWithPath: directory + "/rsyslog.conf"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rsyslogd)
        process.arguments = ["-n", "-f", directory + "/rsyslog.conf", "-i", directory + "/rsyslogd.pid"]
        _ = FileManager.default.createFile(atPath: directory + "/stderr", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: directory + "/stderr")
        process.standardError = FileHandle(forWritingAtPath: directory + "/stderr")
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return OpsRsyslog(process: process, directory: directory, port: port)
    }

    var log: String { (try? String(contentsOfFile: directory + "/stderr", encoding: .utf8)) ?? "" }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
