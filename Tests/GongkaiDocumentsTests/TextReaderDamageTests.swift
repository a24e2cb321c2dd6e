import Foundation
import GongkaiCore
import GongkaiTestSupport
import Testing

@testable import GongkaiDocuments

/// The damage real published reports carry (issue: text reader, item 4), applied to text whose tables are known:
/// every kind alone and all together, on generated reports and on the seed and the samples.
@Suite("Text reader — damaged copies read to the same tables")
struct TextReaderDamageTests {
    typealias F = TextReaderFixtures

    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        /// `— 7 —` and `第 7 页` lines between any two lines, tables included (PDF page breaks).
        case pageFooters
        /// `## ` before the six section headings (Markdown from a converter).
        case markdownHeadings
        /// Windows line ends and white space at the ends of lines.
        case crlfAndSpaces
        /// Cell digits written full-width (２１).
        case fullWidthDigits
        /// Headings numbered "第三部分" / "（三）" instead of "三、".
        case headingNumbering

        var testDescription: String { rawValue }
    }

    static let headings = ["一、", "二、", "三、", "四、", "五、", "六、"]

    /// `text` with `damage` applied; `rng` decides where.
    static func damaged<G: RandomNumberGenerator>(_ text: String, _ damage: Damage, using rng: inout G) -> String {
        var lines = text.components(separatedBy: "\n")
        let headingLines = Set(lines.indices.filter { i in
            !lines[i].contains("\t") && headings.contains { lines[i].hasPrefix($0) }
        })
        switch damage {
        case .pageFooters:
            var out: [String] = []
            var page = 1
            for (i, line) in lines.enumerated() {
                out.append(line)
                if i > 0, Int.random(in: 0..<23, using: &rng) == 0 {
                    page += 1
                    out.append(Bool.random(using: &rng) ? "— \(page) —" : "第 \(page) 页")
                }
            }
            lines = out
        case .markdownHeadings:
            for i in headingLines { lines[i] = "## " + lines[i] }
        case .crlfAndSpaces:
            lines = lines.map { $0 + (Bool.random(using: &rng) ? "  " : "") + "\r" }
        case .fullWidthDigits:
            // Only cell lines (the seed layout's tab-indented values), never labels or prose.
            for i in lines.indices where lines[i].hasPrefix("\t") && lines[i].dropFirst().allSatisfy(\.isASCII) {
                lines[i] = String(String.UnicodeScalarView(lines[i].unicodeScalars.map { s in
                    (0x30...0x39).contains(s.value) ? Unicode.Scalar(s.value - 0x30 + 0xFF10)! : s
                }))
            }
        case .headingNumbering:
            let numerals = ["一", "二", "三", "四", "五", "六"]
            for i in headingLines {
                guard let n = headings.firstIndex(where: { lines[i].hasPrefix($0) }) else { continue }
                let rest = lines[i].dropFirst(2)
                lines[i] = (Bool.random(using: &rng) ? "第\(numerals[n])部分 " : "（\(numerals[n])）") + rest
            }
        }
        return lines.joined(separator: "\n")
    }

    static func tables(_ r: AnnualReport) -> [String] {
        [
            r.applications.table.rows.map { r.applications.table.row($0).map(\.description).joined(separator: " ") }
                .joined(separator: "|"),
            r.appeals.table.cells.map(\.description).joined(separator: " "),
            r.proactive.rows.map { (r.proactive.cells[$0] ?? []).map(\.description).joined(separator: " ") }
                .joined(separator: "|"),
        ]
    }

    @Test("generated reports, one damage at a time", arguments: Damage.allCases, 0..<20)
    func generated(damage: Damage, seed: Int) throws {
        let kind = UInt64(Damage.allCases.firstIndex(of: damage) ?? 0)
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ kind)
        let report = ReportGenerator.validReport(using: &rng)
        let text = Self.damaged(TextReportWriter.render(report), damage, using: &rng)
        let back = try TextReportReader.read(text, source: "damaged").report
        #expect(Self.tables(back) == Self.tables(report))
        #expect(back.year == report.year && back.format == report.format && back.variant == report.variant)
    }

    @Test("generated reports, every damage at once", arguments: 0..<40)
    func allAtOnce(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 15_485_863)
        let report = ReportGenerator.validReport(using: &rng)
        var text = TextReportWriter.render(report)
        for d in Damage.allCases.shuffled(using: &rng) { text = Self.damaged(text, d, using: &rng) }
        let read = try TextReportReader.read(text, source: "damaged")
        #expect(Self.tables(read.report) == Self.tables(report))
        #expect(!read.findings.contains { $0.rule == "read.unplaced" || $0.rule == "read.missingRow" })
    }

    @Test("the seed and the samples survive page footers, Markdown headings and CRLF", arguments: [F.seed] + F.samples)
    func fixtures(name: String) throws {
        let original = try TextReportReader.read(try F.text(name), source: name).report
        var rng = SplitMix64(seed: UInt64(name.utf8.count))
        for damage in [Damage.pageFooters, .markdownHeadings, .crlfAndSpaces] {
            let text = Self.damaged(try F.text(name), damage, using: &rng)
            let back = try TextReportReader.read(text, source: name).report
            #expect(Self.tables(back) == Self.tables(original), "\(damage)")
        }
    }

    /// The whole report on one line with the cells run together, as web pages copied to text come out: whatever
    /// the reader splits differently from the original must be flagged `read.ambiguousSplit`, never silent.
    @Test("generated reports run together on one line: equal, or the difference is flagged", arguments: 0..<60)
    func runTogether(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 2_654_435_761)
        let report = ReportGenerator.validReport(using: &rng)
        let text = TextReportWriter.render(report).components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let read = try TextReportReader.read(text, source: "one line")
        let back = read.report
        let flagged = Set(read.findings.filter { $0.rule == "read.ambiguousSplit" }.compactMap { $0.location.section })
        if !flagged.contains(3) {
            #expect(back.applications.table == report.applications.table)
        }
        if !flagged.contains(4) {
            #expect(back.appeals.table == report.appeals.table)
        }
        if !flagged.contains(2) {
            #expect(Self.tables(back)[2] == Self.tables(report)[2])
        }
        #expect(back.year == report.year && back.format == report.format)
    }

    /// A report written the way sample 15 is: one table row per line, cells separated by tabs, blank cells empty.
    static func tabRows(_ r: AnnualReport) -> String {
        var lines = [r.agency, "\(r.year)年政府信息公开工作年度报告", r.overview.heading, "本机关认真落实条例。"]
        let s = r.proactive
        lines.append(s.heading)
        var item = ""
        for row in s.rows {
            if row.article20Item != item {
                item = row.article20Item
                lines.append("第二十条第\(item)项")
                lines.append((["信息内容"] + row.columns(in: s.format).map { ProactiveLayout.header($0, s) }).joined(separator: "\t"))
            }
            lines.append((ProactiveLayout.labels(row, s) + ProactiveLayout.values(row, s)).joined(separator: "\t"))
        }
        let t = r.applications.table
        lines += [
            r.applications.heading, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
            "自然人\t法人或其他组织\t总计", "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        ]
        for row in t.rows {
            var label = row.label
            switch row {
            case .granted: label = "三、本年度办理结果\t" + label
            case .withheld(1), .unavailable(1), .notProcessed(1), .otherSub(1): label = (row.groupLabel ?? "") + "\t" + label
            default: break
            }
            lines.append(([label] + t.row(row).map(\.description)).joined(separator: "\t"))
        }
        let results = AppealsResult.allCases.map(\.label).joined(separator: "\t")
        lines += [
            r.appeals.heading, "行政复议\t行政诉讼", results + "\t未经复议直接起诉\t复议后起诉", results + "\t" + results,
            r.appeals.table.cells.map(\.description).joined(separator: "\t"), "",
            r.problems.heading, "一是公开质量有待提高。", r.otherMatters.heading, "无。",
        ]
        return lines.joined(separator: "\n")
    }

    @Test("generated reports written as tab-separated rows read to the same tables", arguments: 0..<60)
    func tabSeparated(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 40_503)
        let report = ReportGenerator.validReport(using: &rng)
        let read = try TextReportReader.read(Self.tabRows(report), source: "tab rows")
        #expect(Self.tables(read.report) == Self.tables(report))
        #expect(read.report.year == report.year && read.report.format == report.format)
        #expect(read.report.variant == report.variant)
        #expect(!read.findings.contains { $0.rule == "read.unplaced" || $0.rule == "read.missingRow" })
    }
}
