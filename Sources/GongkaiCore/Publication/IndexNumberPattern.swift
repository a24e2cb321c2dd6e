import Foundation

/// 索引号编制规则 — how an agency numbers its catalogue: a pattern with placeholders, e.g.
/// `{机构代码}/{年份}-{流水号}` → `11110108MB0123456X/2020-00001`.
///
/// Placeholders: `{机构代码}` (the agency's code), `{年份}` (the year published), `{流水号}` (the serial of the
/// year, five digits), `{类别}` (the Art. 20 item, two digits). A pattern must hold `{年份}` and `{流水号}`: serials
/// restart each year, so the two together keep every number unique; a serial is never given twice.
///
/// ```swift
/// try IndexNumberPattern("{机构代码}/{年份}-{流水号}")
///     .indexNumber(agencyCode: "000014348", year: 2020, serial: 3, article20Item: 1) // "000014348/2020-00003"
/// ```
public struct IndexNumberPattern: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public static let placeholders = ["机构代码", "年份", "流水号", "类别"]
    /// The pattern most district catalogues use.
    public static let standard = try! IndexNumberPattern("{机构代码}/{年份}-{流水号}")

    /// Checks `text`: known placeholders only, `{年份}` and `{流水号}` present, at most 60 characters.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let names = trimmed.enclosed(by: "{", "}").map { String($0.inner) }
        if let unknown = names.first(where: { !Self.placeholders.contains($0) }) {
            throw IndexNumberPatternError(pattern: trimmed, reason: "不认识占位符 {\(unknown)}，可用：" + Self.placeholders.map { "{\($0)}" }.joined(separator: "、"))
        }
        for required in ["年份", "流水号"] where !names.contains(required) {
            throw IndexNumberPatternError(pattern: trimmed, reason: "必须含有 {\(required)}，索引号才不会重复")
        }
        guard trimmed.count <= 60 else { throw IndexNumberPatternError(pattern: trimmed, reason: "不能超过60个字符") }
        self.text = trimmed
    }

    public var description: String { text }

    /// The index number of serial `serial` (1…) of `year`.
    public func indexNumber(agencyCode: String, year: Int, serial: Int, article20Item: Int) -> String {
        var result = text
        let values = [
            "机构代码": agencyCode, "年份": String(year), "流水号": Self.padded(serial, 5), "类别": Self.padded(article20Item, 2),
        ]
        for (name, value) in values { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A pattern that cannot number a catalogue, and why.
public struct IndexNumberPatternError: Error, Hashable, Sendable, CustomStringConvertible {
    public var pattern: String
    public var reason: String
    public var description: String { "索引号规则“\(pattern)”\(reason)" }
}
