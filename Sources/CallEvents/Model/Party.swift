/// A calling or called party.
public struct Party: Sendable, Equatable {
    public var number: String?
    public var name: String?

    public init(number: String? = nil, name: String? = nil) {
        self.number = number
        self.name = name
    }
}
