import HTTPServer

/// Re-reads the config file on `SIGHUP` and swaps it in (``ConfigurationReload`` decides what
/// may change): the app's routes, secrets and allow lists, and the listener's limits, PROXY
/// protocol mode and trusted proxies for connections accepted after it. Every outcome is one or more log lines and a count in
/// `callhook_config_reloads_total{result}`.
///
/// ```swift
/// let reloader = ConfigurationReloader(path: options.config, overrides: options.overrides,
///                                      app: app, server: server)
/// reloader.reload()   // on SIGHUP, after the logs are reopened
/// ```
struct ConfigurationReloader: Sendable {
    let path: String
    let overrides: ConfigurationLoader.Overrides
    let app: ReceiverApp
    let server: HTTPServer?

    /// True when the new config was applied.
    @discardableResult
    func reload() -> Bool {
        let loaded = ConfigurationLoader.load(path: path, overrides: overrides)
        switch ConfigurationReload.plan(running: app.configuration, loaded: loaded) {
        case .refused(let errors):
            Diagnostics.log(.error, "SIGHUP: \(path) has \(errors.messages.count) error(s); the running config stays")
            errors.messages.forEach { Diagnostics.log(.error, "SIGHUP: \($0)") }
            // Counted after the lines are out: a reader of the count finds them written.
            app.metrics.countConfigReload(ok: false)
            return false
        case .apply(let next, let needsRestart, let warnings):
            warnings.forEach { Diagnostics.log(.warning, $0) }
            for key in needsRestart {
                Diagnostics.log(.warning, "SIGHUP: \(key) changed; it takes effect at the next restart, the running value stays")
            }
            server?.update(limits: next.limits)
            server?.update(proxyProtocol: next.listenProxyProtocol, trustsPeer: next.trustsPeer)
            app.apply(next)
            Diagnostics.log(.info, "SIGHUP: config reloaded from \(path) (\(next.routes.count) routes)")
            app.metrics.countConfigReload(ok: true)
            return true
        }
    }
}
