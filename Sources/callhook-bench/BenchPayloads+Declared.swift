/// The shipped declared vendors: each one's hang-up fixture of Tests/CallEventsTests/Declared/Fixtures.
extension BenchPayloads {
    /// Twilio's `completed` status callback (713 bytes).
    static let twilioCompleted = Payload(
        name: "twilio completed (form)", route: "twilio", method: "POST", contentType: "application/x-www-form-urlencoded",
        body: #"Called=%2B15017122661&ToState=CA&CallerCountry=US&Direction=outbound-api&Timestamp=Tue%2C%2014%20Nov%202023%2022%3A14%3A27%20%2B0000&CallbackSource=call-progress-events&CallerState=CA&ToZip=&SequenceNumber=3&To=%2B15017122661&CallSid=CA5ae6a7b5e1d2f3a4b5c6d7e8f9a0b1c2&ToCountry=US&CallerZip=&CalledZip=&ApiVersion=2010-04-01&CallStatus=completed&From=%2B15558675310&AccountSid=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX&CalledCountry=US&CallerCity=&ToCity=&FromCountry=US&Caller=%2B15558675310&FromCity=&CalledState=CA&FromZip=&FromState=CA&CallDuration=61&Duration=2&RecordingUrl=https%3A%2F%2Fapi.twilio.com%2F2010-04-01%2FAccounts%2FACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX%2FRecordings%2FRE557ce644e5ab84fa21cc21112e22c485"#,
        query: nil)

    /// Zoom Phone's `phone.callee_ended` (605 bytes).
    static let zoomCalleeEnded = Payload(
        name: "zoom callee_ended (JSON)", route: "zoom", method: "POST", contentType: "application/json",
        body: #"{"event":"phone.callee_ended","event_ts":1681323733519,"payload":{"account_id":"D8cJuqWVQ623CI4Q8yQK0Q","object":{"call_id":"7201225834581346304","callee":{"extension_id":"3vt4b7wtb79q4wvb","extension_type":"user","user_id":"z8yCxjabcdEFGHfp8uQ","phone_number":"+12058945456","extension_number":1002,"timezone":"America/Los_Angeles","connection_type":"voip","name":"Jill Chill"},"caller":{"extension_type":"pstn","phone_number":"+12058945123","connection_type":"pstn_off_net"},"ringing_start_time":"2023-04-12T18:20:41Z","answer_start_time":"2023-04-12T18:20:47Z","call_end_time":"2023-04-12T18:22:13Z"}}}"#,
        query: nil)

    /// A RingCentral telephony session notification, `Disconnected` (835 bytes).
    static let ringCentralDisconnected = Payload(
        name: "ringcentral Disconnected (JSON)", route: "ringcentral", method: "POST", contentType: "application/json",
        body: #"{"uuid":"2370488375739133006","event":"/restapi/v1.0/account/400131426008/extension/400135658008/telephony/sessions","timestamp":"2024-03-08T21:33:10.473Z","subscriptionId":"cbc3e7a0-e8b3-4b4a-bfce-6b1a9df5ac49","ownerId":"400135658008","body":{"sequence":6,"sessionId":"172622609264474468","telephonySessionId":"s-a0d7c8a0f3b3cz18e1a7b6d97z9d1b90000","serverId":"10.13.22.247.TAM","eventTime":"2024-03-08T21:33:10.606Z","parties":[{"accountId":"400131426008","extensionId":"400135658008","id":"cs172622609264474468-2","direction":"Inbound","to":{"phoneNumber":"+16504223279","name":"Paco Vu","extensionId":"400135658008"},"from":{"phoneNumber":"+16502306000","name":"WIRELESS CALLER"},"status":{"code":"Disconnected","rcc":false,"reason":"CallFinished"},"missedCall":false,"standAlone":false,"muted":false}],"origin":{"type":"Call"}}}"#,
        query: nil)

    /// Aircall's `call.ended` (753 bytes).
    static let aircallEnded = Payload(
        name: "aircall call.ended (JSON)", route: "aircall", method: "POST", contentType: "application/json",
        body: #"{"resource":"call","event":"call.ended","timestamp":1584998310,"token":"45XXYYZZa08","data":{"id":812,"direct_link":"https://api.aircall.io/v1/calls/812","direction":"inbound","status":"done","started_at":1584998199,"answered_at":1584998205,"ended_at":1584998300,"duration":101,"raw_digits":"+33 1 23 45 67 89","missed_call_reason":null,"voicemail":null,"recording":"https://aircall-recordings.s3.amazonaws.com/812.mp3","archived":false,"asset":null,"user":{"id":456,"direct_link":"https://api.aircall.io/v1/users/456","name":"John Doe","email":"john.doe@aircall.io","available":true},"number":{"id":1234,"direct_link":"https://api.aircall.io/v1/numbers/1234","name":"French Office","digits":"+33 1 76 36 06 95","country":"FR"},"tags":[],"comments":[]}}"#,
        query: nil)

