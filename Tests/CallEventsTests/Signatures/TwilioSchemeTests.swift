import XCTest
@testable import CallEvents

/// Twilio's own RequestValidator vectors (twilio-python, twilio-php and twilio-csharp tests):
/// auth token `12345`.
final class TwilioSchemeTests: XCTestCase {
    private let twilio = TwilioScheme(secrets: [Array("12345".utf8)])
    private let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    // Deliberately out of order: the scheme sorts.
    private let fields = [("Digits", "1234"), ("To", "+18005551212"), ("From", "+14158675309"),
                          ("Caller", "+14158675309"), ("CallSid", "CA1234567890ABCDE")]

    private func form(_ pairs: [(String, String)]) -> [(name: [UInt8], value: [UInt8])] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    private func headers(_ signature: String, _ extra: [String: String] = [:]) -> (String) -> [UInt8]? {
        var all = extra
        all["x-twilio-signature"] = signature
        return { all[$0].map { Array($0.utf8) } }
    }

    func testPublishedFormVector() {
        XCTAssertEqual(twilio.check(url: Array(url.utf8), form: form(fields), body: [], header: headers("RSOYDt4T1cUTdK1PDd93/VVr8B8=")), .accepted)
    }

    func testPublishedRepeatedKeysVector() {
        let repeated = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234"), ("Digits", "1234")]
        XCTAssertEqual(twilio.check(url: Array(url.utf8), form: form(repeated), body: [], header: headers("IK+Dwps556ElfBT0I3Rgjkr1wJU=")), .accepted)
    }

    /// twilio-python's port cases: a port is removed for the check, and the default port added.
    func testPublishedPortVectors() {
        let withPort = url.replacingOccurrences(of: ".com", with: ".com:1234")
        XCTAssertEqual(twilio.check(url: Array(withPort.utf8), form: form(fields), body: [], header: headers("RSOYDt4T1cUTdK1PDd93/VVr8B8=")), .accepted, "removes the port on https")
        let httpWithPort = withPort.replacingOccurrences(of: "https", with: "http")
        XCTAssertEqual(twilio.check(url: Array(httpWithPort.utf8), form: form(fields), body: [], header: headers("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")), .accepted, "keeps the port on http")
        XCTAssertEqual(twilio.check(url: Array(url.utf8), form: form(fields), body: [], header: headers("kvajT1Ptam85bY51eRf/AJRuM3w=")), .accepted, "adds 443 on https")
        let http = url.replacingOccurrences(of: "https", with: "http")
        XCTAssertEqual(twilio.check(url: Array(http.utf8), form: form(fields), body: [], header: headers("0ZXoZLH/DfblKGATFgpif+LLRf4=")), .accepted, "adds 80 on http")
        // The port-443 signature is not one for port 80, nor for another host.
        XCTAssertEqual(twilio.check(url: Array(http.utf8), form: form(fields), body: [], header: headers("kvajT1Ptam85bY51eRf/AJRuM3w=")), .refused(.bad))
        let otherHost = url.replacingOccurrences(of: "mycompany", with: "mycompanz")
        XCTAssertEqual(twilio.check(url: Array(otherHost.utf8), form: form(fields), body: [], header: headers("kvajT1Ptam85bY51eRf/AJRuM3w=")), .refused(.bad))
    }

    func testPortVariantsOfAuthorities() {
        func variants(_ url: String) -> [String] { TwilioScheme.portVariants(of: Array(url.utf8)).map { String(decoding: $0, as: UTF8.self) } }
        XCTAssertEqual(variants("https://a.example/p?q=1"), ["https://a.example/p?q=1", "https://a.example:443/p?q=1"])
        XCTAssertEqual(variants("http://a.example:8080"), ["http://a.example", "http://a.example:8080"])
        XCTAssertEqual(variants("https://u:pw@[2001:db8::1]:8443/x"), ["https://u:pw@[2001:db8::1]/x", "https://u:pw@[2001:db8::1]:8443/x"])
        XCTAssertEqual(variants("HTTPS://[::1]/x"), ["HTTPS://[::1]/x", "HTTPS://[::1]:443/x"])
        XCTAssertEqual(variants("urn:x"), ["urn:x"])
    }

    func testPublishedJSONBodyVector() {
        let body = Array(#"{"property": "value", "boolean": true}"#.utf8)
        let signedURL = Array((url + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620").utf8)
        XCTAssertEqual(twilio.check(url: signedURL, form: nil, body: body, header: headers("a9nBmqA0ju/hNViExpshrM61xv4=")), .accepted)
        XCTAssertEqual(twilio.check(url: signedURL, form: nil, body: body + [0x20], header: headers("a9nBmqA0ju/hNViExpshrM61xv4=")), .refused(.bad))
        XCTAssertEqual(twilio.check(url: Array(url.utf8), form: nil, body: body, header: headers("a9nBmqA0ju/hNViExpshrM61xv4=")), .refused(.missing))
    }

    func testTamperedFieldURLSignatureAndKey() {
        var changed = fields
        changed[0].1 = "9999"
        XCTAssertEqual(twilio.check(url: Array(url.utf8), form: form(changed), body: [], header: headers("RSOYDt4T1cUTdK1PDd93/VVr8B8=")), .refused(.bad))
        XCTAssertEqual(twilio.check(url: Array((url + "&x=1").utf8), form: form(fields), body: [], header: headers("RSOYDt4T1cUTdK1PDd93/VVr8B8=")), .refused(.bad))
        XCTAssertEqual(twilio.check(url: Array(url.utf8), form: form(fields), body: [], header: headers("RSOYDt4T1cUTdK1PDd93/VVs8B8=")), .refused(.bad))
        XCTAssertEqual(TwilioScheme(secrets: [Array("54321".utf8)]).check(url: Array(url.utf8), form: form(fields), body: [], header: headers("RSOYDt4T1cUTdK1PDd93/VVr8B8=")), .refused(.bad))
        XCTAssertEqual(twilio.check(url: Array(url.utf8), form: form(fields), body: [], header: { _ in nil }), .refused(.missing))
        // Rotation: the old token still listed.
        XCTAssertEqual(TwilioScheme(secrets: [Array("new".utf8), Array("12345".utf8)]).check(url: Array(url.utf8), form: form(fields), body: [], header: headers("RSOYDt4T1cUTdK1PDd93/VVr8B8=")), .accepted)
    }
}
