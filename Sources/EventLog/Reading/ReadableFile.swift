import Glibc
import System

/// A file opened for positional reads, for scanning a log backwards from its end.
struct ReadableFile {
    let fd: Int32
    let size: Int

    /// Opens `path`; nil when it does not exist (a log not yet written has no tail).
    static func open(path: String, writable: Bool = false) throws(StorageError) -> ReadableFile? {
        let fd: Int32
        do {
            fd = try Syscall.blocking("open") { Glibc.open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC) }
        } catch {
            if error.errno == ENOENT { return nil }
            throw StorageError(error)
        }
        var info = stat()
        do {
            try Syscall.blocking("fstat") { fstat(fd, &info) }
        } catch {
            Syscall.close(fd)
            throw StorageError(error)
        }
        return ReadableFile(fd: fd, size: Int(info.st_size))
    }

    /// Reads `count` bytes at `offset`, looping on short reads and `EINTR`; fewer only at EOF.
    func read(at offset: Int, count: Int) throws(StorageError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        var failure: SystemCallError?
        bytes.withUnsafeMutableBytes { buffer in
            while done < count {
                do throws(SystemCallError) {
                    let n = try Syscall.blocking("pread") { pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done)) }
                    if n == 0 { break }
                    done += n
                } catch {
                    failure = error
                    break
                }
            }
        }
        if let failure { throw StorageError(failure) }
        if done < count { bytes.removeSubrange(done...) }
        return bytes
    }

    func close() {
        Syscall.close(fd)
    }
}
