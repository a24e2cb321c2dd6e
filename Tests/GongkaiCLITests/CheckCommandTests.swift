import Foundation
import Testing

/// `gongkai check` and `gongkai render`, run as a user runs them.
@Suite("CLI: check and render")
struct CheckCommandTests {
    @Test("the seed has no error")
    func seed() throws {
        let r = try CLIRunner.run(["check", Fixtures.seed.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("北京市大兴区应急管理局 2020年（2019版）无错误"))
    }

    @Test("the sample with a genuine arithmetic error is flagged by the outcome-sum rule")
    func genuineError() throws {
        let r = try CLIRunner.run(["check", Fixtures.url("05-pingtan-ziranziyuanju-2020.txt").path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("[错误 III.outcomeSum]"))
        #expect(r.stdout.contains("「法律服务机构」列") && r.stdout.contains("「总计」列"))
    }

    @Test("a folder: one line per file and a summary; errors only in the sample that has them")
    func folder() throws {
        let r = try CLIRunner.run(["check", Fixtures.directory.path])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.last == "共 6 份：5 份无错误，1 份有错误，0 份无法读取")
        let withErrors = lines.filter { $0.contains("个错误") }
        #expect(withErrors.count == 1 && withErrors[0].contains("05-pingtan"))
    }

    @Test("--json gives every file with its status and findings")
    func json() throws {
        let r = try CLIRunner.run(["check", "--json", Fixtures.directory.path])
        let files = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(files.count == 6)
        let bad = files.filter { $0["status"] as? String == "errors" }
        #expect(bad.count == 1)
        let rules = (bad.first?["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
        #expect(rules.contains("III.outcomeSum"))
        #expect(files.allSatisfy { $0["year"] is Int && $0["agency"] is String })
    }

    @Test("unreadable input exits 2 and says which file and why")
    func unreadable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let garbage = dir.appendingPathComponent("garbage.txt")
        try Data("这不是一份年度报告。\n只有两行。\n".utf8).write(to: garbage)
        let r = try CLIRunner.run(["check", garbage.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("garbage.txt") && r.stdout.contains("无法读取"))
        let missing = try CLIRunner.run(["check", dir.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 2 && missing.stderr.contains("找不到文件或目录"))
        #expect(!r.stderr.contains("Fatal error") && !r.stdout.contains("Fatal error"))
    }

    @Test("render to JSON and back: check reads its own JSON")
    func renderJSON() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("seed.json")
        let r = try CLIRunner.run(["render", Fixtures.seed.path, "--to", "json", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect(object["agency"] as? String == "北京市大兴区应急管理局" && object["year"] as? Int == 2020)
        let check = try CLIRunner.run(["check", out.path])
        #expect(check.status == 0 && check.stdout.contains("无错误"))
    }

    @Test("render to text reproduces the seed's tables")
    func renderText() throws {
        let r = try CLIRunner.run(["render", Fixtures.seed.path, "--to", "text"])
        #expect(r.status == 0)
        let seed = try String(contentsOf: Fixtures.seed, encoding: .utf8)
        let section = { (s: String) in s.components(separatedBy: "二、主动公开政府信息情况")[1].components(separatedBy: "五、")[0] }
        #expect(section(r.stdout).filter { !$0.isWhitespace } == section(seed).filter { !$0.isWhitespace })
    }

    @Test("a wrong --to is refused with the allowed values")
    func badFormat() throws {
        let r = try CLIRunner.run(["render", Fixtures.seed.path, "--to", "xls"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--to 只能是"))
    }
}
