import CallEvents
import EventLog
import HTTPServer

/// Every response the receiver sends (Documentation.docc/Receiver.md, "Responses"): small JSON
/// objects.
enum Responses {
    static func stored(id: String) -> HTTPResponse {
        .json(200, #"{"ok":true,"id":"\#(id)"}"#)
    }

    static func duplicate(firstID: String) -> HTTPResponse {
        .json(200, #"{"ok":true,"id":"\#(firstID)","duplicate":true}"#)
    }

    /// An empty delivery: a sender testing the URL. Nothing was written.
    static let probe = HTTPResponse.json(200, #"{"ok":true,"probe":true}"#)

    /// `422` or `415`: the body is in the rejects log under `id`.
    static func rejected(_ failure: DecodeFailure, id: String) -> HTTPResponse {
        var writer = JSONWriter(capacity: 128)
        writer.raw(#"{"ok":false,"error":"#)
        writer.string(failure.message)
        writer.raw(#","id":"#)
        writer.string(id)
        writer.raw("}")
        return HTTPResponse(status: failure.status, headers: [("Content-Type", "application/json")], body: writer.bytes)
    }

    /// Storage cannot write: the sender keeps the event and retries.
    static func unavailable(_ error: StorageError) -> HTTPResponse {
        var writer = JSONWriter(capacity: 128)
        writer.raw(#"{"ok":false,"error":"#)
        writer.string("storage unavailable: " + error.description)
        writer.raw("}")
        return HTTPResponse(status: 503, headers: [("Content-Type", "application/json"), ("Retry-After", "5")], body: writer.bytes)
    }

    static func error(_ status: Int, _ message: String, headers: [(name: String, value: String)] = [],
                      closesConnection: Bool = false) -> HTTPResponse {
        var writer = JSONWriter(capacity: 64)
        writer.raw(#"{"ok":false,"error":"#)
        writer.string(message)
        writer.raw("}")
        return HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers,
                            body: writer.bytes, closesConnection: closesConnection)
    }

    static let allowedMethods = "GET, POST, HEAD, OPTIONS"

    static let notFound = error(404, "no route for this path")
    static let methodNotAllowed = error(405, "method not allowed", headers: [("Allow", allowedMethods)])
    static let options = HTTPResponse(status: 204, headers: [("Allow", allowedMethods)])
    static let head = HTTPResponse(status: 200, headers: [("Content-Type", "application/json")])
}
