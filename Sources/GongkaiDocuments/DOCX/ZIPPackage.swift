import Foundation
import GongkaiCore
import ZIPFoundation

/// The parts of a ZIP archive (a DOCX package), read from bytes that are never trusted: the end-of-central-directory
/// record, every directory entry and every local header are checked to lie inside the data before anything is
/// decompressed; each part is decompressed with a running total held to `InputLimits.maxDecompressedBytes`, must
/// have the size its directory entry states, and must match its CRC-32. Every failure is a `ReportReadError` in
/// Chinese naming the file and the part (or a `LimitExceeded`), never Foundation's English or a trap.
///
/// ```swift
/// var package = try ZIPPackage(data: data, source: "report.docx", limits: .standard)
/// let document = try package.part("word/document.xml")   // Data, or nil when the archive has no such part
/// ```
struct ZIPPackage {
    struct Entry {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var size: Int
        var localOffset: Int
    }

    let source: String
    let limits: InputLimits
    private let bytes: [UInt8]
    /// Where the central directory starts: every part's data lies before it.
    private let directoryOffset: Int
    private(set) var entries: [Entry] = []
    /// Decompressed bytes read so far, from all parts together.
    private(set) var decompressed = 0

    init(data: Data, source: String, limits: InputLimits) throws {
        self.source = source
        self.limits = limits
        bytes = [UInt8](data)
        let end = try Self.endRecord(bytes, source: source)
        let count = Int(Self.u16(bytes, end + 10))
        let size = Int(Self.u32(bytes, end + 12))
        let offset = Int(Self.u32(bytes, end + 16))
        if count == 0xFFFF || offset == 0xFFFF_FFFF || Self.u16(bytes, end + 4) != 0 {
            throw Self.error(source, "使用了 ZIP64 或分卷格式，DOCX 不应如此")
        }
        if count > limits.maxArchiveEntries {
            throw LimitExceeded(
                limit: .maxArchiveEntries, allowed: Int64(limits.maxArchiveEntries), found: Int64(count), place: source)
        }
        guard offset + size <= end else { throw Self.error(source, "ZIP 中央目录的位置超出文件范围，文件已损坏") }
        directoryOffset = offset
        entries = try Self.directory(bytes, from: offset, to: offset + size, count: count, source: source)
    }

