/// Traps with a message when a property of a fuzz target does not hold, so libFuzzer reports
/// the input as a crash and saves it.
///
/// ```swift
/// FuzzCheck.require(whole == split, "split gives \(split), whole gives \(whole)")
/// ```
public enum FuzzCheck {
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #file, line: UInt = #line) {
        // fatalError, not precondition: its message is printed in release builds too.
        if !condition { fatalError(message(), file: file, line: line) }
    }
}
