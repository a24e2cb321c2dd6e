import GongkaiCore

/// A keyword found in a label: what it names, where it starts in the label, its length in bytes.
typealias KeywordMatch<Target> = (target: Target, start: Int, length: Int)

/// Which positions of a label can start a keyword of one or more keyword sets: two bit tests rule out nearly all.
struct KeywordFilter: Sendable {
    /// A bit per first-two-bytes pair of the keywords.
    let pairs: [UInt64]
    /// A bit per Basic Multilingual Plane scalar that starts a keyword.
    let firstScalars: [UInt64]

    init(pairs: [UInt64], firstScalars: [UInt64]) {
        self.pairs = pairs
        self.firstScalars = firstScalars
    }

    /// The positions any of `filters` lets through (to search several keyword sets in one pass).
    init(union filters: [KeywordFilter]) {
        var pairs = Array(repeating: UInt64(0), count: 1024)
        var firstScalars = pairs
        for f in filters {
            for k in 0..<1024 {
                pairs[k] |= f.pairs[k]
                firstScalars[k] |= f.firstScalars[k]
            }
        }
        self.init(pairs: pairs, firstScalars: firstScalars)
    }

    /// Where a backward search of the label begins: a keyword has at least two bytes, so none starts at the
    /// label's last byte.
    static func searchEnd(_ label: TableField) -> Int { Int(label.end) - 1 }

    /// The last position before `below` in the label whose first scalar may start a keyword.
    ///
    /// Positions are tried from the end of the label backwards, so that a search for the keyword that starts
    /// last stops at the first one that does — for a row label, usually within its last few characters.
    func candidate(in label: TableField, _ store: FieldBytes, below: Int) -> Int? {
        let s = Int(label.start)
        let end = Int(label.end)
        return store.bytes.withUnsafeBufferPointer { b in
            pairs.withUnsafeBufferPointer { pairs in
                firstScalars.withUnsafeBufferPointer { firstScalars in
                    var i = below
                    while i > s {
                        // Back to the start of the previous scalar: three bytes at once for an ideograph.
                        if i - 3 >= s, b[i - 3] >= 0xE0, b[i - 3] < 0xF0, b[i - 1] & 0xC0 == 0x80 {
                            i -= 3
                        } else {
                            i -= 1
                            guard b[i] & 0xC0 != 0x80 else { continue }  // not the start of a scalar
                        }
                        let pair = Int(b[i]) << 8 | Int(b[i + 1])
                        guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                        let len = TextBytes.scalarLength(b[i])
                        guard len <= 3, i + len <= end else { continue }
                        var first = UInt32(b[i])
                        if len == 2 { first = (first & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F) }
                        if len == 3 {
                            first = (first & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        }
                        if firstScalars[Int(first >> 6)] & (1 << UInt64(first & 63)) != 0 { return i }
                    }
                    return nil
                }
            }
        }
    }
}

/// A set of keywords, found in a normalised label by their rightmost occurrence (so that in
/// "三、本年度办理结果（四）无法提供1.本机关不掌握…" the leaf row wins over the group headings).
struct KeywordIndex<Target: Sendable>: Sendable {
    private let words: [(bytes: [UInt8], target: Target)]
    /// The keywords' distinct first scalars, a short list searched in order (no hashing per position), and
    /// for each the indices of the keywords starting with it.
    private let firsts: [UInt32]
    private let wordsByFirst: [[Int]]
    let filter: KeywordFilter

    init(_ entries: [(String, Target)]) {
        words = entries.map { (TextBytes.u(FieldTextKey.normalised($0.0)), $0.1) }
        var firsts: [UInt32] = []
        var wordsByFirst: [[Int]] = []
        var bits = Array(repeating: UInt64(0), count: 1024)
        var pairBits = Array(repeating: UInt64(0), count: 1024)
        for (k, w) in words.enumerated() where w.bytes.count >= 2 {
            let first = Self.scalar(w.bytes, 0, w.bytes.count)
            if let at = firsts.firstIndex(of: first) {
                wordsByFirst[at].append(k)
            } else {
                firsts.append(first)
                wordsByFirst.append([k])
            }
            if first < 0x10000 { bits[Int(first >> 6)] |= 1 << UInt64(first & 63) }
            let pair = Int(w.bytes[0]) << 8 | Int(w.bytes[1])
            pairBits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        self.firsts = firsts
        self.wordsByFirst = wordsByFirst
        filter = KeywordFilter(pairs: pairBits, firstScalars: bits)
    }

    /// The scalar value starting at `i` (0 for a truncated sequence).
    @inline(__always)
    private static func scalar(_ b: [UInt8], _ i: Int, _ end: Int) -> UInt32 {
        let len = TextBytes.scalarLength(b[i])
        guard i + len <= end else { return 0 }
        return FieldText.scalarValue(b, i, len)
    }

    /// The keyword that starts last in the label (the longest one on a tie), with its start in the label.
    func lastMatch(_ label: TableField, in store: FieldBytes) -> KeywordMatch<Target>? {
        var below = KeywordFilter.searchEnd(label)
        while let at = filter.candidate(in: label, store, below: below) {
            if let m = match(at: at, in: label, store) { return m }
            below = at
        }
        return nil
    }

    /// The longest keyword starting at `at` in the label.
    func match(at: Int, in label: TableField, _ store: FieldBytes) -> KeywordMatch<Target>? {
        guard let e = firsts.firstIndex(of: Self.scalar(store.bytes, at, Int(label.end))) else { return nil }
        var best: KeywordMatch<Target>?
        for k in wordsByFirst[e] where store.matches(label, at: at, words[k].bytes) {
            let length = words[k].bytes.count
            if let b = best, b.length >= length { continue }
            best = (words[k].target, at - Int(label.start), length)
        }
        return best
    }
}

/// Normalises literal labels the way `FieldText.normalise` normalises source text.
enum FieldTextKey {
    static func normalised(_ s: String) -> String {
        let b = TextBytes.u(s)
        return String(decoding: FieldText.normalise(b, 0, b.count), as: UTF8.self)
    }
}

/// The labels of sections II and III and the format signals in their column headings.
enum LabelMatcher {
    static let applicationRows = KeywordIndex<ApplicationRow>(
        [
            ("本年新收", .new), ("上年结转", .carriedOver), ("予以公开", .granted), ("部分公开", .partiallyGranted),
            ("国家秘密", .withheld(1)), ("禁止公开", .withheld(2)), ("其他法律行政法规", .withheld(2)),
            ("三安全一稳定", .withheld(3)), ("危及", .withheld(3)), ("第三方合法权益", .withheld(4)),
            ("内部事务", .withheld(5)), ("过程性信息", .withheld(6)), ("执法案卷", .withheld(7)),
            ("行政查询事项", .withheld(8)), ("不掌握", .unavailable(1)), ("没有现成信息", .unavailable(2)),
            ("另行制作", .unavailable(2)), ("补正后申请", .unavailable(3)), ("信访举报", .notProcessed(1)),
            ("重复申请", .notProcessed(2)), ("公开出版物", .notProcessed(3)), ("大量反复", .notProcessed(4)),
            ("确认或重新出具", .notProcessed(5)), ("其他处理", .other), ("逾期不补正", .otherSub(1)),
            ("收费通知", .otherSub(2)), ("缴纳费用", .otherSub(2)), ("3.其他", .otherSub(3)), ("七）总计", .total),
            ("七）合计", .total), ("结转下年度", .carriedForward),
        ])

