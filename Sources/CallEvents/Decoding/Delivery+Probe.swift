extension Delivery {
    /// A delivery with nothing in it: no body (or one of white space only) and no query field
    /// besides `droppedQueryFields` (the secret). Senders' "test this URL" buttons and
    /// `curl -X POST` send these; they are answered without writing anything.
    public var isProbe: Bool {
        if method != "GET", body.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            return false
        }
        guard let query, !query.isEmpty else { return true }
        return Payload.decodeQuery(query[...], dropping: droppedQueryFields) == nil
    }
}
