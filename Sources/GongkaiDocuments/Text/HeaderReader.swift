import Foundation

/// The title lines, preamble, agency and year of a report, read from the text before 一、总体情况.
struct ReportHeader: Sendable {
    var title: [String] = []
    var preamble: [String] = []
    var agency = ""
    var year: Int?
}

/// Reads the report's front matter: web-page metadata lines (标题: …) are skipped but their title kept;
/// the title is the first short lines up to one with 年度报告; agency and year come from the title
/// ("北京市大兴区应急管理局" + "2020年政府信息公开工作年度报告"; "2025 年上海市人民政府办公厅政府信息公开…").
enum HeaderReader {
    private static let metadataKeys = [
        "标题", "名称", "发布时间", "文号", "发布机构", "栏目", "原文链接", "本地目录", "页面链接", "索引号", "分类",
        "公开日期", "关键词", "来源", "成文日期", "发布日期", "主题分类", "信息来源", "生成日期", "所属机构",
    ]

    static func read(_ doc: TextDocument, front: [TextPiece]) -> ReportHeader {
        var content: [String] = []
        var verbatim: [[String]] = []
        var metaTitle: String?
        for p in front {
            let c = doc.clean(p)
            if c.isEmpty || c.isNoise {
                if c.isEmpty, !content.isEmpty, p.start == doc.line(numbered: p.line)?.start,
                    TextBytes.trim(doc.bytes, p.start, p.end).0 == p.end
                {
                    verbatim[verbatim.count - 1].append("")
                }
                continue
            }
            let text = doc.string(c)
            if text == "正文" || text.hasPrefix("页面链接与图片") { continue }
            if let (key, value) = metadata(text) {
                if (key == "标题" || key == "名称") && !value.isEmpty && metaTitle == nil { metaTitle = value }
                continue
            }
            content.append(text)
            let raw = doc.string(p.start, TextBytes.trim(doc.bytes, p.start, p.end).1)
            verbatim.append([raw.hasPrefix("[bookmark") ? text : raw])
        }
        var header = splitTitle(content, metaTitle: metaTitle)
        // Lines after a title of its own keep their indentation and blank lines (the writer reproduces them).
        if let t = header.title.count > 0 ? content.firstIndex(of: header.title[header.title.count - 1]) : nil,
            header.title.allSatisfy(content.contains), t + 1 <= verbatim.count
        {
            var lines = verbatim[t].dropFirst().map { $0 }
            for k in (t + 1)..<verbatim.count { lines += verbatim[k] }
            while lines.last == "" { lines.removeLast() }
            header.preamble = lines
        }
        let titleText = header.title.joined()
        if let parsed = parseTitle(titleText) ?? metaTitle.flatMap(parseTitle) {
            header.year = parsed.year
            header.agency = parsed.agency.isEmpty && header.title.count >= 2 ? header.title[0] : parsed.agency
        } else if let first = header.title.first {
            header.agency = first
        }
        if header.year == nil { header.year = content.lazy.compactMap { parseTitle($0)?.year }.first }
        return header
    }

    private static let metadataKeyBytes = metadataKeys.map(TextBytes.u)
    private static let longestKey = metadataKeyBytes.map(\.count).max() ?? 0
    private static let fullColon = TextBytes.u("：")

    /// `标题: X`, `名称⇥X`, `发布机构⇥X⇥公开日期⇥Y`.
    private static func metadata(_ line: String) -> (String, String)? {
        let head = Array(line.utf8.prefix(longestKey))
        guard let k = metadataKeyBytes.firstIndex(where: { TextBytes.matches(head, 0, $0) }) else { return nil }
        let key = metadataKeyBytes[k]
        let b = Array(line.utf8)
        var i = key.count
        guard i < b.count else { return nil }
        if b[i] == 0x3A || b[i] == 0x09 || b[i] == 0x20 {
            i += 1
        } else if TextBytes.matches(b, i, fullColon) {
            i += fullColon.count
        } else {
            return nil
        }
        let end = TextBytes.index(of: 0x09, in: b, from: i, to: b.count) ?? b.count
        let (s, e) = TextBytes.trim(b, i, end)
        return (metadataKeys[k], TextBytes.string(b, s, e))
    }

