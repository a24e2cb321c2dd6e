import Foundation
import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// Issue 10: numbers a cell cannot hold, line endings, the longest line and the largest file, and the messages
/// for damaged text — each on inputs generated from the seed.
@Suite("Text reader — limits and unreadable input")
struct TextReaderLimitsTests {
    typealias F = TextReaderFixtures

    /// The seed's lines, and the index of the first cell of 本年新收 (自然人, 21).
    static func seedLines() throws -> (lines: [String], newNatural: Int) {
        let lines = try F.text(F.seed).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let label = try #require(lines.firstIndex { $0.contains("本年新收政府信息公开申请数量") })
        #expect(lines[label + 1] == "\t21")
        return (lines, label + 1)
    }

    /// The seed with 本年新收's 自然人 cell written as `cell`.
    static func seed(withNewNatural cell: String, limits: InputLimits = .standard) throws -> (ReadResult, line: Int) {
        var (lines, k) = try seedLines()
        lines[k] = "\t" + cell
        return (try TextReportReader.read(lines.joined(separator: "\n"), source: "s.txt", limits: limits), k + 1)
    }

    @Test(
        "a cell a cell cannot hold is an unreadable cell: an error naming table, row, column and line",
        arguments: [
            ("12345678901234567890", "数值超过上限"), ("123456789012345678", "数值超过上限"),
            ("1000000000000000", "数值超过上限"), ("１２３４５６７８９０１２３４５６７", "数值超过上限"),
            ("1e3", "不是整数写法"), ("2.5E+4", "不是整数写法"), ("1.1234567", "小数位数超过上限"),
        ])
    func unreadableCell(cell: String, words: String) throws {
        let (result, line) = try Self.seed(withNewNatural: cell)
        let errors = result.findings.filter { $0.rule == "read.unreadableCell" }
        #expect(errors.count == 1)
        let e = try #require(errors.first)
        #expect(e.severity == .error && e.message.contains(words) && e.found == cell)
        #expect(
            e.location == ReportLocation(section: 3, row: ApplicationRow.new.displayName, column: "自然人", line: line))
        #expect(!result.findings.contains { $0.message.contains("只读到") })
        // The row keeps its shape: the other cells are read where they belong.
        let t = result.report.applications.table
        #expect(t[.new, .naturalPerson] == .placeholder(cell) && t[.new, .total] == 21)
        // Checked, the report has errors; the cell is not also called a blank counted as 0.
        let check = ReportBatch.checked(result, file: "s.txt")
        #expect(check.status == "errors")
        #expect(
            !check.findings.contains { $0.rule == "blankCell" && $0.location.row == ApplicationRow.new.displayName })
    }

    @Test("the largest cell the limit allows is read as a number; the limit is the one given")
    func atTheLimit() throws {
        let (result, _) = try Self.seed(withNewNatural: "999999999999999")
        #expect(result.report.applications.table[.new, .naturalPerson] == .count(999_999_999_999_999))
        #expect(!result.findings.contains { $0.rule == "read.unreadableCell" })
        let leadingZeros = try Self.seed(withNewNatural: "0000000000000000021").0
        #expect(leadingZeros.report.applications.table[.new, .naturalPerson] == 21)
        let small = InputLimits(maxCellValue: 20)
        let (limited, _) = try Self.seed(withNewNatural: "21", limits: small)
        #expect(limited.findings.contains { $0.rule == "read.unreadableCell" && $0.message.contains("20") })
    }

    @Test("CR-only, CR LF and LF line endings give the same report and findings")
    func lineEndings() throws {
        for name in [F.seed] + F.samples {
            let lf = try F.text(name).replacingOccurrences(of: "\r\n", with: "\n")
            let reference = try TextReportReader.read(lf, source: name)
            for ending in ["\r", "\r\n"] {
                let other = try TextReportReader.read(lf.replacingOccurrences(of: "\n", with: ending), source: name)
                #expect(other.report == reference.report, "\(name) with \(ending.debugDescription)")
                #expect(other.findings == reference.findings, "\(name) with \(ending.debugDescription)")
            }
        }
        let cr = try TextReportReader.read(try F.text(F.seed).replacingOccurrences(of: "\n", with: "\r"), source: "cr")
        #expect(cr.report.agency == "北京市大兴区应急管理局")
    }

    @Test("a line or a file past its limit is refused naming the limit")
    func lineAndFileLimits() throws {
        let seed = try F.text(F.seed)
        let longest = seed.split(separator: "\n").map(\.utf8.count).max() ?? 0
        let limits = InputLimits(maxFileBytes: 1000, maxLineBytes: longest - 1)
        #expect(throws: ReportReadError.self) { try TextReportReader.read(seed, source: "s.txt", limits: limits) }
        do {
            _ = try TextReportReader.read(seed, source: "s.txt", limits: limits)
        } catch {
            guard case .limitExceeded(let e) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(e.limit == .maxLineBytes && e.allowed == Int64(longest - 1) && e.found == Int64(longest))
            #expect(error.description.contains("单行长度上限") && error.description.contains("GONGKAI_LIMIT_MAX_LINE_BYTES"))
        }
        let data = Data(seed.utf8)
        #expect(
            throws: ReportReadError.limitExceeded(
                LimitExceeded(limit: .maxFileBytes, allowed: 1000, found: Int64(data.count), place: "s.txt"))
        ) { try ReportFiles.read(data: data, type: "txt", source: "s.txt", limits: limits) }
    }

    @Test("a NUL byte and a file cut inside a character are named with their line and byte")
    func damagedText() throws {
        let seed = try F.data(F.seed)
        let lines = seed.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line = try #require(lines.indices.first { $0 >= 49 && lines[$0].count > 10 }) + 1
        let offset = lines.prefix(line - 1).reduce(0) { $0 + $1.count + 1 } + 3  // the line's fourth byte
        var withNul = seed
        withNul[offset] = 0
        #expect(
            throws: ReportReadError.damagedText(
                file: "n.txt", line: line, byte: offset,
                reason: "有 NUL 字节（0x00）：这不是纯文本（也许是 UTF-16 或二进制文件），或文件已损坏")
        ) {
            try TextReportReader.read(data: withNul, source: "n.txt")
        }
        var cut = seed + Data("附件".utf8)
        cut.removeLast()
        #expect(
            throws: ReportReadError.damagedText(
                file: "c.txt", line: lines.count, byte: cut.count - 2,
                reason: "文件在最后一个字符中间被截断（UTF-8 字符不完整）")
        ) {
            try TextReportReader.read(data: cut, source: "c.txt")
        }
        var gbCut = try #require("三、收到和处理政府信息公开申请情况\n附件".data(using: TextDecoding.gb18030))
        gbCut.removeLast()
        #expect(throws: ReportReadError.damagedText(file: "g.txt", line: 2, byte: gbCut.count - 1,
            reason: "文件在最后一个字符中间被截断（GB18030 字符不完整）")) {
            try TextReportReader.read(data: gbCut, source: "g.txt")
        }
        let gbk = try #require("三、收到和处理政府信息公开申请情况".data(using: TextDecoding.gb18030))
        #expect(throws: ReportReadError.missingSection(file: "g.txt", section: "四")) {
            try TextReportReader.read(data: gbk, source: "g.txt")
        }
    }

    @Test("a file of only a `# source:` line or only marks says so, not 文件为空")
    func onlyMarks() throws {
        let seed = try F.text(F.seed).replacingOccurrences(of: "\n", with: " ")
        for (text, words) in [
            ("# source: https://example.gov.cn/1.htm " + seed, "报告正文也在这一行里"),
            ("# source: https://example.gov.cn/1.htm\n\n", "来源注释，没有报告正文"),
            ("#\n**\n|---|---|\n— 5 —\n", "只有标记符号"),
        ] {
            do {
                _ = try TextReportReader.read(text, source: "m.txt")
                Issue.record("read \(text.prefix(20))")
            } catch {
                #expect(error.description.contains(words) && !error.description.contains("文件为空"), "\(error)")
            }
        }
        #expect(throws: ReportReadError.other(file: "e.txt", message: "文件为空")) {
            try TextReportReader.read(" \n\t\n", source: "e.txt")
        }
    }

    @Test("ten 18-digit cells in the outcome rows (fuzz finding F2): ten unreadable cells, and checking does not trap")
    func tenEighteenDigitCells() throws {
        var (lines, k) = try Self.seedLines()
        // From 予以公开 on, the first cell after each of the next ten row labels.
        var changed = 0
        var i = try #require(lines.indices.first { $0 > k && lines[$0].contains("（一）予以公开") })
        while changed < 10, i < lines.count {
            if lines[i].hasPrefix("\t"), Int(lines[i].dropFirst()) != nil, lines[i - 1].contains(where: { !$0.isASCII })
            {
                lines[i] = "\t999999999999999999"
                changed += 1
            }
            i += 1
        }
        let result = try TextReportReader.read(lines.joined(separator: "\n"), source: "f2.txt")
        let unreadable = result.findings.filter { $0.rule == "read.unreadableCell" }
        #expect(unreadable.count == 10 && Set(unreadable.map(\.location.row)).count == 10)
        #expect(unreadable.allSatisfy { $0.location.column == "自然人" })
        let check = ReportBatch.checked(result, file: "f2.txt")
        #expect(check.status == "errors")
    }
}
