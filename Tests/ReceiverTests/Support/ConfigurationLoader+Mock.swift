@testable import Receiver

/// Loads config text as if it were `/srv/callhook/config.json`, run from `/home/op`.
func loadConfiguration(_ json: String, overrides: ConfigurationLoader.Overrides = .init())
    -> Result<ConfigurationLoader.Loaded, ConfigurationErrors> {
    ConfigurationLoader.load(bytes: Array(json.utf8), baseDirectory: "/srv/callhook", overrides: overrides,
                             workingDirectory: "/home/op")
}

/// The error lines for config text that must not load; empty when it loads.
func configurationErrors(_ json: String, overrides: ConfigurationLoader.Overrides = .init()) -> [String] {
    switch loadConfiguration(json, overrides: overrides) {
    case .success: []
    case .failure(let errors): errors.messages
    }
}

/// The configuration for text that must load, or nil.
func loadedConfiguration(_ json: String, overrides: ConfigurationLoader.Overrides = .init()) -> ConfigurationLoader.Loaded? {
    try? loadConfiguration(json, overrides: overrides).get()
}

/// One valid route, for tests about everything else.
let minimalRoutes = #""routes": [{"name": "a", "path": "/hooks/a", "vendor": "voipnow", "secret": "s"}]"#
