import ArgumentParser
import GongkaiCore
import GongkaiOffice
import GongkaiStore

struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a case: details, timeline, due date with its day-by-day explanation, status.")

    @OptionGroup var scope: CaseScopeOptions

    @Argument(help: "The case's reference (受理编号) or tracking code (查询码).") var code: String

    @Option(name: .long, help: "Status as of DATE, YYYY-MM-DD (default: today).") var on: String?

    func run() throws {
        let (code, day) = (code, try parseDay(on, flag: "--on"))
        let file = try scope.withOffice { office, scope in try await office.caseFile(code, scope: scope, on: day) }
        print(CaseFileText(file).lines.joined(separator: "\n"))
    }
}

struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List an agency's open cases, with their due dates and status.")

    @OptionGroup var scope: CaseScopeOptions

    @Option(name: .long, help: "Only cases due within N working days (overdue ones included).") var dueWithin: Int?
    @Flag(name: .long, help: "Only overdue cases.") var overdue = false
    @Option(name: .long, help: "As of DATE, YYYY-MM-DD (default: today).") var on: String?

    func run() throws {
        let (day, within, overdueOnly) = (try parseDay(on, flag: "--on"), dueWithin, overdue)
        let files = try scope.withOffice { office, scope in
            try await office.openCases(scope: scope, on: day, dueWithin: within, overdueOnly: overdueOnly)
        }
        print("受理编号\t查询码\t收到日\t答复期限\t状态")
        for f in files {
            let c = f.value
            print(
                [
                    c.id, c.trackingCode?.description ?? "", c.receivedOn.description,
                    f.answerDue?.due.description ?? "—", f.status.label,
                ].joined(separator: "\t"))
        }
        print("共\(files.count)件（\(day)）")
    }
}

/// A case file as printed lines.
struct CaseFileText {
    let file: CaseFile
    init(_ file: CaseFile) { self.file = file }

    var lines: [String] {
        let c = file.value
        var out = ["申请 \(c.id)（查询码 \(c.trackingCode?.description ?? "无")，第\(file.stored.version)版）"]
        out.append("申请人：\(c.applicant.name)（\(c.applicant.kind.label)）" + contact(c.applicant))
        out.append(
            "申请内容：\(c.request.description)"
                + [
                    c.request.documentTitle, c.request.documentNumber,
                    c.request.indexNumber,
                ].compactMap { $0 }.map { "；\($0)" }.joined())
        if let d = c.delivery { out.append("获取方式：\(d.medium.rawValue)，\(d.method.rawValue)") }
        let s = c.receipt.submission
        out.append("提交：\(s.channel.label) \(s.date)\(s.time.map { " \($0)" } ?? "")；收到申请之日 \(c.receivedOn)")
        out.append("")
        out.append("办理记录：")
        for e in c.log {
            let who = [e.actor.isEmpty ? nil : e.actor, e.recordedAt?.description].compactMap { $0 }
            out.append(
                "  \(e.event.date) \(e.event.kind.label)" + (who.isEmpty ? "" : "（\(who.joined(separator: "，"))）"))
        }
        out.append("")
        out.append("状态（\(file.on)）：\(c.phase.label)，\(file.status.label)")
        guard let due = file.answerDue else {
            out.append("答复期限：等待补正，收到补正后的申请起重新计算（第三十条）")
            return out
        }
        out.append("答复期限：\(due.due)（\(due.due.weekday.chinese)）")
        out.append("逐日计算：")
        out += (c.receipt.trail + due.trail).map { "  \($0)" }
        return out
    }

    private func contact(_ a: Applicant) -> String {
        let parts = [
            a.identityDocument.map { "\($0.type.rawValue) \($0.number)" }, a.creditCode?.value, a.phone,
            a.email, a.address,
        ].compactMap { $0 }
        return parts.isEmpty ? "" : "；" + parts.joined(separator: "；")
    }
}
