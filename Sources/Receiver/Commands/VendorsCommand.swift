import CallEvents

/// `callhook vendors [--config FILE]`: every vendor in the order an `auto` route tries them,
/// with its kind (coded, shipped, declared) and its `detect` rule; `callhook vendors show NAME`:
/// a declared or shipped definition as JSON (Documentation.docc/Vendors.md).
///
/// ```sh
/// callhook vendors show twilio > acme.json     # a start for a definition of one's own
/// ```
enum VendorsCommand {
    static func run(_ options: CommandLineArguments.Vendors) -> Int32 {
        let catalog: VendorCatalog
        switch ConfiguredVendors.load(options.config) {
        case .success(let loaded): catalog = loaded
        case .failure(let status): return status.code
        }
        guard let name = options.show else {
            Output.write(Array(table(catalog).utf8))
            return 0
        }
        guard let vendor = catalog.vendor(named: name) else {
            Diagnostics.log(.error, "unknown vendor \(quoted(name)) (expected one of \(catalog.names.joined(separator: ", ")))"
                + (options.config == nil ? "; declared vendors need --config FILE" : ""))
            return 2
        }
        guard let definition = vendor.definition else {
            Diagnostics.log(.error, "\(quoted(name)) is a coded vendor: it has no definition to show (detect: \(catalog.detectRule(of: vendor)))")
            return 1
        }
        Output.write(Array(PrettyJSON.text(definition.source).utf8))
        return 0
    }

    /// NAME, KIND, DETECT; an overridden shipped vendor is `declared (overrides shipped)`.
    static func table(_ catalog: VendorCatalog) -> String {
        let rows = catalog.all.map { vendor -> [String] in
            var kind = catalog.kind(of: vendor).rawValue
            if catalog.overridden.contains(vendor.name) { kind += " (overrides shipped)" }
            let rule = catalog.detectRule(of: vendor)
            return [vendor.name, kind, rule.isEmpty ? "- (never picked by auto)" : rule]
        }
        let header = ["NAME", "KIND", "DETECT"]
        return TextTable.render(header: header, rows: rows)
    }
}
