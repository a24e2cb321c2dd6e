import Foundation
import GongkaiCore

/// 年度报告文字表单 — the words of a report as the drafting page posts them: one text box per narrative part, a
/// line per paragraph. Sections 二–四's tables are not in it: they come from the registers.
public struct ReportTextForm: Sendable, Hashable {
    public var preamble: String
    public var overview: String
    public var problems: String
    public var otherMatters: String
    /// What an amendment changes and why (a published year only).
    public var amendmentNote: String?

    public init(preamble: String, overview: String, problems: String, otherMatters: String, amendmentNote: String? = nil) {
        (self.preamble, self.overview, self.problems, self.otherMatters) = (preamble, overview, problems, otherMatters)
        self.amendmentNote = amendmentNote
    }

    /// The longest a part may be, in characters (the seed's whole report has about 4,000).
    public static let maxCharacters = 20_000

    /// `text` with these words; every part too long is named at once.
    public func applied(to text: ReportText) throws -> ReportText {
        let parts = [("前言", "preamble", preamble), ("一、总体情况", "overview", overview), ("五、存在的主要问题及改进情况", "problems", problems),
                     ("六、其他需要报告的事项", "otherMatters", otherMatters), ("修订说明", "amendmentNote", amendmentNote ?? "")]
        let problems = parts.filter { $0.2.count > Self.maxCharacters }.map {
            IntakeError(field: $0.0, reason: "不能超过\(Self.maxCharacters)字（现有\($0.2.count)字）", key: $0.1, form: "年度报告")
        }
        guard problems.isEmpty else { throw IntakeProblems(problems: problems) }
        var t = text
        t.preamble = Self.lines(preamble)
        t.overview.text = Self.lines(overview)
        t.problems.text = Self.lines(self.problems)
        t.otherMatters.text = Self.lines(otherMatters)
        return t
    }

    /// The paragraphs of a text box: its lines without trailing blanks (an indent stays), blank lines dropped.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            guard let last = line.lastIndex(where: { !$0.isWhitespace }) else { return nil }
            return String(line[...last])
        }
    }
}
