// Payloads copied from the vendors' documentation pages, kept byte for byte where the
// docs give one. VoipNow's docs give only the parameter list; its payloads are built from it.

enum VendorFixtures {
    // MARK: ImpactPBX (impactpbx-webhooks.txt)

    static let impactOriginate = """
    {
    "ref":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "domain_name":"dev-pbx.impactpbx.com",
    "recipient":"0035799123456",
    "caller_id_number":"+442035040000",
    "ani":"1002",
    "recipient_e164":"+35799123456",
    "caller_id_number_e164":"+442035040000",
    "ani_e164":"1002",
    "direction":"outbound",
    "channel_uuid":"8967dafb-f8b6-4d68-9eb7-f3cce82596c8",
    "originating_leg_uuid":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "dialed_user":"",
    "call_start":"2020-01-29T07:45:19.000+00:00",
    "call_start_uepoch":1580283919489709,
    "click_to_call":false,
    "click_to_call_data":"",
    "timestamp":"2020-01-29T07:45:20.000+00:00",
    "action":"originate"
    }
    """

    static let impactRing = """
    {
    "ref":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "domain_name":"dev-pbx.impactpbx.com",
    "recipient":"0035799123456",
    "caller_id_number":"+442035040000",
    "ani":"1002",
    "recipient_e164":"+35799123456",
    "caller_id_number_e164":"+442035040000",
    "ani_e164":"1002",
    "direction":"outbound",
    "channel_uuid":"8967dafb-f8b6-4d68-9eb7-f3cce82596c8",
    "originating_leg_uuid":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "dialed_user":"",
    "call_start":"2020-01-29T07:45:19.000+00:00",
    "call_start_uepoch":1580283919489709,
    "ring_start":"2020-01-29T07:45:25.000+00:00",
    "ring_start_uepoch":1580283925729764,
    "click_to_call":false,
    "click_to_call_data":"",
    "timestamp":"2020-01-29T07:45:26.000+00:00",
    "action":"ring"
    }
    """

    static let impactAnswer = """
    {
    "ref":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "domain_name":"dev-pbx.impactpbx.com",
    "recipient":"0035799123456",
    "caller_id_number":"+442035040000",
    "ani":"1002",
    "recipient_e164":"+35799123456",
    "caller_id_number_e164":"+442035040000",
    "ani_e164":"1002",
    "direction":"outbound",
    "channel_uuid":"8967dafb-f8b6-4d68-9eb7-f3cce82596c8",
    "originating_leg_uuid":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "dialed_user":"",
    "call_start":"2020-01-29T07:45:19.000+00:00",
    "call_start_uepoch":1580283919489709,
    "ring_start":"2020-01-29T07:45:25.000+00:00",
    "ring_start_uepoch":1580283925729764,
    "answer_start":"2020-01-29T07:45:35.000+00:00",
    "answer_start_uepoch":1580283935169797,
    "click_to_call":false,
    "click_to_call_data":"",
    "timestamp":"2020-01-29T07:45:36.000+00:00",
    "action":"answer"
    }
    """

    static let impactHangup = """
    {
    "ref":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "domain_name":"dev-pbx.impactpbx.com",
    "recipient":"0035799123456",
    "caller_id_number":"+442035040000",
    "ani":"1002",
    "recipient_e164":"+35799123456",
    "caller_id_number_e164":"+442035040000",
    "ani_e164":"1002",
    "direction":"outbound",
    "channel_uuid":"8967dafb-f8b6-4d68-9eb7-f3cce82596c8",
    "originating_leg_uuid":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "dialed_user":"",
    "call_start":"2020-01-29T07:45:19.000+00:00",
    "call_start_uepoch":1580283919489709,
    "ring_start":"2020-01-29T07:45:25.000+00:00",
    "ring_start_uepoch":1580283925729764,
    "answer_start":"2020-01-29T07:45:35.000+00:00",
    "answer_start_uepoch":1580283935169797,
    "call_end":"2020-01-29T07:45:39.000+00:00",
    "call_end_uepoch":1580283939549758,
    "duration":4,
    "recording":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "cause":"NORMAL_CLEARING",
    "click_to_call":false,
    "click_to_call_data":"",
    "timestamp":"2020-01-29T07:45:40.000+00:00",
    "action":"hangup"
    }
    """

    /// As in the docs: the comma after `"reason_failed":"NO_ROUTE"` is missing.
    static let impactFailedAsDocumented = """
    {
    "ref":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",
    "domain_name":"dev-pbx.impactpbx.com",
    "recipient":"+11111",
    "caller_id_number":"1002",
    "ani":"1002",
    "recipient_e164":"+35799123456",
    "caller_id_number_e164":"+442035040000",
    "ani_e164":"1002",
    "direction":"outbound",
    "call_start":"2020-01-29T07:45:19.000+00:00",
    "call_start_uepoch":1580283919489709,
    "call_end":"2020-01-29T07:45:20.000+00:00",
    "call_end_uepoch":1580283919489710,
    "cause":"NORMAL_CLEARING",
    "reason_failed":"NO_ROUTE"
    "click_to_call":false,
    "click_to_call_data":"",
    "timestamp":"2020-01-29T07:45:20.000+00:00",
    "action":"failed"
    }
    """

