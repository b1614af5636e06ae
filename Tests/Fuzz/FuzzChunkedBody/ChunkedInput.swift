import FuzzSupport
import HTTPServer

/// A chunked request: the fixed head, then the fuzzer's bytes as the body and whatever follows.
enum ChunkedInput {
    static let head = Array("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)

    static func check(_ body: UnsafeRawBufferPointer) {
        let input = head + body
        let run = input.withUnsafeBytes { ParserConsistency.check($0, limits: ParserConsistency.smallLimits) }
        guard case .head(let parsed)? = run.events.first else {
            FuzzCheck.require(false, "the fixed head was not read: \(run)")
            return
        }
        FuzzCheck.require(parsed.framing == .chunked, "the fixed head is not chunked: \(parsed.framing)")
        if run.events.count > 1, case .body(let decoded) = run.events[1] {
            // De-chunking only removes bytes.
            FuzzCheck.require(decoded.count <= body.count, "a body of \(decoded.count) bytes from \(body.count)")
        }
    }
}
