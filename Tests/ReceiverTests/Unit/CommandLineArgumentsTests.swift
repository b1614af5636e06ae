import CallEvents
import XCTest
@testable import Receiver

final class CommandLineArgumentsTests: XCTestCase {
    private func parse(_ line: String) -> CommandLineArguments? {
        try? CommandLineArguments.parse(words(line)).get()
    }

    private func usageError(_ line: String) -> UsageError? {
        guard case .failure(let error) = CommandLineArguments.parse(words(line)) else { return nil }
        return error
    }

    private func words(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    // MARK: serve

    func testServe() {
        XCTAssertEqual(parse("serve --config c.json"), .serve(.init(config: "c.json")))
        XCTAssertEqual(parse("serve --config=c.json --listen 127.0.0.1:0 --event-log e.jsonl"),
                       .serve(.init(config: "c.json", listen: "127.0.0.1:0", eventLog: "e.jsonl")))
        XCTAssertEqual(parse("serve --event-log=e.jsonl --config c.json"),
                       .serve(.init(config: "c.json", eventLog: "e.jsonl")))
    }

    func testServeOverridesGoToTheLoader() {
        let serve = CommandLineArguments.Serve(config: "c", listen: "[::1]:0", eventLog: "e")
        XCTAssertEqual(serve.overrides, ConfigurationLoader.Overrides(listen: "[::1]:0", eventLog: "e"))
    }

    func testServeNeedsConfig() {
        XCTAssertEqual(usageError("serve"), UsageError("missing --config FILE", command: .serve))
        XCTAssertEqual(usageError("serve c.json"), UsageError("missing --config FILE (write --config c.json)", command: .serve))
        XCTAssertEqual(usageError("serve --config"), UsageError("--config needs a value", command: .serve))
        XCTAssertEqual(usageError("serve --config="), UsageError("--config needs a value", command: .serve))
    }

    func testServeRefusesExtraArgumentsAndRepeats() {
        XCTAssertEqual(usageError("serve --config c.json extra"), UsageError("unexpected argument \"extra\"", command: .serve))
        XCTAssertEqual(usageError("serve --config a --config b"), UsageError("--config is given more than once", command: .serve))
        XCTAssertEqual(usageError("serve --config a --port 80"), UsageError("unknown option \"--port\"", command: .serve))
    }

    // MARK: check-config

    func testCheckConfig() {
        XCTAssertEqual(parse("check-config c.json"), .checkConfig(path: "c.json"))
        XCTAssertEqual(parse("check-config -- --odd-name.json"), .checkConfig(path: "--odd-name.json"))
        XCTAssertEqual(usageError("check-config"), UsageError("missing FILE", command: .checkConfig))
        XCTAssertEqual(usageError("check-config a b"), UsageError("unexpected argument \"b\"", command: .checkConfig))
        XCTAssertEqual(usageError("check-config --json a"), UsageError("unknown option \"--json\"", command: .checkConfig))
    }

    // MARK: decode

    func testDecode() {
        XCTAssertEqual(parse("decode --vendor voipnow"), .decode(.init(vendor: .vendor(.voipnow))))
        XCTAssertEqual(parse("decode --vendor auto --hint dial-in --content-type application/json payload.json"),
                       .decode(.init(vendor: .auto, hint: "dial-in", contentType: "application/json", file: "payload.json")))
        XCTAssertEqual(parse("decode --vendor impactpbx -"), .decode(.init(vendor: .vendor(.impactpbx), file: nil)),
                       "- is standard input")
    }

    func testDecodeNeedsAKnownVendor() {
        XCTAssertEqual(usageError("decode p.json"),
                       UsageError("missing --vendor V (voipnow, urlnetworks, voipstudio, impactpbx or auto)", command: .decode))
        XCTAssertEqual(usageError("decode --vendor asterisk"),
                       UsageError("unknown vendor \"asterisk\" (expected voipnow, urlnetworks, voipstudio, impactpbx or auto)",
                                  command: .decode))
        XCTAssertEqual(usageError("decode --vendor voipnow a b"), UsageError("unexpected argument \"b\"", command: .decode))
        XCTAssertEqual(usageError("decode --vendor voipnow --hint"), UsageError("--hint needs a value", command: .decode))
    }

    // MARK: tail

    func testTail() {
        XCTAssertEqual(parse("tail"), .tail(.init()))
        XCTAssertEqual(parse("tail --follow --vendor voipstudio --type call.hangup --call abc --json events.jsonl"),
                       .tail(.init(follow: true, vendor: "voipstudio", type: .hangup, callID: "abc", json: true, file: "events.jsonl")))
        XCTAssertEqual(parse("tail -f -"), .tail(.init(follow: true, file: "-")))
        // The shipped definitions are built in; a config's own vendors are checked when it runs.
        XCTAssertEqual(parse("tail --vendor twilio"), .tail(.init(vendor: "twilio")))
        XCTAssertEqual(parse("tail --vendor ringo --config c.json"), .tail(.init(vendor: "ringo", config: "c.json")))
        XCTAssertEqual(parse("tail --type=unknown"), .tail(.init(type: .unknown)))
    }

    func testTailRefusesUnknownVendorsAndTypes() {
        XCTAssertEqual(usageError("tail --vendor auto")?.message,
                       "unknown vendor \"auto\" (expected one of voipnow, urlnetworks, voipstudio, impactpbx, twilio, zoom, ringcentral, aircall, telnyx, dialpad, vonage, or a vendor --config declares)")
        XCTAssertEqual(usageError("tail --type hangup")?.message.hasPrefix("unknown event type \"hangup\" (expected one of call.initiated,"), true)
        XCTAssertEqual(usageError("tail --json --json"), UsageError("--json is given more than once", command: .tail))
        XCTAssertEqual(usageError("tail --json=yes"), UsageError("--json takes no value", command: .tail))
        XCTAssertEqual(usageError("tail a b"), UsageError("unexpected argument \"b\"", command: .tail))
        XCTAssertEqual(usageError("tail -x"), UsageError("unknown option \"-x\"", command: .tail))
    }

    // MARK: calls, replay

    func testCalls() {
        XCTAssertEqual(parse("calls"), .calls(.init()))
        XCTAssertEqual(parse("calls --json e.jsonl"), .calls(.init(json: true, file: "e.jsonl")))
        XCTAssertEqual(usageError("calls --follow"), UsageError("unknown option \"--follow\"", command: .calls))
    }

    func testReplay() {
        XCTAssertEqual(parse("replay"), .replay(file: nil))
        XCTAssertEqual(parse("replay e.jsonl"), .replay(file: "e.jsonl"))
        XCTAssertEqual(usageError("replay a b"), UsageError("unexpected argument \"b\"", command: .replay))
        XCTAssertEqual(usageError("replay --json"), UsageError("unknown option \"--json\"", command: .replay))
    }

    // MARK: help, version, mistakes

    func testHelp() {
        XCTAssertEqual(parse("--help"), .help(nil))
        XCTAssertEqual(parse("-h"), .help(nil))
        XCTAssertEqual(parse("help"), .help(nil))
        XCTAssertEqual(parse("help tail"), .help(.tail))
        XCTAssertEqual(parse("check-config --help"), .help(.checkConfig))
        for command in CommandLineArguments.CommandName.allCases {
            XCTAssertEqual(parse("\(command.rawValue) --help"), .help(command))
            XCTAssertEqual(parse("\(command.rawValue) -h"), .help(command))
        }
    }

    func testHelpWinsOverOtherMistakes() {
        XCTAssertEqual(parse("serve --bogus --help"), .help(.serve))
        XCTAssertEqual(parse("decode --vendor nope --help"), .help(.decode))
    }

    func testHelpAfterDoubleDashIsAFileName() {
        XCTAssertEqual(parse("replay -- --help"), .replay(file: "--help"))
    }

    func testHelpMistakes() {
        XCTAssertEqual(usageError("help nope"), UsageError("unknown command \"nope\""))
        XCTAssertEqual(usageError("help tail calls"), UsageError("help takes one command"))
        XCTAssertEqual(usageError("--help tail"), UsageError("--help takes no arguments"))
    }

    func testVersion() {
        XCTAssertEqual(parse("--version"), .version)
        XCTAssertEqual(usageError("--version x"), UsageError("--version takes no arguments"))
    }

    func testMissingOrUnknownCommand() {
        XCTAssertEqual(usageError(""), UsageError("missing command"))
        XCTAssertEqual(usageError("server --config c"),
                       UsageError("unknown command \"server\"; commands: serve, check-config, decode, tail, calls, stats, replay, vendors"))
        XCTAssertEqual(usageError("--config c")?.message.hasPrefix("unknown option \"--config\""), true)
    }

    func testEveryCommandHasHelpNamingItsUsage() {
        for command in CommandLineArguments.CommandName.allCases {
            XCTAssertTrue(command.helpText.hasPrefix("Usage: callhook \(command.rawValue)"), command.rawValue)
            XCTAssertTrue(CommandLineArguments.generalHelp.contains("callhook \(command.rawValue)"), command.rawValue)
        }
    }
}
