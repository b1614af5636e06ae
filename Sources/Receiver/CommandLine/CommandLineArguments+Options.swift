import CallEvents

// The options of each command, and how they are checked once scanned.
extension CommandLineArguments {
    /// `serve`: the config file and the values that override it.
    struct Serve: Sendable, Equatable {
        var config: String
        /// `--listen HOST:PORT`, checked by ``ConfigurationLoader``.
        var listen: String?
        /// `--event-log PATH`
        var eventLog: String?

        init(config: String, listen: String? = nil, eventLog: String? = nil) {
            self.config = config
            self.listen = listen
            self.eventLog = eventLog
        }

        /// The overrides to hand to ``ConfigurationLoader/load(path:overrides:)``.
        var overrides: ConfigurationLoader.Overrides {
            ConfigurationLoader.Overrides(listen: listen, eventLog: eventLog)
        }

        static func make(_ scanned: OptionScanner.Scanned) -> Result<CommandLineArguments, UsageError> {
            if scanned.help { return .success(.help(.serve)) }
            guard let config = scanned.values["--config"] else {
                let hint = scanned.positionals.count == 1 ? " (write --config \(scanned.positionals[0]))" : ""
                return .failure(UsageError("missing --config FILE\(hint)", command: .serve))
            }
            guard scanned.positionals.isEmpty else { return .failure(scanned.unexpected(at: 0)) }
            return .success(.serve(Serve(config: config, listen: scanned.values["--listen"],
                                         eventLog: scanned.values["--event-log"])))
        }
    }

    /// `decode`: one payload, decoded offline.
    struct Decode: Sendable, Equatable {
        /// The vendor as typed; without `--config` it is checked here, with one once the file is read.
        var vendorName: String
        var hint: String?
        /// `--content-type`; when nil the body is sniffed, as the server does.
        var contentType: String?
        /// nil (or `-` on the command line) reads standard input.
        var file: String?
        /// `--config FILE`: its declared vendors can be named too.
        var config: String?

        init(vendor: VendorChoice, hint: String? = nil, contentType: String? = nil, file: String? = nil,
             config: String? = nil) {
            self.init(vendorName: Configuration.Route.describe(vendor), hint: hint, contentType: contentType,
                      file: file, config: config)
        }

        init(vendorName: String, hint: String? = nil, contentType: String? = nil, file: String? = nil,
             config: String? = nil) {
            self.vendorName = vendorName
            self.hint = hint
            self.contentType = contentType
            self.file = file
            self.config = config
        }

        static let builtInNames = "voipnow, urlnetworks, voipstudio, impactpbx or auto"

        static func make(_ scanned: OptionScanner.Scanned) -> Result<CommandLineArguments, UsageError> {
            if scanned.help { return .success(.help(.decode)) }
            guard let text = scanned.values["--vendor"] else {
                return .failure(UsageError("missing --vendor V (\(builtInNames))", command: .decode))
            }
            let config = scanned.values["--config"]
            if config == nil, ConfigurationLoader.vendorChoice(text) == nil {
                return .failure(UsageError("unknown vendor \(quoted(text)) (expected \(builtInNames))", command: .decode))
            }
            guard scanned.positionals.count <= 1 else { return .failure(scanned.unexpected(at: 1)) }
            return .success(.decode(Decode(vendorName: text, hint: scanned.values["--hint"],
                                           contentType: scanned.values["--content-type"],
                                           file: scanned.file == "-" ? nil : scanned.file, config: config)))
        }
    }

    /// `tail`: events of the log, filtered, as lines for people or as JSON.
    struct Tail: Sendable, Equatable {
        var follow: Bool
        /// A vendor's name as the log writes it: a built-in one, or one `config` declares.
        var vendor: String?
        var type: EventType?
        var callID: String?
        var json: Bool
        /// As typed, `-` included; nil when none was given (the command picks its default).
        var file: String?
        /// `--config FILE`: its declared vendors are names `--vendor` knows too.
        var config: String?

        init(follow: Bool = false, vendor: String? = nil, type: EventType? = nil, callID: String? = nil,
                    json: Bool = false, file: String? = nil, config: String? = nil) {
            self.config = config
            self.follow = follow
            self.vendor = vendor
            self.type = type
            self.callID = callID
            self.json = json
            self.file = file
        }

