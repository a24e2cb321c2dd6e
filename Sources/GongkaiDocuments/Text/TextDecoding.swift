import Foundation

/// Turns report file bytes into text: UTF-8 first (a BOM is tolerated), then GB18030 (a superset of GBK and
/// GB2312, which older government sites still publish in).
///
/// See the architecture notes ("GBK/GB18030 decode on Linux"); `String.Encoding(rawValue: 0x8000_0632)` is
/// CoreFoundation's `kCFStringEncodingGB_18030_2000` bridged to Foundation.
///
/// ```swift
/// let bytes = try TextDecoding.utf8Bytes(of: data, source: "report.txt")
/// ```
public enum TextDecoding {
    /// GB18030, as Foundation names it on Linux and Darwin.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The report text as UTF-8 bytes, without a leading BOM.
    /// - Throws: `ReportReadError.undecodable` when the bytes are neither UTF-8 nor GB18030.
    /// - Throws: `ReportReadError.damagedText` for a NUL byte (where it is) or UTF-8 cut inside its last
    ///   character; `.undecodable` when the bytes are neither UTF-8 nor GB18030.
    public static func utf8Bytes(of data: Data, source: String) throws(ReportReadError) -> [UInt8] {
        var bytes = [UInt8](data)
        var bom = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
            bom = 3
        }
        if let nul = TextBytes.index(of: 0, in: bytes, from: 0, to: bytes.count) {
            throw damage(data, at: bom + nul, source, "有 NUL 字节（0x00）：这不是纯文本（也许是 UTF-16 或二进制文件），或文件已损坏")
        }
        guard let bad = firstInvalidUTF8(bytes) else { return bytes }
        if bad.truncated, firstInvalidUTF8(Array(bytes[..<bad.offset])) == nil {
            throw damage(data, at: bom + bad.offset, source, "文件在最后一个字符中间被截断（UTF-8 字符不完整）")
        }
        var body = data
        if data.count >= 4, data.starts(with: [0x84, 0x31, 0x95, 0x33]) { body = data.dropFirst(4) }
        guard let text = String(data: body, encoding: gb18030) else {
            if body.count > 1, String(data: body.dropLast(), encoding: gb18030) != nil {
                throw damage(data, at: data.count - 1, source, "文件在最后一个字符中间被截断（GB18030 字符不完整）")
            }
            throw .undecodable(file: source)
        }
        return Array(text.utf8)
    }

    /// `damagedText` at byte `offset` of `data`, with its line (LF, CR LF or lone CR ends a line).
    private static func damage(_ data: Data, at offset: Int, _ source: String, _ reason: String) -> ReportReadError {
        var line = 1
        var i = data.startIndex
        let end = data.index(data.startIndex, offsetBy: offset)
        while i < end {
            let c = data[i]
            if c == 0x0A || c == 0x0D && (data.index(after: i) >= data.endIndex || data[data.index(after: i)] != 0x0A) {
                line += 1
            }
            i = data.index(after: i)
        }
        return .damagedText(file: source, line: line, byte: offset, reason: reason)
    }

    /// The report text as a String (UTF-8, else GB18030).
    public static func decode(_ data: Data, source: String) throws(ReportReadError) -> String {
        String(decoding: try utf8Bytes(of: data, source: source), as: UTF8.self)
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates), in one pass.
    static func isValidUTF8(_ b: [UInt8]) -> Bool { firstInvalidUTF8(b) == nil }

    /// Where strict UTF-8 validation first fails, and whether it fails only because the bytes end inside a
    /// character that was valid so far.
    static func firstInvalidUTF8(_ b: [UInt8]) -> (offset: Int, truncated: Bool)? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let len: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; upper = 0x9F
            case 0xF0: len = 4; lower = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; upper = 0x8F
            default: return (i, false)
            }
            let available = min(len, n - i)  // less than `len` only when the bytes end inside this character
            guard available < 2 || (b[i + 1] >= lower && b[i + 1] <= upper) else { return (i, false) }
            var k = 2
            while k < available {
                guard b[i + k] >= 0x80, b[i + k] <= 0xBF else { return (i, false) }
                k += 1
            }
            guard available == len else { return (i, true) }
            i += len
        }
        return nil
    }
}
