/// The one entry point of the module: a delivery in, a CallEvent or a reject out. Pure: no I/O.
///
/// ```swift
/// switch CallEventDecoder.decode(delivery, as: .vendor(.impactpbx)) {
/// case .success(let event): log.append(event.jsonLine())
/// case .failure(let failure): rejects.append(...)   // failure.reason: why, for the rejects log
/// }
/// ```
///
/// `raw` is the GET query, or the decoded body; `query` the fields of a POST's query string
/// (nil when none). Both leave out `droppedQueryFields` (the `token`). Fields are looked up in
/// `raw` first, then `query`. The route hint is used by VoipNow and URL Networks only.
/// A payload that decodes but whose event is not recognized (even a JSON array on a route that
/// expects an object) is a success of type `unknown`, kept whole in `raw`: nothing is lost.
public enum CallEventDecoder {
    /// `catalog` holds the vendors an `auto` route may pick (the config's declared ones too).
    public static func decode(_ delivery: Delivery, as choice: VendorChoice,
                              catalog: VendorCatalog = .builtIn) -> Result<CallEvent, DecodeFailure> {
        if case .vendor(let vendor) = choice, let decoded = decodeTaped(delivery, as: vendor) {
            return decoded
        }
        let body: DecodedBody
        var query: JSONValue?
        if delivery.method == "GET" {
            body = delivery.query.map { query in
                query.withUnsafeBufferPointer { DecodedBody(form: FormDecoding.collect($0, dropping: delivery.droppedQueryFields)) }
            } ?? DecodedBody(value: .object([]))
        } else {
            if case .vendor(let vendor) = choice, vendor.definition?.body == .jwt {
                // Documentation.docc/Vendors.md: a compact JWT whose payload is the JSON to decode;
                // the token is not kept.
                switch JWTBody.decode(delivery.body, policy: delivery.unverifiedJWT) {
                case .success(let decoded): body = decoded
                case .failure(let failure):
                    let reason: DecodeFailure.Reason = failure.reason == .unverified ? .unverifiedSignature : .malformed
                    return .failure(DecodeFailure(reason, failure.message, vendor: vendor))
                }
            } else {
                switch Payload.decodedBody(delivery.body, contentType: delivery.contentType) {
                case .success(let decoded):
                    body = decoded
                case .failure(var failure):
                    if failure.vendor == nil, case .vendor(let vendor) = choice { failure.vendor = vendor }
                    return .failure(failure)
                }
            }
            if let bytes = delivery.query {
                query = Payload.decodeQuery(bytes[...], dropping: delivery.droppedQueryFields)
            }
        }
        return decode(body, query: query, as: choice, hint: delivery.hint, id: delivery.id,
                      receivedAt: delivery.receivedAt, route: delivery.route, source: delivery.source,
                      catalog: catalog)
    }

    /// Decodes an already parsed payload: what `callhook replay` does with a logged line's
    /// `raw` (and `query`). Fails only when `auto` cannot tell the vendor (`.vendorNotRecognized`).
    public static func decode(raw: JSONValue, query: JSONValue?, as choice: VendorChoice, hint: String?,
                              id: String, receivedAt: Timestamp, route: String,
                              source: EventSource, catalog: VendorCatalog = .builtIn) -> Result<CallEvent, DecodeFailure> {
        decode(DecodedBody(value: raw), query: query, as: choice, hint: hint, id: id, receivedAt: receivedAt,
               route: route, source: source, catalog: catalog)
    }

    /// `body.value` is `raw`; its text, when known, saves writing it again.
    static func decode(_ body: DecodedBody, query: JSONValue?, as choice: VendorChoice,
                       hint: String?, id: String, receivedAt: Timestamp, route: String,
                       source: EventSource, catalog: VendorCatalog = .builtIn) -> Result<CallEvent, DecodeFailure> {
        let raw = body.value
        let fields = Fields(raw: raw, query: query)
        let vendor: Vendor
        switch choice {
        case .vendor(let chosen): vendor = chosen
        case .auto:
            guard let detected = VendorDetection.detect(fields, catalog: catalog) else {
                return .failure(DecodeFailure(.vendorNotRecognized, "vendor not recognized"))
            }
            vendor = detected
        }
        var event = CallEvent(id: id, receivedAt: receivedAt, route: route, vendor: vendor,
                              source: source, payload: RawPayload(raw, text: body.text), query: query)
        if vendor.kind == .declared {
            vendor.definition?.decode(DeclaredLookup(fields), into: &event)
        } else {
            decodeCoded(fields, as: vendor, hint: hint, into: &event)
        }
        deriveDurations(&event)
        return .success(event)
    }