        static func make(_ scanned: OptionScanner.Scanned) -> Result<CommandLineArguments, UsageError> {
            if scanned.help { return .success(.help(.tail)) }
            var tail = Tail(follow: scanned.flags.contains("--follow"), callID: scanned.values["--call"],
                            json: scanned.flags.contains("--json"), file: scanned.file, config: scanned.values["--config"])
            if let text = scanned.values["--vendor"] {
                // A declared name is checked against the config's vendors when the command runs.
                guard tail.config != nil || VendorCatalog.builtIn.names.contains(text) else {
                    let names = VendorCatalog.builtIn.names.joined(separator: ", ")
                    return .failure(UsageError("unknown vendor \(quoted(text)) (expected one of \(names), or a vendor --config declares)", command: .tail))
                }
                tail.vendor = text
            }
            if let text = scanned.values["--type"] {
                guard let type = EventType(rawValue: text) else {
                    let names = EventType.allCases.map(\.rawValue).joined(separator: ", ")
                    return .failure(UsageError("unknown event type \(quoted(text)) (expected one of \(names))", command: .tail))
                }
                tail.type = type
            }
            guard scanned.positionals.count <= 1 else { return .failure(scanned.unexpected(at: 1)) }
            return .success(.tail(tail))
        }
    }

    /// `calls`: events correlated into one row a call.
    struct Calls: Sendable, Equatable {
        var json: Bool
        /// As typed, `-` included; nil when none was given.
        var file: String?

        init(json: Bool = false, file: String? = nil) {
            self.json = json
            self.file = file
        }

        static func make(_ scanned: OptionScanner.Scanned) -> Result<CommandLineArguments, UsageError> {
            if scanned.help { return .success(.help(.calls)) }
            guard scanned.positionals.count <= 1 else { return .failure(scanned.unexpected(at: 1)) }
            return .success(.calls(Calls(json: scanned.flags.contains("--json"), file: scanned.file)))
        }
    }
}

extension CommandLineArguments {
    /// `vendors`: the list, or `show NAME`.
    struct Vendors: Sendable, Equatable {
        /// The vendor of `show NAME`; nil lists them all.
        var show: String?
        /// `--config FILE`: its declared vendors too.
        var config: String?

        init(show: String? = nil, config: String? = nil) {
            self.show = show
            self.config = config
        }

        static func make(_ scanned: OptionScanner.Scanned) -> Result<CommandLineArguments, UsageError> {
            if scanned.help { return .success(.help(.vendors)) }
            let config = scanned.values["--config"]
            switch scanned.positionals.count {
            case 0: return .success(.vendors(Vendors(config: config)))
            case _ where scanned.positionals[0] != "show":
                return .failure(UsageError("unknown subcommand \(quoted(scanned.positionals[0])) (expected show NAME)", command: .vendors))
            case 1: return .failure(UsageError("show needs a vendor NAME", command: .vendors))
            case 2: return .success(.vendors(Vendors(show: scanned.positionals[1], config: config)))
            default: return .failure(scanned.unexpected(at: 2))
            }
        }
    }

    /// `stats`: the numbers of the calls in one or more log files, per group.
    struct Stats: Sendable, Equatable {
        var since: String?
        var until: String?
        var by: String
        var json: Bool
        /// As typed; empty when none was given (the command reads `events.jsonl`).
        var files: [String]

        init(since: String? = nil, until: String? = nil, by: String = "vendor", json: Bool = false, files: [String] = []) {
            self.since = since
            self.until = until
            self.by = by
            self.json = json
            self.files = files
        }

        static let groupings = ["vendor", "route", "extension", "hour", "day"]

        static func make(_ scanned: OptionScanner.Scanned) -> Result<CommandLineArguments, UsageError> {
            if scanned.help { return .success(.help(.stats)) }
            let stats = Stats(since: scanned.values["--since"], until: scanned.values["--until"],
                              by: scanned.values["--by"] ?? "vendor", json: scanned.flags.contains("--json"),
                              files: scanned.positionals)
            guard groupings.contains(stats.by) else {
                return .failure(UsageError("unknown grouping \(quoted(stats.by)) (expected one of \(groupings.joined(separator: ", ")))", command: .stats))
            }
            for (name, value) in [("--since", stats.since), ("--until", stats.until)] {
                if let value, Timestamp(rfc3339: value) == nil {
                    return .failure(UsageError("\(name) needs an RFC 3339 time, not \(quoted(value))", command: .stats))
                }
            }
            return .success(.stats(stats))
        }
    }
}
