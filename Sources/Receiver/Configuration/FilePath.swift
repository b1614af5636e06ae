import Glibc

/// Path text handling for the config's file names: lexical only, no file system lookups
/// (symlinks are left for the kernel, so `..` is kept as written).
enum FilePath {
    /// `path` if absolute, else joined to `base`; `.` segments and repeated `/` removed.
    static func resolve(_ path: String, against base: String) -> String {
        normalize(path.hasPrefix("/") ? path : base + "/" + path)
    }

    /// `path` made absolute against the working directory.
    static func absolute(_ path: String) -> String {
        resolve(path, against: currentDirectory())
    }

    /// The folder holding `path` (`/etc/callhook` for `/etc/callhook/config.json`).
    static func directory(of path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/"), slash != normalized.startIndex else { return "/" }
        return String(normalized[..<slash])
    }

    static func currentDirectory() -> String {
        guard let buffer = getcwd(nil, 0) else { return "." }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Why `path` cannot name a log file, or nil when it can.
    static func problem(with path: String) -> String? {
        if path.isEmpty { return "expected a file path, got an empty string" }
        if path.utf8.contains(0) { return "a file path cannot hold a NUL character" }
        if path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") || path == "." || path == ".." {
            return "expected a file path, got a folder: \(quoted(path))"
        }
        return nil
    }

    private static func normalize(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = segments.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