    /// The decompressed bytes of the part named `name`, or nil when the archive has none.
    mutating func part(_ name: String) throws -> Data? {
        guard let entry = entries.first(where: { $0.name == name }) else { return nil }
        if entry.flags & 1 != 0 { throw Self.error(source, "部件 \(name) 已加密，无法读取") }
        let remaining = limits.maxDecompressedBytes - decompressed
        if entry.size > remaining {
            throw LimitExceeded(
                limit: .maxDecompressedBytes, allowed: Int64(limits.maxDecompressedBytes),
                found: Int64(decompressed) + Int64(entry.size), place: "\(source) \(name)")
        }
        let start = try dataStart(of: entry)
        let stored = bytes[start..<(start + entry.compressedSize)]
        let out: Data
        let crc: UInt32
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else {
                throw Self.error(source, "部件 \(name) 的大小与 ZIP 目录所记不符，文件已损坏")
            }
            out = Data(stored)
            crc = out.crc32(checksum: 0)
        case 8: (out, crc) = try inflate(stored, entry: entry)
        default: throw Self.error(source, "部件 \(name) 使用了不支持的压缩方式（\(entry.method)）")
        }
        guard out.count == entry.size else {
            throw Self.error(source, "部件 \(name) 解压后为 \(out.count) 字节，ZIP 目录记为 \(entry.size) 字节，文件已损坏")
        }
        guard crc == entry.crc32 else { throw Self.error(source, "部件 \(name) 的 CRC-32 校验和不符，文件已损坏") }
        decompressed += out.count
        return out
    }

    /// Inflates a part, stopping as soon as it yields more than its directory entry states (which is already
    /// within the remaining decompressed-size budget), so a bomb costs at most its declared size.
    private func inflate(_ stored: ArraySlice<UInt8>, entry: Entry) throws -> (Data, UInt32) {
        let chunk = 64 << 10
        var out = Data()
        let corrupt = Self.error(source, "部件 \(entry.name) 的压缩数据已损坏或不完整")
        do {
            let crc = try Data.decompress(size: Int64(stored.count), bufferSize: chunk, skipCRC32: false) {
                position, size in
                // ZIPFoundation tells zlib that every chunk is `size` bytes long, so the last one is padded with
                // zeros (an invalid deflate block) rather than left short; past the end the stream is truncated.
                guard position < Int64(stored.count) else { throw corrupt }
                let from = stored.startIndex + Int(position)
                var data = Data(stored[from..<min(stored.endIndex, from + size)])
                if data.count < size { data.append(Data(count: size - data.count)) }
                return data
            } consumer: { data in
                out.append(data)
                guard out.count <= entry.size else {
                    throw Self.error(
                        source, "部件 \(entry.name) 解压后超过 ZIP 目录所记的 \(entry.size) 字节，文件已损坏")
                }
            }
            return (out, crc)
        } catch let error as ReportReadError {
            throw error
        } catch {
            throw corrupt
        }
    }

    /// Where a part's data starts, after its local header; checked to end before the central directory.
    private func dataStart(of entry: Entry) throws -> Int {
        let header = entry.localOffset
        guard header + 30 <= directoryOffset, Self.u32(bytes, header) == 0x0403_4B50 else {
            throw Self.error(source, "部件 \(entry.name) 的本地文件头无效，文件已损坏")
        }
        let start = header + 30 + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        guard start + entry.compressedSize <= directoryOffset else {
            throw Self.error(source, "部件 \(entry.name) 的数据超出文件范围，文件已损坏")
        }
        return start
    }

    /// The end-of-central-directory record: the last signature whose comment reaches exactly to the end.
    private static func endRecord(_ bytes: [UInt8], source: String) throws -> Int {
        guard bytes.count >= 22 else { throw error(source, "不是有效的 DOCX 文件（太短，不是 ZIP 压缩包）") }
        var at = bytes.count - 22
        let lowest = max(0, at - 0xFFFF)
        while at >= lowest {
            if u32(bytes, at) == 0x0605_4B50, at + 22 + Int(u16(bytes, at + 20)) == bytes.count { return at }
            at -= 1
        }
        throw error(source, "不是有效的 DOCX 文件（找不到 ZIP 目录结尾记录）")
    }

    /// The central directory's entries, each checked to lie inside the directory.
    private static func directory(_ bytes: [UInt8], from: Int, to end: Int, count: Int, source: String) throws
        -> [Entry]
    {
        var entries: [Entry] = []
        var at = from
        for index in 1..<(count + 1) {
            guard at + 46 <= end, u32(bytes, at) == 0x0201_4B50 else {
                throw error(source, "ZIP 中央目录第 \(index) 项无效，文件已损坏")
            }
            let nameLength = Int(u16(bytes, at + 28))
            let next = at + 46 + nameLength + Int(u16(bytes, at + 30)) + Int(u16(bytes, at + 32))
            guard next <= end else { throw error(source, "ZIP 中央目录第 \(index) 项超出目录范围，文件已损坏") }
            entries.append(
                Entry(
                    name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                    flags: u16(bytes, at + 8), method: u16(bytes, at + 10), crc32: u32(bytes, at + 16),
                    compressedSize: Int(u32(bytes, at + 20)), size: Int(u32(bytes, at + 24)),
                    localOffset: Int(u32(bytes, at + 42))))
            at = next
        }
        return entries
    }

    private static func u16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }

    private static func error(_ source: String, _ message: String) -> ReportReadError {
        .other(file: source, message: message)
    }
}
