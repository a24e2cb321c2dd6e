import Foundation
import Testing

/// `gongkai deadline`, run as a user runs it. Expected dates computed independently from holidays.md.
@Suite("gongkai deadline")
struct DeadlineCommandTests {
    struct Output: Decodable {
        struct Day: Decodable {
            var date: String
            var counted: Bool
            var number: Int?
            var kind: String
            var reason: String
        }
        var due: String
        var received: String
        var days: [Day]
    }

    func json(_ args: [String]) throws -> Output {
        let r = try CLIRunner.run(["deadline"] + args + ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(Output.self, from: Data(r.stdout.utf8))
    }

    @Test(
        "Due dates across holidays, make-up days, receipt rules, 补正, pauses and extensions",
        arguments: [
            (["--received", "2021-02-08"], "2021-03-12"),
            (["--received", "2020-01-22"], "2020-02-27"),
            (["--received", "2020-09-28", "--channel", "post"], "2020-11-02"),
            // Art. 31: a receipt on a Saturday, a holiday or after hours stays that day; day 1 is the next working day.
            // 03-09 (Sat): 03-11…03-29 (1–15), 04-01…04-03 (16–18), 04-07 调休 Sunday (19), 04-08 (20)
            (["--received", "2024-03-09", "--channel", "post"], "2024-04-08"),
            // 10-03 (National Day): 10-07, 10-08 调休 (1–2), 10-09…10-31 (3–19), 11-01 (20)
            (["--received", "2023-10-03", "--channel", "letter"], "2023-11-01"),
            // 02-09 18:00: 02-18 调休 Sunday (1), 02-19…03-08 (2–16), 03-11…03-14 (17–20)
            (["--received", "2024-02-09", "--channel", "online", "--at", "18:00"], "2024-03-14"),
            // the check: post signed Sat 02-03; 02-04 调休 Sunday (1), 02-05…02-09 (2–6), 春节 02-10…02-17,
            // 02-18 调休 Sunday (7), 02-19…03-01 (8–16), 03-04…03-06 (17–20)
            (["--received", "2024-02-03", "--channel", "post"], "2024-03-06"),
            // the agency's rule: received 02-04, itself day 1 — the same due date, never one day later
            (["--received", "2024-02-03", "--channel", "post", "--agency-rule"], "2024-03-06"),
            (["--received", "2024-02-09", "--channel", "online", "--at", "18:00", "--agency-rule"], "2024-03-14"),
            // consultation window from the party's receipt (09-30): closes 10-25; answer 11-19 (see ClockTests)
            (["--received", "2024-09-20", "--third-party", "2024-09-25/2024-09-30"], "2024-11-19"),
            (["--received", "2024-03-01", "--correction-received", "2024-03-15"], "2024-04-15"),
            (["--received", "2024-09-20", "--pause", "2024-09-25..2024-10-09"], "2024-10-31"),
            (["--received", "2024-05-06", "--extend", "20"], "2024-07-01"),
            (["--received", "2024-09-20", "--third-party", "2024-09-25..2024-10-09"], "2024-10-31"),
            (["--received", "2024-09-20", "--other-agency", "2024-09-25"], "2024-11-13"),  // no reply: 15-day window
            (["--received", "2024-09-20", "--third-party", "2024-09-25..2024-12-31"], "2024-11-13"),  // capped
            (["--received", "2024-05-06", "--fee", "2024-05-10..2024-05-20"], "2024-06-12"),
            (["--received", "2024-03-01", "--correction-received", "2024-03-15", "--pause", "2024-03-20..2024-03-22",
              "--extend", "3"], "2024-04-22"),
            (["--received", "2024-12-20"], "2025-01-20"),
            (["--received", "2024-02-27", "--channel", "fax", "--at", "09:30"], "2024-03-26"),
        ])
    func due(args: [String], due: String) throws {
        let out = try json(args)
        #expect(out.due == due)
        #expect(out.days.last?.date == due)
        #expect(out.days.filter(\.counted).count >= 20)
    }

    @Test("The agency's rule is named as the agency's, not Art. 31")
    func agencyRule() throws {
        let r = try CLIRunner.run(["deadline", "--received", "2024-02-03", "--channel", "post", "--agency-rule"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("收到申请之日：2024-02-04（本机关《指南》规则"))
        #expect(r.stdout.contains("2024-02-04 星期日  第1个工作日"))
        let plain = try json(["--received", "2024-02-03", "--channel", "post"])
        #expect(plain.received == "2024-02-03")
    }

    @Test("The text form prints the due date and every day with its reason")
    func text() throws {
        let r = try CLIRunner.run(["deadline", "--received", "2024-02-01"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("答复期限：2024-03-05"))
        #expect(r.stdout.contains("2024-02-04 星期日  第2个工作日 — 调休上班日（春节），计"))
        #expect(r.stdout.contains("2024-02-12 星期一  春节假期，不计"))
    }

    @Test("A new year's holiday schedule is loaded from a file (--calendar) without a code change")
    func newYear() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("holidays-2027-\(UUID()).json")
        let json = """
            {"year": 2027, "notice": "测试", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
             "makeupWorkdays": [{"date": "2027-01-09", "for": "元旦"}]}
            """
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let without = try CLIRunner.run(["deadline", "--received", "2026-12-30", "--json"])
        #expect(without.stdout.contains("\"provisional\" : true"))
        let with = try CLIRunner.run(["deadline", "--received", "2026-12-30", "--calendar", file.path, "--json"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("\"provisional\" : false"))
        #expect(with.stdout.contains("\"due\" : \"2027-01-27\""))
    }

    @Test(
        "Bad arguments are refused with a message naming the option",
        arguments: [
            (["--received", "2024-02-30"], "--received"),
            (["--received", "2024-02-01", "--extend", "21"], "--extend"),
            (["--received", "2024-02-01", "--channel", "email"], "--channel"),
            (["--received", "2024-02-01", "--pause", "2024-02-10"], "--pause"),
            (["--received", "2024-02-01", "--at", "25:00"], "--at"),
        ])
    func refused(args: [String], option: String) throws {
        let r = try CLIRunner.run(["deadline"] + args)
        #expect(r.status != 0)
        #expect(r.stderr.contains(option))
    }

    @Test(
        "What is wrong is said: a day that does not exist, a negative extension, a date beyond the calendar",
        arguments: [
            (["--received", "2026-02-30"], "--received 2026-02-30：日期不存在，2026年2月只有28天"),
            (["--received", "2024-02-30"], "2024年2月只有29天"),
            (["--received", "2024-13-01"], "没有13月"),
            (["--received", "2024/02/01"], "日期格式应为 YYYY-MM-DD"),
            (["--received", "2024-02-01", "--extend", "-1"], "--extend -1：延长天数应为1至20之间的整数个工作日"),
            (["--received", "2024-02-01", "--extend", "abc"], "--extend abc：延长天数应为1至20"),
            (["--received", "2025-03-01", "--pause", "2025-03-10..9999-12-31"], "9999-12-31 超出工作日历的范围"),
            (["--received", "1990-01-02"], "只能计算 2018年至2027年的日期"),
        ])
    func explained(args: [String], message: String) throws {
        let r = try CLIRunner.run(["deadline"] + args)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("Missing value"))
    }
}
