#if canImport(Glibc)
import System
import Glibc
#endif

/// An IPv4 or IPv6 address with a port, as the socket calls take it.
///
/// ```swift
/// let address = try SocketAddress(host: "::1", port: 8080)
/// address.description   // "[::1]:8080"
/// ```
struct SocketAddress: CustomStringConvertible {
    private(set) var storage = sockaddr_storage()
    private(set) var length: socklen_t = 0

    /// Parses an IPv4 or IPv6 literal (brackets allowed), or `localhost` (taken as `127.0.0.1`);
    /// no name lookup.
    init(host: String, port: Int) throws(SystemCallError) {
        guard (0...65535).contains(port) else { throw SystemCallError(call: "port \(port)", errno: EINVAL) }
        var v4 = in_addr()
        var v6 = in6_addr()
        var name = host == "localhost" ? "127.0.0.1" : host
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if inet_pton(AF_INET, name, &v4) == 1 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr = v4
            self.init(address)
        } else if inet_pton(AF_INET6, name, &v6) == 1 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            address.sin6_addr = v6
            self.init(address)
        } else {
            throw SystemCallError(call: "host \"\(host)\" is not an IP address", errno: EINVAL)
        }
    }

    /// Wraps what `getsockname`, `getpeername` or `accept` filled in.
    init(storage: sockaddr_storage, length: socklen_t) {
        self.storage = storage
        self.length = length
    }

    private init<Address>(_ address: Address) {
        withUnsafeMutableBytes(of: &storage) { raw in
            withUnsafeBytes(of: address) { raw.copyMemory(from: $0) }
        }
        length = socklen_t(MemoryLayout<Address>.size)
    }

    var family: Int32 { Int32(storage.ss_family) }

    var port: Int {
        withUnsafeBytes(of: storage) { raw in
            // sin_port and sin6_port sit at the same offset, right after the family.
            Int(UInt16(bigEndian: raw.load(fromByteOffset: MemoryLayout<sa_family_t>.size, as: UInt16.self)))
        }
    }

    /// The address as text; an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) is shown as IPv4.
    var host: String {
        withUnsafeBytes(of: storage) { raw -> String in
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            if family == AF_INET {
                var address = raw.load(as: sockaddr_in.self).sin_addr
                inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
            } else {
                var address = raw.load(as: sockaddr_in6.self).sin6_addr
                let bytes = withUnsafeBytes(of: address) { Array($0) }
                if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                    var v4 = in_addr()
                    withUnsafeMutableBytes(of: &v4) { $0.copyBytes(from: bytes[12..<16]) }
                    inet_ntop(AF_INET, &v4, &text, socklen_t(text.count))
                } else {
                    inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
                }
            }
            return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
    }

    /// `HOST:PORT`, or `[V6]:PORT`.
    var description: String {
        let host = self.host
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Calls `body` with the address as the socket calls take it.
    func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws(SystemCallError) -> R) throws(SystemCallError) -> R {
        var copy = storage
        let length = self.length
        return try withUnsafePointer(to: &copy) { pointer throws(SystemCallError) -> R in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SystemCallError) -> R in
                try body(address, length)
            }
        }
    }
}
