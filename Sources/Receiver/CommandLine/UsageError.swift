/// A command line that cannot be run: exit status 2, the message, and where to read more.
///
/// ```swift
/// case .failure(let error):
///     printError(error.description)   // callhook tail: --vendor needs a value ...
///     exit(2)
/// ```
struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in one sentence: `--vendor needs a value`.
    var message: String
    /// The command it was for, when known.
    var command: CommandLineArguments.CommandName?

    init(_ message: String, command: CommandLineArguments.CommandName? = nil) {
        self.message = message
        self.command = command
    }

    /// `callhook tail: --vendor needs a value` and a line pointing at the help.
    var description: String {
        if let command {
            return "callhook \(command.rawValue): \(message)\nRun 'callhook \(command.rawValue) --help' for usage."
        }
        return "callhook: \(message)\nRun 'callhook --help' for usage."
    }
}
