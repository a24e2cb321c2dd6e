import Foundation
import Testing

/// `gongkai agency` and `gongkai user` on a fresh SQLite file, as a newcomer would start.
@Suite struct AgencyCommandTests {
    static func database() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-tests", isDirectory: true)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return "sqlite://" + dir.appendingPathComponent("agency-\(UUID().uuidString).sqlite").path
    }

    @Test("register an agency, list it, add users; bad input is named and writes nothing")
    func newcomer() throws {
        let db = ["--database", Self.database()]
        let empty = try CLIRunner.run(["agency", "list"] + db)
        #expect(empty.status == 0 && empty.stdout.contains("还没有登记任何机关"))

        let add = try CLIRunner.run(
            ["agency", "add", "--name", "北京市大兴区应急管理局", "--code", "110115-YJ", "--level", "county",
             "--region", "beijing"] + db)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("已登记机关：北京市大兴区应急管理局（编号 1）"))

        let again = try CLIRunner.run(["agency", "add", "--name", "别的局", "--code", "110115-YJ", "--level", "county"] + db)
        #expect(again.status == 1)
        #expect(again.stderr.contains("110115-YJ") && again.stderr.contains("编号 1"))

        let badLevel = try CLIRunner.run(["agency", "add", "--name", "某局", "--code", "Z", "--level", "district"] + db)
        #expect(badLevel.status != 0 && badLevel.stderr.contains("district"))

        let list = try CLIRunner.run(["agency", "list"] + db)
        #expect(list.stdout == "1\t110115-YJ\tcounty\tbeijing\t北京市大兴区应急管理局\tarticle31\n")

        #expect(try CLIRunner.run(["user", "add", "--agency", "1", "--username", "li", "--role", "viewer"] + db).status == 0)
        let unknownAgency = try CLIRunner.run(["user", "add", "--agency", "7", "--username", "wang"] + db)
        #expect(unknownAgency.status == 1 && unknownAgency.stderr.contains("找不到编号为 7 的机关"))
        let badRole = try CLIRunner.run(["user", "add", "--agency", "1", "--username", "wang", "--role", "boss"] + db)
        #expect(badRole.status == 1 && badRole.stderr.contains("boss") && badRole.stderr.contains("viewer"))
        let users = try CLIRunner.run(["user", "list", "--agency", "1"] + db)
        #expect(users.stdout == "li\tviewer\tli\n")
    }

    @Test("an agency's receipt rule: set at registration or later, listed, bad times named")
    func receiptRule() throws {
        let db = ["--database", Self.database()]
        let add = try CLIRunner.run(
            ["agency", "add", "--name", "某局", "--code", "G1", "--level", "county", "--receipt-rule", "agency-guide",
             "--office-closes", "17:30"] + db)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try CLIRunner.run(["agency", "list"] + db).stdout == "1\tG1\tcounty\tnational\t某局\tagency-guide 17:30\n")
        let badTime = try CLIRunner.run(
            ["agency", "add", "--name", "某局", "--code", "G2", "--level", "county", "--receipt-rule", "agency-guide",
             "--office-closes", "25:00"] + db)
        #expect(badTime.status != 0 && badTime.stderr.contains("「25:00」不是 HH:MM"), "\(badTime.stderr)")
        let badRule = try CLIRunner.run(["agency", "receipt-rule", "--agency", "1", "--receipt-rule", "guide"] + db)
        #expect(badRule.status != 0 && badRule.stderr.contains("guide"), "\(badRule.stderr)")
        let set = try CLIRunner.run(["agency", "receipt-rule", "--agency", "1", "--receipt-rule", "article31"] + db)
        #expect(set.status == 0 && set.stdout.contains("某局 的收件规则：第三十一条"), "\(set.stdout)\(set.stderr)")
        #expect(try CLIRunner.run(["agency", "list"] + db).stdout.hasSuffix("\tarticle31\n"))
        let unknown = try CLIRunner.run(["agency", "receipt-rule", "--agency", "9", "--receipt-rule", "article31"] + db)
        #expect(unknown.status == 1 && unknown.stderr.contains("找不到编号为 9 的机关"), "\(unknown.stderr)")
    }

    @Test("agency online-confirmation sets how online applications are confirmed; bad values and agencies are named")
    func onlineConfirmation() throws {
        let db = ["--database", Self.database()]
        #expect(try CLIRunner.run(["agency", "add", "--name", "某局", "--code", "G1", "--level", "county"] + db).status == 0)
        let set = try CLIRunner.run(["agency", "online-confirmation", "--agency", "1", "--by", "byStaff"] + db)
        #expect(set.status == 0 && set.stdout == "某局 的网上申请确认方式：工作人员确认\n", "\(set.stdout)\(set.stderr)")
        let back = try CLIRunner.run(["agency", "online-confirmation", "--agency", "1", "--by", "automatic"] + db)
        #expect(back.status == 0 && back.stdout.contains("提交即确认"), "\(back.stdout)\(back.stderr)")
        let bad = try CLIRunner.run(["agency", "online-confirmation", "--agency", "1", "--by", "staff"] + db)
        #expect(bad.status != 0 && bad.stderr.contains("staff"), "\(bad.stderr)")
        let unknown = try CLIRunner.run(["agency", "online-confirmation", "--agency", "9", "--by", "byStaff"] + db)
        #expect(unknown.status == 1 && unknown.stderr.contains("找不到编号为 9 的机关"), "\(unknown.stderr)")
    }
}
