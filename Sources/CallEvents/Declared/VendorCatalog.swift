/// Every vendor one configuration knows (Documentation.docc/Vendors.md): the four coded ones,
/// the shipped definitions (some perhaps overridden by the config), and the config's own
/// declared vendors, in the order an `auto` route tries them.
///
/// ```swift
/// let catalog = VendorCatalog(declaring: [acme])        // compiled from the config's `vendors`
/// catalog.vendor(named: "acme")                         // .declared(acme)
/// CallEventDecoder.decode(delivery, as: .auto, catalog: catalog)
/// ```
public struct VendorCatalog: Sendable, Equatable {
    /// Where a vendor's rules come from, as `callhook vendors` lists it.
    public enum Kind: String, Sendable {
        /// Decoded by code of its own.
        case coded
        /// A definition shipped with callhook.
        case shipped
        /// A definition from the config (overriding a shipped one or new).
        case declared
    }

    /// The shipped definitions in detection order, each replaced by the config's when it
    /// declares the same name.
    public let shipped: [DeclaredDefinition]
    /// The config's definitions that are not overrides, in the config's order.
    public let declared: [DeclaredDefinition]
    /// Names of shipped vendors the config overrides, in the config's order.
    public let overridden: [String]

    /// The coded four and the shipped definitions as they ship.
    public static let builtIn = VendorCatalog(declaring: [])

    /// `definitions` in the config's order. A name that is a shipped vendor's takes that
    /// vendor's place (its detection slot included); the caller has refused coded names.
    public init(declaring definitions: [DeclaredDefinition]) {
        var shipped = ShippedDefinitions.all
        var declared: [DeclaredDefinition] = []
        var overridden: [String] = []
        for definition in definitions {
            if let index = shipped.firstIndex(where: { $0.name == definition.name }) {
                shipped[index] = definition
                overridden.append(definition.name)
            } else {
                declared.append(definition)
            }
        }
        self.shipped = shipped
        self.declared = declared
        self.overridden = overridden
    }

    /// A vendor by the name a route, `decode --vendor` or a logged line gives.
    public func vendor(named name: String) -> Vendor? {
        if let coded = Vendor(rawValue: name) { return coded }
        if let found = shipped.first(where: { $0.name == name }) ?? declared.first(where: { $0.name == name }) {
            return .declared(found)
        }
        return nil
    }

    /// Every vendor in `auto` detection order: ImpactPBX, VoIPstudio, URL Networks, the
    /// shipped definitions, VoipNow, then the declared ones.
    public var all: [Vendor] {
        [Vendor.impactpbx, .voipstudio, .urlnetworks] + shipped.map(Vendor.declared) + [.voipnow]
            + declared.map(Vendor.declared)
    }

    /// Every name, for messages: the coded four, the shipped, the declared.
    public var names: [String] {
        Vendor.allCases.map(\.name) + shipped.map(\.name) + declared.map(\.name)
    }

    public func kind(of vendor: Vendor) -> Kind {
        guard vendor.kind == .declared else { return .coded }
        return declared.contains { $0.name == vendor.name } || overridden.contains(vendor.name) ? .declared : .shipped
    }

    /// The `detect` rule as `callhook vendors` prints it (`CallSid + AccountSid`); empty for a
    /// declared vendor without `detect`, which `auto` never picks.
    public func detectRule(of vendor: Vendor) -> String {
        VendorDetection.rule(of: vendor) ?? ""
    }

    /// The vendor an `auto` route picks for this payload, nil when none matches.
    func detect(_ fields: Fields) -> Vendor? {
        if let coded = VendorDetection.detectBeforeShipped(fields) { return coded }
        if let found = shipped.first(where: { $0.detects(fields) }) { return .declared(found) }
        if VendorDetection.isVoipNow(fields) { return .voipnow }
        return declared.first { $0.detects(fields) }.map(Vendor.declared)
    }

    /// Two catalogs are equal when they hold the same definitions as written, in the same order.
    public static func == (a: VendorCatalog, b: VendorCatalog) -> Bool {
        func same(_ x: [DeclaredDefinition], _ y: [DeclaredDefinition]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0 === $1 || ($0.name == $1.name && $0.source == $1.source) }
        }
        return same(a.shipped, b.shipped) && same(a.declared, b.declared) && a.overridden == b.overridden
    }
}
