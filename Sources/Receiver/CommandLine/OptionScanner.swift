/// Splits one command's arguments into flags, options with values, and positionals, with
/// the usual conventions: `--name value` or `--name=value`, `--` ends the options, `-` is a
/// positional (standard input), `--help` / `-h` before `--` wins over anything else.
struct OptionScanner {
    let command: CommandLineArguments.CommandName

    struct Scanned {
        let command: CommandLineArguments.CommandName
        var help = false
        var flags: Set<String> = []
        var values: [String: String] = [:]
        var positionals: [String] = []

        /// The optional FILE positional as typed (`-` included).
        var file: String? { positionals.first }

        func unexpected(at index: Int) -> UsageError {
            UsageError("unexpected argument \(quoted(positionals[index]))", command: command)
        }
    }

    mutating func scan(_ arguments: [String], flags: Set<String> = [], options: Set<String> = [],
                       shortFlags: [String: String] = [:]) -> Result<Scanned, UsageError> {
        var scanned = Scanned(command: command)
        let beforeTerminator = arguments.prefix { $0 != "--" }
        if beforeTerminator.contains(where: { $0 == "--help" || $0 == "-h" }) {
            scanned.help = true
            return .success(scanned)
        }
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                scanned.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = shortFlags[argument] ?? argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if flags.contains(name) {
                guard inlineValue == nil else { return .failure(UsageError("\(name) takes no value", command: command)) }
                guard scanned.flags.insert(name).inserted else { return .failure(twice(name)) }
            } else if options.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    return .failure(UsageError("\(name) needs a value", command: command))
                }
                guard !value.isEmpty else { return .failure(UsageError("\(name) needs a value", command: command)) }
                guard scanned.values.updateValue(value, forKey: name) == nil else { return .failure(twice(name)) }
            } else {
                return .failure(UsageError("unknown option \(quoted(name))", command: command))
            }
        }
        return .success(scanned)
    }

    private func twice(_ name: String) -> UsageError {
        UsageError("\(name) is given more than once", command: command)
    }
}
