/// A strict RFC 8259 JSON parser over bytes.
///
/// ```swift
/// switch JSONParser.parse(Array(#"{"ref":"460a","call_start_uepoch":1580283919489709}"#.utf8)) {
/// case .success(let value): value["ref"]        // .string("460a")
/// case .failure(let failure): failure.message   // "invalid JSON at byte 12: expected ':'"
/// }
/// ```
///
/// Decisions where RFC 8259 leaves room:
/// - Nesting deeper than `maxDepth` is a failure (§9 allows a limit); the parser never recurses
///   deeper than that, so a body of 100,000 `[` cannot exhaust the stack.
/// - A number that does not fit a Double (`1e999999`) is a failure (§6, §9); its literal text is kept.
/// - A lone surrogate escape (`"\ud800"`) is a failure: it cannot be written as UTF-8 (§8.2).
/// - A string whose bytes are not valid UTF-8 is read as ISO-8859-1 instead of failing, so no byte
///   is lost (Documentation.docc/EventSchema.md, "Raw").
/// - A leading UTF-8 byte order mark is ignored (§8.1 allows it).
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 128

    /// Parses one JSON text (white space around it allowed). Failures are `.malformed`, with what and
    /// where: `invalid JSON at byte 118: expected ',' or '}'`.
    public static func parse(_ bytes: [UInt8]) -> Result<JSONValue, DecodeFailure> {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    /// Parses one JSON text from part of a buffer; byte offsets in failures count from its start.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Result<JSONValue, DecodeFailure> {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    /// Parses one JSON text from memory the caller owns for the duration of the call.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, DecodeFailure> {
        var reader = JSONReader(bytes)
        do throws(DecodeFailure) {
            return .success(try reader.readDocument())
        } catch {
            return .failure(error)
        }
    }

    /// Parses one JSON text and, when the value writes back compactly as exactly that text
    /// without its white space, also returns where that text is (`JSONReader.CompactText`).
    static func parseKeepingText(_ bytes: UnsafeBufferPointer<UInt8>)
        -> Result<(value: JSONValue, text: JSONReader.CompactText?), DecodeFailure> {
        var reader = JSONReader(bytes, keepingText: true)
        do throws(DecodeFailure) {
            let value = try reader.readDocument()
            return .success((value, reader.compactText))
        } catch {
            return .failure(error)
        }
    }

    /// The document's tokens and compact text, when a `JSONTape` can stand for it
    /// (`JSONReader.readTape`); nil for any other document, valid or not: parse that instead.
    static func tape(_ bytes: UnsafeBufferPointer<UInt8>) -> (tape: JSONTape, text: JSONReader.CompactText)? {
        var reader = JSONReader(bytes, keepingText: true)
        guard let tape = reader.readTape(), let text = reader.compactText else { return nil }
        return (tape, text)
    }
}
