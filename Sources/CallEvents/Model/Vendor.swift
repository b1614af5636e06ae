/// A vendor callhook understands: one of the four decoded by code of their own, or a vendor
/// declared as data (Documentation.docc/Vendors.md), which carries its compiled definition.
///
/// ```swift
/// Vendor(rawValue: "impactpbx")          // .impactpbx
/// Vendor.declared(compiledDefinition)    // kind .declared, name from the definition
/// ```
public struct Vendor: Sendable, Hashable, CustomStringConvertible {
    /// How the vendor is decoded.
    public enum Kind: Sendable, Hashable {
        case voipnow, urlnetworks, voipstudio, impactpbx
        /// By a `DeclaredDefinition`.
        case declared
    }

    /// The name written as the line's `vendor`.
    public let name: String
    public let kind: Kind
    /// The compiled definition of a declared vendor; nil for the coded four.
    public let definition: DeclaredDefinition?

    public static let voipnow = Vendor(name: "voipnow", kind: .voipnow)
    public static let urlnetworks = Vendor(name: "urlnetworks", kind: .urlnetworks)
    public static let voipstudio = Vendor(name: "voipstudio", kind: .voipstudio)
    public static let impactpbx = Vendor(name: "impactpbx", kind: .impactpbx)

    /// The four coded vendors.
    public static let allCases: [Vendor] = [.voipnow, .urlnetworks, .voipstudio, .impactpbx]

    private init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
        definition = nil
    }

    /// A declared vendor, named by its definition.
    public static func declared(_ definition: DeclaredDefinition) -> Vendor {
        Vendor(declared: definition)
    }

    private init(declared definition: DeclaredDefinition) {
        name = definition.name
        kind = .declared
        self.definition = definition
    }

    /// A coded vendor by name.
    public init?(rawValue: String) {
        guard let found = Vendor.allCases.first(where: { $0.name == rawValue }) else { return nil }
        self = found
    }

    public var rawValue: String { name }
    public var description: String { name }

    public static func == (a: Vendor, b: Vendor) -> Bool { a.kind == b.kind && a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
