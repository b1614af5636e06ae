/// A mistake in a vendor definition, with the JSON path where it is
/// (`vendors.acme.fields.from.nmber: unknown CallEvent field`).
public struct DeclaredDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
