import Foundation
import GongkaiCore
import GongkaiDocuments
import Testing

@Suite("Text reader — broken input never crashes")
struct TextReaderBrokenInputTests {
    typealias F = TextReaderFixtures

    @Test("an empty or blank file is a ReportReadError naming the file")
    func empty() {
        for text in ["", "\n\n  \n", "\u{3000}"] {
            #expect(throws: ReportReadError.other(file: "empty.txt", message: "文件为空")) {
                try TextReportReader.read(text, source: "empty.txt")
            }
        }
    }

    @Test("garbage is a missing section, not a crash")
    func garbage() {
        let text = String(repeating: "lorem 123 ipsum |---| — 5 — \t\t 0 0 0\n", count: 50)
        #expect(throws: ReportReadError.missingSection(file: "g.txt", section: "三")) {
            try TextReportReader.read(text, source: "g.txt")
        }
        #expect(throws: ReportReadError.self) {
            try TextReportReader.read(data: Data([0xFF, 0xFE, 0x00, 0x81, 0xFF, 0x30]), source: "bin")
        }
    }

    @Test("a file cut off inside section III names what is missing")
    func truncated() throws {
        let seed = try F.text(F.seed)
        let lines = seed.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(200).joined(separator: "\n")
        #expect(throws: ReportReadError.missingSection(file: "cut.txt", section: "四")) {
            try TextReportReader.read(cut, source: "cut.txt")
        }
    }

    @Test("a section III with no numbers is an unreadable table with its line")
    func noNumbers() throws {
        let text = "某局2021年政府信息公开工作年度报告\n一、总体情况\n无\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
            + "四、政府信息公开行政复议、行政诉讼情况\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
        #expect(throws: ReportReadError.unreadableTable(file: "n.txt", section: "三", line: 5, reason: "找不到表格中的数字")) {
            try TextReportReader.read(text, source: "n.txt")
        }
    }

    @Test("missing rows are blank with a finding; stray numbers are reported with their line")
    func missingAndStray() throws {
        let seed = try F.text(F.seed)
        var lines = seed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeSubrange(295..<303)  // 3.要求提供公开出版物 and its 7 cells
        lines.insert("\t999", at: 90)  // a number in section II with no row
        let result = try TextReportReader.read(lines.joined(separator: "\n"), source: "m.txt")
        #expect(result.report.applications.table.row(.notProcessed(3)) == Array(repeating: .blank, count: 7))
        #expect(result.findings.contains { $0.rule == "read.missingRow" && $0.location.section == 3 })
        #expect(result.findings.contains { $0.rule == "read.unplaced" && $0.location.line == 91 })
    }

    @Test("random truncations and mutations of every fixture never crash")
    func fuzz() throws {
        var rng = SplitMixRandom(seed: 0x5EED)
        let alphabet = Array("0123456789０１２３４５６７８９\t\n |.—/-+（）(一二三四五六七八、总计结转其他处理行政复议")
        for name in [F.seed] + F.samples {
            let chars = Array(try F.text(name))
            for _ in 0..<40 {
                var c = chars
                switch rng.next() % 4 {
                case 0: c = Array(c.prefix(Int(rng.next() % UInt64(c.count + 1))))
                case 1:
                    for _ in 0..<20 where !c.isEmpty { c[Int(rng.next() % UInt64(c.count))] = alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                case 2:
                    for _ in 0..<10 where !c.isEmpty { c.remove(at: Int(rng.next() % UInt64(c.count))) }
                default:
                    for _ in 0..<10 { c.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: Int(rng.next() % UInt64(c.count + 1))) }
                }
                if let result = try? TextReportReader.read(String(c), source: name) {
                    #expect(result.report.appeals.table.cells.count == 15)
                    #expect(result.report.applications.table.rows.allSatisfy { result.report.applications.table.row($0).count == 7 })
                }
            }
            var bytes = [UInt8](try F.data(name))
            for _ in 0..<30 where !bytes.isEmpty { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            _ = try? TextReportReader.read(data: Data(bytes), source: name)
        }
    }
}

/// A small deterministic generator for the fuzz test.
struct SplitMixRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
