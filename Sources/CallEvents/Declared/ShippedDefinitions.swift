/// The vendor definitions callhook ships (Documentation.docc/Vendors.md, "The seven shipped
/// definitions"), as the JSON an operator would write, compiled once on first use.
///
/// ```swift
/// ShippedDefinitions.all.map(\.name)     // ["twilio", "zoom", "ringcentral", "aircall", "telnyx", "dialpad", "vonage"]
/// ShippedDefinitions.named("twilio")     // the compiled definition
/// ```
public enum ShippedDefinitions {
    /// Name and JSON text, in `auto` detection order.
    static let texts: [(name: String, text: String)] = [
        ("twilio", twilio), ("zoom", zoom), ("ringcentral", ringcentral), ("aircall", aircall),
        ("telnyx", telnyx), ("dialpad", dialpad), ("vonage", vonage),
    ]

    /// Every shipped definition, compiled.
    public static let all: [DeclaredDefinition] = texts.map { entry in
        guard case .success(let value) = JSONParser.parse(Array(entry.text.utf8)),
              let definition = try? DeclaredCompiler.compile(name: entry.name, value, at: "vendors." + entry.name) else {
            fatalError("shipped definition \(entry.name) does not compile")
        }
        return definition
    }

    public static func named(_ name: String) -> DeclaredDefinition? { all.first { $0.name == name } }
}

extension Vendor {
    /// A coded vendor, else a shipped declared one, by name.
    public static func named(_ name: String) -> Vendor? {
        Vendor(rawValue: name) ?? ShippedDefinitions.named(name).map(Vendor.declared)
    }
}
