import CallEvents
import EventLog
import Foundation

/// Writes undecodable deliveries to the rejects log, one JSON line each
/// (Documentation.docc/Receiver.md, "Storage"): `id`, `received_at`, `route`, `vendor`, `error`,
/// `content_type`, `body` (text, or base64 with `"body_encoding":"base64"` when not UTF-8),
/// `source`.
struct RejectsRecorder: Sendable {
    let log: EventLogWriter
    let redactor: SecretRedactor

    /// Records a delivery the decoders refused; `completion` runs once it is on disk, or failed.
    /// Called from an event loop: the writer starts at the end of the loop's round
    /// (`ReceiverApp.roundEnded`). `durable` gets the line once it is on disk, before
    /// `completion` (the stream's feed).
    func record(_ delivery: Delivery, failure: DecodeFailure, durable: (@Sendable ([UInt8]) -> Void)? = nil,
                completion: @escaping @Sendable (Result<Void, StorageError>) -> Void) {
        // A GET carries its payload in the query; keep that, without the auth token.
        var body = delivery.method == "GET" ? Self.queryWithoutToken(delivery.query ?? []) : delivery.body
        // Before encoding: a base64 body would hide a secret from the check on the line.
        redactor.redactRaw(&body)
        var line = Self.line(id: delivery.id, receivedAt: delivery.receivedAt, route: delivery.route,
                             vendor: failure.vendor?.rawValue, error: failure.message,
                             contentType: delivery.contentType, body: body, source: delivery.source)
        redactor.redact(&line)
        guard let durable else { return log.append(line, start: .deferred, completion: completion) }
        log.append(line, start: .deferred) { [line] result in
            if case .success = result { durable(line) }
            completion(result)
        }
    }

    /// A torn tail cut from the event log at start: never acknowledged, kept here.
    func recordTornTail(_ bytes: [UInt8], now: Timestamp, completion: @escaping @Sendable (Result<Void, StorageError>) -> Void) {
        var bytes = bytes
        redactor.redactRaw(&bytes)
        var line = Self.line(id: EventID.make(now: now), receivedAt: now, route: nil, vendor: nil,
                             error: "partial line cut from the end of the event log at start",
                             contentType: nil, body: bytes, source: nil)
        redactor.redact(&line)
        log.append(line, completion: completion)
    }

    static func line(id: String, receivedAt: Timestamp, route: String?, vendor: String?, error: String,
                     contentType: String?, body: [UInt8], source: EventSource?) -> [UInt8] {
        var w = JSONWriter(capacity: body.count + 256)
        w.raw(#"{"id":"#); w.string(id)
        w.raw(#","received_at":"#); w.string(receivedAt.rfc3339)
        w.raw(#","route":"#); w.string(route)
        w.raw(#","vendor":"#); w.string(vendor)
        w.raw(#","error":"#); w.string(error)
        w.raw(#","content_type":"#); w.string(contentType)
        if let text = String(validating: body, as: UTF8.self) {
            w.raw(#","body":"#); w.string(text)
        } else {
            w.raw(#","body":"#); w.string(Data(body).base64EncodedString())
            w.raw(#","body_encoding":"base64""#)
        }
        w.raw(#","source":"#)
        if let source {
            w.raw(#"{"addr":"#); w.string(source.addr)
            w.raw(#","user_agent":"#); w.string(source.userAgent)
            w.raw("}")
        } else {
            w.raw("null")
        }
        w.raw("}")
        return w.bytes
    }

    /// The query string with every `token` parameter left out.
    static func queryWithoutToken(_ query: [UInt8]) -> [UInt8] {
        query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true)
            .filter { !$0.starts(with: Array("token=".utf8)) && !$0.elementsEqual(Array("token".utf8)) }
            .joined(separator: [UInt8(ascii: "&")])
            .map { $0 }
    }
}
