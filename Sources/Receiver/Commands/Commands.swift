/// Runs a parsed command line; returns the exit status.
public enum Commands {
    public static let version = "0.1.0"

    public static func run(_ command: CommandLineArguments) -> Int32 {
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
        case .replay(let file): return ReplayCommand.run(file: file)
        }
    }
}