    /// The failed example with the comma restored.
    static let impactFailed = impactFailedAsDocumented.replacing(
        "\"reason_failed\":\"NO_ROUTE\"\n", with: "\"reason_failed\":\"NO_ROUTE\",\n")

    // MARK: VoIPstudio (voipstudio-webhooks.txt)

    static let voipstudioHangup = """
    {
    "id":"uk003.608920d55f7ac3.77053295",
    "event_time":"2021-04-28 08:46:13",
    "event_name":"call.hangup",
    "call_id":139543232,
    "state":"HANGUP",
    "connected_at":"2021-04-28 08:46:02",
    "start_time":"2021-04-28 08:45:55",
    "context":"LOCAL_USER",
    "destination":"in",
    "duration":11,
    "t_cause":"Normal Clearing",
    "src":"447854740947",
    "src_id":"0",
    "src_name":"\\"442035141598\\" <2035141598>",
    "src_hash":"fe5935cefbc82fc4e924bdaa21342a49c18c5dd9",
    "dst":"441183211001",
    "dst_id":"10002",
    "dst_name":"John Smith"
    }
    """

    // MARK: URL Networks (urlnetworks-http-endpoint-events.txt, each curl --data string)

    static let urlIncomingRinging = "service_id=SERVICE_ID&direction=inbound_external&start_time=1573865518&from=0390085900&external_did=NUMBER_DIALED&dialplan_id=82&condition_id=268&dialplan_name=Test&condition_name=All%20Hours&caller_name=test&call_event_uuid=709e1d5e-2067-41af-88c4-77b0c761c718&http_ringing_url=http://192.168.1.10/test-post&method=incoming_ringing&http_hangup_url=http://192.168.1.10/test-post"

    static let urlIncomingHangup = "service_id=SERVICE_ID&direction=inbound_external&start_time=1573865518&from=0390085900&external_did=NUMBER_DIALED&dialplan_id=82&condition_id=268&dialplan_name=Test&condition_name=All%20Hours&caller_name=test&call_event_uuid=709e1d5e-2067-41af-88c4-77b0c761c718&http_ringing_url=http://192.168.1.10/test-post&method=incoming_hangup_success&http_post_recording_url=1&end_time=1573977089&call_completed&recording_url=https://127.0.0.1/call-recording-test"

    static let urlExtensionRinging = "service_id=SERVICE_ID&direction=inbound_external&start_time=1573865518&from=0390085900&external_did=NUMBER_DIALED&dialplan_id=82&condition_id=268&dialplan_name=Test&condition_name=All%20Hours&caller_name=test&call_event_uuid=709e1d5e-2067-41af-88c4-77b0c761c718&&method=extension_ringing&display_from=+0312341234&extension_name=EXTENSION_NAME&extension_user_id=EXTENSION_USERID"

    /// Sent with `method=extension_ringing` by the vendor's own example.
    static let urlExtensionAnswered = "service_id=SERVICE_ID&direction=inbound_external&start_time=1573865518&from=0390085900&external_did=NUMBER_DIALED&dialplan_id=82&condition_id=268&dialplan_name=Test&condition_name=All%20Hours&caller_name=test&call_event_uuid=709e1d5e-2067-41af-88c4-77b0c761c718&&method=extension_ringing&display_from=+0312341234&extension_name=EXTENSION_NAME&extension_user_id=EXTENSION_USERID&agent_uuid=b05bf123-e592-5b8b-acfe-d496af1822ab"

    /// The docs' extension hangup command: identical to the ringing one (no `hangup_cause`).
    static let urlExtensionHangup = "service_id=SERVICE_ID&direction=inbound_external&start_time=1573865518&from=0390085900&external_did=NUMBER_DIALED&dialplan_id=82&condition_id=268&dialplan_name=Test&condition_name=All%20Hours&caller_name=test&call_event_uuid=709e1d5e-2067-41af-88c4-77b0c761c718&&method=extension_ringing&display_from=+0312341234&extension_name=EXTENSION_NAME&extension_user_id=EXTENSION_USERID"

    // MARK: VoipNow (voipnow-call-events.txt: "CallerID Num"; voipnow-call-events-kb.txt: "CallerIDNam")

    /// A Dial-In event in GET mode, with the spelling of the Call Events guide.
    static let voipnowDialInQuery = "CallID=1a2b3c4d.5678&CallerID%20Num=0040215551234&CallerID%20Name=Jane%20Doe&CalledDID=0040215550000&CalledExtension=0003*001&CallStatus=CALLING&CallFlow=IN&CallerExtension=&CalledNumber=0003*001&CallAPIID=api-77&token=s3cret"

    /// A Hangup event as a POST form, with the spelling of the knowledge-base article.
    static let voipnowHangupForm = "CallID=1a2b3c4d.5678&CallerIDNum=0003*002&CallerIDNam=Front+Desk&CalledDID=&CalledExtension=&CallStatus=BUSY&CallFlow=OUT&CallerExtension=0003*002&CalledNumber=+40215551234"
}
