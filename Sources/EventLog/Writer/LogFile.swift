import Glibc
import CEpoll
import System

/// One open append-only file descriptor and the few calls the writer makes on it.
/// Every call goes through `Syscall` (EINTR retried) and fails as a `StorageError` carrying errno.
/// Used from the writer thread only.
struct LogFile {
    let fd: Int32

    /// Opens `path` for appending, creating it (mode 0644) when missing. A file this call
    /// created has its directory synced, so the new name survives a crash along with its lines.
    static func open(path: String) throws(StorageError) -> LogFile {
        let flags = O_WRONLY | O_APPEND | O_CLOEXEC
        // O_EXCL tells us whether we created the file. EEXIST means it appeared meanwhile:
        // open it again. A dangling symlink answers ENOENT then EEXIST forever, so after a
        // few rounds plain O_CREAT (through the link) decides.
        for round in 0..<4 {
            let fd = retryingOpen(path, flags)
            if fd >= 0 { return LogFile(fd: fd) }
            guard errno == ENOENT else { throw .failed("open", errno: errno) }
            let exclusive = round < 3 ? O_EXCL : 0
            let created = retryingOpen(path, flags | O_CREAT | exclusive, mode: 0o644)
            if created >= 0 {
                do {
                    try syncDirectory(of: path)
                } catch {
                    Syscall.close(created)
                    throw error
                }
                return LogFile(fd: created)
            }
            guard errno == EEXIST else { throw .failed("open", errno: errno) }
        }
        throw .failed("open", errno: EEXIST)
    }

    /// `open` retried on `EINTR`; -1 with `errno` set otherwise, for the caller to tell
    /// ENOENT and EEXIST from failures.
    private static func retryingOpen(_ path: String, _ flags: Int32, mode: mode_t = 0) -> Int32 {
        do {
            return try Syscall.blocking("open") { Glibc.open(path, flags, mode) }
        } catch {
            errno = error.errno
            return -1
        }
    }

    /// `fsync` on the folder holding `path`, making a newly created name durable.
    static func syncDirectory(of path: String) throws(StorageError) {
        let dir = directoryName(of: path)
        let fd: Int32
        do { fd = try Syscall.blocking("open") { Glibc.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } }
        catch { throw StorageError(error) }
        defer { Syscall.close(fd) }
        do {
            try Syscall.blocking("fsync") { fsync(fd) }
        } catch {
            // Some file systems cannot sync a directory; that is not a storage failure.
            if error.errno == EINVAL || error.errno == EROFS { return }
            throw StorageError(error)
        }
    }

    /// `dirname(3)` without touching the string in place.
    static func directoryName(of path: String) -> String {
        let bytes = Array(path.utf8)
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == 0 { return "/" }
        return String(decoding: bytes[..<slash], as: UTF8.self)
    }

    /// False when `path` now names another file than the one open here: logrotate renamed
    /// ours and created a new one. True when the path is gone or cannot be looked at (a
    /// rename without a new file yet): the lines then keep going where they went, and the
    /// `SIGHUP` after the rotation reopens. Same device and inode is what "the same" means.
    func isStillNamed(by path: String) -> Bool {
        var named = stat(), opened = stat()
        guard stat(path, &named) == 0, fstat(fd, &opened) == 0 else { return true }
        return named.st_dev == opened.st_dev && named.st_ino == opened.st_ino
    }

    /// The current end of the file: the size before the next append.
    func endOffset() throws(StorageError) -> off_t {
        do { return try Syscall.blocking("lseek") { lseek(fd, 0, SEEK_END) } }
        catch { throw StorageError(error) }
    }

    /// Writes all of `bytes`, looping on short writes and `EINTR`. `written` counts the bytes
    /// that reached the file, so a failure can be cut back without knowing where it started.
    func writeAll(_ bytes: UnsafeRawBufferPointer, written: inout Int) throws(StorageError) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n: Int
            do { n = try Syscall.blocking("write") { write(fd, next, left) } }
            catch { throw StorageError(error) }
            // A regular file never returns 0 for a non-empty write; do not spin on it.
            guard n > 0 else { throw .failed("write", errno: EIO) }
            written += n
            next += n
            left -= n
        }
    }

    /// As `writeAll(_:written:)`, for callers that do not need the count.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(StorageError) {
        var written = 0
        try writeAll(bytes, written: &written)
    }

    /// Removes the last `count` bytes: the part of a failed batch that reached the file.
    /// Only the writer appends, so the end is where that batch's bytes end.
    func cutTail(_ count: Int) throws(StorageError) {
        guard count > 0 else { return }
        try truncate(to: max(try endOffset() - off_t(count), 0))
    }

    /// Reserves `count` bytes past the end without changing the file's size: `ENOSPC` while
    /// the disk is still full. `EOPNOTSUPP` where the file system cannot.
    func reserve(_ count: Int) throws(StorageError) {
        let end = try endOffset()
        do { try Syscall.blocking("fallocate") { cepoll_reserve(fd, Int64(end), Int64(count)) } }
        catch { throw StorageError(error) }
    }

    func dataSync() throws(StorageError) {
        do { try Syscall.blocking("fdatasync") { fdatasync(fd) } }
        catch { throw StorageError(error) }
    }

    func truncate(to size: off_t) throws(StorageError) {
        do { try Syscall.blocking("ftruncate") { ftruncate(fd, size) } }
        catch { throw StorageError(error) }
    }

    /// Closes once; `close` is never retried on `EINTR` (the descriptor is gone either way).
    func close() {
        Syscall.close(fd)
    }
}