    /// Telnyx's `call.hangup` callback example (717 bytes).
    static let telnyxHangup = Payload(
        name: "telnyx call.hangup (JSON)", route: "telnyx", method: "POST", contentType: "application/json",
        body: #"{"data":{"record_type":"event","event_type":"call.hangup","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f3","occurred_at":"2018-02-02T22:25:27.521992Z","payload":{"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","connection_id":"7267xxxxxxxxxxxxxx","call_leg_id":"428c31b6-7af4-4bcb-b7f5-5013ef9657c1","call_session_id":"428c31b6-7af4-4bcb-b7f5-5013ef9657c1","client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","from":"+35319605860","to":"+13129457420","start_time":"2018-02-02T22:20:27.521992Z","end_time":"2018-02-02T22:25:27.521992Z","state":"hangup","hangup_cause":"call_rejected","hangup_source":"caller","sip_hangup_cause":"603"}},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks"}}"#,
        query: nil)

    /// A Dialpad `hangup` call event as the signed JWT body (1343 bytes).
    static let dialpadHangup = Payload(
        name: "dialpad hangup (JWT)", route: "dialpad", method: "POST", contentType: "application/jwt",
        body: #"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjYWxsX2lkIjo2MzIzNDE3NTg0NzU0Njg4LCJtYXN0ZXJfY2FsbF9pZCI6NjMyMzQxNzU4NDc1NDY4OCwiZW50cnlfcG9pbnRfY2FsbF9pZCI6NTkxMDg1MzA0NjgxMjY3Miwib3BlcmF0b3JfY2FsbF9pZCI6bnVsbCwic3RhdGUiOiJoYW5ndXAiLCJkaXJlY3Rpb24iOiJpbmJvdW5kIiwiZXh0ZXJuYWxfbnVtYmVyIjoiKzE0MTU1NTUxMjM0IiwiaW50ZXJuYWxfbnVtYmVyIjoiKzE0MTU1NTU5ODc2IiwiZGF0ZV9zdGFydGVkIjoxNzAwMDAwMDAwMDAwLCJkYXRlX3JhbmciOjE3MDAwMDAwMDE1MDAsImRhdGVfY29ubmVjdGVkIjoxNzAwMDAwMDA0MzAwLCJkYXRlX2VuZGVkIjoxNzAwMDAwMDY1NDAwLCJkdXJhdGlvbiI6NjExMDAuMCwidG90YWxfZHVyYXRpb24iOjY1NDAwLjAsImNvbnRhY3QiOnsiaWQiOiJodHRwOi8vd3d3Lmdvb2dsZS5jb20vbTgvZmVlZHMvY29udGFjdHMvYWRhbSU0MGV4YW1wbGUuY29tL2Jhc2UvMmQxZiIsIm5hbWUiOiJKYW5lIEN1c3RvbWVyIiwicGhvbmUiOiIrMTQxNTU1NTEyMzQiLCJ0eXBlIjoic2hhcmVkIn0sInRhcmdldCI6eyJpZCI6NTA5NzU2NDczMzc4NDA2NCwibmFtZSI6IkFkYW0gQWdlbnQiLCJwaG9uZSI6IisxNDE1NTU1OTg3NiIsInR5cGUiOiJ1c2VyIiwiZW1haWwiOiJhZGFtQGV4YW1wbGUuY29tIiwib2ZmaWNlX2lkIjo0NTcxMzIxMjEyNzk2OTI4fSwiZ3JvdXBfaWQiOm51bGwsImlzX3RyYW5zZmVycmVkIjpmYWxzZSwid2FzX3JlY29yZGVkIjp0cnVlLCJldmVudF90aW1lc3RhbXAiOjE3MDAwMDAwNjU0MzIsInJlY29yZGluZ19kZXRhaWxzIjpbeyJpZCI6IjU2Mzc5MTQ3ODU2MTk5NjgiLCJyZWNvcmRpbmdfdHlwZSI6ImNhbGxyZWNvcmRpbmciLCJkdXJhdGlvbiI6NjAwMDAsInN0YXJ0X3RpbWUiOjE3MDAwMDAwMDUwMDAsInVybCI6Imh0dHBzOi8vZGlhbHBhZC5jb20vci81NjM3OTE0Nzg1NjE5OTY4In1dfQ.JJGY9cA2qZIBtRH49b-lQ4OBNEQgTGFeZsGskPxNBP8"#,
        query: nil)

    /// Vonage's `completed` event webhook (401 bytes).
    static let vonageCompleted = Payload(
        name: "vonage completed (JSON)", route: "vonage", method: "POST", contentType: "application/json",
        body: #"{"headers":{},"from":"447700900000","to":"447700900001","uuid":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab","conversation_uuid":"CON-aaaaaaaa-bbbb-cccc-dddd-0123456789ab","status":"completed","direction":"outbound","timestamp":"2020-01-01T12:01:05.000Z","end_time":"2020-01-01T12:01:05.000Z","network":"65512","duration":"60","start_time":"2020-01-01T12:00:05.000Z","rate":"0.01500000","price":"0.01500000"}"#,
        query: nil)

    static let declared = [twilioCompleted, zoomCalleeEnded, ringCentralDisconnected, aircallEnded, telnyxHangup, dialpadHangup, vonageCompleted]
}
