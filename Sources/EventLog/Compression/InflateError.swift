/// Why a gzip file or DEFLATE stream could not be read.
public enum InflateError: Error, Equatable, Sendable {
    /// The input ended inside a block, a header or a trailer.
    case truncated
    /// Not gzip: the first bytes are not 1f 8b, or the method is not 8 (RFC 1952 §2.3.1).
    case notGzip
    /// Block type 3, which RFC 1951 §3.2.3 reserves.
    case reservedBlockType
    /// A stored block whose LEN and NLEN are not each other's complement (RFC 1951 §3.2.4).
    case storedLengthMismatch
    /// A code length set that over-subscribes the code space, or a code not in the table.
    case badCode
    /// A back-reference to before the start of the output.
    case distanceTooFar
    /// The member's CRC-32 or ISIZE does not match what was inflated (RFC 1952 §2.3.1).
    case trailerMismatch
}
