/// What a `SIGHUP` does to the config (Documentation.docc/Receiver.md, "Storage"): the file is
/// loaded and checked by the same ``ConfigurationLoader`` path as at start, so every key it
/// knows (routes, secrets, allow lists, `trusted_proxies`, limits, and whatever keys the loader
/// learns later) is reloaded with no code here. A file with any error changes nothing.
///
/// Keys whose value is built into something opened at start cannot change without a restart:
/// those keep their running value and are named, so the log says what did not take effect.
///
/// ```swift
/// switch ConfigurationReload.plan(running: app.configuration, loaded: ConfigurationLoader.load(path: path)) {
/// case .apply(let next, let needsRestart, _): app.apply(next)   // needsRestart: ["listen"]
/// case .refused(let errors): errors.messages.forEach { log($0) }
/// }
/// ```
enum ConfigurationReload {
    enum Plan: Sendable, Equatable {
        /// The config to serve under, with restart-only keys as they were; the keys named
        /// changed in the file and wait for a restart; warnings as at start.
        case apply(Configuration, needsRestart: [String], warnings: [String])
        /// The file has errors (each with its JSON path); the running config stays.
        case refused(ConfigurationErrors)
    }

    static func plan(running: Configuration,
                     loaded: Result<ConfigurationLoader.Loaded, ConfigurationErrors>) -> Plan {
        switch loaded {
        case .failure(let errors):
            return .refused(errors)
        case .success(let (next, warnings)):
            var kept = next
            var needsRestart: [String] = []
            // Each: the JSON path, then a step that puts back the running value when it differs.
            func keep<Value: Equatable>(_ path: String, _ key: WritableKeyPath<Configuration, Value>) {
                guard kept[keyPath: key] != running[keyPath: key] else { return }
                needsRestart.append(path)
                kept[keyPath: key] = running[keyPath: key]
            }
            // The bound sockets and their loops.
            keep("listen", \.listenHost)
            keep("listen", \.listenPort)
            keep("event_loops", \.eventLoops)
            // Sizes the connection counter.
            keep("limits.max_connections", \.limits.maxConnections)
            // The open log files and their writers.
            keep("event_log", \.eventLog)
            keep("rejects_log", \.rejectsLog)
            keep("fsync", \.fsync)
            // The dedupe index and the live views are sized at start.
            keep("dedupe_window", \.dedupeWindow)
            keep("calls_active_ttl_seconds", \.callsActiveTTLSeconds)
            var seen = Set<String>()
            needsRestart = needsRestart.filter { seen.insert($0).inserted }
            return .apply(kept, needsRestart: needsRestart, warnings: warnings)
        }
    }
}
