import Foundation

/// 年度报告的起草与审核 — the report goes the way of any information published proactively (草稿 → 保密审查 →
/// 负责人同意 → 公布, `PublicationReview`), with what the law adds for a report:
/// - the 负责人 always approves: the report is the agency's (第四十九条: the agency publishes it);
/// - it cannot be withheld or revoked: it must be published (第四十九条), and a published report changes only by an
///   amendment that says what changed and why;
/// - it is submitted only when the checker finds no error in its tables and its text states no figure that
///   contradicts them (format reference §6.1 rules 1–18): what the checker only warns about in others' reports blocks
///   our own.
public enum ReportDraftRules {
    /// The state after `action` from `state`, or why it is refused.
    public static func next(_ state: PublicationState, _ action: PublicationAction, checklist: ConfidentialityChecklist) throws
        -> PublicationState
    {
        switch action {
        case .withhold, .revoke: throw PublicationError.notAllowed(action: action.label + "年度报告", state: state)
        default: return try PublicationReview.next(state, action, checklist: checklist, requiresApproval: true)
        }
    }

    /// A report is drafted for a year that has ended (第四十九条: the report of the year before), from 2019 on (the
    /// regulation as revised in 2019 and its report formats).
    public static func requireReportable(year: Int, today: CivilDate) throws {
        guard year >= 2019, year < today.year else { throw ReportDraftError.yearNotReportable(year) }
    }

    /// The findings that keep a draft from being submitted: every error, and every disagreement of the text with the
    /// tables.
    public static func blocking(_ findings: [Finding]) -> [Finding] {
        findings.filter { $0.severity == .error || $0.rule.hasPrefix("prose.") }
    }

    /// 一、五、六 with no text: 第五十条 asks for each ("无。" is an answer). Errors, rule `draft.emptySection`.
    public static func emptySections(_ report: AnnualReport) -> [Finding] {
        report.narrativeSections.filter { $0.section.text.isEmpty }.map {
            Finding(
                rule: "draft.emptySection", severity: .error, location: ReportLocation(section: $0.number),
                message: "「\($0.section.heading)」尚未填写（没有需要报告的事项时写“无。”）")
        }
    }

    /// `report` with the footnote of its amendment at the end of 六 — "注：本报告于2022年2月3日修订（第2版）。修订说明：…" —
    /// so that every form of it (web page, DOCX, PDF, text, JSON) says what changed and why. Earlier footnotes stay.
    public static func amended(_ report: AnnualReport, version: Int, on day: CivilDate, note: String) -> AnnualReport {
        var r = report
        let why = note.trimmingCharacters(in: .whitespacesAndNewlines)
        let end = why.hasSuffix("。") ? "" : "。"
        r.otherMatters.text.append("注：本报告于\(day.year)年\(day.month)月\(day.day)日修订（第\(version)版）。修订说明：\(why)\(end)")
        return r
    }

    /// A change to a published year needs a note of what changed and why (shown with the new version).
    public static func requireAmendmentNote(_ note: String?, isAmendment: Bool) throws {
        guard isAmendment, note?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true else { return }
        throw ReportDraftError.amendmentNoteRequired
    }
}

/// Why a step of drafting a report is refused, in Chinese.
public enum ReportDraftError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The checker's blocking findings, each with where it is.
    case blockingFindings([String])
    case amendmentNoteRequired
    /// The year cannot be reported on yet (it has not ended), or is before 2019 (the regulation and formats in force).
    case yearNotReportable(Int)

    public var description: String {
        switch self {
        case .blockingFindings(let all):
            return "年度报告还有\(all.count)处问题，改正后才能提交审核：" + all.joined(separator: "；")
        case .amendmentNoteRequired: return "该年度报告已公布，修订须写明更正的内容和原因"
        case .yearNotReportable(let year): return "不能起草\(year)年度报告：年度尚未结束，或早于2019年（现行条例和年度报告格式自2019年度起）"
        }
    }
}
