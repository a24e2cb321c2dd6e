/// 文书 — one letter of an application: its kind, title, number once issued, addressee, body, signatory and date.
///
/// Drafted by `LetterDrafter` from the case and the event it answers; the officer completes it (every 【…】 is a
/// blank the draft could not fill, such as what a 补正 must supply) and it is issued only when no blank is left.
/// An issued letter never changes: a correction is a new letter that names the one it replaces.
///
/// ```swift
/// var letter = LetterDrafter.draft(for: c, eventIndex: 0, context: context, calendar: cal)!
/// letter.blanks           // [] when the draft is complete
/// letter.number = LetterNumber(prefix: "大应急公开", year: 2020, sequence: 3)
/// ```
public struct Letter: Hashable, Sendable, Codable {
    public var kind: LetterKind
    /// 标题 — the agency's name and the kind's title.
    public var title: String
    /// 文号 — given when the letter is issued.
    public var number: LetterNumber?
    /// 主送 — the applicant (or the party consulted), without the closing colon.
    public var addressee: String
    /// 正文 — one string per paragraph.
    public var paragraphs: [String]
    /// 落款 — the agency's name.
    public var signatory: String
    /// 成文日期 — the day of the event the letter answers.
    public var date: CivilDate
    /// The number of the letter this one corrects, with the reason (更正说明).
    public var replaces: LetterNumber?
    public var correctionReason: String?

    public init(
        kind: LetterKind, title: String, number: LetterNumber? = nil, addressee: String, paragraphs: [String],
        signatory: String, date: CivilDate, replaces: LetterNumber? = nil, correctionReason: String? = nil
    ) {
        self.kind = kind
        self.title = title
        self.number = number
        self.addressee = addressee
        self.paragraphs = paragraphs
        self.signatory = signatory
        self.date = date
        self.replaces = replaces
        self.correctionReason = correctionReason
    }

    /// The paragraph a correction carries at its end: 本文书更正并替代……
    public var correctionNote: String? {
        guard let replaces else { return nil }
        let why = correctionReason.map { "，更正原因：\($0)" } ?? ""
        return "本文书更正并替代\(replaces)\(why)。"
    }

    /// Every 【…】 still in the addressee or the body: the blanks the officer must fill before issuing.
    public var blanks: [String] { Self.blanks(in: [addressee] + paragraphs) }

    /// The 【…】 blanks in `texts`, in order.
    public static func blanks(in texts: [String]) -> [String] {
        texts.flatMap { text in text.enclosed(by: "【", "】").map { String(text[$0.range]) } }
    }

    /// The whole letter as plain text, paragraph by paragraph (for previews, tests and search).
    public var plainText: String {
        var lines = [title]
        if let number { lines.append(number.description) }
        lines.append(addressee + "：")
        lines += paragraphs
        if let note = correctionNote { lines.append(note) }
        lines += [signatory, date.chineseDate]
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Each stretch from `open` to the next `close` (both included), and the text between them, in order; an
    /// `open` without a `close` after it is plain text.
    func enclosed(by open: Character, _ close: Character) -> [(range: Range<Index>, inner: Substring)] {
        var found: [(Range<Index>, Substring)] = []
        var from = startIndex
        while let start = self[from...].firstIndex(of: open), let end = self[start...].firstIndex(of: close) {
            found.append((start..<index(after: end), self[index(after: start)..<end]))
            from = index(after: end)
        }
        return found
    }
}

extension CivilDate {
    /// The date as letters write it: 2020年3月20日.
    public var chineseDate: String { "\(year)年\(month)月\(day)日" }
}
