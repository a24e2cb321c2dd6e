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
    public static func utf8Bytes(of data: Data, source: String) throws(ReportReadError) -> [UInt8] {
        var bytes = [UInt8](data)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        if isValidUTF8(bytes) { return bytes }
        var body = data
        if data.count >= 4, data.starts(with: [0x84, 0x31, 0x95, 0x33]) { body = data.dropFirst(4) }
        guard let text = String(data: body, encoding: gb18030) else {
            throw .undecodable(file: source)
        }
        return Array(text.utf8)
    }

    /// The report text as a String (UTF-8, else GB18030).
    public static func decode(_ data: Data, source: String) throws(ReportReadError) -> String {
        String(decoding: try utf8Bytes(of: data, source: source), as: UTF8.self)
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates), in one pass.
    static func isValidUTF8(_ b: [UInt8]) -> Bool {
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
            default: return false
            }
            guard i + len <= n else { return false }
            guard b[i + 1] >= lower, b[i + 1] <= upper else { return false }
            var k = 2
            while k < len {
                guard b[i + k] >= 0x80, b[i + k] <= 0xBF else { return false }
                k += 1
            }
            i += len
        }
        return true
    }
}
