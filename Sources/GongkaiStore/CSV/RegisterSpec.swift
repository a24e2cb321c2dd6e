import GongkaiCore

/// A register that can be imported from and exported to CSV (and exported to JSON): its table and columns,
/// the rules across fields, and what identifies a row (`RowIdentity`).
public struct RegisterSpec: Sendable {
    /// The name on the command line: `applications`, `administrative-items` …
    public let name: String
    /// 中文名称, for messages.
    public let title: String
    let table: String
    let columns: [RegisterColumn]
    /// False only for holiday overrides, which belong to no agency.
    let agencyScoped: Bool
    /// Whether each row belongs to an agency (all but the holiday overrides).
    public var isAgencyScoped: Bool { agencyScoped }
    /// What makes a row the same entry as a stored one (per agency when scoped).
    let identity: RowIdentity
    let rules: [FieldRule]
    /// Extra stored columns computed from the row (e.g. a decision's category from its item).
    let derived: [String: @Sendable ([String: String], ImportContext) -> Bound]

    init(
        name: String, title: String, table: String, columns: [RegisterColumn], agencyScoped: Bool = true,
        identity: RowIdentity = .wholeRow, rules: [FieldRule] = [],
        derived: [String: @Sendable ([String: String], ImportContext) -> Bound] = [:]
    ) {
        self.name = name
        self.title = title
        self.table = table
        self.columns = columns
        self.agencyScoped = agencyScoped
        self.identity = identity
        self.rules = rules
        self.derived = derived
    }

    /// The CSV headers in order.
    public var headers: [String] { columns.map(\.header) }

    /// A template CSV: the header line and one example row.
    public var templateCSV: String {
        CSVTable.line(headers) + "\n" + CSVTable.line(columns.map(\.example)) + "\n"
    }

    /// A line per column (header, Chinese name, required, kind), for `docs/STORE.md` and `--help`.
    public var columnGuide: [String] {
        columns.map { c in "\(c.header)（\(c.chinese)）" + (c.required ? " 必填" : "") + (c.personal ? " 个人信息" : "") }
    }
}

/// A rule across two fields of a row.
enum FieldRule: Sendable {
    /// Both filled or both empty (an outcome needs its closing date).
    case together(String, String)
    /// `later`, when filled, is not before `earlier`.
    case notBefore(later: String, earlier: String)

    /// The column and reason when the row breaks the rule.
    func violation(_ row: [String: String]) -> (column: String, reason: String)? {
        func v(_ k: String) -> String { (row[k] ?? "").trimmingCharacters(in: .whitespaces) }
        switch self {
        case .together(let a, let b):
            if v(a).isEmpty != v(b).isEmpty {
                let (filled, empty) = v(a).isEmpty ? (b, a) : (a, b)
                return (empty, "填写了 \(filled) 时必须同时填写 \(empty)")
            }
        case .notBefore(let later, let earlier):
            if let l = CivilDate(storeText: v(later)), let e = CivilDate(storeText: v(earlier)), l < e {
                return (later, "\(later)（\(l.iso)）早于 \(earlier)（\(e.iso)）")
            }
        }
        return nil
    }
}

/// A problem with one field of one row of an import file.
public struct ImportIssue: Hashable, Sendable, CustomStringConvertible {
    public struct Reason: Hashable, Sendable, Error {
        public var text: String
        init(_ text: String) { self.text = text }
    }

    public var file: String
    /// 1-based line in the file where the record starts.
    public var line: Int
    public var column: String
    public var reason: String

    public var description: String { "\(file) 第\(line)行「\(column)」列：\(reason)" }
}
