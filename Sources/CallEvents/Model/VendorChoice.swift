/// A route's vendor: one of the four, or `auto` (detected from the payload).
public enum VendorChoice: Sendable, Equatable {
    case vendor(Vendor)
    case auto
}
