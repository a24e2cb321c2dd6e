import ArgumentParser
import Foundation
import GongkaiCalendarData
import GongkaiCore
import GongkaiOffice
import GongkaiStore

/// `gongkai case receive|record|show|list` — the case file on the command line; every rule is the Office's.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Receive applications, record their events, show a case file and list the cases due.",
        subcommands: [CaseReceiveCommand.self, CaseRecordCommand.self, CaseShowCommand.self, CaseListCommand.self])
}

/// The options every case command shares: the database, the agency and the acting user.
struct CaseScopeOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Agency id.")
    var agency: Int

    @Option(name: .long, help: "Username of the acting user (recorded on events; decides whether personal data shows).")
    var user: String?

    /// Runs `body` with an office on the store and the scope of `--agency`/`--user`; refusals are printed in
    /// Chinese with exit status 1.
    func withOffice<T: Sendable>(_ body: @escaping @Sendable (Office, AgencyScope) async throws -> T) throws -> T {
        let (agencyID, username) = (agency, user)
        let calendar = try WorkingDayCalendar.official()
        do {
            return try store.withStore { store in
                let office = Office(database: store.database, calendar: calendar)
                return try await body(office, try await office.scope(agencyID: agencyID, username: username))
            }
        } catch let e as CaseError {
            printError(e.description)
        } catch let e as IntakeError {
            printError(e.description)
        } catch let e as StoreError {
            printError(e.description)
        } catch {
            // The core's own errors (a clock that cannot be computed, …) carry their Chinese message.
            printError("\(error)")
        }
        throw ExitCode(1)
    }
}

/// The moment now on this machine's clock (the edge reads the clock; the Office is handed it).
func momentNow() -> Moment {
    let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
    return Moment(
        date: CivilDate(parts.year!, parts.month!, parts.day!),
        time: TimeOfDay(hour: parts.hour!, minute: parts.minute!)!)
}

/// Parses `--on` (default: today).
func parseDay(_ text: String?, flag: String) throws -> CivilDate {
    guard let text else { return momentNow().date }
    guard let d = CivilDate(parsing: text) else { throw ValidationError("\(flag) \(text)：日期格式应为 YYYY-MM-DD") }
    return d
}

