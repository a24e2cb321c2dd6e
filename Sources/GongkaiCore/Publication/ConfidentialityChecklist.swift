import Foundation

/// 保密审查清单 — the questions a reviewer answers before information is published (第十七条: an agency sets up a
/// review of information to be published). Each question names the article that withholds information it
/// describes; an agency may replace the list with its own (one question per line).
///
/// ```swift
/// ConfidentialityChecklist.standard.questions.count // 6
/// ```
public struct ConfidentialityChecklist: Hashable, Sendable {
    /// Each a yes/no question; an answer 是 means the information cannot be published as it stands.
    public let questions: [String]

    public static let standard = ConfidentialityChecklist(unchecked: [
        "是否涉及国家秘密或者法律、行政法规禁止公开的信息（第十四条）",
        "公开后是否可能危及国家安全、公共安全、经济安全、社会稳定（第十四条）",
        "是否涉及商业秘密（第十五条）",
        "是否涉及个人隐私（第十五条）",
        "是否属于人事管理、后勤管理、内部工作流程等内部事务信息（第十六条第一款）",
        "是否属于讨论记录、过程稿、磋商信函、请示报告等过程性信息或者行政执法案卷信息（第十六条第二款）",
    ])

    init(unchecked questions: [String]) { self.questions = questions }

    /// The agency's list from text, one question per line (blank lines dropped): 1 to 20 questions of at most 100
    /// characters, none repeated.
    public init(lines text: String) throws {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw PublicationError.checklist("至少要有一个审查问题") }
        guard lines.count <= 20 else { throw PublicationError.checklist("最多20个审查问题（现有\(lines.count)个）") }
        if let long = lines.firstIndex(where: { $0.count > 100 }) {
            throw PublicationError.checklist("第\(long + 1)行超过100个字符")
        }
        guard Set(lines).count == lines.count else { throw PublicationError.checklist("有重复的审查问题") }
        self.questions = lines
    }

    /// The list as the settings page edits it.
    public var lines: String { questions.joined(separator: "\n") }
}

/// 审查意见 — the reviewer's answer to every question of the checklist: true = 是 (the information is affected).
public struct ChecklistAnswers: Hashable, Sendable, Codable {
    public var answers: [String: Bool]

    public init(_ answers: [String: Bool]) { self.answers = answers }

    /// The questions of `checklist` left unanswered.
    public func missing(from checklist: ConfidentialityChecklist) -> [String] {
        checklist.questions.filter { answers[$0] == nil }
    }

    /// The questions of `checklist` answered 是: the reasons the information cannot be published.
    public func concerns(in checklist: ConfidentialityChecklist) -> [String] {
        checklist.questions.filter { answers[$0] == true }
    }
}
