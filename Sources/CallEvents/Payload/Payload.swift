/// Turns a request body (or a GET query) into the `raw` value of a CallEvent
/// (Documentation.docc/Receiver.md, "Routes"; Documentation.docc/EventSchema.md, "Raw").
///
/// ```swift
/// switch Payload.decodeBody(request.body, contentType: request.header("Content-Type")) {
/// case .success(let raw): ...            // .object / .array for JSON, .object for forms
/// case .failure(let failure): ...        // .unsupportedContentType, .malformed, .notAnObject
/// }
/// let query = Payload.decodeQuery(queryBytes[...], dropping: ["token"])   // nil when empty
/// ```
///
/// Routing by media type (case-insensitive, parameters other than `boundary` ignored):
/// - `application/json`, `text/json`, `*/*+json`: JSON. A top level that is not an object or
///   an array (`42`, `"x"`, `null`) is valid JSON no vendor can decode: `.notAnObject`. A body that
///   is not JSON at all and does not start with `{` or `[` was mislabelled: read as a form.
/// - `application/x-www-form-urlencoded`: form; a body starting with `{` or `[` is read as
///   JSON (curl's `--data` sends that type by default).
/// - `multipart/form-data`: its text fields.
/// - `text/plain`, no `Content-Type`: sniffed, `{` or `[` -> JSON, else form.
/// - anything else: `.unsupportedContentType`.
/// Decisions where the spec is silent: an empty body (or one of white space only) is an empty
/// object whatever the type; a `Content-Type` that is not `type/subtype` is unsupported like any other
/// unknown type; a `charset` parameter is ignored, as text is read as UTF-8, or ISO-8859-1 where
/// it is not valid UTF-8; a UTF-8 byte order mark before JSON is skipped.
public enum Payload {
    /// Decodes a body by its `Content-Type`: JSON, form, multipart text fields, `text/plain`
    /// holding either; with none or a wrong one, sniffed (`{` or `[` -> JSON, else form).
    /// Any other media type is `.unsupportedContentType`; a body that does not parse is `.malformed`.
    /// The same path the receiver takes (`decodedBody`), so the fuzzers and tests that call this
    /// exercise what production runs.
    public static func decodeBody(_ body: [UInt8], contentType: String?) -> Result<JSONValue, DecodeFailure> {
        decodedBody(body, contentType: contentType).map(\.value)
    }

    /// The body, with what was learned on the way (`DecodedBody`): for JSON that writes
    /// back compactly as exactly its own text without white space, that text (a slice of
    /// `body` when it had no white space between tokens); the member names' hashes.
    static func decodedBody(_ body: [UInt8], contentType: String?) -> Result<DecodedBody, DecodeFailure> {
        body.withUnsafeBufferPointer { buffer in
            switch reading(buffer, contentType: contentType) {
            case .empty: .success(DecodedBody(value: .object([])))
            case .json:
                JSONParser.parseKeepingText(buffer).map { parsed in
                    let text: ArraySlice<UInt8>? = switch parsed.text {
                    case .range(let range)?: body[range]
                    case .copy(let bytes)?: bytes[...]
                    case nil: nil
                    }
                    return DecodedBody(value: parsed.value, text: text)
                }
            case .declaredJSON:
                declaredJSON(buffer).map { _ in DecodedBody(form: FormDecoding.collect(buffer)) }
            case .form:
                .success(DecodedBody(form: FormDecoding.collect(buffer)))
            case .multipart(let boundary): Multipart.decode(buffer, boundary: boundary).map { DecodedBody(value: $0) }
            case .failure(let failure): .failure(failure)
            }
        }
    }

    /// Whether `decodedBody` would read the body as JSON (an object or an array).
    static func readsAsJSON(_ body: [UInt8], contentType: String?) -> Bool {
        body.withUnsafeBufferPointer { buffer in
            // Most bodies are settled by their first byte, before any look at the media type.
            guard let first = firstSignificantByte(buffer), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
            if case .json = reading(buffer, contentType: contentType) { return true }
            return false
        }
    }

    /// How a body is read.
    private enum Reading {
        case empty, json, form
        /// Declared JSON that does not start with `{` or `[`: a JSON scalar, or a mislabelled form.
        case declaredJSON
        case multipart(boundary: String)
        case failure(DecodeFailure)
    }

    /// The routing described above, by the first significant byte and the media type.
    private static func reading(_ body: UnsafeBufferPointer<UInt8>, contentType: String?) -> Reading {
        guard let first = firstSignificantByte(body) else { return .empty }
        let looksLikeJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        // The usual types, routed as below without parsing the header into a MediaType.
        switch contentType.flatMap(MediaType.common) {
        case .json?: return looksLikeJSON ? .json : .declaredJSON
        case .text?: return looksLikeJSON ? .json : .form
        case .form?: return looksLikeJSON ? .json : .form
        case nil: break
        }
        guard let contentType, contentType.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
            return looksLikeJSON ? .json : .form
        }
        guard let mediaType = MediaType(contentType) else {
            return .failure(unsupported(MediaType.sanitized(contentType)))
        }
        if mediaType.isJSON {
            return looksLikeJSON ? .json : .declaredJSON
        }
        switch mediaType.essence {
        case "application/x-www-form-urlencoded":
            return looksLikeJSON ? .json : .form
        case "multipart/form-data":
            guard let boundary = mediaType.parameter("boundary"), !boundary.isEmpty else {
                return .failure(DecodeFailure(.malformed, "invalid multipart/form-data: no boundary parameter"))
            }
            return .multipart(boundary: boundary)
        case "text/plain":
            return looksLikeJSON ? .json : .form
        default:
            return .failure(unsupported(MediaType.sanitized(mediaType.essence)))
        }
    }

    /// The fields of a GET query (without `?`, still percent-encoded) by the form rules, names in
    /// `dropping` left out; nil when no field remains.
    public static func decodeQuery(_ bytes: ArraySlice<UInt8>, dropping: Set<String> = []) -> JSONValue? {
        let fields = FormDecoding.decode(bytes, dropping: dropping)
        if case .object(let members) = fields, members.isEmpty { return nil }
        return fields
    }

    /// A body declared JSON that does not start with `{` or `[`: `.notAnObject` when it is a JSON
    /// scalar, which no vendor sends as an event; nil when it is not JSON, so the caller reads
    /// it as the form it is.
    private static func declaredJSON(_ body: UnsafeBufferPointer<UInt8>) -> Result<JSONValue?, DecodeFailure> {
        guard case .success(let value) = JSONParser.parse(body) else { return .success(nil) }
        let kind = switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array, .object: "an object or an array"
        }
        return .failure(DecodeFailure(.notAnObject, "JSON top level is \(kind), not an object or an array"))
    }

    /// The first byte that is not JSON white space (RFC 8259 §2), after a UTF-8 byte order mark.
    private static func firstSignificantByte(_ body: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var i = 0
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF { i = 3 }
        while i < body.count {
            switch body[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return body[i]
            }
        }
        return nil
    }

    private static func unsupported(_ type: String) -> DecodeFailure {
        DecodeFailure(.unsupportedContentType, "unsupported content type: \(type)")
    }
}
