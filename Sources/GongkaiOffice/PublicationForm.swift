import Foundation
import GongkaiCore
import GongkaiStore

/// 拟公开信息表单 — an item's fields as typed (a page's form, a CLI's options), checked into `PublicationContent`
/// with every problem named by its field at once.
public struct PublicationForm: Sendable, Hashable {
    public var title = ""
    public var documentNumber = ""
    /// 1–15 (第二十条第几项).
    public var article20Item = ""
    public var subject = ""
    /// 成文日期 `YYYY-MM-DD`, optional.
    public var writtenOn = ""
    /// 形成或者变更日期 `YYYY-MM-DD` (第二十六条).
    public var formedOn = ""
    public var body = ""
    /// 公开渠道, separated by 、 or commas; blank: 政府网站.
    public var channels = ""
    /// 定时发布 `YYYY-MM-DD HH:MM`, optional.
    public var publishAt = ""
    /// `rule` (规章) or `normative` (规范性文件); blank: neither.
    public var documentKind = ""
    /// 公开属性: `proactive`, `onRequest` or `withheld`; blank: 主动公开.
    public var disclosure = ""
    /// 不予公开的理由: 不予公开 row 1–7 (`WithheldReason`), required for `withheld`.
    public var withholdingGround = ""
    /// 不予公开的说明, optional.
    public var withholdingNote = ""

    public init() {}

    public init(_ c: PublicationContent) {
        title = c.title
        documentNumber = c.documentNumber
        article20Item = String(c.article20Item)
        subject = c.subject
        writtenOn = c.writtenOn?.iso ?? ""
        formedOn = c.formedOn.iso
        body = c.body
        channels = c.channels.joined(separator: "、")
        publishAt = c.publishAt?.description ?? ""
        documentKind = c.documentKind?.rawValue ?? ""
        disclosure = c.disclosure.rawValue
        withholdingGround = c.withholdingGround.map { String($0.rawValue) } ?? ""
        withholdingNote = c.withholdingNote
    }

    /// The content, or every problem (`IntakeProblems`, keyed by the form's field names). `today` bounds the
    /// dates: information cannot have been formed after today.
    public func content(today: CivilDate) throws -> PublicationContent {
        var problems: [IntakeError] = []
        func problem(_ field: String, _ key: String, _ reason: String) {
            problems.append(IntakeError(field: field, reason: reason, key: key, form: "拟公开信息"))
        }
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { problem("标题", "title", "必填") } else if title.count > 200 { problem("标题", "title", "不能超过200个字") }
        let number = documentNumber.trimmingCharacters(in: .whitespaces)
        if number.count > 60 { problem("文号", "documentNumber", "不能超过60个字") }
        let item = Int(article20Item.trimmingCharacters(in: .whitespaces))
        if item.flatMap(Article20Item.init(rawValue:)) == nil { problem("信息类别", "article20Item", "请选择第二十条所列的一项（1至15）") }
        let subject = self.subject.trimmingCharacters(in: .whitespaces)
        if subject.count > 40 { problem("主题分类", "subject", "不能超过40个字") }
        var written: CivilDate?
        if !writtenOn.trimmingCharacters(in: .whitespaces).isEmpty {
            written = CivilDate(parsing: writtenOn.trimmingCharacters(in: .whitespaces))
            if written == nil { problem("成文日期", "writtenOn", "应为日期，如 2024-03-04") }
        }
        let formed = CivilDate(parsing: formedOn.trimmingCharacters(in: .whitespaces))
        if formed == nil {
            problem("形成或者变更日期", "formedOn", formedOn.isEmpty ? "必填：第二十六条的20个工作日从这一天起算" : "应为日期，如 2024-03-04")
        } else if let formed, today < formed {
            problem("形成或者变更日期", "formedOn", "不能晚于今天（\(today.iso)）")
        }
        if body.count > 100_000 { problem("正文", "body", "不能超过十万字") }
        let channels = self.channels.split(whereSeparator: { "、,，".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if channels.contains(where: { $0.count > 20 }) || channels.count > 10 { problem("公开渠道", "channels", "最多10个渠道，每个不超过20个字") }
        var publishAt: Moment?
        if !self.publishAt.trimmingCharacters(in: .whitespaces).isEmpty {
            publishAt = Moment(parsing: self.publishAt.trimmingCharacters(in: .whitespaces))
            if publishAt == nil { problem("定时发布", "publishAt", "应为日期和时间，如 2024-03-04 09:00") }
        }
        var kind: DocumentKind?
        if !documentKind.isEmpty {
            kind = DocumentKind(rawValue: documentKind)
            if kind == nil || kind == .other { problem("文件类型", "documentKind", "请选择规章或者规范性文件，或者留空") }
            if item != Article20Item.regulationsAndNormativeDocuments.rawValue {
                problem("文件类型", "documentKind", "规章和规范性文件属于第二十条第（一）项，请先选择该信息类别")
            }
            if number.isEmpty { problem("文号", "documentNumber", "规章和规范性文件须填写文号") }
            if written == nil && writtenOn.trimmingCharacters(in: .whitespaces).isEmpty {
                problem("成文日期", "writtenOn", "规章和规范性文件须填写成文日期（即制发日期，第二部分按此统计）")
            }
        }
        let disclosure = disclosure.isEmpty ? .proactive : DisclosureAttribute(rawValue: disclosure)
        var ground: WithheldReason?
        let note = withholdingNote.trimmingCharacters(in: .whitespacesAndNewlines)
        switch disclosure {
        case nil: problem("公开属性", "disclosure", "请选择主动公开、依申请公开或者不予公开")
        case .withheld?:
            ground = Int(withholdingGround).flatMap(WithheldReason.init(rawValue:)).flatMap { WithheldReason.draftingGrounds.contains($0) ? $0 : nil }
            if ground == nil { problem("不予公开理由", "withholdingGround", "不予公开须选择理由（条例第十四条至第十六条）") }
            if note.count > 500 { problem("不予公开说明", "withholdingNote", "不能超过500个字") }
            if publishAt != nil { problem("定时发布", "publishAt", "不予公开的信息不发布，请留空") }
        default: break
        }
        if kind != nil, let disclosure, disclosure != .proactive {
            problem("公开属性", "disclosure", "规章和规范性文件应当主动公开（条例第二十条第（一）项）")
        }
        guard problems.isEmpty, let item, let formed, let disclosure else { throw IntakeProblems(problems: problems) }
        return PublicationContent(
            title: title, documentNumber: number, article20Item: item, subject: subject, writtenOn: written, formedOn: formed,
            body: body.replacingOccurrences(of: "\r\n", with: "\n"), channels: channels.isEmpty ? ["政府网站"] : channels,
            publishAt: publishAt, documentKind: kind, disclosure: disclosure, withholdingGround: ground,
            withholdingNote: disclosure == .withheld ? note : "")
    }
}

/// 审查决定 — what the reviewer decides, with the checklist's answers or the comments.
public enum ReviewDecision: Sendable, Hashable {
    case pass(ChecklistAnswers)
    case returnForChanges(comments: String)
    case withhold(ChecklistAnswers)

    /// The step this decision is, the answers it records and the note of the history (the comments, or the
    /// questions answered 是 that are the reasons to withhold).
    func step(checklist: ConfidentialityChecklist) -> (action: PublicationAction, answers: ChecklistAnswers?, note: String) {
        switch self {
        case .pass(let a): return (.pass(a), a, "")
        case .returnForChanges(let comments): return (.returnForChanges(comments: comments), nil, comments)
        case .withhold(let a): return (.withhold(a), a, a.concerns(in: checklist).joined(separator: "；"))
        }
    }
}