    private static func splitTitle(_ content: [String], metaTitle: String?) -> ReportHeader {
        var h = ReportHeader()
        for t in 0..<min(3, content.count) {
            let bytes = Array(content[t].utf8)
            guard bytes.count <= 120 else { break }
            if TextBytes.find(annualReport, in: bytes, from: 0, to: bytes.count) != nil
                || TextBytes.find(annualReportShort, in: bytes, from: 0, to: bytes.count) != nil
            {
                h.title = Array(content[...t])
                h.preamble = Array(content[(t + 1)...])
                return h
            }
        }
        guard let first = content.first else {
            h.title = metaTitle.map { [$0] } ?? []
            return h
        }
        let b = Array(first.utf8)
        if let metaTitle, let end = lastEnd(of: Array(metaTitle.utf8), in: b) {
            h.title = [metaTitle]
            h.preamble = [TextBytes.string(b, end, b.count).trimmingSpaces] + content.dropFirst()
        } else if let at = TextBytes.find(annualReport, in: b, from: 0, to: min(b.count, 200)),
            isTitleLike(TextBytes.string(b, 0, at))
        {
            let end = at + annualReport.count
            h.title = [TextBytes.string(b, 0, end).trimmingSpaces]
            h.preamble = [TextBytes.string(b, end, b.count).trimmingSpaces] + content.dropFirst()
        } else {
            h.title = metaTitle.map { [$0] } ?? []
            h.preamble = content
        }
        h.preamble.removeAll { $0.isEmpty }
        return h
    }

    private static let annualReport = TextBytes.u("年度报告")
    private static let agencyEnds = ["政府信息公开", "政务公开", "信息公开", "年度报告"].map(TextBytes.u)
    private static let annualReportShort = TextBytes.u("年报")

    /// The end of the last occurrence of `pattern` in `b`.
    private static func lastEnd(of pattern: [UInt8], in b: [UInt8]) -> Int? {
        guard !pattern.isEmpty else { return nil }
        var last: Int?
        var from = 0
        while let at = TextBytes.find(pattern, in: b, from: from, to: b.count) {
            last = at + pattern.count
            from = at + 1
        }
        return last
    }

    private static func isTitleLike(_ s: String) -> Bool {
        !s.contains("《") && !s.contains("，") && !s.contains("。") && parseTitle(String(s) + "年度报告") != nil
    }

    /// The year (19xx/20xx followed by 年), the text before it, else the text after 年/年度 up to 政府信息公开.
    static func parseTitle(_ title: String) -> (year: Int, agency: String)? {
        let scalars = Array(title.unicodeScalars)
        var i = 0
        while i + 4 <= scalars.count {
            if let year = yearAt(scalars, i) {
                var j = i + 4
                while j < scalars.count, scalars[j] == " " || scalars[j] == "\u{3000}" { j += 1 }
                if j < scalars.count, scalars[j] == "年" {
                    let before = String(String.UnicodeScalarView(scalars[..<i])).trimmingSpaces
                    if !before.isEmpty { return (year, before) }
                    var k = j + 1
                    if k < scalars.count, scalars[k] == "度" { k += 1 }
                    let after = Array(String(String.UnicodeScalarView(scalars[k...])).utf8)
                    let cut = agencyEnds.compactMap { TextBytes.find($0, in: after, from: 0, to: after.count) }.min() ?? 0
                    return (year, TextBytes.string(after, 0, cut).trimmingSpaces)
                }
            }
            i += 1
        }
        return nil
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    private static func yearAt(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var v = 0
        for k in i..<(i + 4) {
            var d = s[k].value
            if d >= 0xFF10 && d <= 0xFF19 { d = d - 0xFF10 + 0x30 }
            guard d >= 0x30 && d <= 0x39 else { return nil }
            v = v * 10 + Int(d - 0x30)
        }
        if i > 0, isDigit(s[i - 1]) { return nil }
        if i + 4 < s.count, isDigit(s[i + 4]) { return nil }
        return (1990...2100).contains(v) ? v : nil
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace (including the ideographic space).
    var trimmingSpaces: String {
        let b = Array(utf8)
        let (s, e) = TextBytes.trim(b, 0, b.count)
        return TextBytes.string(b, s, e)
    }
}
