import Foundation
import TestKit

/// Deliveries of one call from each vendor, as the vendors send them: VoipNow as a GET with its
/// fields in the query and the event as the route hint, URL Networks as a form with Basic auth,
/// VoIPstudio as JSON with a Bearer token, ImpactPBX as JSON with `?token=`.
///
/// ```swift
/// for payload in OpsPayloads.call(.impactpbx, id: "c1", start: 1_700_000_000, answered: true) {
///     _ = try server.deliver(payload)
/// }
/// ```
enum OpsPayloads {
    enum Vendor: String, CaseIterable {
        case voipnow, urlnetworks, voipstudio, impactpbx
    }

    struct Payload {
        var vendor: Vendor
        var method = "POST"
        /// The route path, with the event hint when there is one.
        var path: String
        var body = ""
        var contentType = ""
        /// GET fields, or extra POST query fields.
        var query = ""
        var auth: Auth

        enum Auth { case token, basic, bearer }

        func request(secret: String = OpsServer.secret, headers: [String] = []) -> HTTPTestClient.Request {
            var fields = query
            var extra = headers
            switch auth {
            case .token: fields = "token=\(secret)" + (fields.isEmpty ? "" : "&" + fields)
            case .basic: extra.append("Authorization: Basic " + Data("pbx:\(secret)".utf8).base64EncodedString())
            case .bearer: extra.append("Authorization: Bearer \(secret)")
            }
            let target = fields.isEmpty ? path : path + "?" + fields
            if method == "GET" { return .get(target, headers: extra) }
            return .post(target, body: body, contentType: contentType, headers: extra)
        }
    }

    static let caller = "0390085900"
    static let callee = "0035799123456"

    /// The deliveries of one call, in the order they happen: ringing, then (when `answered`)
    /// answered, then hangup 30 s after the answer, or a missed call's end 20 s after the start.
    static func call(_ vendor: Vendor, id: String, start: Int, answered: Bool) -> [Payload] {
        switch vendor {
        case .voipnow: voipnow(id: id, answered: answered)
        case .urlnetworks: urlnetworks(id: id, start: start, answered: answered)
        case .voipstudio: voipstudio(id: id, start: start, answered: answered)
        case .impactpbx: impactpbx(id: id, start: start, answered: answered)
        }
    }

    /// One payload for load: an ImpactPBX hangup whose key is unique to `id`.
    static func unique(_ id: String) -> Payload {
        impactpbx(id: id, start: 1_700_000_000, answered: true).last!
    }

    // MARK: - Vendors

    private static func voipnow(id: String, answered: Bool) -> [Payload] {
        let fields = "CallID=\(id)&CallerIDNum=\(caller)&CallerIDName=Jane%20Roe&CalledNumber=\(callee)&CalledExtension=0003*002&CallFlow=IN"
        func event(_ hint: String, _ status: String) -> Payload {
            Payload(vendor: .voipnow, method: "GET", path: "/hooks/voipnow/" + hint, query: fields + "&CallStatus=" + status, auth: .token)
        }
        return answered
            ? [event("dial-in", "CALLING"), event("answer", "ANSWER"), event("hangup", "ANSWER")]
            : [event("dial-in", "CALLING"), event("hangup", "NOANSWER")]
    }

    private static func urlnetworks(id: String, start: Int, answered: Bool) -> [Payload] {
        let common = "service_id=42&direction=inbound_external&start_time=\(start)&from=\(caller)&external_did=\(callee)&caller_name=Jane%20Roe&call_event_uuid=\(id)"
        func event(_ body: String) -> Payload {
            Payload(vendor: .urlnetworks, path: "/hooks/urlnetworks", body: common + body,
                    contentType: "application/x-www-form-urlencoded", auth: .basic)
        }
        let ringing = event("&method=incoming_ringing")
        guard answered else { return [ringing, event("&end_time=\(start + 20)&method=incoming_hangup_missed")] }
        return [ringing,
                event("&method=extension_answered&agent_uuid=a-17&extension_user_id=17&extension_name=Desk"),
                event("&end_time=\(start + 35)&method=incoming_hangup_success")]
    }

    private static func voipstudio(id: String, start: Int, answered: Bool) -> [Payload] {
        func time(_ seconds: Int) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        let callID = id.allSatisfy(\.isNumber) ? id : "\"\(id)\""
        func event(_ name: String, at seconds: Int, _ extra: String = "") -> Payload {
            let body = #"{"id":"uk003.\#(id).\#(name)","event_time":"\#(time(seconds))","event_name":"\#(name)","call_id":\#(callID),"start_time":"\#(time(start))","destination":"in","src":"\#(caller)","src_name":"Jane Roe","dst":"\#(callee)","dst_name":"John Smith"\#(extra)}"#
            return Payload(vendor: .voipstudio, path: "/hooks/voipstudio", body: body, contentType: "application/json", auth: .bearer)
        }
        let ringing = event("call.ringing", at: start + 1)
        guard answered else { return [ringing, event("call.missed", at: start + 20)] }
        return [ringing,
                event("call.connected", at: start + 5, #","connected_at":"\#(time(start + 5))""#),
                event("call.hangup", at: start + 35, #","connected_at":"\#(time(start + 5))","duration":30,"t_cause":"Normal Clearing""#)]
    }

    private static func impactpbx(id: String, start: Int, answered: Bool) -> [Payload] {
        func iso(_ seconds: Int) -> String {
            let formatter = ISO8601DateFormatter()
            return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        func event(_ action: String, at seconds: Int, _ extra: String = "") -> Payload {
            let body = #"{"ref":"\#(id)","recipient":"\#(callee)","caller_id_number":"\#(caller)","ani":"1002","direction":"inbound","call_start":"\#(iso(start))","call_start_uepoch":\#(start)000000\#(extra),"timestamp":"\#(iso(seconds))","action":"\#(action)"}"#
            return Payload(vendor: .impactpbx, path: "/hooks/impactpbx", body: body, contentType: "application/json", auth: .token)
        }
        let ringing = event("ring", at: start + 1)
        guard answered else {
            return [ringing, event("hangup", at: start + 20, #","call_end_uepoch":\#(start + 20)000000,"cause":"NO_ANSWER""#)]
        }
        let answer = #","answer_start_uepoch":\#(start + 5)000000"#
        return [ringing,
                event("answer", at: start + 5, answer),
                event("hangup", at: start + 35, answer + #","call_end_uepoch":\#(start + 35)000000,"duration":30,"cause":"NORMAL_CLEARING""#)]
    }
}
