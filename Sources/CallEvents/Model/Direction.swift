public enum Direction: String, Sendable, CaseIterable {
    case inbound, outbound, `internal`
}
