/// Every problem found in a config file (or in the command-line overrides), each a line
/// starting with its JSON path: `$.routes[2].vendor: unknown vendor "foo"`. Exit status 2.
///
/// ```swift
/// if case .failure(let errors) = ConfigurationLoader.load(path: path) {
///     for line in errors.messages { printError("config: \(line)") }
/// }
/// ```
struct ConfigurationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in the order found; never empty, never holding a secret.
    var messages: [String]
    /// Warnings found along the way (they alone would not stop the load).
    var warnings: [String]

    init(messages: [String], warnings: [String] = []) {
        self.messages = messages
        self.warnings = warnings
    }

    /// One problem a line.
    var description: String { messages.joined(separator: "\n") }
}
