import CallEvents

/// A JSON payload may be read into tokens (`JSONTape`) rather than parsed whole
/// (CallEventDecoder.decodeTaped): the line of a delivery must then be the line its payload
/// gives once parsed (`Payload.decodeBody`, the query by `decodeQuery`), byte for byte. Shared
/// by FuzzVendorDecoders and FuzzDeclaredVendors.
public enum TapeConsistency {
    public static func check(_ event: CallEvent, _ delivery: Delivery, _ choice: VendorChoice, catalog: VendorCatalog = .builtIn,
                             _ context: String) {
        guard delivery.method == "POST", case .vendor(let vendor) = choice, vendor.definition?.body != .jwt,
              case .success(let raw) = Payload.decodeBody(delivery.body, contentType: delivery.contentType) else { return }
        let query = delivery.query.flatMap { Payload.decodeQuery($0[...], dropping: delivery.droppedQueryFields) }
        guard case .success(let parsed) = CallEventDecoder.decode(raw: raw, query: query, as: choice, hint: delivery.hint,
                                                                  id: delivery.id, receivedAt: delivery.receivedAt,
                                                                  route: delivery.route, source: delivery.source,
                                                                  catalog: catalog) else {
            FuzzCheck.require(false, "\(context): the delivery decoded, its parsed payload did not")
            return
        }
        let line = event.jsonLine(), expected = parsed.jsonLine()
        FuzzCheck.require(line == expected, "\(context): \(String(decoding: line, as: UTF8.self)) is not the parsed payload's \(String(decoding: expected, as: UTF8.self))")
    }
}
