@testable import CallEvents
import Foundation
import XCTest

/// A `jwt` vendor's body (Documentation.docc/Vendors.md, "A definition"): the token's payload,
/// or plain JSON; refused when unverified bodies are not allowed. Raw bytes in, as sent.
final class JWTBodyTests: XCTestCase {
    func b64(_ s: String) -> String {
        Data(s.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    var token: String { b64(#"{"alg":"HS256","typ":"JWT"}"#) + "." + b64(#"{"call_id":42,"state":"hangup"}"#) + "." + b64("sig") }

    func value(_ text: String, _ policy: UnverifiedJWT = .decode) -> Result<JSONValue, JWTBody.Failure> {
        JWTBody.decode(Array(text.utf8), policy: policy).map(\.value)
    }

    func testTokenPayloadIsTheValue() {
        let want = JSONValue.object([JSONMember("call_id", .number("42")), JSONMember("state", .string("hangup"))])
        XCTAssertEqual(try value(token).get(), want)
        XCTAssertEqual(try value(" \r\n" + token + "\r\n").get(), want, "white space around the token is not part of it")
    }

    func testPlainJSONIsReadAsIs() {
        XCTAssertEqual(try value("\n{\"state\":\"ringing\"}").get(), .object([JSONMember("state", .string("ringing"))]))
    }

    func testRefusedWhenUnverifiedIsNotAllowed() {
        for body in [token, #"{"state":"ringing"}"#] {
            guard case .failure(let failure) = value(body, .refuse) else { return XCTFail(body) }
            XCTAssertEqual(failure.reason, .unverified, body)
        }
    }

    func testMalformedBodies() {
        let table: [(String, JWTBody.Failure.Reason)] = [
            ("", .notCompact),
            ("a.b", .notCompact),                                    // RFC 7519 §3: three segments
            ("a.b.c.d", .notCompact),
            (b64("{}") + ".!!!." + b64("s"), .notCompact),          // not base64url
            (b64("{}") + "." + b64("not json") + "." + b64("s"), .payloadNotJSON),
            (b64("{}") + "." + b64("42") + "." + b64("s"), .payloadNotJSON),
            ("{\"state\":", .payloadNotJSON),
        ]
        for (body, reason) in table {
            guard case .failure(let failure) = value(body) else { XCTFail(body); continue }
            XCTAssertEqual(failure.reason, reason, body)
        }
    }

    /// Through the decoder: the reasons a receiver maps to its statuses.
    func testDecoderReasons() throws {
        guard case .success(let source) = JSONParser.parse(Array(#"{"body":"jwt","event":"state"}"#.utf8)) else { return XCTFail("bad JSON in test") }
        let dialpad = Vendor.declared(try DeclaredCompiler.compile(name: "acme", source, at: "vendors.acme"))
        func reason(_ body: String, _ policy: UnverifiedJWT) -> DecodeFailure.Reason? {
            var delivery = Mock.delivery(body: body)
            delivery.unverifiedJWT = policy
            guard case .failure(let failure) = CallEventDecoder.decode(delivery, as: .vendor(dialpad)) else { return nil }
            XCTAssertEqual(failure.vendor, dialpad)
            return failure.reason
        }
        XCTAssertEqual(reason(token, .refuse), .unverifiedSignature)
        XCTAssertEqual(reason("a.b", .decode), .malformed)
        XCTAssertNil(reason(token, .decode))
    }
}
