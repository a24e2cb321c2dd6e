import Foundation
import Testing

/// `gongkai case …` on the demo database: a case received, moved through 补正, a consultation, an extension and
/// an answer, shown again by a new process; refusals are named and change nothing.
@Suite struct CaseCommandTests {
    @Test("receive, record, show and list a case; the report of its year counts it")
    func caseFromIntakeToReport() throws {
        let db = ["--database", AgencyCommandTests.database()]
        #expect(try CLIRunner.run(["demo"] + db).status == 0)
        let who = ["--agency", "1", "--user", DemoOfficer.name] + db
        let receive = try CLIRunner.run(
            [
                "case", "receive", "--reference", "2024-001", "--channel", "post", "--submitted-on", "2024-02-03",
                "--applicant-kind", "自然人", "--applicant-name", "张三", "--description", "某路段施工许可",
                "--id-number", "11010519491231002X", "--phone", "13800000000",
            ] + who)
        #expect(receive.status == 0, "\(receive.stderr)")
        let code = try #require(
            receive.stdout.split(separator: "：").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(code.count == 19)

        let steps: [[String]] = [
            ["correction-requested", "--date", "2024-02-18", "--deadline", "2024-03-01"],
            ["correction-received", "--date", "2024-02-26"],
            ["consultation-sent", "--date", "2024-02-28", "--party", "third-party"],
            ["consultation-replied", "--date", "2024-03-08"],
            ["extension-approved", "--date", "2024-03-15", "--days", "10", "--approved-by", "dx-yjj-head"],
            ["answered", "--date", "2024-04-10", "--outcome", "partiallyGranted"],
        ]
        for step in steps {
            let r = try CLIRunner.run(["case", "record", code, step[0]] + Array(step.dropFirst()) + who)
            #expect(r.status == 0, "\(step[0]): \(r.stderr)")
        }
        let refused = try CLIRunner.run(["case", "record", "2024-001", "fee-paid", "--date", "2024-04-11"] + who)
        #expect(refused.status == 1 && refused.stderr.contains("已办结"))
        let stale = try CLIRunner.run(["case", "record", "2024-001", "withdrawn", "--version", "3"] + who)
        #expect(stale.status == 1 && stale.stderr.contains("已被他人修改"))

        let show = try CLIRunner.run(["case", "show", code, "--on", "2024-04-10"] + who)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("第7版") && show.stdout.contains("11010519491231002X"))
        #expect(show.stdout.contains("告知补正") && show.stdout.contains("经办公室负责人同意延期答复10个工作日"))
        #expect(show.stdout.contains("按期办结") && show.stdout.contains("逐日计算"))
        let anonymous = try CLIRunner.run(["case", "show", "2024-001", "--agency", "1", "--on", "2024-04-10"] + db)
        #expect(anonymous.status == 0 && !anonymous.stdout.contains("11010519491231002X"))
        let otherAgency = try CLIRunner.run(["case", "show", "2024-001", "--agency", "2"] + db)
        #expect(otherAgency.status == 1 && otherAgency.stderr.contains("找不到编号为 2 的机关"))

        let report = try CLIRunner.run(["report", "--agency", "1", "--year", "2024", "--to", "json"] + db)
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let sections = json?["sections"] as? [String: Any]
        let rows = (sections?["applications"] as? [String: Any])?["rows"] as? [String: Any]
        #expect((rows?["partiallyGranted"] as? [Any])?.map { "\($0)" }.first == "1", "\(report.stdout.prefix(600))")
        #expect((rows?["new"] as? [Any])?.map { "\($0)" }.last == "1")
    }

    @Test("list the cases due and overdue on a day")
    func listDue() throws {
        let db = ["--database", AgencyCommandTests.database()]
        #expect(try CLIRunner.run(["demo"] + db).status == 0)
        let who = ["--agency", "1", "--user", DemoOfficer.name] + db
        for (ref, day) in [("2024-101", "2024-03-01"), ("2024-102", "2024-04-01")] {
            let r = try CLIRunner.run(
                [
                    "case", "receive", "--reference", ref, "--channel", "in-person", "--submitted-on", day,
                    "--applicant-kind", "naturalPerson", "--applicant-name", "李四", "--description", "某信息",
                ] + who)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let overdue = try CLIRunner.run(["case", "list", "--overdue", "--on", "2024-04-08"] + who)
        #expect(overdue.stdout.contains("2024-101") && !overdue.stdout.contains("2024-102"))
        #expect(overdue.stdout.contains("共1件"))
        let soon = try CLIRunner.run(["case", "list", "--due-within", "25", "--on", "2024-04-08"] + who)
        #expect(soon.stdout.contains("2024-101") && soon.stdout.contains("2024-102") && soon.stdout.contains("共2件"))
        let none = try CLIRunner.run(["case", "list", "--due-within", "3", "--on", "2024-04-08"] + who)
        #expect(none.stdout.contains("2024-101") && !none.stdout.contains("2024-102"))
    }

    @Test("receive from a JSON file; a field the office cannot use is named")
    func receiveFromJSON() throws {
        let db = ["--database", AgencyCommandTests.database()]
        #expect(try CLIRunner.run(["demo"] + db).status == 0)
        let who = ["--agency", "1", "--user", DemoOfficer.name] + db
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString).json")
        let intake = """
            {"reference": "2024-201", "channel": "online", "submittedOn": "2024-05-06", "submittedAt": "18:20",
             "applicantKind": "commercialEnterprise", "applicantName": "某公司", "creditCode": "91350100M000100Y43",
             "legalRepresentative": "王五", "description": "某项目环评批复", "deliveryMedium": "电子",
             "deliveryMethod": "电子邮件"}
            """
        try Data(intake.utf8).write(to: file)
        let ok = try CLIRunner.run(["case", "receive", "--json", file.path] + who)
        #expect(ok.status == 0, "\(ok.stderr)")
        let show = try CLIRunner.run(["case", "show", "2024-201", "--on", "2024-05-07"] + who)
        #expect(show.stdout.contains("某公司") && show.stdout.contains("电子，电子邮件") && show.stdout.contains("18:20"))

        try Data(intake.replacingOccurrences(of: "91350100M000100Y43", with: "91350100M000100Y44").utf8).write(to: file)
        let bad = try CLIRunner.run(["case", "receive", "--json", file.path] + who)
        #expect(bad.status == 1 && bad.stderr.contains("统一社会信用代码") && bad.stderr.contains("校验码"))
        try Data("{".utf8).write(to: file)
        let broken = try CLIRunner.run(["case", "receive", "--json", file.path] + who)
        #expect(broken.status != 0 && broken.stderr.contains("不是有效的申请登记 JSON"))
    }
}

enum DemoOfficer {
    static let name = "dx-yjj-admin"
}
