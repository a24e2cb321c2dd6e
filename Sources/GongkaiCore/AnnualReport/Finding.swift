/// How serious a finding is: an error breaks a strict identity of the format; a warning asks for a look.
public enum Severity: String, Codable, Hashable, Sendable, Comparable {
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// Where in a report a finding points: section (1–6), row, column, and for read problems the source line.
public struct ReportLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var section: Int?
    public var row: String?
    public var column: String?
    public var line: Int?

    public init(section: Int? = nil, row: String? = nil, column: String? = nil, line: Int? = nil) {
        self.section = section
        self.row = row
        self.column = column
        self.line = line
    }

    public var description: String {
        var parts: [String] = []
        if let line { parts.append("第\(line)行") }
        if let section { parts.append("第\(["", "一", "二", "三", "四", "五", "六"][min(section, 6)])部分") }
        if let row { parts.append(row) }
        if let column { parts.append("「\(column)」列") }
        return parts.joined(separator: " ")
    }
}

/// One result of checking or reading a report: a stable rule id, a severity, where, and a message in Chinese.
///
/// `readDoubt` is set on a checker finding whose cells were read with doubt (an ambiguous digit split, a line
/// the reader could not place, a row it could not find): the finding may come from the reading, not from the
/// report itself, and says so. It stays an error for the exit status — an unverified table is not a pass — but
/// is never worded as the report's own arithmetic error. In JSON it is an extra field, absent when not in doubt.
///
/// ```swift
/// Finding(rule: "III.balance", severity: .error, location: .init(section: 3, column: "总计"),
///         message: "一＋二应等于三（七）＋四：应为 21，实为 20", expected: "21", found: "20")
/// ```
public struct Finding: Hashable, Sendable, Codable, CustomStringConvertible {
    public var rule: String
    public var severity: Severity
    public var location: ReportLocation
    public var message: String
    public var expected: String?
    public var found: String?
    /// Why the cells this finding is about may have been misread (the reading findings it rests on); nil when
    /// they were read without doubt.
    public var readDoubt: String?

    public init(
        rule: String, severity: Severity, location: ReportLocation, message: String,
        expected: String? = nil, found: String? = nil, readDoubt: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.expected = expected
        self.found = found
        self.readDoubt = readDoubt
    }

    public var description: String {
        let level = severity == .error ? "错误" : "提示"
        let loc = location.description
        let doubt = readDoubt.map { "（读取存疑，可能源于读取而非报告本身：\($0)）" } ?? ""
        return "[\(level) \(rule)] " + (loc.isEmpty ? "" : loc + "：") + message + doubt
    }
}
