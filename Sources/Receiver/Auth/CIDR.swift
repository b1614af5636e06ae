import HTTPServer
/// An IPv4 or IPv6 network, `203.0.113.0/24` or `2001:db8::/32` (RFC 4632 §3.1, RFC 4291 §2.3).
///
/// A bare address is a single host (`/32`, `/128`). Host bits below the prefix are accepted
/// and cleared, as nginx's `allow` does (`10.1.2.3/8` means `10.0.0.0/8`);
/// ``hasHostBits`` says so, and the configuration loader warns about it.
///
/// Families stay apart: an IPv4 network matches IPv4 addresses, written either way
/// (`::ffff:1.2.3.4` is `1.2.3.4`), and an IPv6 network matches IPv6 addresses only, so
/// `::/0` is every IPv6 address and no IPv4 one. A network written in IPv4-mapped form with a
/// prefix of 96 or more (`::ffff:10.0.0.0/104`) is the IPv4 network it names.
///
/// ```swift
/// let office = try CIDR(parsing: "203.0.113.0/24")
/// office.contains("203.0.113.9")         // true
/// office.contains("::ffff:203.0.113.9")  // true
/// ```
struct CIDR: Sendable, Equatable, CustomStringConvertible {
    /// The text it was parsed from.
    var text: String
    /// The prefix length in its family: 0...32 for IPv4, 0...128 for IPv6.
    let prefixLength: Int
    let isIPv4: Bool
    /// True when the text set bits below the prefix (which were cleared).
    let hasHostBits: Bool
    // Network and mask over the 128-bit form (IPv4 as IPv4-mapped), precomputed for `contains`.
    private let networkHigh: UInt64, networkLow: UInt64
    private let maskHigh: UInt64, maskLow: UInt64

    /// Why a text is not a CIDR; the description is a sentence fragment for error messages.
    enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case invalidAddress
        case invalidPrefix
        case prefixTooLong(maximum: Int)

        var description: String {
            switch self {
            case .invalidAddress: "not an IPv4 or IPv6 address"
            case .invalidPrefix: "the prefix length after \"/\" is not a number"
            case .prefixTooLong(let maximum): "the prefix length is over \(maximum)"
            }
        }
    }

    /// Parses `ADDRESS` or `ADDRESS/PREFIX`; the prefix is decimal without sign or leading zeros.
    init(parsing text: String) throws(ParseError) {
        let addressText: Substring
        var prefix: Int?
        if let slash = text.firstIndex(of: "/") {
            addressText = text[..<slash]
            let digits = text.utf8[text.utf8.index(after: slash)...]
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  digits.count == 1 || digits.first != UInt8(ascii: "0") else { throw .invalidPrefix }
            prefix = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        } else {
            addressText = text[...]
        }
        guard let address = IPAddress(addressText) else { throw .invalidAddress }

        // A v6 text naming the mapped space with a prefix of at least 96 is an IPv4 network.
        let writtenAsIPv6 = addressText.contains(":")
        let maximum = writtenAsIPv6 ? 128 : 32
        let length = prefix ?? maximum
        guard length <= maximum else { throw .prefixTooLong(maximum: maximum) }
        let ipv4 = address.isIPv4 && (!writtenAsIPv6 || length >= 96)
        let length128 = writtenAsIPv6 ? length : length + 96

        let maskHigh: UInt64 = length128 >= 64 ? .max : (length128 == 0 ? 0 : .max << (64 - length128))
        let maskLow: UInt64 = length128 <= 64 ? 0 : (length128 == 128 ? .max : .max << (128 - length128))
        self.text = text
        self.isIPv4 = ipv4
        self.prefixLength = ipv4 ? length128 - 96 : length128
        self.maskHigh = maskHigh
        self.maskLow = maskLow
        self.networkHigh = address.high & maskHigh
        self.networkLow = address.low & maskLow
        self.hasHostBits = address.high & ~maskHigh != 0 || address.low & ~maskLow != 0
    }

    /// Whether `address` is in this network (always false across families).
    func contains(_ address: IPAddress) -> Bool {
        address.isIPv4 == isIPv4 && matchesBits(address)
    }

    func matchesBits(_ address: IPAddress) -> Bool {
        address.high & maskHigh == networkHigh && address.low & maskLow == networkLow
    }

    /// Whether the address written in `addressText` is in this network; false when it is not
    /// an address. Parse once with ``IPAddress`` where the same address is matched many times.
    func contains(_ addressText: some StringProtocol) -> Bool {
        guard let address = IPAddress(addressText) else { return false }
        return contains(address)
    }

    /// The network in canonical form: `10.0.0.0/8`, `2001:db8::/32`.
    var description: String {
        let network = IPAddress(high: networkHigh, low: networkLow)
        return "\(network)/\(prefixLength)"
    }

    static func == (lhs: CIDR, rhs: CIDR) -> Bool {
        lhs.isIPv4 == rhs.isIPv4 && lhs.prefixLength == rhs.prefixLength
            && lhs.networkHigh == rhs.networkHigh && lhs.networkLow == rhs.networkLow
    }
}

extension Array where Element == CIDR {
    /// Whether any network in the list holds `address`.
    func containsAddress(_ address: IPAddress) -> Bool {
        for network in self where network.contains(address) { return true }
        return false
    }
}
