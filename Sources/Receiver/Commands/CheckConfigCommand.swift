/// `callhook check-config FILE`: every problem with its JSON path, exit 2; warnings, exit 0.
enum CheckConfigCommand {
    static func run(path: String) -> Int32 {
        switch ConfigurationLoader.load(path: path) {
        case .failure(let errors):
            errors.messages.forEach { Diagnostics.log(.error, $0) }
            errors.warnings.forEach { Diagnostics.log(.warning, $0) }
            return 2
        case .success(let loaded):
            loaded.warnings.forEach { Diagnostics.log(.warning, $0) }
            let vendors = loaded.configuration.vendors
            ConfigurationLoader.overrideNotes(vendors).forEach { Diagnostics.log(.info, $0) }
            let declared = vendors.declared.count + vendors.overridden.count
            print("\(path): ok, \(loaded.configuration.routes.count) routes"
                + (declared == 0 ? "" : ", \(declared) declared vendor\(declared == 1 ? "" : "s")"))
            return 0
        }
    }
}
