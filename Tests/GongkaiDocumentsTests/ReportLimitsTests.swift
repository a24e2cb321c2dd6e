import Foundation
import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// Issue 10: the JSON reader's limits and messages, the SVG writer on extreme values, and a batch of files of
/// which some cannot be read.
@Suite("JSON, SVG and batches at the limits")
struct ReportLimitsTests {
    /// A valid report's JSON with `edit` applied to its object.
    static func json(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(
            try JSONSerialization.jsonObject(with: ReportJSON.encode(TestReports.national2022)) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func message(_ data: Data) -> String {
        do {
            _ = try ReportJSON.decode(data, source: "r.json")
            return ""
        } catch { return error.description }
    }

    @Test("a year outside 2008–2100 is refused naming the range", arguments: [Int.min, -1, 0, 2007, 2101, Int.max])
    func year(year: Int) throws {
        let text = Self.message(try Self.json { $0["year"] = year })
        #expect(text.contains("year：年度应在 2008–2100 之间") && text.contains("实为 \(year)"), "\(text)")
    }

    @Test(
        "a cell past the limit is refused with its JSON path and the problem",
        arguments: [
            ("12345678901234567890", "数值超过上限"), ("1234567890123456", "数值超过上限"), ("1e3", "不是整数写法"),
            ("1.1234567", "小数位数超过上限"),
        ])
    func cell(cell: String, words: String) throws {
        for value in [cell as Any, Decimal(string: cell)! as Any] {
            let data = try Self.json { o in
                var sections = o["sections"] as! [String: Any]
                var apps = sections["applications"] as! [String: Any]
                var rows = apps["rows"] as! [String: Any]
                var new = rows["new"] as! [Any]
                new[2] = value
                rows["new"] = new
                apps["rows"] = rows
                sections["applications"] = apps
                o["sections"] = sections
            }
            // JSONSerialization writes the number 1e3 as 1000, a plain integer: read as such.
            if value is Decimal, words == "不是整数写法" {
                let read = try ReportJSON.decode(data, source: "r.json")
                #expect(read.applications.table[.new, .researchInstitution] == 1000)
                continue
            }
            let text = Self.message(data)
            #expect(text.contains("sections.applications.rows.new[2]") && text.contains(words), "\(text)")
        }
    }

    @Test("Foundation's English decoding errors become Chinese messages naming the path", arguments: [
        (#"{"agency":"a","year":"x"}"#, "JSON 字段 year 类型不对：应为整数"),
        (#"{"agency":"a","year":2020,"format":"2030"}"#, "JSON 字段 format 无法读取：取值「2030」不是可用的值"),
        (#"{"agency":"a","year":2020"#, "JSON 无法解析：不是合法的 JSON"),
        (#"{"agency":null,"year":2020}"#, "JSON 字段 agency 不能为 null"),
    ])
    func chinese(json: String, words: String) {
        let text = Self.message(Data(json.utf8))
        #expect(text.contains(words), "\(text)")
        #expect(!text.contains("Expected") && !text.contains("The given data") && !text.contains("Cannot initialize"))
    }

    @Test("the SVG writer draws extreme counts without trapping")
    func svgExtremes() {
        for value in [Int(Int64.max), Int(Int64.min) + 1, 999_999_999_999_999, -5] {
            var r = AnnualReport(agency: "某局", year: 2022)
            for row in r.applications.table.rows {
                for c in ApplicantColumn.allCases { r.applications.table[row, c] = .count(value) }
            }
            r.appeals.table = AppealsTable(cells: Array(repeating: .count(value), count: 15))
            let svg = SVGSummaryWriter.render(r, compare: r)
            #expect(svg.hasPrefix("<?xml") && svg.contains("</svg>"))
            let widths = svg.matches(of: /width="(-?\d+)"/).compactMap { Int($0.1) }
            #expect(widths.allSatisfy { (0...800).contains($0) }, "\(value)")
        }
    }

    @Test("a batch of good reports and bad files checks every good one and names every bad one")
    func batch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try Data(contentsOf: TestReports.fixture(TestReports.seedName))
        var urls: [URL] = []
        for (name, data) in [
            ("a-good.txt", seed), ("b-nul.txt", seed.prefix(100) + Data([0]) + seed.dropFirst(101)),
            ("c-good.txt", seed), ("d-empty.json", Data()), ("e-missing.txt", nil),
        ] as [(String, Data?)] {
            let url = dir.appendingPathComponent(name)
            if let data { try data.write(to: url) }
            urls.append(url)
        }
        urls.append(dir)  // a folder named as a file
        let results = ReportBatch.check(urls)
        #expect(results.map(\.status) == ["ok", "unreadable", "ok", "unreadable", "unreadable", "unreadable"])
        let nulLine = seed.prefix(100).filter { $0 == 0x0A }.count + 1
        #expect(results[1].readError?.contains("b-nul.txt 第\(nulLine)行（第 100 字节）：有 NUL 字节") == true)
        #expect(results[3].readError?.hasPrefix("d-empty.json：JSON 无法解析") == true)
        #expect(results[4].readError == "e-missing.txt：文件不存在")
        #expect(results[5].readError?.contains("这是一个目录") == true)
        #expect(ReportBatch.exitStatus(results) == 2)
        #expect(ReportBatch.exitStatus([results[0], results[2]]) == 0)
        #expect(results[0].report?.agency == "北京市大兴区应急管理局")
    }

    /// Uploaded bytes are checked exactly as the same files on disk: same statuses, reports and findings, in order
    /// (only `file` differs: the upload's name, not a path), cross-year pairs included.
    @Test("a batch of uploads gives what the same files on disk give")
    func uploadsEqualFiles() throws {
        let names = [TextReaderFixtures.seed] + TextReaderFixtures.samples
        let urls = names.map { TextReaderFixtures.directory.appendingPathComponent($0) }
        let fromDisk = ReportBatch.check(urls)
        let uploads = try names.map { (name: $0, data: try Data(contentsOf: TextReaderFixtures.directory.appendingPathComponent($0))) }
            + [(name: "bad.docx", data: Data("PK".utf8))]
        let fromUploads = ReportBatch.check(uploads: uploads)
        #expect(fromUploads.count == names.count + 1)
        for (disk, upload) in zip(fromDisk, fromUploads) {
            #expect(upload.file == (disk.file as NSString).lastPathComponent)
            #expect(upload.report == disk.report && upload.findings == disk.findings && upload.status == disk.status)
        }
        #expect(fromUploads.last?.status == "unreadable" && fromUploads.last?.readError?.hasPrefix("bad.docx") == true)
    }
}

