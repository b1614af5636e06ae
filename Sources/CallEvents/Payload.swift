/// Turns a request body (or a GET query) into the `raw` value of a CallEvent.
public enum Payload {
    /// Decodes a body by its `Content-Type`: JSON, form, multipart text fields, `text/plain`
    /// holding either; with none or a wrong one, sniffed (`{` or `[` -> JSON, else form).
    /// Any other media type is a `415`; a body that does not parse is a `422`.
    public static func decodeBody(_ body: [UInt8], contentType: String?) -> Result<JSONValue, DecodeFailure> {
        fatalError("not implemented")
    }
}
