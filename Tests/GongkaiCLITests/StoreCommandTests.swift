import Foundation
import Testing

/// The store commands through the built binary: bad databases, bad backups and bad CSV files end in a Chinese
/// message naming the problem (never a trap in the connection pool), and importing a file twice changes nothing.
@Suite struct StoreCommandTests {
    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-store-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// No trap text, no Swift error type names, no English driver description.
    func expectClean(_ r: CLIRunner.Result, _ context: String) {
        for bad in ["ConnectionPool", "Fatal error", "PSQLError", "Generic description", "SQLiteError"] {
            #expect(!r.stderr.contains(bad), "\(context): \(r.stderr)")
        }
        #expect(r.status == 1 || r.status == 2, "\(context): status \(r.status)")
    }

    @Test func emptyDatabaseURLIsRefusedAndCreatesNothing() throws {
        let cwd = try Self.directory()
        let r = try CLIRunner.run(["migrate", "--database", ""], cwd: cwd)
        expectClean(r, "--database \"\"")
        #expect(r.status == 2 && r.stderr.contains("地址为空"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd.path).isEmpty)
    }

    @Test func unopenableDatabasesAreNamed() throws {
        let missing = try CLIRunner.run(["migrate", "--database", "sqlite:///nonexistent-gongkai-dir/g.sqlite"])
        expectClean(missing, "missing directory")
        #expect(missing.stderr.contains("目录 /nonexistent-gongkai-dir 不存在"), "\(missing.stderr)")
        let unreachable = try CLIRunner.run(["agency", "list", "--database", "postgres://postgres@127.0.0.1:1/gk"])
        expectClean(unreachable, "unreachable server")
        #expect(unreachable.stderr.contains("无法连接"), "\(unreachable.stderr)")
    }

    @Test func restoreRefusesGarbageAndLeavesItAlone() throws {
        let dir = try Self.directory()
        let db = ["--database", "sqlite://" + dir.appendingPathComponent("g.sqlite").path]
        #expect(try CLIRunner.run(["demo"] + db).status == 0)
        for (name, bytes) in [("empty.backup", Data()), ("garbage.backup", Data(repeating: 0x41, count: 3_000))] {
            let file = dir.appendingPathComponent(name)
            try bytes.write(to: file)
            let r = try CLIRunner.run(["restore", file.path] + db)
            expectClean(r, name)
            #expect(r.stderr.contains("不是 SQLite 数据库备份"), "\(name): \(r.stderr)")
            #expect(try Data(contentsOf: file) == bytes, "\(name) was changed")
        }
        #expect(try CLIRunner.run(["agency", "list"] + db).stdout.contains("北京市大兴区应急管理局"))
    }

    @Test func importTwiceChangesNothingAndBadFilesAreNamed() throws {
        let dir = try Self.directory()
        let db = ["--database", "sqlite://" + dir.appendingPathComponent("g.sqlite").path]
        #expect(
            try CLIRunner.run(["agency", "add", "--name", "测试局", "--code", "T", "--level", "county"] + db).status == 0)
        let csv = dir.appendingPathComponent("items.csv")
        try Data("category,code,name,valid_from\nlicensing,X-1,甲,2015-01-01\nfee,X-2,乙,2015-01-01\n".utf8).write(
            to: csv)
        let first = try CLIRunner.run(["import", "administrative-items", csv.path, "--agency", "1"] + db)
        #expect(first.status == 0 && first.stdout.contains("导入 2 条"), "\(first.stdout)\(first.stderr)")
        let second = try CLIRunner.run(["import", "administrative-items", csv.path, "--agency", "1"] + db)
        #expect(second.status == 0 && second.stdout.contains("导入 0 条，2 条已存在且相同（未改动）"), "\(second.stdout)")
        let export = try CLIRunner.run(["export", "administrative-items", "--agency", "1", "--format", "csv"] + db)
        #expect(export.stdout.split(separator: "\n").count == 3, "\(export.stdout)")

        let cut = dir.appendingPathComponent("cut.csv")
        try (Data("category,code,name,valid_from\nlicensing,X-3,张三".utf8) + Data("张".utf8.prefix(2))).write(to: cut)
        let truncated = try CLIRunner.run(["import", "administrative-items", cut.path, "--agency", "1"] + db)
        expectClean(truncated, "cut UTF-8")
        #expect(truncated.stderr.contains("第2行") && truncated.stderr.contains("截断"), "\(truncated.stderr)")

        let big = dir.appendingPathComponent("big.csv")
        try Data(repeating: 0x41, count: 2_000).write(to: big)
        let tooBig = try CLIRunner.run(
            ["import", "administrative-items", big.path, "--agency", "1"] + db,
            env: ["GONGKAI_LIMIT_MAX_FILE_BYTES": "1000"])
        expectClean(tooBig, "too big")
        #expect(tooBig.stderr.contains("文件大小上限") && tooBig.stderr.contains("1000"), "\(tooBig.stderr)")
    }
}
