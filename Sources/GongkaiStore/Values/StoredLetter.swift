import GongkaiCore

/// A letter as stored: the letter, whose case and event it answers, whether it is issued, who drafted and issued
/// it and when, the letter it corrects, and its version (for the optimistic check of a revision).
public struct StoredLetter: Hashable, Sendable, Identifiable {
    /// 草稿 (may be revised or discarded) or 已签发 (locked, numbered).
    public enum Status: String, Hashable, Sendable {
        case draft, issued

        public var label: String { self == .draft ? "草稿" : "已签发" }
    }

    public var id: Int
    /// The application's 受理编号.
    public var reference: String
    /// The event it answers: its index in the case's log.
    public var eventIndex: Int
    public var letter: Letter
    public var status: Status
    public var draftedBy: String
    public var draftedAt: Moment?
    public var issuedBy: String?
    public var issuedAt: Moment?
    /// The letter this one corrects.
    public var replacesID: Int?
    public var version: Int

    public var isIssued: Bool { status == .issued }
}

/// Why a letter could not be drafted, changed or issued; nothing was written. Messages name the letter.
public enum LetterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No letter with this id in the scope's agency.
    case notFound(Int)
    /// The case has no event at this place in its log.
    case noSuchEvent(reference: String, index: Int)
    /// The law answers this event with no letter.
    case noLetterForEvent(reference: String, event: String)
    /// The event's letter is issued; a change is a correction of it.
    case alreadyIssued(LetterNumber)
    /// An issued letter never changes.
    case locked(LetterNumber)
    /// Only an issued letter can be corrected, and only once (the correction is corrected in its turn).
    case notCorrectable(String)
    /// Blanks 【…】 are left in the letter.
    case blanksLeft([String])
    /// Someone else changed the draft since it was read.
    case staleVersion(id: Int, expected: Int, found: Int)
    /// A required text is empty.
    case empty(field: String)

    public var description: String {
        switch self {
        case .notFound(let id): return "本机关没有编号为 \(id) 的文书"
        case .noSuchEvent(let r, let i): return "申请 \(r) 没有第 \(i + 1) 条事件"
        case .noLetterForEvent(let r, let e): return "申请 \(r) 的「\(e)」无需制发文书"
        case .alreadyIssued(let n): return "该事件的文书已签发（\(n)）；如需修改，请对其制发更正文书"
        case .locked(let n): return "文书 \(n) 已签发，不能修改或删除；如需修改，请制发更正文书"
        case .notCorrectable(let why): return "不能更正：\(why)"
        case .blanksLeft(let blanks): return "文书中还有待填写的内容：" + blanks.joined(separator: "、")
        case .staleVersion(let id, let expected, let found):
            return "文书 \(id) 已被他人修改（读取时为第 \(expected) 版，现为第 \(found) 版），请刷新后重试"
        case .empty(let field): return "\(field)不能为空"
        }
    }
}
