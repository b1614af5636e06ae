/// Runs a command line; returns the exit status. The module's one public entry point:
/// `main.swift` is `exit(Commands.main(Array(CommandLine.arguments.dropFirst())))`.
public enum Commands {
    /// Parses `arguments` (without the program name) and runs the command: `2` for a bad
    /// command line, after saying what is wrong on stderr.
    public static func main(_ arguments: [String]) -> Int32 {
        switch CommandLineArguments.parse(arguments) {
        case .failure(let error):
            Diagnostics.write("callhook: \(error)")
            return 2
        case .success(let command):
            return run(command)
        }
    }

    static let version = "0.1.0"

    static func run(_ command: CommandLineArguments) -> Int32 {
        switch command {
        case .serve(let options): return ServeCommand.run(options)
        case .checkConfig(let path): return CheckConfigCommand.run(path: path)
        case .decode(let options): return DecodeCommand.run(options)
        case .help(let name):
            print(name?.helpText ?? CommandLineArguments.generalHelp)
            return 0
        case .version:
            print("callhook \(version)")
            return 0
        case .tail(let options): return TailCommand.run(options)
        case .calls(let options): return CallsCommand.run(options)
        case .stats(let options): return StatsCommand.run(options)
        case .replay(let file, let config): return ReplayCommand.run(file: file, config: config)
        case .vendors(let options): return VendorsCommand.run(options)
        }
    }
}
