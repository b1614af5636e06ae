/// Writes responses as bytes: status line, the handler's headers, `Content-Length`,
/// `Connection` when needed, the empty line and the body, all in one buffer for one `send`.
///
/// ```swift
/// var out: [UInt8] = []
/// ResponseEncoder.encode(.json(200, #"{"ok":true}"#), framing: .init(keepAlive: true), into: &out)
/// // HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"ok":true}
/// ```
enum ResponseEncoder {
    /// The interim response to `Expect: 100-continue` (RFC 9110 §15.2.1).
    static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    static func encode(_ response: HTTPResponse, framing: ResponseFraming, into out: inout [UInt8]) {
        let status = (200...999).contains(response.status) ? response.status : 500
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status, to: &out)
        out.append(0x20)
        out.append(contentsOf: HTTPResponse.reason(status).utf8)
        out.append(contentsOf: crlf)
        for (name, value) in response.headers where isSendable(name: name, value: value) {
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: value.utf8)
            out.append(contentsOf: crlf)
        }
        // RFC 9110 §8.6: no Content-Length in a 204 or 304; neither has a body (§6.4.1).
        let bodyless = status == 204 || status == 304
        if response.stream != nil && !bodyless {
            // RFC 9112 §6.3: chunked to 1.1; a 1.0 client reads to the close.
            if framing.version == .http1_1 { out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8) }
        } else if !bodyless {
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &out)
            out.append(contentsOf: crlf)
        }
        if !framing.keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if framing.version == .http1_0 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: crlf)
        if !bodyless && !framing.omitsBody {
            out.append(contentsOf: response.body)
        }
    }

    /// One piece of a streamed body: a chunk (RFC 9112 §7.1) or, for HTTP/1.0, the bytes as they are.
    static func encodeStreamPiece(_ bytes: [UInt8], chunked: Bool, into out: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        guard chunked else { return out.append(contentsOf: bytes) }
        out.append(contentsOf: String(bytes.count, radix: 16).utf8)
        out.append(contentsOf: crlf)
        out.append(contentsOf: bytes)
        out.append(contentsOf: crlf)
    }

    /// RFC 9112 §7.1: the last chunk and the empty trailer section.
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// The response to a request the server itself refuses: a small JSON body.
    static func errorResponse(status: Int, message: String) -> HTTPResponse {
        var body = #"{"ok":false,"error":""#
        appendJSONEscaped(message, to: &body)
        body += #""}"#
        return .json(status, body, closesConnection: true)
    }

    private static let crlf: [UInt8] = [13, 10]

    /// The connection owns framing (`Content-Length`, `Transfer-Encoding`, `Connection`), and a
    /// CR, LF or NUL in a field would let a value split the response (RFC 9110 §5.5).
    private static func isSendable(name: String, value: String) -> Bool {
        if name.isEmpty
            || asciiEqualsIgnoringCase(name, "Content-Length")
            || asciiEqualsIgnoringCase(name, "Connection")
            || asciiEqualsIgnoringCase(name, "Transfer-Encoding") {
            return false
        }
        for byte in name.utf8 where byte <= 0x20 || byte == 0x3A || byte == 0x7F { return false }
        for byte in value.utf8 where byte == 13 || byte == 10 || byte == 0 { return false }
        return true
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(48 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0 {
                raw[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(raw[index]) }
        }
    }

    private static func appendJSONEscaped(_ text: String, to out: inout String) {
        let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u00"
                out.append(hex[Int(scalar.value >> 4)])
                out.append(hex[Int(scalar.value & 0xF)])
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
