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
        func isScalar(_ i: Int, _ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
            b[i] == b0 && i + 2 < b.count && b[i + 1] == b1 && b[i + 2] == b2
        }
        var start = 0
        var relevant = false
        var i = 0
        while i < b.count {
            let separator: Int
            if b[i] == UInt8(ascii: ";") || b[i] == UInt8(ascii: ",") {
                separator = 1
            } else if isScalar(i, 0xE3, 0x80, 0x82) || isScalar(i, 0xEF, 0xBC, 0x9B) || isScalar(i, 0xEF, 0xBC, 0x8C) {
                separator = 3  // 。；，
            } else {
                separator = 0
                if isScalar(i, 0xE4, 0xBB, 0xB6) || isScalar(i, 0xE8, 0xB5, 0xB7) || isScalar(i, 0xE5, 0xA4, 0x8D) {
                    relevant = true  // 件 起 复
                }
            }
            guard separator > 0 else {
                i += 1
                continue
            }
            if relevant { keep(start..<i) }
            relevant = false
            i += separator
            start = i
        }
        if relevant { keep(start..<b.count) }
    }

    static func claims(in c: Clause) -> [Claim] {
        var out: [Claim] = []
        if contains(c, "申请") {
            for key in ["收到", "接到", "受理", "新收"] {
                if let n = count(after: key, in: c, skipping: ["上年结转", "上年度结转"]) { out.append(.received(n)); break }
            }
        }
        for key in ["办结", "答复"] {
            if let n = count(after: key, in: c) { out.append(.answered(n)); break }
        }
        for key in ["上年结转", "上年度结转"] {
            if let n = count(after: key, in: c) { out.append(.carriedOver(n)); break }
        }
        if let n = count(after: "行政复议", in: c) { out.append(.reconsideration(n)) }
        if let n = count(after: "行政诉讼", in: c) { out.append(.litigation(n)) }
        for key in ["无行政复议", "无复议", "未发生行政复议", "没有行政复议"] where contains(c, key) {
            out.append(.noAppeals)
            break
        }
        return out
    }

    /// The first "N件" (or "N起") after `key`, within 16 scalars, not passing one of the `skipping` phrases.
    static func count(after key: String, in c: Clause, skipping: [String] = []) -> Int? {
        guard let start = index(of: key, in: c) else { return nil }
        var i = start + key.unicodeScalars.count
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

    static func index(of key: String, in c: Clause) -> Int? {
        let k = Array(key.unicodeScalars)
        guard let first = k.first, c.count >= k.count else { return nil }
        for i in 0...(c.count - k.count) where c[i] == first && startsWith(c, at: i, key) { return i }
        return nil
    }

    static func contains(_ c: Clause, _ key: String) -> Bool { index(of: key, in: c) != nil }

    static func startsWith(_ c: Clause, at i: Int, _ key: String) -> Bool {
        var j = i
        for k in key.unicodeScalars {
            guard j < c.count, c[j] == k else { return false }
            j += 1
        }
        return true
    }
}
