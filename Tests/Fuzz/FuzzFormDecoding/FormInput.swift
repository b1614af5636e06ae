import CallEvents
import FuzzSupport

/// The checks on one form: it decodes to an object holding one value per non-empty `&`-separated
/// sequence, names grouped, that writes as JSON and reads back equal; dropping a name removes
/// only that name; as a form body it is accepted (or, starting with `{`, read as JSON).
enum FormInput {
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) {
        let slice = Array(bytes)[...]
        let decoded = FormDecoding.decode(slice)
        guard case .object(let members) = decoded else {
            FuzzCheck.require(false, "a form decoded to \(decoded)")
            return
        }
        // WHATWG form parsing: every non-empty `&`-separated sequence is one value.
        let sequences = slice.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).count
        let values = members.reduce(0) { count, member in
            if case .array(let values) = member.value { return count + values.count }
            return count + 1
        }
        FuzzCheck.require(values == sequences, "\(sequences) sequences gave \(values) values")
        let names = members.map(\.key)
        FuzzCheck.require(Set(names).count == names.count, "a repeated name was not grouped: \(names)")
        JSONRoundTrip.check(decoded, "form")

        // Dropping a name removes it and nothing else.
        if let first = names.first {
            let query = Payload.decodeQuery(slice, dropping: [first])
            let rest = Array(members.dropFirst())
            FuzzCheck.require(query == (rest.isEmpty ? nil : .object(rest)), "dropping \(first) gave \(String(describing: query))")
        }

        // The same bytes as a form body.
        switch Payload.decodeBody(Array(bytes), contentType: "application/x-www-form-urlencoded") {
        case .success(let value): JSONRoundTrip.check(value, "form body")
        case .failure(let failure):
            FuzzCheck.require(failure.reason != .unsupportedContentType && bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) != nil,
                              "a form body refused: \(failure)")
        }
    }
}
