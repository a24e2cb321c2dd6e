import ArgumentParser
import Foundation
import GongkaiCalendarData
import GongkaiCore

/// `gongkai deadline` — the answer due date of an application and how it was computed, day by day.
struct DeadlineCommand: ParsableCommand {
    private static let answer = StatutoryClock.answerPeriod
    private static let window = StatutoryClock.consultationReplyWindow

    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "答复期限：计算依申请公开的答复期限，并逐日说明（第三十、三十一、三十三条）。",
        discussion: """
            The receipt date is the Art. 31 date as it happened (a weekend, a holiday or after hours included);
            day 1 is the first working day after it, and the answer is due at the end of working day \(answer)
            (Art. 33). --agency-rule applies an agency's published rule instead: a submission outside working
            time (--at at or after --office-closes, or a non-working day) is received on the next working day,
            which is itself day 1. A 补正 restarts the \(answer) days from the corrected application's date
            (Art. 30). A pause FROM..TO leaves out the working days after FROM up to and including TO (Art. 32,
            34, fees); --third-party and --other-agency take SENT[/RECEIVED][..REPLY]: the reply window of
            \(window) working days runs from the consulted party's receipt of the letter (RECEIVED, else the day
            sent) (Art. 32, 34). An extension adds at most \(StatutoryClock.maximumExtension) working days after
            the original due date (Art. 33). Dates must lie within the loaded holiday schedules' years and one
            year either side.
            """
    )

    @Option(name: .long, help: "Art. 31 date for the channel (YYYY-MM-DD): submitted, signed for, or confirmed.")
    var received: String

    @Option(name: .long, help: "online | in-person | post | letter | fax")
    var channel: String = "in-person"

    @Option(name: .long, help: "Time of submission (HH:MM); used by --agency-rule.")
    var at: String?

    @Option(name: .long, help: "Office closing time (HH:MM); used by --agency-rule.")
    var officeCloses: String = "17:00"

    @Flag(name: .long, help: "The agency's 指南 rule: outside working time counts from the next working day.")
    var agencyRule = false

    @Option(name: .long, help: "Date the corrected application (补正) arrived (YYYY-MM-DD).")
    var correctionReceived: String?

    @Option(name: .long, help: "A period not counted, FROM..TO (repeatable).")
    var pause: [String] = []

    @Option(name: .long, help: "Third party consulted (Art. 32): SENT[/RECEIVED][..REPLY]; window from RECEIVED.")
    var thirdParty: [String] = []

    @Option(name: .long, help: "Other agency consulted (Art. 34): SENT[/RECEIVED][..REPLY]; window from RECEIVED.")
    var otherAgency: [String] = []

    @Option(name: .long, help: "Fee notice sent FROM, paid TO (信息处理费).")
    var fee: [String] = []

    @Option(name: .long, parsing: .unconditional, help: "Approved extension in working days (1–\(StatutoryClock.maximumExtension)).")
    var extend: String?

    @Option(name: .long, help: "A holiday schedule JSON file for a year not built in (repeatable).")
    var calendar: [String] = []

    @Flag(name: .long, help: "Print JSON with \"due\" and \"days\".")
    var json = false

    func run() throws {
        let cal = try loadCalendar()
        let (submission, rule) = try parseSubmission()
        let extensionDays = try parseExtension()
        let report: DeadlineReport
        do {
            let receipt = Receipt(submission, calendar: cal, rule: rule)
            let input = ClockInput(
                received: receipt.date,
                correctionReceived: try correctionReceived.map { try date($0, "--correction-received") },
                pauses: try allPauses(cal), extensionDays: extensionDays, receiptDeferred: receipt.deferredByAgencyRule)
            let due = try StatutoryClock.answerDue(input, calendar: cal)
            let notice = try StatutoryClock.correctionNoticeDue(
                received: receipt.date, receiptDeferred: receipt.deferredByAgencyRule, calendar: cal)
            report = DeadlineReport(receipt: receipt, due: due, correctionNoticeDue: notice.due, input: input)
        } catch let e as ValidationError { throw e } catch { throw ValidationError("\(error)") }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }

    private func parseExtension() throws -> Int {
        guard let extend else { return 0 }
        let range = 1...StatutoryClock.maximumExtension
        guard let n = Int(extend), range.contains(n) else {
            throw ValidationError(
                "--extend \(extend)：延长天数应为\(range.lowerBound)至\(range.upperBound)之间的整数个工作日"
                    + "（第三十三条第二款：延长最长不超过\(StatutoryClock.maximumExtension)个工作日）")
        }
        return n
    }

    private func loadCalendar() throws -> WorkingDayCalendar {
        var cal = try WorkingDayCalendar.official()
        for path in calendar {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("--calendar：无法读取文件 \(path)")
            }
            do { cal = try cal.adding(json: data) } catch { throw ValidationError("--calendar \(path)：\(error)") }
        }
        return cal
    }

    private func parseSubmission() throws -> (Submission, ReceiptRule) {
        guard let ch = ReceiptChannel(rawValue: channel) else {
            throw ValidationError("--channel \(channel)：提交渠道应为 online、in-person、post、letter 或 fax")
        }
        let time = try at.map { t -> TimeOfDay in
            guard let v = TimeOfDay(parsing: t) else { throw ValidationError("--at \(t)：时间格式应为 HH:MM") }
            return v
        }
        guard let closing = TimeOfDay(parsing: officeCloses) else {
            throw ValidationError("--office-closes \(officeCloses)：时间格式应为 HH:MM")
        }
        let rule: ReceiptRule = agencyRule ? .agencyGuide(OfficeHours(closing: closing)) : .article31
        return (Submission(channel: ch, date: try date(received, "--received"), time: time), rule)
    }

    private func allPauses(_ cal: WorkingDayCalendar) throws -> [ClockPause] {
        var pauses = try pause.map { try parsePause($0, .other, "--pause", cal) }
        pauses += try thirdParty.map { try parsePause($0, .thirdParty, "--third-party", cal) }
        pauses += try otherAgency.map { try parsePause($0, .otherAgency, "--other-agency", cal) }
        pauses += try fee.map { try parsePause($0, .fee, "--fee", cal) }
        return pauses
    }

    /// FROM..TO; a consultation takes SENT[/RECEIVED][..REPLY], may omit the reply (the window's close) and is
    /// capped at the window, which runs from the party's receipt of the letter.
    private func parsePause(_ text: String, _ kind: PauseKind, _ flag: String, _ cal: WorkingDayCalendar) throws
        -> ClockPause
    {
        let parts = text.components(separatedBy: "..")
        let consultation = kind == .thirdParty || kind == .otherAgency
        guard parts.count == 2 || (consultation && parts.count == 1) else {
            let shape = consultation ? "YYYY-MM-DD[/YYYY-MM-DD][..YYYY-MM-DD]" : "YYYY-MM-DD..YYYY-MM-DD"
            throw ValidationError("\(flag) \(text)：格式应为 \(shape)")
        }
        let sent = parts[0].components(separatedBy: "/")
        guard sent.count == 1 || (consultation && sent.count == 2) else {
            throw ValidationError("\(flag) \(text)：只有征求意见可以写对方收到日（SENT/RECEIVED）")
        }
        let from = try date(sent[0], flag)
        var to = parts.count == 2 ? try date(parts[1], flag) : from
        guard from <= to else { throw ValidationError("\(flag) \(text)：结束日早于开始日") }
        guard consultation else { return ClockPause(kind, from: from, through: to) }
        let delivered = sent.count == 2 ? try date(sent[1], flag) : from
        guard delivered >= from else { throw ValidationError("\(flag) \(text)：对方收到日早于发出日") }
        let window = try StatutoryClock.consultationWindowCloses(delivered: delivered, calendar: cal)
        to = parts.count == 2 ? min(to, window) : window
        return ClockPause(kind, from: from, through: to)
    }

    /// YYYY-MM-DD, saying whether the form is wrong or the day does not exist.
    private func date(_ text: String, _ flag: String) throws -> CivilDate {
        if let d = CivilDate(parsing: text) { return d }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1])
        else { throw ValidationError("\(flag) \(text)：日期格式应为 YYYY-MM-DD") }
        guard (1...12).contains(m) else { throw ValidationError("\(flag) \(text)：没有\(m)月，月份应为01至12") }
        let last = (28...31).last { CivilDate(validating: y, m, $0) != nil } ?? 28
        throw ValidationError("\(flag) \(text)：日期不存在，\(y)年\(m)月只有\(last)天")
    }
}

