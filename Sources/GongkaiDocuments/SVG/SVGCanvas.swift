/// Accumulates SVG elements top to bottom; `y` is where the next element goes.
struct SVGCanvas {
    var body = ""
    var y = 0
    static let fills = ["#222222", "url(#gk-hatch)", "#888888", "url(#gk-dots)", "#bbbbbb", "#555555"]

    mutating func text(_ s: String, x: Int, y: Int, size: Int = 14, anchor: String = "start", bold: Bool = false) {
        body += "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" text-anchor=\"\(anchor)\"\(bold ? " font-weight=\"bold\"" : "")>"
        body += MarkupEscaping.escape(s) + "</text>\n"
    }

    mutating func heading(_ s: String) {
        y += 34
        text(s, x: 20, y: y, size: 17, bold: true)
        body += "<line x1=\"20\" y1=\"\(y + 8)\" x2=\"780\" y2=\"\(y + 8)\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        y += 16
    }

    /// Big numbers in boxes.
    mutating func figures(_ items: [(String, Int)]) {
        let w = 760 / max(1, items.count)
        for (i, item) in items.enumerated() {
            let x = 20 + i * w
            body += "<rect x=\"\(x + 4)\" y=\"\(y + 6)\" width=\"\(w - 8)\" height=\"72\" fill=\"#f2f2f2\" stroke=\"#333333\"/>\n"
            text("\(item.1)", x: x + w / 2, y: y + 42, size: 26, anchor: "middle", bold: true)
            text(item.0 + "（件）", x: x + w / 2, y: y + 66, size: 13, anchor: "middle")
        }
        y += 84
    }

    /// Horizontal bars, one per item, each with its value printed.
    mutating func bars(_ items: [(String, Int)]) {
        let top = max(1, items.map(\.1).max() ?? 1)
        for (i, item) in items.enumerated() {
            y += 26
            text(item.0, x: SVGSummaryWriter.labelWidth - 10, y: y + 5, anchor: "end")
            let w = SVGNumbers.width(item.1, of: top, full: SVGSummaryWriter.barWidth)
            body += "<rect x=\"\(SVGSummaryWriter.labelWidth)\" y=\"\(y - 9)\" width=\"\(w)\" height=\"18\" "
            body += "fill=\"\(Self.fills[i % Self.fills.count])\" stroke=\"#111111\" stroke-width=\"0.5\"/>\n"
            text("\(item.1)", x: SVGSummaryWriter.labelWidth + w + 8, y: y + 5)
        }
        y += 10
    }

    /// One stacked bar per group with a legend; each part's value is written in the legend line.
    mutating func stacked(_ groups: [(String, [Int])], parts: [String]) {
        let top = max(1, groups.map { SVGNumbers.sum($0.1) }.max() ?? 1)
        for (label, values) in groups {
            y += 30
            text(label, x: SVGSummaryWriter.labelWidth - 10, y: y + 5, anchor: "end")
            var x = SVGSummaryWriter.labelWidth
            for (i, v) in values.enumerated() where v > 0 {
                let w = SVGNumbers.width(v, of: top, full: SVGSummaryWriter.barWidth)
                body += "<rect x=\"\(x)\" y=\"\(y - 9)\" width=\"\(w)\" height=\"18\" fill=\"\(Self.fills[i])\" stroke=\"#111111\" stroke-width=\"0.5\"/>\n"
                x += w
            }
            let words = zip(parts, values).map { "\($0.0)\($0.1)" }.joined(separator: " ")
            text("共\(SVGNumbers.sum(values))：\(words)", x: x + 8, y: y + 5, size: 12)
        }
        y += 24
        var x = SVGSummaryWriter.labelWidth
        for (i, part) in parts.enumerated() {
            body += "<rect x=\"\(x)\" y=\"\(y - 10)\" width=\"14\" height=\"14\" fill=\"\(Self.fills[i])\" stroke=\"#111111\"/>\n"
            text(part, x: x + 20, y: y + 2, size: 12)
            x += 100
        }
        y += 6
    }

    /// Two bars per item: the earlier year solid grey, the later year hatched.
    mutating func pairs(_ items: [(String, Int, Int)], years: (Int, Int)) {
        let top = max(1, items.map { max($0.1, $0.2) }.max() ?? 1)
        for item in items {
            y += 22
            text(item.0, x: SVGSummaryWriter.labelWidth - 10, y: y + 12, anchor: "end")
            for (k, (year, v)) in [(years.0, item.1), (years.1, item.2)].enumerated() {
                let w = SVGNumbers.width(v, of: top, full: SVGSummaryWriter.barWidth)
                let fill = k == 0 ? "#999999" : "url(#gk-hatch)"
                body += "<rect x=\"\(SVGSummaryWriter.labelWidth)\" y=\"\(y - 8 + k * 18)\" width=\"\(w)\" height=\"15\" fill=\"\(fill)\" stroke=\"#111111\" stroke-width=\"0.5\"/>\n"
                text("\(year)年 \(v)", x: SVGSummaryWriter.labelWidth + w + 8, y: y + 4 + k * 18, size: 12)
            }
            y += 22
        }
        y += 8
    }
}
