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
        let b = doc.bytes
        var content: [String] = []
        var verbatim: [[String]] = []
        var metaTitle: String?
        for p in front {
            let c = doc.clean(p)
            if c.isEmpty || c.isNoise {
                if c.isEmpty, !content.isEmpty, p.start == doc.line(numbered: p.line)?.start,
                    TextBytes.trim(b, p.start, p.end).0 == p.end
                {
                    verbatim[verbatim.count - 1].append("")
                }
                continue
            }
            // Compared as bytes: String's `==`/`hasPrefix` compare by Unicode canonical equivalence, slowly.
            if c.end - c.start == Self.bodyMark.count && TextBytes.matches(b, c.start, Self.bodyMark)
                || Self.starts(b, c.start, c.end, Self.pageLinks)
            {
                continue
            }
            if let (key, value) = metadata(b, c.start, c.end) {
                if key <= 1 && value.1 > value.0 && metaTitle == nil { metaTitle = doc.string(value.0, value.1) }
                continue
            }
            let text = doc.string(c)
            content.append(text)
            let rawEnd = TextBytes.trim(b, p.start, p.end).1
            let sameAsText = p.start == c.start && rawEnd == c.end
            let raw = sameAsText || Self.starts(b, p.start, rawEnd, Self.bookmark) ? text : doc.string(p.start, rawEnd)
            verbatim.append([raw])
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
    /// The length of the shortest key, and the range of the bytes keys start with (lead bytes of ideographs).
    private static let shortestKey = metadataKeyBytes.map { $0.count }.min() ?? 0
    private static let metadataFirstBytes = (metadataKeyBytes.map { $0[0] }.min() ?? 0)...(metadataKeyBytes.map { $0[0] }.max() ?? 0)
    private static let fullColon = TextBytes.u("：")
    private static let bodyMark = TextBytes.u("正文")
    private static let pageLinks = TextBytes.u("页面链接与图片")
    private static let bookmark = TextBytes.u("[bookmark")

    /// Whether `b[s..<e]` starts with `pattern`.
    private static func starts(_ b: [UInt8], _ s: Int, _ e: Int, _ pattern: [UInt8]) -> Bool {
        e - s >= pattern.count && TextBytes.matches(b, s, pattern)
    }

    /// `标题: X`, `名称⇥X`, `发布机构⇥X⇥公开日期⇥Y` in `b[s..<e]`: the key's index in `metadataKeys` (标题 0,
    /// 名称 1) and where its trimmed value lies.
    private static func metadata(_ b: [UInt8], _ s: Int, _ e: Int) -> (Int, (Int, Int))? {
        // Lines shorter than every key, or starting with a byte no key starts with, are turned away at once.
        guard e - s >= shortestKey, metadataFirstBytes.contains(b[s]),
            let k = metadataKeyBytes.firstIndex(where: { starts(b, s, e, $0) })
        else { return nil }
        var i = s + metadataKeyBytes[k].count
        guard i < e else { return nil }
        if b[i] == 0x3A || b[i] == 0x09 || b[i] == 0x20 {
            i += 1
        } else if starts(b, i, e, fullColon) {
            i += fullColon.count
        } else {
            return nil
        }
        let end = TextBytes.index(of: 0x09, in: b, from: i, to: e) ?? e
        return (k, TextBytes.trim(b, i, end))
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
            h.preamble = [trimmedString(in: first, b, end, b.count)] + content.dropFirst()
        } else if let at = TextBytes.find(annualReport, in: b, from: 0, to: min(b.count, 200)),
            isTitleLike(b, end: at)
        {
            let end = at + annualReport.count
            h.title = [trimmedString(in: first, b, 0, end)]
            h.preamble = [trimmedString(in: first, b, end, b.count)] + content.dropFirst()
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

    private static let notInTitle = ["《", "，", "。"].map(TextBytes.u)

    /// `b[0..<end]` holds no 《，。 and reads as a title once 年度报告 is appended.
    private static func isTitleLike(_ b: [UInt8], end: Int) -> Bool {
        !notInTitle.contains { TextBytes.find($0, in: b, from: 0, to: end) != nil }
            && parseTitle(Array(b[..<end]) + annualReport) != nil
    }

    static func parseTitle(_ title: String) -> (year: Int, agency: String)? { parseTitle(Array(title.utf8)) }

    private static let yearMark = TextBytes.u("年")
    private static let degreeMark = TextBytes.u("度")
    private static let ideographicSpace = TextBytes.u("\u{3000}")

    /// The year (19xx/20xx followed by 年), the text before it, else the text after 年/年度 up to 政府信息公开.
    ///
    /// Works on the UTF-8 bytes scalar by scalar; every cut falls between scalars.
    static func parseTitle(_ b: [UInt8]) -> (year: Int, agency: String)? {
        var i = 0
        var previous: Int?  // where the scalar before `i` starts
        while i < b.count {
            if let (year, end) = yearAt(b, i, previous: previous) {
                var j = end
                while true {
                    if j < b.count, b[j] == 0x20 {
                        j += 1
                    } else if TextBytes.matches(b, j, ideographicSpace) {
                        j += ideographicSpace.count
                    } else {
                        break
                    }
                }
                if TextBytes.matches(b, j, yearMark) {
                    let before = trimmedString(b, 0, i)
                    if !before.isEmpty { return (year, before) }
                    var k = j + yearMark.count
                    if TextBytes.matches(b, k, degreeMark) { k += degreeMark.count }
                    let cut = agencyEnds.compactMap { TextBytes.find($0, in: b, from: k, to: b.count) }.min() ?? k
                    return (year, trimmedString(b, k, cut))
                }
            }
            previous = i
            i += TextBytes.scalarLength(b[i])
        }
        return nil
    }

    /// `b[s..<e]` without leading and trailing whitespace, as a String.
    private static func trimmedString(_ b: [UInt8], _ s: Int, _ e: Int) -> String {
        let (ts, te) = TextBytes.trim(b, s, e)
        return TextBytes.string(b, ts, te)
    }

    /// The same, cut out of `text` (whose UTF-8 is `b`) without validating it again.
    private static func trimmedString(in text: String, _ b: [UInt8], _ s: Int, _ e: Int) -> String {
        let (ts, te) = TextBytes.trim(b, s, e)
        return TextBytes.string(in: text, b, ts, te)
    }

    /// Four digits (ASCII or full-width) from `i` making a year in 1990…2100, not inside a longer number: the
    /// year and where the digits end.
    private static func yearAt(_ b: [UInt8], _ i: Int, previous: Int?) -> (Int, Int)? {
        var v = 0
        var j = i
        for _ in 0..<4 {
            guard let d = TextBytes.digit(b, j) else { return nil }
            v = v * 10 + Int(d.value)
            j += d.length
        }
        if let previous, TextBytes.digit(b, previous) != nil { return nil }
        if TextBytes.digit(b, j) != nil { return nil }
        return (1990...2100).contains(v) ? (v, j) : nil
    }
}