    static let proactiveRows = KeywordIndex<ProactiveRow>(
        [
            ("规章", .rules), ("规范性文件", .normativeDocuments), ("其他主动公开文件", .otherDocuments),
            ("行政许可", .licensing), ("其他对外管理服务事项", .otherServices), ("行政检查", .inspection),
            ("行政确认", .confirmation), ("行政处罚", .penalty), ("行政强制", .enforcement),
            ("行政事业性收费", .fees), ("政府集中采购", .procurement),
        ])

    /// Column headings that only one format has.
    static let formatSignals = KeywordIndex<ReportFormat>(
        [
            ("本年制发件数", .v2021), ("本年废止件数", .v2021), ("现行有效件数", .v2021), ("先行有效件数", .v2021),
            ("本年处理决定数量", .v2021), ("本年收费金额", .v2021), ("本年新制作数量", .v2019),
            ("上一年项目数量", .v2019), ("采购项目数量", .v2019), ("本年新公开数量", .v2019),
        ])

    /// Known misspellings and renamings in headings, with the standard wording.
    static let headingVariants = KeywordIndex<String>(
        [
            ("钩稽", "勾稽"), ("先行有效件数", "现行有效件数"), ("本年公开数量", "本年新公开数量"),
            ("本年新制作件数", "本年新制作数量"),
        ])

    private static let sectionIIFilter = KeywordFilter(
        union: [proactiveRows.filter, formatSignals.filter, headingVariants.filter])

    /// What a section II label holds — the row it names, the format its column headings signal, a misspelt
    /// heading — each the keyword that starts last, all found in one backward pass over the label.
    static func sectionII(_ label: TableField, in store: FieldBytes)
        -> (row: KeywordMatch<ProactiveRow>?, signal: KeywordMatch<ReportFormat>?, variant: KeywordMatch<String>?)
    {
        var row: KeywordMatch<ProactiveRow>?
        var signal: KeywordMatch<ReportFormat>?
        var variant: KeywordMatch<String>?
        var below = KeywordFilter.searchEnd(label)
        while row == nil || signal == nil || variant == nil,
            let at = sectionIIFilter.candidate(in: label, store, below: below)
        {
            if row == nil { row = proactiveRows.match(at: at, in: label, store) }
            if signal == nil { signal = formatSignals.match(at: at, in: label, store) }
            if variant == nil { variant = headingVariants.match(at: at, in: label, store) }
            below = at
        }
        return (row, signal, variant)
    }

    /// The normalised labels of each format's section III rows, in the format's order (a row's label is the
    /// same in both formats).
    private static let applicationLabels2019 = applicationLabels(.v2019)
    private static let applicationLabels2021 = applicationLabels(.v2021)

    private static func applicationLabels(_ format: ReportFormat) -> [[UInt8]] {
        ApplicationRow.rows(for: format).map { TextBytes.u(FieldTextKey.normalised($0.label)) }
    }
    private static let proactiveLabels: [ReportFormat: [ProactiveRow: [UInt8]]] = Dictionary(
        uniqueKeysWithValues: ReportFormat.allCases.map { f in
            (f, Dictionary(uniqueKeysWithValues: ProactiveRow.allCases.map { ($0, TextBytes.u(FieldTextKey.normalised($0.label(in: f)))) }))
        })

    /// Looked up by the row's position rather than hashed: it is asked for once per row of every report.
    static func normalisedLabel(_ row: ApplicationRow) -> [UInt8] {
        if let p = row.position(in: .v2021) { return applicationLabels2021[p] }
        if let p = row.position(in: .v2019) { return applicationLabels2019[p] }
        return []
    }

    static func normalisedLabel(_ row: ProactiveRow, _ format: ReportFormat) -> [UInt8] {
        proactiveLabels[format]?[row] ?? []
    }


}
