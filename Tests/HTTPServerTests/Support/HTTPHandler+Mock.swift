import Foundation
#if canImport(Glibc)
import System
import Glibc
#endif
import Dispatch
@testable import HTTPServer

/// A handler for server tests, by path:
/// `/echo` answers 200 with the request body; `/status/N` answers N; `/delay/MS` answers 200
/// with the path after MS milliseconds, from another thread; `/hold` keeps the responder for
/// the test to call; `/close` answers with `closesConnection`; `/stream/N` answers with an
/// `HTTPStream` of N bytes' bound, kept in `streams` for the test to write to. `screen` refuses `/refuse`
/// with 401.
final class TestHandler: HTTPHandler {
    private struct Record {
        var handled: [HTTPRequest] = []
        /// The name of the thread each request was handled on: which event loop served it.
        var threads: Set<String> = []
        var screened = 0
        var held: [HTTPResponder] = []
        var streams: [HTTPStream] = []
        var streamsEnded = 0
    }

    private let record = Locked(Record())

    var handled: [HTTPRequest] { record.withLock { $0.handled } }
    var threads: Set<String> { record.withLock { $0.threads } }
    var screenedCount: Int { record.withLock { $0.screened } }
    var held: [HTTPResponder] { record.withLock { $0.held } }
    var streams: [HTTPStream] { record.withLock { $0.streams } }
    var streamsEnded: Int { record.withLock { $0.streamsEnded } }

    /// Each request proceeds with the target it was screened for as its context.
    func screen(_ head: HTTPRequestHead, connection: ConnectionInfo) -> HTTPScreening {
        record.withLock { $0.screened += 1 }
        if head.path == "/refuse" { return .refuse(.json(401, #"{"ok":false,"error":"unauthorized"}"#)) }
        return .proceed(context: "screened " + head.target)
    }

    func handle(_ request: HTTPRequest, connection: ConnectionInfo, respond: @escaping HTTPResponder) {
        // The calling thread's name, as the kernel has it.
        let thread = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        record.withLock {
            $0.handled.append(request)
            $0.threads.insert(thread)
        }
        let path = request.head.path
        if path == "/echo" {
            respond(HTTPResponse(status: 200, headers: [("Content-Type", "text/plain")], body: request.body))
        } else if path == "/peer" {
            respond(HTTPResponse(status: 200, body: Array("\(connection.peerAddress)".utf8)))
        } else if path == "/close" {
            respond(HTTPResponse(status: 200, closesConnection: true))
        } else if path == "/hold" {
            record.withLock { $0.held.append(respond) }
        } else if path.hasPrefix("/stream/"), let bound = Int(path.dropFirst(8)) {
            let stream = HTTPStream(maxBufferedBytes: bound) { [weak self] in self?.record.withLock { $0.streamsEnded += 1 } }
            record.withLock { $0.streams.append(stream) }
            respond(.stream(200, headers: [("Content-Type", "text/event-stream")], stream))
        } else if path.hasPrefix("/status/"), let status = Int(path.dropFirst(8)) {
            respond(HTTPResponse(status: status))
        } else if path.hasPrefix("/delay/"), let milliseconds = Int(path.dropFirst(7)) {
            let body = Array(path.utf8)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) {
                respond(HTTPResponse(status: 200, body: body))
            }
        } else {
            respond(HTTPResponse(status: 404))
        }
    }
}

extension HTTPServer {
    /// A started server on 127.0.0.1 and a free port, with `limits` and a `TestHandler`.
    static func make(limits: HTTPLimits = HTTPLimits(), host: String = "127.0.0.1", eventLoops: Int = 1,
                     handler: TestHandler = TestHandler()) throws -> (HTTPServer, String) {
        let server = try HTTPServer(configuration: .init(host: host, port: 0, limits: limits, eventLoops: eventLoops),
                                    handler: handler)
        return (server, try server.start())
    }
}

/// Polls `condition` every 10 ms for up to `seconds`.
func eventually(within seconds: Double = 3, _ condition: () -> Bool) -> Bool {
    let deadline = SystemClock.monotonicMilliseconds() + Int(seconds * 1000)
    while SystemClock.monotonicMilliseconds() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}
