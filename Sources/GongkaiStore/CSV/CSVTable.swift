import Foundation

/// RFC 4180 CSV: a header line, then records; quoted fields may hold commas, quotes ("") and line breaks.
/// A UTF-8 byte-order mark is skipped; GB18030 files (as Excel saves them in China) are decoded too.
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

    /// Decodes a file's bytes: UTF-8 (with or without BOM), else GB18030.
    public static func decode(_ data: Data) throws -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let s = String(data: bytes, encoding: .utf8) { return s }
        if let s = String(data: bytes, encoding: String.Encoding(rawValue: 0x8000_0632)) { return s }
        throw CSVError.encoding
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
            default: field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw CSVError.unterminatedQuote(line: startLine) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Record(line: startLine, fields: fields))
        }
        return rows
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
    case encoding
    case unterminatedQuote(line: Int)
    case missingColumns([String])
    case unknownColumns([String])

    public var description: String {
        switch self {
        case .empty: return "文件为空（至少要有表头行）"
        case .encoding: return "文件编码无法识别（请存为 UTF-8 或 GB18030）"
        case .unterminatedQuote(let line): return "第\(line)行起的引号没有闭合"
        case .missingColumns(let c): return "表头缺少列：\(c.joined(separator: "、"))"
        case .unknownColumns(let c): return "表头有未知列：\(c.joined(separator: "、"))"
        }
    }
}
