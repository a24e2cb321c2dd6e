import Foundation
import GongkaiCore

/// RFC 4180 CSV: a header line, then records; quoted fields may hold commas, quotes ("") and line breaks.
/// A UTF-8 byte-order mark is skipped; GB18030 files (as Excel saves them in China) are decoded too
/// (`CSVDecoding` decides from the whole file). Control characters other than tab (and line breaks inside quotes)
/// are refused with their line and column: a NUL byte is never stored in a name.
///
/// ```swift
/// let t = try CSVTable(text: "a,b\n1,\"x,y\"\n")
/// t.records[0].fields // ["1", "x,y"]
/// ```
public struct CSVTable: Sendable {
    /// One data record and the 1-based line it starts on in the file.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var records: [Record]

    public init(text: String) throws {
        var rows = try Self.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard !rows.isEmpty else { throw CSVError.empty }
        header = rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        records = rows.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
    }

    /// Decodes a file's bytes: UTF-8 (with or without BOM) if the whole file is UTF-8, else GB18030 if the whole
    /// file is; files above `limits.maxFileBytes` and text valid in neither are refused (see `CSVDecoding`).
    public static func decode(_ data: Data, limits: InputLimits = .standard) throws -> String {
        try CSVDecoding.decode(data, limits: limits)
    }

    static func parse(_ text: String) throws -> [Record] {
        var rows: [Record] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var startLine = 1
        var afterQuote = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return it.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = n
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    try refuseControl(c, line: line, column: fields.count + 1, allowBreaks: true)
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: inQuotes = true
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r": continue
            case "\n":
                fields.append(field)
                rows.append(Record(line: startLine, fields: fields))
                field = ""
                fields = []
                afterQuote = false
                line += 1
                startLine = line
            default:
                try refuseControl(c, line: line, column: fields.count + 1, allowBreaks: false)
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw CSVError.unterminatedQuote(line: startLine) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Record(line: startLine, fields: fields))
        }
        return rows
    }

    /// Throws for a C0 or C1 control character or DEL; tab is allowed, and CR and LF inside quotes.
    static func refuseControl(_ c: Unicode.Scalar, line: Int, column: Int, allowBreaks: Bool) throws {
        let v = c.value
        guard v < 0x20 || (0x7F...0x9F).contains(v) else { return }
        if v == 0x09 || (allowBreaks && (v == 0x0A || v == 0x0D)) { return }
        throw CSVError.controlCharacter(line: line, column: column, scalar: v)
    }

    /// One CSV line for `fields`, quoting where needed.
    public static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }
}

/// Why a CSV file could not be read at all.
public enum CSVError: Error, Equatable, CustomStringConvertible {
    case empty
    /// The file is above `InputLimits.maxFileBytes`.
    case limit(LimitExceeded)
    /// UTF-8 up to a last character cut in the middle (a file cut short), at 1-based `byte`.
    case truncatedUTF8(line: Int, byte: Int)
    /// UTF-8 (a BOM, or many valid characters before) with a byte that is not.
    case damagedUTF8(line: Int, byte: Int, bytes: String)
    /// Neither UTF-8 nor GB18030.
    case invalidEncoding(line: Int, byte: Int, bytes: String)
    /// Valid GB18030 bytes that do not read as Chinese (a Latin-1 file).
    case notChineseText(line: Int, byte: Int, bytes: String)
    /// A control character (NUL, ESC, DEL …) in a field: line, 1-based column, the scalar.
    case controlCharacter(line: Int, column: Int, scalar: UInt32)
    case unterminatedQuote(line: Int)
    case missingColumns([String])
    case unknownColumns([String])

    public var description: String {
        switch self {
        case .empty: return "文件为空（至少要有表头行）"
        case .limit(let exceeded): return exceeded.description
        case .truncatedUTF8(let line, let byte):
            return "文件在第\(line)行（第 \(byte) 字节）被截断：最后一个字符的 UTF-8 编码不完整，请重新导出完整的文件"
        case .damagedUTF8(let line, let byte, let bytes):
            return "文件是 UTF-8 编码，但第\(line)行（第 \(byte) 字节）的字节 \(bytes) 不是有效的 UTF-8，文件可能已损坏"
        case .invalidEncoding(let line, let byte, let bytes):
            return "第\(line)行（第 \(byte) 字节）的字节 \(bytes) 既不是有效的 UTF-8 也不是有效的 GB18030，请把文件另存为 UTF-8"
        case .notChineseText(let line, let byte, let bytes):
            return "文件不是 UTF-8；第\(line)行（第 \(byte) 字节）起的字节 \(bytes) 按 GB18030 读不出中文，"
                + "文件可能是 Latin-1/Windows-1252 编码，请另存为 UTF-8"
        case .controlCharacter(let line, let column, let scalar):
            return "第\(line)行第\(column)个字段含控制字符 U+\(String(format: "%04X", scalar))\(scalar == 0 ? "（NUL）" : "")，"
                + "不能导入"
        case .unterminatedQuote(let line): return "第\(line)行起的引号没有闭合"
        case .missingColumns(let c): return "表头缺少列：\(c.joined(separator: "、"))"
        case .unknownColumns(let c): return "表头有未知列：\(c.joined(separator: "、"))"
        }
    }
}
