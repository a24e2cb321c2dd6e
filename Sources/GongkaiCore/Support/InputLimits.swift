/// The bounds every reader, the checker and the clocks hold input to, so that no file or form — however hostile —
/// can crash a run, hang it or exhaust memory. Each bound is refused with a message that names it
/// (`InputLimits.Name.description`), never silently truncated.
///
/// The defaults are far above anything a real annual report, register export or application holds (the largest
/// real report seen is under 2 MB; the largest cell a few hundred million); `docs/LIMITS.md` lists them with
/// their reasons, and the CLI and the server read overrides from `GONGKAI_LIMIT_*`.
///
/// ```swift
/// InputLimits.standard.maxCellValue          // 999_999_999_999_999
/// InputLimits.standard.allows(cellUnits: 10) // true
/// ```
public struct InputLimits: Sendable, Equatable {
    /// Largest input file, in bytes (a report, a CSV, a backup's JSON form): 32 MiB.
    public var maxFileBytes: Int
    /// Largest total of decompressed bytes read from one DOCX (all parts together): 64 MiB.
    public var maxDecompressedBytes: Int
    /// Most entries a DOCX/ZIP archive may list: 4,096.
    public var maxArchiveEntries: Int
    /// Deepest nesting of elements in HTML or DOCX XML that a reader follows: 512.
    public var maxNestingDepth: Int
    /// Largest magnitude a cell's number may have, as its digits without the decimal point (its `units`):
    /// 15 digits, so that the sum of any table (at most a few thousand cells) cannot overflow a 64-bit integer.
    public var maxCellValue: Int64
    /// Most decimal places a cell's number may have: 6.
    public var maxCellScale: Int
    /// Longest line of a text input, in bytes: 1 MiB (a whole report run together on one line still fits).
    public var maxLineBytes: Int
    /// Widest a table row may be, in columns (DOCX `gridSpan`/`gridBefore`, HTML `colspan`): 64.
    public var maxTableColumns: Int

    public init(
        maxFileBytes: Int = 32 << 20,
        maxDecompressedBytes: Int = 64 << 20,
        maxArchiveEntries: Int = 4_096,
        maxNestingDepth: Int = 512,
        maxCellValue: Int64 = 999_999_999_999_999,
        maxCellScale: Int = 6,
        maxLineBytes: Int = 1 << 20,
        maxTableColumns: Int = 64
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxArchiveEntries = maxArchiveEntries
        self.maxNestingDepth = maxNestingDepth
        self.maxCellValue = maxCellValue
        self.maxCellScale = maxCellScale
        self.maxLineBytes = maxLineBytes
        self.maxTableColumns = maxTableColumns
    }

    /// The defaults described above.
    public static let standard = InputLimits()

    /// Whether a cell number of `units` (digits without the point) at `scale` decimal places is within bounds.
    public func allows(cellUnits units: Int64, scale: Int = 0) -> Bool {
        units.magnitude <= maxCellValue.magnitude && scale >= 0 && scale <= maxCellScale
    }

    /// The names of the limits, as messages and configuration keys use them.
    public enum Name: String, Sendable, CaseIterable, CustomStringConvertible {
        case maxFileBytes, maxDecompressedBytes, maxArchiveEntries, maxNestingDepth
        case maxCellValue, maxCellScale, maxLineBytes, maxTableColumns

        /// The environment variable that overrides the limit (`GONGKAI_LIMIT_MAX_FILE_BYTES`).
        public var environmentKey: String {
            var out = "GONGKAI_LIMIT_"
            for ch in rawValue {
                if ch.isUppercase { out.append("_") }
                out.append(contentsOf: ch.uppercased())
            }
            return out
        }

        /// The limit in Chinese, for messages: 「文件大小上限」.
        public var description: String {
            switch self {
            case .maxFileBytes: return "文件大小上限"
            case .maxDecompressedBytes: return "DOCX 解压后总大小上限"
            case .maxArchiveEntries: return "压缩包条目数上限"
            case .maxNestingDepth: return "元素嵌套层数上限"
            case .maxCellValue: return "单元格数值上限"
            case .maxCellScale: return "单元格小数位数上限"
            case .maxLineBytes: return "单行长度上限"
            case .maxTableColumns: return "表格列数上限"
            }
        }
    }

    /// The value of a limit by name.
    public subscript(name: Name) -> Int64 {
        get {
            switch name {
            case .maxFileBytes: return Int64(maxFileBytes)
            case .maxDecompressedBytes: return Int64(maxDecompressedBytes)
            case .maxArchiveEntries: return Int64(maxArchiveEntries)
            case .maxNestingDepth: return Int64(maxNestingDepth)
            case .maxCellValue: return maxCellValue
            case .maxCellScale: return Int64(maxCellScale)
            case .maxLineBytes: return Int64(maxLineBytes)
            case .maxTableColumns: return Int64(maxTableColumns)
            }
        }
        set {
            switch name {
            case .maxFileBytes: maxFileBytes = Int(newValue)
            case .maxDecompressedBytes: maxDecompressedBytes = Int(newValue)
            case .maxArchiveEntries: maxArchiveEntries = Int(newValue)
            case .maxNestingDepth: maxNestingDepth = Int(newValue)
            case .maxCellValue: maxCellValue = newValue
            case .maxCellScale: maxCellScale = Int(newValue)
            case .maxLineBytes: maxLineBytes = Int(newValue)
            case .maxTableColumns: maxTableColumns = Int(newValue)
            }
        }
    }
}

/// An input went past one of the `InputLimits`: which limit, its value, and where.
public struct LimitExceeded: Error, Equatable, Sendable, CustomStringConvertible {
    public var limit: InputLimits.Name
    public var allowed: Int64
    public var found: Int64?
    /// Where: a file name, with a line or part where known (`report.docx word/document.xml`).
    public var place: String

    public init(limit: InputLimits.Name, allowed: Int64, found: Int64? = nil, place: String) {
        self.limit = limit
        self.allowed = allowed
        self.found = found
        self.place = place
    }

    public var description: String {
        let foundText = found.map { "，实为 \($0)" } ?? ""
        return "\(place)：超过\(limit)（\(allowed)\(foundText)；可用环境变量 \(limit.environmentKey) 调整）"
    }
}
