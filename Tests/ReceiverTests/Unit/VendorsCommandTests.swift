import CallEvents
import XCTest
@testable import Receiver

/// `callhook vendors` and `show`: the parsed command line, the list, and the definition printed
/// back as JSON that reads back to the definition.
final class VendorsCommandTests: XCTestCase {
    private func parse(_ line: String) -> Result<CommandLineArguments, UsageError> {
        CommandLineArguments.parse(line.split(separator: " ").map(String.init))
    }

    func testCommandLine() {
        XCTAssertEqual(try parse("vendors").get(), .vendors(.init()))
        XCTAssertEqual(try parse("vendors --config c.json").get(), .vendors(.init(config: "c.json")))
        XCTAssertEqual(try parse("vendors show twilio --config=c.json").get(), .vendors(.init(show: "twilio", config: "c.json")))
        XCTAssertEqual(try parse("vendors --help").get(), .help(.vendors))
        XCTAssertEqual(parse("vendors show"), .failure(UsageError("show needs a vendor NAME", command: .vendors)))
        XCTAssertEqual(parse("vendors list"), .failure(UsageError("unknown subcommand \"list\" (expected show NAME)", command: .vendors)))
        XCTAssertEqual(parse("vendors show a b"), .failure(UsageError("unexpected argument \"b\"", command: .vendors)))
    }

    func testDecodeAndReplayTakeAConfig() {
        XCTAssertEqual(try parse("decode --vendor acme --config c.json p.json").get(),
                       .decode(.init(vendorName: "acme", file: "p.json", config: "c.json")),
                       "with a config the name is checked once the file is read")
        XCTAssertEqual(parse("decode --vendor acme p.json"),
                       .failure(UsageError("unknown vendor \"acme\" (expected voipnow, urlnetworks, voipstudio, impactpbx or auto)",
                                           command: .decode)))
        XCTAssertEqual(try parse("decode --vendor twilio").get(), .decode(.init(vendorName: "twilio")), "a shipped vendor")
        XCTAssertEqual(try parse("replay --config c.json events.jsonl").get(), .replay(file: "events.jsonl", config: "c.json"))
        XCTAssertEqual(try parse("replay").get(), .replay(file: nil))
    }

    func testTheListInDetectionOrder() throws {
        guard case .success(let value) = JSONParser.parse(Array(#"{"detect": ["pbx", "leg"], "event": "e"}"#.utf8)) else {
            return XCTFail("bad JSON in test")
        }
        let acme = try DeclaredCompiler.compile(name: "acme", value, at: "$.vendors.acme")
        let quiet = try DeclaredCompiler.compile(name: "quiet", .object([]), at: "$.vendors.quiet")
        let twilio = try DeclaredCompiler.compile(name: "twilio", value, at: "$.vendors.twilio")
        XCTAssertEqual(VendorsCommand.table(VendorCatalog(declaring: [acme, quiet, twilio])), """
            NAME         KIND                          DETECT
            impactpbx    coded                         ref + action
            voipstudio   coded                         event_name
            urlnetworks  coded                         call_event_uuid, or method + service_id
            twilio       declared (overrides shipped)  pbx + leg
            zoom         shipped                       event + event_ts + payload.object.call_id
            ringcentral  shipped                       uuid + event + body.telephonySessionId
            aircall      shipped                       event + resource + data.id
            telnyx       shipped                       data.event_type + data.payload.call_control_id
            dialpad      shipped                       call_id + state + event_timestamp
            vonage       shipped                       uuid + conversation_uuid + status
            voipnow      coded                         CallID, CallFlow or CallStatus
            acme         declared                      pbx + leg
            quiet        declared                      - (never picked by auto)
            """)
    }

    func testShowPrintsJSONThatReadsBackToTheDefinition() throws {
        for definition in ShippedDefinitions.all {
            let text = PrettyJSON.text(definition.source)
            XCTAssertTrue(text.hasPrefix("{\n  \"body\": "), text)
            guard case .success(let parsed) = JSONParser.parse(Array(text.utf8)) else { return XCTFail(text) }
            XCTAssertEqual(parsed, definition.source, definition.name)
            XCTAssertNoThrow(try DeclaredCompiler.compile(name: definition.name, parsed, at: "$"))
        }
        XCTAssertEqual(PrettyJSON.text(.object([JSONMember("detect", .array([.string("a"), .string("b\"")])),
                                                JSONMember("types", .object([]))])),
                       "{\n  \"detect\": [\"a\", \"b\\\"\"],\n  \"types\": {}\n}")
    }
}
