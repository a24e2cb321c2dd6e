import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// 行政复议与行政诉讼 on the case page: the appeals about the case with their results, a form to register one and,
/// for each undecided, a form to record its result. Report section IV counts them (`Office.fileAppeal`,
/// `Office.decideAppeal`).
extension CasePage {
    struct AppealRow: Encodable {
        var reference: String
        var kind: String
        var body: String
        var filed: String
        var result: String
        var decision: Action?
        /// Where its decision form posts (the 案号 percent-encoded: it may hold 〔〕 or a slash).
        var action: String
    }

    static let appealKinds = AppealKind.allCases.map { ($0.rawValue, $0.label) }
    static let appealResults = AppealOutcome.allCases.map { ($0.rawValue, $0.column.label) }

    /// The appeals and their forms; `posted` opens the form that was sent, with its error.
    func appealRows(_ appeals: [AppealCase], reference: String, today: CivilDate, posted: Posted?, mayHandle: Bool) -> [AppealRow] {
        appeals.map { a in
            let name = "decide-\(a.id)"
            let mine = posted?.name == name ? posted : nil
            let decision = a.result == nil && mayHandle
                ? Action(name: name, meaning: "记录 \(a.id) 的结果", fields: Self.prefixed(name, [
                    .plain("result", "结果", type: "select", value: mine?.values["result"] ?? AppealOutcome.upheld.rawValue,
                           errors: mine.map { [$0.error.0: $0.error.1] } ?? [:], options: Self.appealResults),
                    .plain("decidedOn", "审结日期", hint: "YYYY-MM-DD", maxlength: 10, value: mine?.values["decidedOn"] ?? "\(today)",
                           errors: mine.map { [$0.error.0: $0.error.1] } ?? [:]),
                ]), open: mine != nil)
                : nil
            return AppealRow(
                reference: a.id, kind: a.kind.label, body: a.body ?? "—", filed: "\(a.filedOn)",
                result: a.result.map { "\($0.column.label)（\(a.decidedOn.map { "\($0)" } ?? "")）" } ?? "尚未审结", decision: decision,
                action: Self.href(reference) + "/appeals/" + (a.id.addingPercentEncoding(withAllowedCharacters: .asciiUnreserved) ?? "") + "/decision")
        }
    }

    /// The form that registers an appeal.
    func appealForm(today: CivilDate, posted: Posted?) -> Action {
        let mine = posted?.name == "appeal" ? posted : nil
        let values = mine?.values ?? [:]
        let errors = mine.map { [$0.error.0: $0.error.1] } ?? [:]
        return Action(name: "appeal", meaning: "登记行政复议或者行政诉讼", fields: Self.prefixed("appeal", [
            .plain("kind", "类别", type: "select", value: values["kind"] ?? AppealKind.reconsideration.rawValue, errors: errors,
                   options: Self.appealKinds),
            .plain("appealReference", "案号", hint: "复议决定书或者裁判文书的案号，如 京兴政复〔2024〕12号", maxlength: 60,
                   value: values["appealReference"] ?? "", errors: errors),
            .plain("body", "复议机关或者法院", maxlength: 60, value: values["body"] ?? "", errors: errors),
            .plain("filedOn", "受理或者立案日期", hint: "YYYY-MM-DD", maxlength: 10, value: values["filedOn"] ?? "\(today)", errors: errors),
        ]), open: mine != nil)
    }

    /// Fields with ids of their own (a page holds several forms).
    static func prefixed(_ form: String, _ fields: [FormField]) -> [FormField] {
        fields.map { f in
            var f = f
            f.id = "\(form)-\(f.key)"
            f.describedBy = f.describedBy?.replacingOccurrences(of: "\(f.key)-", with: "\(form)-\(f.key)-")
            return f
        }
    }

    struct AppealForm: Content {
        var _csrf: String?
        var kind: String?
        var appealReference: String?
        var body: String?
        var filedOn: String?
        var result: String?
        var decidedOn: String?

        var values: [String: String] {
            FormField.typed([
                ("kind", kind), ("appealReference", appealReference), ("body", body), ("filedOn", filedOn), ("result", result),
                ("decidedOn", decidedOn),
            ])
        }
    }

    /// `POST …/appeals` (register) and `POST …/appeals/{appeal}/decision` (its result).
    func appeal(_ req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        let appealReference = req.parameters.get("appeal")
        let name = appealReference.map { "decide-\($0)" } ?? "appeal"
        let form = (try? req.content.decode(AppealForm.self)) ?? AppealForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, reference: reference, posted: (name, form.values, ("filedOn", "页面已过期，请核对后再提交一次")), status: .forbidden)
        }
        let member = try StaffSession.member(req)
        do {
            if let appealReference {
                guard let day = CivilDate(parsing: form.decidedOn ?? "") else {
                    throw IntakeError(field: "审结日期", reason: "「\(form.decidedOn ?? "")」不是 YYYY-MM-DD", key: "decidedOn")
                }
                _ = try await context.office.decideAppeal(
                    appealReference, result: AppealOutcome(rawValue: form.result ?? "") ?? .otherResult, on: day, scope: member.scope)
            } else {
                guard let day = CivilDate(parsing: form.filedOn ?? "") else {
                    throw IntakeError(field: "受理或者立案日期", reason: "「\(form.filedOn ?? "")」不是 YYYY-MM-DD", key: "filedOn")
                }
                _ = try await context.office.fileAppeal(
                    form.appealReference ?? "", kind: AppealKind(rawValue: form.kind ?? "") ?? .reconsideration, body: form.body ?? "",
                    filedOn: day, about: reference, scope: member.scope)
            }
            return req.redirect(to: Self.href(reference) + "?appeal=1", redirectType: .normal)
        } catch let e as IntakeError {
            return try await page(req, reference: reference, posted: (name, form.values, (e.key ?? "filedOn", e.reason)), status: .unprocessableEntity)
        } catch let e as IntakeProblems {
            let first = e.problems[0]
            return try await page(req, reference: reference, posted: (name, form.values, (first.key ?? "filedOn", e.description)), status: .unprocessableEntity)
        } catch let e as CaseError {
            guard case .notPermitted = e else { throw e }
            return try await page(req, reference: reference, posted: (name, form.values, ("filedOn", e.description)), status: .forbidden)
        }
    }
}
