import CallEvents
import EventLog
import Glibc
import HTTPServer
import System

/// Reads and checks a config file (Documentation.docc/Receiver.md, "Configuration"): every problem
/// is collected with its JSON path, unknown and duplicate keys are errors, relative paths are
/// resolved against the file's folder, and `--listen` / `--event-log` override the file.
///
/// ```swift
/// let overrides = ConfigurationLoader.Overrides(listen: "127.0.0.1:0")
/// switch ConfigurationLoader.load(path: "config.json", overrides: overrides) {
/// case .success(let loaded):
///     loaded.warnings.forEach { print("warning: \($0)") }   // route "x" is open: ...
///     run(loaded.configuration)
/// case .failure(let errors):
///     errors.messages.forEach { print($0) }                 // $.routes[0].secrets: unknown key
///     exit(2)
/// }
/// ```
enum ConfigurationLoader {
    typealias Loaded = (configuration: Configuration, warnings: [String])

    /// Command-line values that replace the file's.
    struct Overrides: Sendable, Equatable {
        /// `--listen HOST:PORT`, checked like `listen`.
        var listen: String?
        /// `--event-log PATH`; a relative path is taken from the working directory.
        var eventLog: String?

        init(listen: String? = nil, eventLog: String? = nil) {
            self.listen = listen
            self.eventLog = eventLog
        }
    }

    /// A config file is never this big; refusing early keeps a wrong path from eating memory.
    static let maximumFileBytes = 4 << 20

    /// Loads the file at `path`. A file that cannot be read is reported the same way as a
    /// bad one: `config.json: cannot read: No such file or directory`.
    static func load(path: String, overrides: Overrides = Overrides()) -> Result<Loaded, ConfigurationErrors> {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let read): bytes = read
        case .failure(let problem): return .failure(ConfigurationErrors(messages: ["\(path): \(problem.message)"]))
        }
        let absolute = FilePath.absolute(path)
        return load(bytes: bytes, baseDirectory: FilePath.directory(of: absolute), overrides: overrides)
    }

    /// Loads config text; relative paths in it are resolved against `baseDirectory`, and a
    /// relative `--event-log` against `workingDirectory` (the process's, by default).
    static func load(bytes: [UInt8], baseDirectory: String, overrides: Overrides = Overrides(),
                            workingDirectory: String? = nil) -> Result<Loaded, ConfigurationErrors> {
        var text = bytes
        // RFC 8259 §8.1: a reader may ignore a byte order mark; editors on Windows add one.
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        let document: JSONValue
        switch JSONParser.parse(text) {
        case .success(let value): document = value
        case .failure(let failure): return .failure(ConfigurationErrors(messages: ["$: \(failure.message)"]))
        }

        var reader = ConfigurationReader()
        var configuration = read(document, into: &reader, baseDirectory: baseDirectory)
        apply(overrides, to: &configuration, reader: &reader,
              workingDirectory: workingDirectory ?? FilePath.currentDirectory())
        guard reader.errors.isEmpty else {
            return .failure(ConfigurationErrors(messages: reader.errors, warnings: reader.warnings))
        }
        return .success((configuration, reader.warnings))
    }

    static func apply(_ overrides: Overrides, to configuration: inout Configuration,
                      reader: inout ConfigurationReader, workingDirectory: String) {
        if let listen = overrides.listen {
            do {
                let address = try ListenAddress(parsing: listen)
                configuration.listenHost = address.host
                configuration.listenPort = address.port
            } catch {
                reader.errorLine("--listen: \(error)")
            }
        }
        if let eventLog = overrides.eventLog {
            if let problem = FilePath.problem(with: eventLog) {
                reader.errorLine("--event-log: \(problem)")
            } else {
                configuration.eventLog = FilePath.resolve(eventLog, against: workingDirectory)
                if configuration.eventLog == configuration.rejectsLog {
                    reader.errorLine("--event-log: is the same file as rejects_log (\(configuration.rejectsLog))")
                }
            }
        }
    }

    /// The whole file, or why not (with `strerror`'s words).
    static func readFile(_ path: String) -> Result<[UInt8], ReadProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadProblem(message: "cannot read: \(errnoText())")) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count: Int
            do {
                count = try Syscall.blocking("read") { chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) } }
            } catch {
                return .failure(ReadProblem(message: "cannot read: \(String(cString: strerror(error.errno)))"))
            }
            if count == 0 { return .success(bytes) }
            bytes += chunk[..<count]
            if bytes.count > maximumFileBytes { return .failure(ReadProblem(message: "is over \(maximumFileBytes >> 20) MiB; not a config file")) }
        }
    }

    struct ReadProblem: Error {
        var message: String
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
