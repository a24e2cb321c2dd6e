import ArgumentParser
import Foundation
import GongkaiCore

/// `gongkai deadline` — the answer due date of an application and how it was computed, day by day.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "答复期限：计算依申请公开的答复期限，并逐日说明（第三十、三十一、三十三条）。",
        discussion: """
            Day 1 is the first working day after the receipt date; the answer is due at the end of the 20th
            working day (Art. 33). A 补正 restarts the 20 days from the corrected application's date (Art. 30).
            A pause FROM..TO leaves out the working days after FROM up to and including TO (Art. 32, 34, fees);
            --third-party and --other-agency stop at the 15-working-day reply window (Art. 32, 34).
            An extension adds at most 20 working days after the original due date (Art. 33).
            """
    )

    @Option(name: .long, help: "Art. 31 date for the channel (YYYY-MM-DD): submitted, signed for, or confirmed.")
    var received: String

    @Option(name: .long, help: "online | in-person | post | letter | fax")
    var channel: String = "in-person"

    @Option(name: .long, help: "Time of submission (HH:MM); at or after office closing → next working day.")
    var at: String?

    @Option(name: .long, help: "Office closing time (HH:MM).")
    var officeCloses: String = "17:00"

    @Option(name: .long, help: "Date the corrected application (补正) arrived (YYYY-MM-DD).")
    var correctionReceived: String?

    @Option(name: .long, help: "A period not counted, FROM..TO (repeatable).")
    var pause: [String] = []

    @Option(name: .long, help: "Third party consulted (Art. 32): letter sent FROM, reply TO (capped at 15 working days).")
    var thirdParty: [String] = []

    @Option(name: .long, help: "Other agency consulted (Art. 34): letter sent FROM, reply TO (capped at 15 working days).")
    var otherAgency: [String] = []

    @Option(name: .long, help: "Fee notice sent FROM, paid TO (信息处理费).")
    var fee: [String] = []

    @Option(name: .long, help: "Approved extension in working days (1–20).")
    var extend: Int?

    @Option(name: .long, help: "A holiday schedule JSON file for a year not built in (repeatable).")
    var calendar: [String] = []

    @Flag(name: .long, help: "Print JSON with \"due\" and \"days\".")
    var json = false

    func run() throws {
        let cal = try loadCalendar()
        let (submission, office) = try parseSubmission()
        let receipt = Receipt(submission, calendar: cal, officeHours: office)
        let input = ClockInput(
            received: receipt.date, correctionReceived: try correctionReceived.map { try date($0, "--correction-received") },
            pauses: try allPauses(cal), extensionDays: extend ?? 0)
        if let e = extend, !(1...StatutoryClock.maximumExtension).contains(e) {
            throw ValidationError("--extend \(e)：延长最长不超过20个工作日，应为1至20（第三十三条第二款）")
        }
        let due: DueDate
        do { due = try StatutoryClock.answerDue(input, calendar: cal) } catch let e as ClockError {
            throw ValidationError(e.description)
        }
        let notice = StatutoryClock.correctionNoticeDue(received: receipt.date, calendar: cal)
        let report = DeadlineReport(receipt: receipt, due: due, correctionNoticeDue: notice.due, input: input)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
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

    private func parseSubmission() throws -> (Submission, OfficeHours) {
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
        return (Submission(channel: ch, date: try date(received, "--received"), time: time), OfficeHours(closing: closing))
    }

    private func allPauses(_ cal: WorkingDayCalendar) throws -> [ClockPause] {
        var pauses = try pause.map { try parsePause($0, .other, "--pause", cal) }
        pauses += try thirdParty.map { try parsePause($0, .thirdParty, "--third-party", cal) }
        pauses += try otherAgency.map { try parsePause($0, .otherAgency, "--other-agency", cal) }
        pauses += try fee.map { try parsePause($0, .fee, "--fee", cal) }
        return pauses
    }

    /// FROM..TO; a consultation may omit TO (no reply: the 15-working-day window) and is capped at the window.
    private func parsePause(_ text: String, _ kind: PauseKind, _ flag: String, _ cal: WorkingDayCalendar) throws
        -> ClockPause
    {
        let parts = text.components(separatedBy: "..")
        let consultation = kind == .thirdParty || kind == .otherAgency
        guard parts.count == 2 || (consultation && parts.count == 1) else {
            throw ValidationError("\(flag) \(text)：格式应为 YYYY-MM-DD..YYYY-MM-DD")
        }
        let from = try date(parts[0], flag)
        let window = StatutoryClock.consultationWindowCloses(sent: from, calendar: cal)
        var to = parts.count == 2 ? try date(parts[1], flag) : window
        guard from <= to else { throw ValidationError("\(flag) \(text)：结束日早于开始日") }
        if consultation { to = min(to, window) }
        return ClockPause(kind, from: from, through: to)
    }

    private func date(_ text: String, _ flag: String) throws -> CivilDate {
        guard let d = CivilDate(parsing: text) else { throw ValidationError("\(flag) \(text)：日期格式应为 YYYY-MM-DD") }
        return d
    }
}

/// What `gongkai deadline` prints: the dates and the day-by-day trail.
struct DeadlineReport: Encodable {
    var channel: String
    var submitted: CivilDate
    var received: CivilDate
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
        lines.append("收到申请之日：\(received)（第三十一条，\(ReceiptChannel(rawValue: channel)!.label)）")
        if start != received { lines.append("收到补正后的申请：\(start)，答复期限重新起算（第三十条）") }
        if extensionDays > 0 { lines.append("原答复期限：\(originalDue)；延长\(extensionDays)个工作日（第三十三条第二款）") }
        if let c = correctionNoticeDue { lines.append("补正告知期限：\(c)（第三十条，7个工作日）") }
        if provisional { lines.append("注意：部分年份的节假日安排尚未载入，相关日期只按周末计算。") }
        lines.append("")
        lines.append("逐日计算：")
        lines += days.map(\.description)
        return lines.joined(separator: "\n")
    }

    private func weekday(_ d: CivilDate) -> String { d.weekday.chinese }
}
