/// Numbers quoted in the prose compared with the tables (format reference §6.1 rule 18). Warnings only: prose
/// is free text, and real reports word these figures in many ways.
enum ProseRules {
    static func check(_ report: AnnualReport) -> [Finding] {
        let t = report.applications.table
        let a = report.appeals.table
        let text = (report.preamble + report.overview.text + report.applications.textBefore + report.appeals.textBefore)
        var out: [Finding] = []
        for clause in clauses(of: text) {
            out += claims(in: clause).compactMap { compare($0, clause: clause, table: t, appeals: a) }
        }
        return out
    }

    enum Claim: Equatable {
        case received(Int), answered(Int), carriedOver(Int), reconsideration(Int), litigation(Int), noAppeals
    }

    typealias Clause = [Unicode.Scalar]

    /// Splits the prose into clauses at 。；，and line ends, keeping only clauses that can hold a claim (they
    /// mention 件, 起 or 复议). The scan runs over UTF-8 bytes; only the kept clauses are decoded, so most prose
    /// costs one pass over its bytes.
    static func clauses(of lines: [String]) -> [Clause] {
        var out: [Clause] = []
        for var line in lines {
            line.makeContiguousUTF8()
            line.utf8.withContiguousStorageIfAvailable { appendClauses(of: $0, to: &out) }
        }
        return out
    }

    private static func appendClauses(of b: UnsafeBufferPointer<UInt8>, to out: inout [Clause]) {
        func keep(_ r: Range<Int>) { out.append(Array(String(decoding: b[r], as: UTF8.self).unicodeScalars)) }
        var start = 0
        var relevant = false
        var i = 0
        while i < b.count {
            let lead = b[i]
            var separator = 0
            var step = 1
            if lead < 0x80 {
                if lead == UInt8(ascii: ";") || lead == UInt8(ascii: ",") { separator = 1 }
            } else if lead >= 0xE0 && lead < 0xF0 && i + 2 < b.count {
                step = 3
                switch UInt32(lead) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) {
                case 0xE38082, 0xEFBC9B, 0xEFBC8C: separator = 3  // 。；，
                case 0xE4BBB6, 0xE8B5B7, 0xE5A48D: relevant = true  // 件 起 复
                default: break
                }
            } else if lead >= 0xC0 {
                step = lead < 0xE0 ? 2 : lead < 0xF0 ? 1 : 4
            }
            guard separator > 0 else {
                i += step
                continue
            }
            if relevant { keep(start..<i) }
            relevant = false
            i += separator
            start = i
        }
        if relevant { keep(start..<b.count) }
    }

    /// The phrases claims are recognised by, as scalars once (not converted again for every clause).
    private enum Key {
        static func k(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        static let application = k("申请")
        static let received = ["收到", "接到", "受理", "新收"].map(k)
        static let answered = ["办结", "答复"].map(k)
        static let carried = ["上年结转", "上年度结转"].map(k)
        static let reconsideration = k("行政复议")
        static let litigation = k("行政诉讼")
        static let noAppeals = ["无行政复议", "无复议", "未发生行政复议", "没有行政复议"].map(k)
    }

    static func claims(in c: Clause) -> [Claim] {
        var out: [Claim] = []
        if contains(c, Key.application) {
            for key in Key.received {
                if let n = count(after: key, in: c, skipping: Key.carried) { out.append(.received(n)); break }
            }
        }
        for key in Key.answered {
            if let n = count(after: key, in: c) { out.append(.answered(n)); break }
        }
        for key in Key.carried {
            if let n = count(after: key, in: c) { out.append(.carriedOver(n)); break }
        }
        if let n = count(after: Key.reconsideration, in: c) { out.append(.reconsideration(n)) }
        if let n = count(after: Key.litigation, in: c) { out.append(.litigation(n)) }
        for key in Key.noAppeals where contains(c, key) {
            out.append(.noAppeals)
            break
        }
        return out
    }

    /// The first "N件" (or "N起") after `key`, within 16 scalars, not passing one of the `skipping` phrases.
    static func count(after key: [Unicode.Scalar], in c: Clause, skipping: [[Unicode.Scalar]] = []) -> Int? {
        guard let start = index(of: key, in: c) else { return nil }
        var i = start + key.count
        let limit = min(c.count, i + 16)
        while i < limit {
            if skipping.contains(where: { startsWith(c, at: i, $0) }) { return nil }
            if let d = digit(c[i]) {
                var n = d
                var j = i + 1
                while j < c.count, let e = digit(c[j]), n < 100_000_000 { n = n * 10 + e; j += 1 }
                while j < c.count, c[j] == " " { j += 1 }
                return j < c.count && (c[j] == "件" || c[j] == "起") ? n : nil
            }
            i += 1
        }
        return nil
    }

    static func compare(_ claim: Claim, clause: Clause, table t: ApplicationTable, appeals a: AppealsTable) -> Finding? {
        var quote = ""
        quote.unicodeScalars.append(contentsOf: clause)
        func warn(_ rule: ReportRule, _ row: String, _ expected: Int, _ found: Int) -> Finding {
            rule.finding(
                ReportLocation(section: 1, row: row, column: "总计"),
                "正文「\(quote)」写的是 \(found) 件，表格为 \(expected) 件", expected: "\(expected)", found: "\(found)")
        }
        let newTotal = t[.new, .total].countOrZero
        let carried = t[.carriedOver, .total].countOrZero
        switch claim {
        case .received(let n):
            return n == newTotal || n == newTotal + carried ? nil : warn(.proseApplications, ApplicationRow.new.label, newTotal, n)
        case .answered(let n):
            let answered = t[.total, .total].countOrZero
            return n == answered ? nil : warn(.proseAnswered, ApplicationRow.total.label, answered, n)
        case .carriedOver(let n):
            return n == carried ? nil : warn(.proseCarried, ApplicationRow.carriedOver.label, carried, n)
        case .reconsideration(let n):
            let v = a[.reconsideration, .total].countOrZero
            return n == v ? nil : warn(.proseAppeals, "行政复议", v, n)
        case .litigation(let n):
            let v = a[.litigationDirect, .total].countOrZero + a[.litigationAfterReconsideration, .total].countOrZero
            return n == v ? nil : warn(.proseAppeals, "行政诉讼", v, n)
        case .noAppeals:
            let v = AppealsGroup.allCases.reduce(0) { $0 + a[$1, .total].countOrZero }
            return v == 0 ? nil : warn(.proseAppeals, "行政复议、行政诉讼", v, 0)
        }
    }

    /// An ASCII or full-width digit (not 二, which `wholeNumberValue` also reads as 2).
    static func digit(_ ch: Unicode.Scalar) -> Int? {
        let v = ch.value
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }

    static func index(of key: [Unicode.Scalar], in c: Clause) -> Int? {
        guard let first = key.first, c.count >= key.count else { return nil }
        for i in 0...(c.count - key.count) where c[i] == first && startsWith(c, at: i, key) { return i }
        return nil
    }

    static func contains(_ c: Clause, _ key: [Unicode.Scalar]) -> Bool { index(of: key, in: c) != nil }

    static func startsWith(_ c: Clause, at i: Int, _ key: [Unicode.Scalar]) -> Bool {
        guard i >= 0, i + key.count <= c.count else { return false }
        for k in key.indices where c[i + k] != key[k] { return false }
        return true
    }
}
