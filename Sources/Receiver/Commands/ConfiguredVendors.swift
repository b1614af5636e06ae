import CallEvents

/// The vendors a command knows: the built-in ones, and with `--config FILE` that file's
/// declared vendors too (the file checked as `check-config` checks it).
///
/// ```swift
/// guard case .success(let catalog) = ConfiguredVendors.load(options.config) else { return 2 }
/// ```
enum ConfiguredVendors {
    /// The catalog, or exit status 2 after every problem of the file is said on stderr.
    static func load(_ config: String?) -> Result<VendorCatalog, ExitStatus> {
        guard let config else { return .success(.builtIn) }
        switch ConfigurationLoader.load(path: config) {
        case .success(let loaded): return .success(loaded.configuration.vendors)
        case .failure(let errors):
            errors.messages.forEach { Diagnostics.log(.error, $0) }
            return .failure(ExitStatus(code: 2))
        }
    }

    struct ExitStatus: Error {
        var code: Int32
    }
}