struct CaseReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Register a received application (from flags or a JSON file) and print its tracking code.")

    @OptionGroup var scope: CaseScopeOptions

    @Option(
        name: .long, help: "A JSON file with the intake's fields (reference, channel, submittedOn, applicantKind …).")
    var json: String?

    @Option(name: .long) var reference: String?
    @Option(name: .long, help: "in-person, post, letter, online, fax.") var channel: String?
    @Option(name: .long, help: "The channel's Art. 31 date, YYYY-MM-DD.") var submittedOn: String?
    @Option(name: .long, help: "HH:MM.") var submittedAt: String?
    @Option(name: .long, help: "naturalPerson, commercialEnterprise … or 自然人 …") var applicantKind: String?
    @Option(name: .long) var applicantName: String?
    @Option(name: .long) var idType: String?
    @Option(name: .long) var idNumber: String?
    @Option(name: .long) var creditCode: String?
    @Option(name: .long) var legalRepresentative: String?
    @Option(name: .long) var contactPerson: String?
    @Option(name: .long) var phone: String?
    @Option(name: .long) var email: String?
    @Option(name: .long) var address: String?
    @Option(name: .long) var postcode: String?
    @Option(name: .long) var description: String?
    @Option(name: .long) var documentTitle: String?
    @Option(name: .long) var documentNumber: String?
    @Option(name: .long) var indexNumber: String?
    @Option(name: .long, help: "纸质, 电子, 光盘 …") var deliveryMedium: String?
    @Option(name: .long, help: "自取, 邮寄, 电子邮件, 传真, 现场查阅 …") var deliveryMethod: String?

    func run() throws {
        let intake = try readIntake()
        let now = momentNow()
        let stored = try scope.withOffice { office, scope in
            var rng = SystemRandomNumberGenerator()
            return try await office.receive(intake, scope: scope, at: now, using: &rng)
        }
        print("已登记申请 \(stored.value.id)，收到申请之日 \(stored.value.receivedOn)")
        print("查询码：\(stored.value.trackingCode?.description ?? "")")
    }

    private func readIntake() throws -> Intake {
        var intake: Intake
        if let json {
            guard let data = FileManager.default.contents(atPath: json) else {
                throw ValidationError("--json：无法读取文件 \(json)")
            }
            do { intake = try JSONDecoder().decode(Intake.self, from: data) } catch {
                throw ValidationError("--json \(json)：不是有效的申请登记 JSON（\(error)）")
            }
        } else {
            guard let reference, let channel, let submittedOn, let applicantKind, let applicantName, let description
            else {
                throw ValidationError(
                    "须提供 --json FILE，或 --reference、--channel、--submitted-on、--applicant-kind、--applicant-name"
                        + " 和 --description")
            }
            intake = Intake(
                reference: reference, channel: channel, submittedOn: submittedOn, applicantKind: applicantKind,
                applicantName: applicantName, description: description)
        }
        intake.submittedAt = submittedAt ?? intake.submittedAt
        intake.idType = idType ?? intake.idType
        intake.idNumber = idNumber ?? intake.idNumber
        intake.creditCode = creditCode ?? intake.creditCode
        intake.legalRepresentative = legalRepresentative ?? intake.legalRepresentative
        intake.contactPerson = contactPerson ?? intake.contactPerson
        intake.phone = phone ?? intake.phone
        intake.email = email ?? intake.email
        intake.address = address ?? intake.address
        intake.postcode = postcode ?? intake.postcode
        intake.documentTitle = documentTitle ?? intake.documentTitle
        intake.documentNumber = documentNumber ?? intake.documentNumber
        intake.indexNumber = indexNumber ?? intake.indexNumber
        intake.deliveryMedium = deliveryMedium ?? intake.deliveryMedium
        intake.deliveryMethod = deliveryMethod ?? intake.deliveryMethod
        return intake
    }
}

struct CaseRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record an event on a case (refused when the state machine does not allow it).",
        discussion: EventInput.names.map {
            "\($0.name) \($0.fields.map { "--\($0)" }.joined(separator: " "))  \($0.meaning)"
        }
        .joined(separator: "\n"))

    @OptionGroup var scope: CaseScopeOptions

    @Argument(help: "The case's reference (受理编号) or tracking code (查询码).") var code: String
    @Argument(help: "The event, e.g. answered.") var event: String

    @Option(name: .long, help: "The day it happened, YYYY-MM-DD (default: today).") var date: String?
    @Option(name: .long, help: "The version you read (gongkai case show); refused if the case changed since.")
    var version: Int?
    @Option(name: .long) var deadline: String?
    @Option(name: .long, help: "third-party or other-agency.") var party: String?
    @Option(name: .long) var days: String?
    @Option(name: .long) var approvedBy: String?
    @Option(name: .long, help: "Yuan, e.g. 100.00.") var amount: String?
    @Option(name: .long, help: "delayed-reply-set: the reply period the agency set (Art. 35).") var until: String?
    @Option(name: .long, help: "answered-in-parts: the parts' report rows, comma-separated.") var outcomes: String?
    @Option(name: .long, help: "The report row, e.g. granted, withheld.4, unavailable.1.") var outcome: String?

    func run() throws {
        var fields: [String: String] = [:]
        let given = [
            ("deadline", deadline), ("party", party), ("days", days), ("approved-by", approvedBy),
            ("amount", amount), ("until", until), ("outcomes", outcomes), ("outcome", outcome),
        ]
        for case (let key, let value?) in given { fields[key] = value }
        let input = EventInput(name: event, date: try parseDay(date, flag: "--date"), fields: fields)
        let (code, version, now) = (code, version, momentNow())
        let stored = try scope.withOffice { office, scope in
            try await office.record(try input.event(), on: code, scope: scope, at: now, expectedVersion: version)
        }
        print("已记录：\(stored.value.events.last!)（第\(stored.version)版）")
        print("状态：\(stored.value.phase.label)")
    }
}
