import Glibc

/// A file opened for positional reads, for scanning a log backwards from its end.
struct ReadableFile {
    let fd: Int32
    let size: Int

    /// Opens `path`; nil when it does not exist (a log not yet written has no tail).
    static func open(path: String, writable: Bool = false) throws(StorageError) -> ReadableFile? {
        var fd: Int32
        repeat {
            fd = Glibc.open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC)
        } while fd < 0 && errno == EINTR
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .failed("open", errno: errno)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .failed("fstat", errno: code)
        }
        return ReadableFile(fd: fd, size: Int(info.st_size))
    }

    /// Reads `count` bytes at `offset`, looping on short reads and `EINTR`; fewer only at EOF.
    func read(at offset: Int, count: Int) throws(StorageError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n > 0 {
                    done += n
                } else if n == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if failure != 0 { throw .failed("pread", errno: failure) }
        if done < count { bytes.removeSubrange(done...) }
        return bytes
    }

    func close() {
        _ = Glibc.close(fd)
    }
}
