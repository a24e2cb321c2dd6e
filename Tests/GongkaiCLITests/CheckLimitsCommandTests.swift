import Foundation
import Testing

/// Issue 10 through the built binary: empty folders, unreadable files in a batch, unreadable cells, the
/// `GONGKAI_LIMIT_*` settings, and render never writing what check cannot read.
@Suite("CLI: check at the limits")
struct CheckLimitsCommandTests {
    /// A fresh temporary folder, removed by `defer` in the caller.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The seed with the first cell of 本年新收 (自然人, 21) written as `cell`.
    static func seed(withNewNatural cell: String) throws -> String {
        let seed = try String(contentsOf: Fixtures.seed, encoding: .utf8)
        let label = try #require(seed.range(of: "本年新收政府信息公开申请数量\n\t21\n"))
        return seed.replacingCharacters(in: label, with: "本年新收政府信息公开申请数量\n\t\(cell)\n")
    }

    static func noCrash(_ r: CLIRunner.Result) -> Bool {
        ![r.stdout, r.stderr].contains { $0.contains("Fatal error") || $0.contains("Stack dump") } && r.status < 3
    }

    @Test("a folder with no report files says so and exits 2")
    func emptyFolder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("x".utf8).write(to: dir.appendingPathComponent("notes.md"))
        let r = try CLIRunner.run(["check", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("目录 \(dir.path) 中没有报告文件"))
    }

    @Test("good reports and one bad file: every good one is reported, the bad one named, exit 2")
    func oneBadFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try Data(contentsOf: Fixtures.seed)
        for i in 0..<5 { try seed.write(to: dir.appendingPathComponent("good-\(i).txt")) }
        var bad = seed
        bad[200] = 0
        try bad.write(to: dir.appendingPathComponent("bad.txt"))
        let r = try CLIRunner.run(["check", dir.path])
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("bad.txt：无法读取 — bad.txt 第") && r.stdout.contains("NUL 字节"))
        #expect(r.stdout.components(separatedBy: "北京市大兴区应急管理局 2020年（2019版）无错误").count - 1 == 5)
        #expect(r.stdout.contains("共 6 份：5 份无错误，0 份有错误，1 份无法读取"))
        let json = try CLIRunner.run(["check", "--json", dir.path])
        let files = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["unreadable"] + Array(repeating: "ok", count: 5))
        #expect((files[0]["readError"] as? String)?.contains("NUL") == true && json.status == 2)
    }

    @Test("a cell past the limit is an error naming row and column; exit 1", arguments: ["12345678901234567890", "1e3"])
    func unreadableCell(cell: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.txt")
        try Self.seed(withNewNatural: cell).write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["check", file.path])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("[错误 read.unreadableCell]") && r.stdout.contains("「自然人」列"))
        #expect(r.stdout.contains(cell == "1e3" ? "不是整数写法" : "数值超过上限"))
        #expect(!r.stdout.contains("只读到"))
        // render writes it; check then reads what render wrote without crashing, in every readable form.
        for format in ["json", "text", "html"] {
            let out = dir.appendingPathComponent("out.\(format == "text" ? "txt" : format)")
            let rendered = try CLIRunner.run(["render", file.path, "--to", format, "-o", out.path])
            #expect(rendered.status == 0, "\(rendered.stderr)")
            let again = try CLIRunner.run(["check", out.path])
            #expect(Self.noCrash(again) && again.status != 0, "\(format): \(again.stdout)\(again.stderr)")
        }
    }

    @Test("GONGKAI_LIMIT_* settings apply, and a bad one is refused naming the variable")
    func settings() throws {
        let lowered = try CLIRunner.run(["check", Fixtures.seed.path], env: ["GONGKAI_LIMIT_MAX_CELL_VALUE": "20"])
        #expect(lowered.status == 1 && lowered.stdout.contains("read.unreadableCell"), "\(lowered.stdout)")
        let small = try CLIRunner.run(["check", Fixtures.seed.path], env: ["GONGKAI_LIMIT_MAX_FILE_BYTES": "1000"])
        #expect(small.status == 2 && small.stdout.contains("超过文件大小上限"))
        let bad = try CLIRunner.run(["check", Fixtures.seed.path], env: ["GONGKAI_LIMIT_MAX_LINE_BYTES": "lots"])
        #expect(bad.status == 2 && bad.stderr.contains("环境变量 GONGKAI_LIMIT_MAX_LINE_BYTES") && bad.stdout.isEmpty)
        let render = try CLIRunner.run(
            ["render", Fixtures.seed.path, "--to", "text"], env: ["GONGKAI_LIMIT_MAX_CELL_SCALE": "x"])
        #expect(render.status == 2 && render.stderr.contains("GONGKAI_LIMIT_MAX_CELL_SCALE"))
    }

    @Test("CR-only text checks like LF text")
    func crOnly() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mac.txt")
        let seed = try String(contentsOf: Fixtures.seed, encoding: .utf8)
        try seed.replacingOccurrences(of: "\n", with: "\r").write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["check", file.path])
        let lf = try CLIRunner.run(["check", Fixtures.seed.path])
        #expect(r.status == 0 && r.stdout.contains("北京市大兴区应急管理局 2020年（2019版）无错误"))
        let withoutPath = { (r: CLIRunner.Result, path: String) in r.stdout.replacingOccurrences(of: path, with: "") }
        #expect(withoutPath(r, file.path) == withoutPath(lf, Fixtures.seed.path))
    }
}
