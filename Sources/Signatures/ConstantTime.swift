/// Comparisons whose time does not depend on where two secrets differ, so a sender of forged
/// signatures learns nothing from how fast it is refused (vendors.md, "Signatures").
///
/// ```swift
/// ConstantTime.equals(expected, presented)     // false for different lengths, at once
/// ```
public enum ConstantTime {
    /// True if `a` and `b` hold the same bytes. The length is not secret: different lengths
    /// return at once; equal lengths always read every byte.
    @inlinable
    public static func equals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
