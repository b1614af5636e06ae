/// The payloads the benchmarks send: one per vendor, as the vendors document them.
enum BenchPayloads {
    struct Payload {
        let name: String
        let route: String
        let method: String
        let contentType: String?
        let body: String
        let query: String?
    }

    /// The ImpactPBX hang-up example of the vendor's documentation (about 930 bytes).
    static let impactPBXHangup = Payload(
        name: "impactpbx hangup (JSON)", route: "impactpbx", method: "POST", contentType: "application/json",
        body: #"{"ref":"460a36b6-09e7-466b-97d8-903c8cf4fc6c","domain_name":"dev-pbx.impactpbx.com","recipient":"0035799123456","caller_id_number":"+442035040000","ani":"1002","recipient_e164":"+35799123456","caller_id_number_e164":"+442035040000","ani_e164":"1002","direction":"outbound","channel_uuid":"8967dafb-f8b6-4d68-9eb7-f3cce82596c8","originating_leg_uuid":"460a36b6-09e7-466b-97d8-903c8cf4fc6c","dialed_user":"","call_start":"2020-01-29T07:45:19.000+00:00","call_start_uepoch":1580283919489709,"ring_start":"2020-01-29T07:45:25.000+00:00","ring_start_uepoch":1580283925729764,"answer_start":"2020-01-29T07:45:35.000+00:00","answer_start_uepoch":1580283935169797,"call_end":"2020-01-29T07:45:39.000+00:00","call_end_uepoch":1580283939549758,"duration":4,"recording":"460a36b6-09e7-466b-97d8-903c8cf4fc6c","cause":"NORMAL_CLEARING","click_to_call":false,"click_to_call_data":"","timestamp":"2020-01-29T07:45:40.000+00:00","action":"hangup"}"#,
        query: nil)

    /// A URL Networks extension hang-up form body (336 bytes).
    static let urlNetworksHangup = Payload(
        name: "urlnetworks hangup (form)", route: "urlnetworks", method: "POST",
        contentType: "application/x-www-form-urlencoded",
        body: "service_id=10452&description=inbound_external&start_time=1573865518&from=0390085900&external_did=61312341234&dialplan_id=82&condition_id=268&caller_name=test&call_event_uuid=709e1d5e-2067-41af-88c4-77b0c761c718&method=extension_hangup&display_from=+0312341234&extension_name=Reception&extension_user_id=1002&hangup_cause=NORMAL_CLEARING",
        query: nil)

    /// The VoIPstudio example of the vendor's documentation.
    static let voipStudioHangup = Payload(
        name: "voipstudio hangup (JSON)", route: "voipstudio", method: "POST", contentType: "application/json",
        body: #"{"id":"uk003.608920d55f7ac3.77053295","event_time":"2021-04-28 08:46:13","event_name":"call.hangup","call_id":139543232,"state":"HANGUP","connected_at":"2021-04-28 08:46:02","start_time":"2021-04-28 08:45:55","context":"LOCAL_USER","destination":"in","duration":11,"t_cause":"Normal Clearing","src":"447854740947","src_id":"0","src_name":"\"442035141598\" <2035141598>","src_hash":"fe5935cefbc82fc4e924bdaa21342a49c18c5dd9","dst":"441183211001","dst_id":"10002","dst_name":"John Smith"}"#,
        query: nil)

    /// A VoipNow hang-up in GET mode, the fields in the query.
    static let voipNowHangup = Payload(
        name: "voipnow hangup (GET query)", route: "voipnow", method: "GET", contentType: nil, body: "",
        query: "CallID=1a2b3c4d&CallerID%20Num=0390085900&CallerID%20Name=Jane%20Doe&CalledDID=61312341234&CalledExtension=0003*002&CallStatus=ANSWER&CallFlow=IN&CallerExtension=&CalledNumber=1002&CallAPIID=77aa")

    /// The coded four.
    static let coded = [impactPBXHangup, urlNetworksHangup, voipStudioHangup, voipNowHangup]

    /// The coded four, then the seven shipped definitions.
    static var all: [Payload] { coded + declared }
}
