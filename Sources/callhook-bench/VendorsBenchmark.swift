import CallEvents

/// Compiling a config's `vendors` (Documentation.docc/Vendors.md): N declared vendors, each as
/// big as the documentation's `acme` example, parsed from JSON text, compiled and put in a
/// catalog, as the server does once at start. Target: 50 vendors in under 50 ms.
enum VendorsBenchmark {
    static func run(count: Int, rounds: Int) {
        let text = configText(count: count)
        var times: [Double] = []
        for _ in 0..<rounds {
            let start = Stopwatch.now()
            let catalog = compile(text)
            times.append(Stopwatch.now() - start)
            precondition(catalog.declared.count == count, "every benchmark vendor compiles")
        }
        let sorted = times.sorted()
        print("vendors: \(count) declared vendors (\(text.utf8.count) bytes of config) compiled in "
              + "\(format(sorted[sorted.count / 2] * 1000, decimals: 2)) ms median, \(format(sorted.last! * 1000, decimals: 2)) ms worst of \(rounds) (target < 50 ms)")
    }

    @inline(never)
    static func compile(_ text: String) -> VendorCatalog {
        guard case .success(let document) = JSONParser.parse(Array(text.utf8)), case .object(let members) = document["vendors"] else {
            fatalError("benchmark config does not parse")
        }
        var definitions: [DeclaredDefinition] = []
        for member in members {
            guard let definition = try? DeclaredCompiler.compile(name: member.key, member.value, at: "$.vendors." + member.key) else {
                fatalError("benchmark vendor \(member.key) does not compile")
            }
            definitions.append(definition)
        }
        return VendorCatalog(declaring: definitions)
    }

    /// `{"vendors": {"pbx0": {...}, ...}}`, each definition with every construct.
    static func configText(count: Int) -> String {
        let vendors = (0..<count).map { i in
            #"""
            "pbx\#(i)": {
              "body": "json", "detect": ["event", "data.call_uuid_\#(i)"], "event": "event",
              "types": {"call.started": "call.ringing", "call.answered": "call.answered",
                        "call.ended": {"type": "call.hangup", "outcome": "answered"},
                        "call.missed": {"type": "call.hangup", "outcome": "no_answer"}, "call.q*": "call.ringing", "*": "unknown"},
              "fields": {
                "call_id": "data.call_uuid_\#(i)",
                "direction": {"path": "data.direction", "map": {"in": "inbound", "out*": "outbound", "*": null}},
                "from.number": {"inbound": "data.external", "outbound": "data.line"},
                "to.number": {"inbound": "data.line", "outbound": "data.external"},
                "extension": ["data.agent.extension", "data.agent.id", "data.parties.0.ext"],
                "cause": "data.hangup_cause", "occurred_at": "timestamp", "started_at": "data.started_at",
                "answered_at": "data.answered_at", "ended_at": "data.ended_at",
                "talk_seconds": {"path": "data.talk_ms", "unit": "ms"}, "recording": "data.recording\\.url"
              },
              "key": ["data.call_uuid_\#(i)", "event", "timestamp"],
              "verify": {"scheme": "hmac-sha256", "header": "X-Pbx\#(i)-Signature", "encoding": "hex"}
            }
            """#
        }
        return "{\"vendors\": {" + vendors.joined(separator: ",\n") + "}}"
    }
}
