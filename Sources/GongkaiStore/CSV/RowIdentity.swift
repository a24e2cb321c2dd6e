import Foundation

/// What makes a row of a register the same entry as a stored one, so that importing a file again stores nothing
/// twice (docs/STORE.md, «What identifies a row»).
///
/// - `key` filled: that column names the entry (受理编号, 案号, 文号, 事项编码, 决定书文号, 索引号, 日期); it is unique
///   in the agency.
/// - `key` empty or absent, `fallback` given: those columns together name it (a 规范性文件 without 文号: 类别 + 标题
///   + 制发日期), unique in the agency.
/// - otherwise the whole row is the entry and identical rows are counted: a fee of 100 元 collected twice on one
///   day is two rows; importing a file again adds only the copies beyond those already stored.
///
/// A row whose identity is stored with the same values is unchanged (not written again); with other values it is
/// refused naming the key and each differing column — an import never overwrites what is stored.
struct RowIdentity: Sendable {
    var key: String?
    var fallback: [String]?

    static let wholeRow = RowIdentity(key: nil, fallback: nil)
    static func key(_ key: String, else fallback: [String]? = nil) -> RowIdentity {
        RowIdentity(key: key, fallback: fallback)
    }
}

/// Matches the rows of one import against what is stored and against earlier rows of the same file.
/// Values are compared in their stored form (dates ISO, amounts in fen, items by id), column by column, over the
/// columns the file has (an export without personal data re-imports as unchanged).
struct RowMatcher {
    enum Match: Equatable {
        case new
        case unchanged
    }

    let spec: RegisterSpec
    /// Indices of the spec's columns present in the file.
    let present: [Int]
    let context: ImportContext
    private var stored: [String: [String]] = [:]
    private var storedCounts: [String: Int] = [:]
    private var seenLines: [String: Int] = [:]
    private var seenCounts: [String: Int] = [:]

    /// `existing` holds every stored row of the agency, each as the stored form of all spec columns.
    init(spec: RegisterSpec, present: [Int], existing: [[String]], context: ImportContext) {
        self.spec = spec
        self.present = present
        self.context = context
        for row in existing {
            let (id, unique) = identity(row)
            if unique { stored[id] = row } else { storedCounts[id, default: 0] += 1 }
        }
    }

    /// The row's identity and whether it is unique (key or fallback) rather than counted (whole row).
    private func identity(_ row: [String]) -> (String, Bool) {
        func value(_ header: String) -> String? {
            guard let i = spec.columns.firstIndex(where: { $0.header == header }), present.contains(i) else {
                return nil
            }
            return row[i]
        }
        if let key = spec.identity.key, let v = value(key), !v.isEmpty { return ("K\u{1F}" + v, true) }
        if let fallback = spec.identity.fallback {
            return ("F\u{1F}" + fallback.map { value($0) ?? "" }.joined(separator: "\u{1F}"), true)
        }
        return ("R\u{1F}" + present.map { row[$0] }.joined(separator: "\u{1F}"), false)
    }

    /// New or unchanged, or the reason the row is refused (column, text).
    mutating func match(_ row: [String], line: Int) -> Result<Match, ImportIssue.Reason> {
        let (id, unique) = identity(row)
        guard unique else {
            seenCounts[id, default: 0] += 1
            return .success(seenCounts[id]! <= storedCounts[id, default: 0] ? .unchanged : .new)
        }
        if let earlier = seenLines[id] {
            return .failure(.init("与本文件第\(earlier)行是同一条记录（\(identityText(row))），不能重复"))
        }
        seenLines[id] = line
        guard let old = stored[id] else { return .success(.new) }
        let differing = present.filter { old[$0] != row[$0] }
        if differing.isEmpty { return .success(.unchanged) }
        let changes = differing.map { i in
            "\(spec.columns[i].header) 已存为「\(display(old[i], i))」，文件为「\(display(row[i], i))」"
        }
        return .failure(.init("\(identityText(row)) 已存在且内容不同：\(changes.joined(separator: "；"))（导入不会覆盖已存记录）"))
    }

    /// The column a refusal is reported under: the key column, else the first fallback column.
    var identityColumn: String { spec.identity.key ?? spec.identity.fallback?.first ?? "-" }

    private func identityText(_ row: [String]) -> String {
        let headers: [String]
        if let key = spec.identity.key, let i = spec.columns.firstIndex(where: { $0.header == key }),
            present.contains(i), !row[i].isEmpty
        {
            headers = [key]
        } else {
            headers = spec.identity.fallback ?? present.map { spec.columns[$0].header }
        }
        return headers.compactMap { h in
            spec.columns.firstIndex(where: { $0.header == h }).map {
                "\(spec.columns[$0].chinese) \(display(row[$0], $0))"
            }
        }.joined(separator: "、")
    }

    /// A stored value as a user writes it: amounts in yuan, items by code.
    private func display(_ value: String, _ column: Int) -> String {
        if value.isEmpty { return "（空）" }
        switch spec.columns[column].kind {
        case .amountYuan: return Int64(value).map { Money.yuan($0).description } ?? value
        case .itemCode: return context.items.first { String($0.value.id) == value }?.key ?? value
        default: return value
        }
    }

    /// The stored form of a value bound for INSERT: text as is, numbers in decimal, NULL as "".
    static func storedForm(_ value: Bound) -> String {
        switch value {
        case let s as String: return s
        case let n as Int: return String(n)
        case let n as Int64: return String(n)
        case let b as Bool: return b ? "true" : "false"
        default: return ""
        }
    }
}