/// What `gongkai deadline` prints: the dates and the day-by-day trail.
struct DeadlineReport: Encodable {
    var channel: String
    var submitted: CivilDate
    var received: CivilDate
    /// True when the agency's own rule, not Art. 31, set the receipt date.
    var deferred: Bool
    var start: CivilDate
    var due: CivilDate
    var originalDue: CivilDate
    var extensionDays: Int
    var correctionNoticeDue: CivilDate?
    var provisional: Bool
    var days: [TrailDay]

    init(receipt: Receipt, due d: DueDate, correctionNoticeDue: CivilDate, input: ClockInput) {
        channel = receipt.submission.channel.rawValue
        submitted = receipt.submission.date
        received = receipt.date
        deferred = receipt.deferredByAgencyRule
        start = d.start
        due = d.due
        originalDue = d.originalDue
        extensionDays = input.extensionDays
        self.correctionNoticeDue = input.correctionReceived == nil ? correctionNoticeDue : nil
        provisional = d.isProvisional
        days = receipt.trail + d.trail
    }

    var text: String {
        var lines = ["答复期限：\(due)（\(weekday(due))）"]
        let how = deferred ? "本机关《指南》规则：非工作时间提交的以下一工作日为收到之日" : "第三十一条"
        lines.append("收到申请之日：\(received)（\(how)，\(ReceiptChannel(rawValue: channel)!.label)）")
        if start != received { lines.append("收到补正后的申请：\(start)，答复期限重新起算（第三十条）") }
        if extensionDays > 0 { lines.append("原答复期限：\(originalDue)；延长\(extensionDays)个工作日（第三十三条第二款）") }
        if let c = correctionNoticeDue {
            lines.append("补正告知期限：\(c)（第三十条，\(StatutoryClock.correctionNoticePeriod)个工作日）")
        }
        if provisional { lines.append("注意：部分年份的节假日安排尚未载入，相关日期只按周末计算。") }
        lines.append("")
        lines.append("逐日计算：")
        lines += days.map(\.description)
        return lines.joined(separator: "\n")
    }

    private func weekday(_ d: CivilDate) -> String { d.weekday.chinese }
}
