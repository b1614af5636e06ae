#if canImport(Glibc)
import Glibc
#endif

/// Whether this test binary was built with a sanitizer (`swift test --sanitize=...`), read from
/// the runtime's symbols. Memory figures mean nothing then: ASan adds redzones and holds freed
/// blocks in quarantine, TSan adds shadow memory.
enum Sanitizers {
    static let address = dlsym(nil, "__asan_init") != nil
    static let thread = dlsym(nil, "__tsan_init") != nil

    /// The name of the active sanitizer, or nil.
    static var active: String? { address ? "AddressSanitizer" : thread ? "ThreadSanitizer" : nil }
}
