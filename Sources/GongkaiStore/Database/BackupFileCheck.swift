import Foundation

/// Checks on a backup file made before anything is replaced, reading its bytes only (`gongkai restore`).
enum BackupFileCheck {
    /// An SQLite file: its 100-byte header says "SQLite format 3", and the file holds every page the header counts
    /// in whole pages (a backup cut short is refused before it is opened).
    static func sqliteHeader(_ file: String) throws {
        let header = try read(file, count: 100)
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw StoreError.backupFailed("\(file) 不是 SQLite 数据库备份（文件头不对\(header.isEmpty ? "：文件为空" : "")）")
        }
        let rawPageSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        // The page count in the header is valid when its version-valid-for number equals the change counter.
        let countValid = header[24..<28].elementsEqual(header[92..<96])
        let pages = countValid ? header[28..<32].reduce(0) { $0 << 8 | Int($1) } : 0
        let size = ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? Int) ?? 0
        guard pageSize >= 512, size % pageSize == 0, size >= pages * pageSize else {
            throw StoreError.backupFailed(
                "\(file) 不完整：\(size) 字节，应为 \(pages) 页 × \(pageSize) 字节 = \(pages * pageSize) 字节（文件被截断）")
        }
    }

    /// The file starts with `magic`.
    static func magic(_ file: String, _ magic: String, kind: String) throws {
        let bytes = try read(file, count: magic.utf8.count)
        guard bytes.elementsEqual(magic.utf8) else { throw StoreError.backupFailed("\(file) 不是 \(kind)（文件头不对）") }
    }

    static func read(_ file: String, count: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw StoreError.backupFailed("无法读取备份文件 \(file)")
        }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
    }

    /// Renames `staged` over `path` in one step. The old database's `-wal`/`-shm` are moved aside first and put
    /// back if the rename fails, so the database is either the old one, whole, or the backup.
    static func swap(_ staged: String, into path: String) throws {
        let token = UUID().uuidString
        var moved: [(live: String, aside: String)] = []
        func putBack() { for m in moved { _ = rename(m.aside, m.live) } }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            let entry = (live: path + suffix, aside: path + suffix + ".old-\(token)")
            guard rename(entry.live, entry.aside) == 0 else {
                putBack()
                throw StoreError.backupFailed("无法移开 \(entry.live)（错误码 \(errno)），数据库未改动")
            }
            moved.append(entry)
        }
        guard rename(staged, path) == 0 else {
            let code = errno
            putBack()
            throw StoreError.backupFailed("无法替换数据库文件 \(path)（错误码 \(code)），数据库未改动")
        }
        for m in moved { try? FileManager.default.removeItem(atPath: m.aside) }
    }
}
