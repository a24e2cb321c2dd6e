/// 文书编号 — a letter's number in its agency's series for the year: 大应急公开〔2020〕第3号.
///
/// One series per agency and calendar year of issue, numbered from 1 without gaps: a number is given only when a
/// letter is issued, never to a draft, so a draft thrown away leaves no hole.
///
/// ```swift
/// LetterNumber(prefix: "大应急公开", year: 2020, sequence: 3).description // "大应急公开〔2020〕第3号"
/// ```
public struct LetterNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 机关代字 — the agency's letter prefix (e.g. 大应急公开).
    public var prefix: String
    public var year: Int
    public var sequence: Int

    public init(prefix: String, year: Int, sequence: Int) {
        self.prefix = prefix
        self.year = year
        self.sequence = sequence
    }

    public var description: String { "\(prefix)〔\(year)〕第\(sequence)号" }

    /// The prefix an agency starts with until it sets its own 代字: its name followed by 公开.
    public static func defaultPrefix(agencyName: String) -> String { agencyName + "公开" }
}
