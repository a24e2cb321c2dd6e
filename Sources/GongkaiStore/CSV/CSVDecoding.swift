import Foundation
import GongkaiCore

/// Decides a CSV file's encoding from the whole file, never from a guess at its start:
///
/// 1. UTF-8 (a byte-order mark is allowed) when every byte of the file is valid UTF-8;
/// 2. otherwise, a file that is UTF-8 up to a last character cut in the middle, or that holds at least
///    `utf8Evidence` valid multi-byte UTF-8 characters before its first bad byte, is damaged UTF-8 and refused
///    (read as GB18030 it would become mojibake: 张三 → 寮犱笁);
/// 3. otherwise GB18030 (as Excel saves CSV in China) when the whole file is valid GB18030 and reads as Chinese
///    text — at least one character from the GB2312 area (lead and trail bytes A1–FE); a Latin-1 file
///    (`Müller`, `café`) is refused, since its accented letters pair with ASCII letters into rare GBK characters;
/// 4. otherwise refused, naming the line and byte of the first sequence valid in neither.
///
/// ```swift
/// try CSVDecoding.decode(Data("张三\n".utf8))                  // "张三\n"
/// try CSVDecoding.decode(Data([0xE5, 0xBC, 0xA0, 0xE4, 0xB8])) // throws CSVError.truncatedUTF8(line: 1, byte: 4)
/// ```
enum CSVDecoding {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    /// Valid multi-byte UTF-8 characters before the first bad byte that make a file UTF-8 with a damaged byte
    /// (a GBK file passes for UTF-8 one character in ten at most, so eight in a row is not chance).
    static let utf8Evidence = 8

    static func decode(_ data: Data, limits: InputLimits = .standard) throws -> String {
        guard data.count <= limits.maxFileBytes else {
            throw CSVError.limit(
                LimitExceeded(
                    limit: .maxFileBytes, allowed: Int64(limits.maxFileBytes), found: Int64(data.count),
                    place: "CSV 文件"))
        }
        let bytes = [UInt8](data)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let utf8 = scanUTF8(bytes, from: start)
        guard let bad = utf8.firstInvalid else {
            return String(decoding: bytes[start...], as: UTF8.self)
        }
        if utf8.truncatedAtEnd {
            throw CSVError.truncatedUTF8(line: line(of: bad, in: bytes), byte: bad + 1)
        }
        if utf8.multiByteBefore >= utf8Evidence || start == 3 {
            throw CSVError.damagedUTF8(line: line(of: bad, in: bytes), byte: bad + 1, bytes: hex(bytes, at: bad))
        }
        let gb = scanGB18030(bytes)
        if let gbBad = gb.firstInvalid {
            let first = min(bad, gbBad)
            throw CSVError.invalidEncoding(
                line: line(of: first, in: bytes), byte: first + 1, bytes: hex(bytes, at: first))
        }
        guard gb.gb2312Characters > 0, let text = String(data: data, encoding: gb18030) else {
            throw CSVError.notChineseText(line: line(of: bad, in: bytes), byte: bad + 1, bytes: hex(bytes, at: bad))
        }
        return text
    }

    struct UTF8Scan {
        var firstInvalid: Int?
        /// The bytes from `firstInvalid` to the end are the start of one valid character, cut off.
        var truncatedAtEnd = false
        var multiByteBefore = 0
    }

    /// Validates UTF-8 as the standard defines it (no overlongs, no surrogates, nothing above U+10FFFF).
    static func scanUTF8(_ b: [UInt8], from start: Int) -> UTF8Scan {
        var scan = UTF8Scan()
        var i = start
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let (length, low, high): (Int, UInt8, UInt8) =
                switch lead {
                case 0xC2...0xDF: (2, 0x80, 0xBF)
                case 0xE0: (3, 0xA0, 0xBF)
                case 0xED: (3, 0x80, 0x9F)
                case 0xE1...0xEF: (3, 0x80, 0xBF)
                case 0xF0: (4, 0x90, 0xBF)
                case 0xF1...0xF3: (4, 0x80, 0xBF)
                case 0xF4: (4, 0x80, 0x8F)
                default: (0, 0, 0)
                }
            var valid = length > 0
            var k = 1
            while valid, k < length, i + k < b.count {
                let range: ClosedRange<UInt8> = k == 1 ? low...high : 0x80...0xBF
                valid = range.contains(b[i + k])
                k += 1
            }
            if valid && i + length <= b.count {
                scan.multiByteBefore += 1
                i += length
                continue
            }
            scan.firstInvalid = i
            scan.truncatedAtEnd = valid && i + length > b.count
            return scan
        }
        return scan
    }

    struct GBScan {
        var firstInvalid: Int?
        var gb2312Characters = 0
    }

    /// Validates GB18030's byte structure: ASCII; two bytes (81–FE, then 40–7E or 80–FE); four bytes
    /// (81–FE, 30–39, 81–FE, 30–39).
    static func scanGB18030(_ b: [UInt8]) -> GBScan {
        var scan = GBScan()
        var i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            guard (0x81...0xFE).contains(lead), i + 1 < b.count else {
                scan.firstInvalid = i
                return scan
            }
            let trail = b[i + 1]
            if (0x40...0x7E).contains(trail) || (0x80...0xFE).contains(trail) {
                if (0xA1...0xF7).contains(lead) && (0xA1...0xFE).contains(trail) { scan.gb2312Characters += 1 }
                i += 2
            } else if (0x30...0x39).contains(trail), i + 3 < b.count, (0x81...0xFE).contains(b[i + 2]),
                (0x30...0x39).contains(b[i + 3])
            {
                i += 4
            } else {
                scan.firstInvalid = i
                return scan
            }
        }
        return scan
    }

    /// The 1-based line holding byte `offset`.
    static func line(of offset: Int, in b: [UInt8]) -> Int {
        1 + b[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Up to four bytes from `offset`, in hex, for messages.
    static func hex(_ b: [UInt8], at offset: Int) -> String {
        b[offset..<min(offset + 4, b.count)].map { String(format: "%02X", $0) }.joined(separator: " ")
    }
}
