/// 文书模板 — an agency's own wording of a kind of letter: paragraphs with placeholders in braces, filled from the
/// case and the event when a letter is drafted (`LetterDrafter.draft(…, template:)`). A placeholder the drafter does
/// not know is left as a 【…】 blank, which must be filled before the letter is issued.
///
/// | placeholder | filled with |
/// |---|---|
/// | {申请人} {机关} {受理编号} {查询码} | the applicant, the agency, the case's reference and tracking code |
/// | {收到日期} {答复期限} {申请内容} | the receipt date (Art. 31), the due date then, what was asked for |
/// | {补正期限} {延长天数} {批准人} {收费金额} | the event's own fields |
/// | {答复内容} {提供方式} {救济途径} | an answer's decision with its article, how the information is provided, the remedies |
///
/// ```swift
/// let t = LetterTemplate(kind: .receipt, paragraphs: ["{机关}于{收到日期}收到您的申请（{受理编号}）。"])
/// t.render(["机关": "某局", "收到日期": "2024年3月4日", "受理编号": "2024-017"]) // ["某局于2024年3月4日收到您的申请（2024-017）。"]
/// ```
public struct LetterTemplate: Hashable, Sendable {
    public var kind: LetterKind
    public var paragraphs: [String]

    public init(kind: LetterKind, paragraphs: [String]) {
        self.kind = kind
        self.paragraphs = paragraphs
    }

    /// The placeholders a template may use.
    public static let placeholders = [
        "申请人", "机关", "受理编号", "查询码", "收到日期", "答复期限", "申请内容", "补正期限", "延长天数", "批准人", "收费金额", "答复内容",
        "提供方式", "救济途径",
    ]

    /// The {names} in `text`, in order.
    public static func placeholders(in text: String) -> [String] {
        text.enclosed(by: "{", "}").map { String($0.inner) }
    }

    /// The paragraphs with each {name} replaced by `fields[name]`, or by the blank 【name】 when there is none; a
    /// paragraph that becomes empty is left out.
    public func render(_ fields: [String: String]) -> [String] {
        paragraphs.map { paragraph in
            var out = ""
            var from = paragraph.startIndex
            for (range, name) in paragraph.enclosed(by: "{", "}") {
                out += paragraph[from..<range.lowerBound] + (fields[String(name)] ?? "【\(name)】")
                from = range.upperBound
            }
            return out + paragraph[from...]
        }.filter { !$0.isEmpty }
    }
}
