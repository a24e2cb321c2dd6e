import GongkaiCore

/// What a reader made of a report file: the report, and everything it noticed while reading
/// (blank cells, label variants, ambiguous splits, lines it could not place), each with its line number.
///
/// ```swift
/// let result = try TextReportReader.read(text, source: "seed.txt")
/// result.report.applications.table[.new, .total] // 21
/// ```
public struct ReadResult: Sendable {
    public var report: AnnualReport
    public var findings: [Finding]

    public init(report: AnnualReport, findings: [Finding] = []) {
        self.report = report
        self.findings = findings
    }
}

/// Why a report file could not be read at all; each case names the file and, where known, the line.
public enum ReportReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are neither UTF-8 nor GB18030.
    case undecodable(file: String)
    /// A section the report cannot do without (三 or 四) was not found.
    case missingSection(file: String, section: String)
    /// A table was found but could not be read; `line` is where it starts.
    case unreadableTable(file: String, section: String, line: Int, reason: String)
    /// The file type is not one Gongkai reads.
    case unsupportedType(file: String, type: String)
    /// A tool the reader needs (pdftotext, libreoffice) is not installed; `package` names the Debian package.
    case missingTool(tool: String, package: String)
    /// Anything else, with a message safe to show.
    case other(file: String, message: String)
    /// The input went past one of the `InputLimits` (the largest file, the longest line…).
    case limitExceeded(LimitExceeded)
    /// The bytes are not text as they stand: a NUL byte, or a file cut inside a character; `line` and `byte`
    /// (0-based offset in the file) say where.
    case damagedText(file: String, line: Int, byte: Int, reason: String)

    public var description: String {
        switch self {
        case .undecodable(let f): return "\(f)：无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）"
        case .missingSection(let f, let s): return "\(f)：找不到第\(s)部分"
        case .unreadableTable(let f, let s, let l, let r): return "\(f) 第\(l)行：第\(s)部分的表格无法读取：\(r)"
        case .unsupportedType(let f, let t): return "\(f)：不支持的文件类型「\(t)」"
        case .missingTool(let t, let p): return "需要 \(t)，但本机没有安装；请安装 Debian 软件包 \(p)（apt-get install \(p)）"
        case .other(let f, let m): return "\(f)：\(m)"
        case .limitExceeded(let e): return e.description
        case .damagedText(let f, let l, let b, let r): return "\(f) 第\(l)行（第 \(b) 字节）：\(r)"
        }
    }
}
