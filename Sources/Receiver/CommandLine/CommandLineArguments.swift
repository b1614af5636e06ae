import CallEvents

/// What `callhook` was asked to do (Documentation.docc/Receiver.md, "Command line"), parsed from
/// the arguments after the program name. Every mistake is a ``UsageError`` (exit status 2).
///
/// Options take their value as the next argument or after `=` (`--vendor voipnow`,
/// `--vendor=voipnow`); `--` ends the options; `-` as FILE is standard input; `--help` (`-h`)
/// anywhere before `--` asks for the command's help instead of running it.
///
/// ```swift
/// switch CommandLineArguments.parse(Array(CommandLine.arguments.dropFirst())) {
/// case .success(.serve(let options)): serve(configPath: options.config)
/// case .success(.help(let command)): print(command?.helpText ?? CommandLineArguments.generalHelp)
/// case .success(let other): run(other)
/// case .failure(let error): printError(error.description); exit(2)
/// }
/// ```
enum CommandLineArguments: Sendable, Equatable {
    /// `callhook serve --config FILE [--listen HOST:PORT] [--event-log PATH]`
    case serve(Serve)
    /// `callhook check-config FILE`
    case checkConfig(path: String)
    /// `callhook decode --vendor V [--hint H] [--content-type T] [FILE|-]`
    case decode(Decode)
    /// `callhook tail [--follow] [--vendor V] [--type T] [--call ID] [--config FILE] [--json] [FILE]`
    case tail(Tail)
    /// `callhook calls [--json] [FILE]`
    case calls(Calls)
    /// `callhook stats [--since T] [--until T] [--by G] [--json] [FILE...]`
    case stats(Stats)
    /// `callhook replay [--config FILE] [LOG]`; the log as typed (`-` included), nil when none
    /// was given; `config` for declared vendors.
    case replay(file: String?, config: String? = nil)
    /// `callhook vendors [show NAME] [--config FILE]`
    case vendors(Vendors)
    /// `callhook --help` (nil), `callhook COMMAND --help` or `callhook help [COMMAND]`.
    case help(CommandName?)
    /// `callhook --version`
    case version

    /// The commands, by the name typed.
    enum CommandName: String, Sendable, CaseIterable {
        case serve
        case checkConfig = "check-config"
        case decode, tail, calls, stats, replay, vendors
    }

    /// Parses the arguments that follow the program name.
    static func parse(_ arguments: [String]) -> Result<CommandLineArguments, UsageError> {
        guard let first = arguments.first else { return .failure(UsageError("missing command")) }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h", "help":
            guard first == "help", let topic = rest.first else {
                return rest.isEmpty ? .success(.help(nil)) : .failure(UsageError("\(first) takes no arguments"))
            }
            guard rest.count == 1, let command = CommandName(rawValue: topic) else {
                return .failure(UsageError(rest.count == 1 ? "unknown command \(quoted(topic))" : "help takes one command"))
            }
            return .success(.help(command))
        case "--version":
            return rest.isEmpty ? .success(.version) : .failure(UsageError("--version takes no arguments"))
        default:
            guard let command = CommandName(rawValue: first) else {
                let what = first.hasPrefix("-") ? "unknown option" : "unknown command"
                return .failure(UsageError("\(what) \(quoted(first)); commands: "
                    + CommandName.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            return parse(command, rest)
        }
    }

    private static func parse(_ command: CommandName, _ arguments: [String]) -> Result<CommandLineArguments, UsageError> {
        var scanner = OptionScanner(command: command)
        switch command {
        case .serve: return scanner.scan(arguments, options: ["--config", "--listen", "--event-log"]).flatMap(Serve.make)
        case .checkConfig: return scanner.scan(arguments).flatMap(makeCheckConfig)
        case .decode:
            return scanner.scan(arguments, options: ["--vendor", "--hint", "--content-type", "--config"]).flatMap(Decode.make)
        case .tail:
            return scanner.scan(arguments, flags: ["--follow", "--json"], options: ["--vendor", "--type", "--call", "--config"],
                                shortFlags: ["-f": "--follow"]).flatMap(Tail.make)
        case .calls: return scanner.scan(arguments, flags: ["--json"]).flatMap(Calls.make)
        case .stats:
            return scanner.scan(arguments, flags: ["--json"], options: ["--since", "--until", "--by"]).flatMap(Stats.make)
        case .replay: return scanner.scan(arguments, options: ["--config"]).flatMap(makeReplay)
        case .vendors: return scanner.scan(arguments, options: ["--config"]).flatMap(Vendors.make)
        }
    }

    private static func makeCheckConfig(_ scanned: OptionScanner.Scanned) -> Result<CommandLineArguments, UsageError> {
        if scanned.help { return .success(.help(.checkConfig)) }
        guard let path = scanned.positionals.first else { return .failure(UsageError("missing FILE", command: .checkConfig)) }
        guard scanned.positionals.count == 1 else { return .failure(scanned.unexpected(at: 1)) }
        return .success(.checkConfig(path: path))
    }

    private static func makeReplay(_ scanned: OptionScanner.Scanned) -> Result<CommandLineArguments, UsageError> {
        if scanned.help { return .success(.help(.replay)) }
        guard scanned.positionals.count <= 1 else { return .failure(scanned.unexpected(at: 1)) }
        return .success(.replay(file: scanned.file, config: scanned.values["--config"]))
    }
}