    /// The four vendors decoded by code of their own.
    private static func decodeCoded(_ fields: Fields, as vendor: Vendor, hint: String?, into event: inout CallEvent) {
        switch vendor.kind {
        case .declared: break
        case .voipnow: VoipNow.decode(fields, hint: hint, into: &event)
        case .urlnetworks: URLNetworks.decode(fields, hint: hint, into: &event)
        case .voipstudio: VoIPstudio.decode(fields, into: &event)
        case .impactpbx: ImpactPBX.decode(fields, into: &event)
        }
    }

    /// A JSON (or, for a declared vendor, JWT) payload read into a `JSONTape`: only the values
    /// the vendor reaches are built, and the payload's compact text is `raw` as written. nil
    /// when the tape does not take the body (a form, an escape it would not write back as
    /// sent, a document that does not parse): the usual path decodes that, or words its failure.
    private static func decodeTaped(_ delivery: Delivery, as vendor: Vendor) -> Result<CallEvent, DecodeFailure>? {
        guard delivery.method != "GET" else { return nil }
        let json: [UInt8]
        switch vendor.definition?.body {
        case .form?:
            return nil
        case .json?, nil:
            guard Payload.readsAsJSON(delivery.body, contentType: delivery.contentType) else { return nil }
            json = delivery.body
        case .jwt?:
            guard delivery.unverifiedJWT == .decode, let payload = JWTBody.json(in: delivery.body) else { return nil }
            json = payload.bytes
        }
        return json.withUnsafeBufferPointer { bytes -> Result<CallEvent, DecodeFailure>? in
            guard let (tape, text) = JSONParser.tape(bytes), tape.tokens[0].kind == .object || tape.tokens[0].kind == .array else { return nil }
            let compact: ArraySlice<UInt8> = switch text {
            case .range(let range): json[range]
            case .copy(let copy): copy[...]
            }
            let query = delivery.query.flatMap { Payload.decodeQuery($0[...], dropping: delivery.droppedQueryFields) }
            var event = CallEvent(id: delivery.id, receivedAt: delivery.receivedAt, route: delivery.route, vendor: vendor,
                                  source: delivery.source, payload: RawPayload(text: compact), query: query)
            if let definition = vendor.definition {
                definition.decode(DeclaredLookup(tape: tape, bytes: bytes, query: query), into: &event)
            } else {
                decodeCoded(Fields(tape: tape, bytes: bytes, query: query), as: vendor, hint: delivery.hint, into: &event)
            }
            deriveDurations(&event)
            return .success(event)
        }
    }

    /// The call's length from its start and end; the talk time from answer to end, unless sent.
    private static func deriveDurations(_ event: inout CallEvent) {
        if let start = event.startedAt, let end = event.endedAt {
            event.durationSeconds = Timestamps.seconds(from: start, to: end)
        }
        if event.talkSeconds == nil, let answered = event.answeredAt, let end = event.endedAt {
            event.talkSeconds = Timestamps.seconds(from: answered, to: end)
        }
    }

    /// Decodes one payload outside the server (`callhook decode`): a POST body with a fresh id,
    /// the route named `route`, and `source.addr` `local`.
    public static func decodeOffline(body: [UInt8], contentType: String? = nil, as choice: VendorChoice,
                                     hint: String? = nil, receivedAt: Timestamp,
                                     route: String = "offline",
                                     catalog: VendorCatalog = .builtIn) -> Result<CallEvent, DecodeFailure> {
        let delivery = Delivery(method: "POST", contentType: contentType, body: body, hint: hint,
                                id: EventID.make(now: receivedAt), receivedAt: receivedAt, route: route,
                                source: EventSource(addr: "local", userAgent: nil))
        return decode(delivery, as: choice, catalog: catalog)
    }
}
