import GongkaiCore
import SQLKit

/// A value bound into an INSERT, typed so that NULL has the column's type on PostgreSQL.
typealias Bound = any Encodable & Sendable

/// What a column of a register holds, how a CSV field is checked, and how it is stored.
enum ColumnKind: Sendable {
    case text
    case date
    case integer(ClosedRange<Int>)
    /// Yuan with up to two decimals, stored as fen in `amount_fen`.
    case amountYuan
    case bool
    /// One of the stored names (aliases in Chinese map to them).
    case choice([String: String])
    /// A section III outcome row id (`granted`, `withheld.4`, `other.1` …).
    case outcome
    /// An item's code in the same agency, stored as `item_id`.
    case itemCode
    /// An application's reference in the same agency (checked to exist), stored as text.
    case applicationReference
}

/// One column of a register: its CSV header (and Chinese alias), its SQL column, its kind.
struct RegisterColumn: Sendable {
    var header: String
    var chinese: String
    var sqlColumn: String
    var kind: ColumnKind
    var required: Bool
    /// 身份证号码, 联系电话: left out of exports unless an authorised role asks.
    var personal: Bool = false
    var example: String

    init(
        _ header: String, _ chinese: String, _ kind: ColumnKind = .text, required: Bool = false,
        sql: String? = nil, personal: Bool = false, example: String
    ) {
        self.header = header
        self.chinese = chinese
        self.kind = kind
        self.required = required
        self.personal = personal
        self.example = example
        switch kind {
        case .amountYuan: sqlColumn = sql ?? "amount_fen"
        case .itemCode: sqlColumn = "item_id"
        default: sqlColumn = sql ?? header
        }
    }

    /// A NULL of the column's SQL type.
    var null: Bound {
        switch kind {
        case .integer, .itemCode: return Int?.none
        case .amountYuan: return Int64?.none
        case .bool: return Bool?.none
        default: return String?.none
        }
    }

    /// The expression that exports the column from table alias `t`.
    var exportExpression: String {
        switch kind {
        case .itemCode: return "(SELECT i.code FROM administrative_items i WHERE i.id = t.item_id)"
        default: return "t.\(sqlColumn)"
        }
    }
}

/// Lookups a row may need: the agency's items by code and applications by reference.
struct ImportContext: Sendable {
    var items: [String: (id: Int, category: String)] = [:]
    var applications: Set<String> = []
}

extension RegisterColumn {
    /// Checks a CSV field and returns the value to store, or the reason it is refused (in Chinese).
    func parse(_ raw: String, context: ImportContext) -> Result<Bound, ImportIssue.Reason> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            if required { return .failure(.init("不能为空")) }
            // Optional text is stored as "" (NOT NULL columns); personal data stays NULL when absent.
            if case .text = kind, !personal { return .success("") }
            return .success(null)
        }
        switch kind {
        case .text: return .success(text)
        case .date:
            guard let d = CivilDate(storeText: text) else { return .failure(.init("不是有效日期（应为 YYYY-MM-DD）：\(text)")) }
            return .success(d.iso)
        case .integer(let range):
            guard let n = Int(text), range.contains(n) else {
                return .failure(.init("应为 \(range.lowerBound)–\(range.upperBound) 之间的整数：\(text)"))
            }
            return .success(n)
        case .amountYuan:
            guard let n = ExactNumber(parsing: text), let fen = try? Money.fen(n) else {
                return .failure(.init("应为不小于 0、最多两位小数的金额（元）：\(text)"))
            }
            return .success(fen)
        case .bool:
            if ["1", "true", "是", "yes"].contains(text.lowercased()) { return .success(true) }
            if ["0", "false", "否", "no"].contains(text.lowercased()) { return .success(false) }
            return .failure(.init("应为 是/否（true/false）：\(text)"))
        case .choice(let names):
            guard let stored = names[text] else {
                return .failure(.init("应为以下之一：\(Set(names.values).sorted().joined(separator: "、"))；实为 \(text)"))
            }
            return .success(stored)
        case .outcome:
            guard let row = ApplicationRow(id: text), let outcome = Outcome(row: row) else {
                return .failure(.init("不是第三部分的办理结果（如 granted、withheld.4、unavailable.1、other.1）：\(text)"))
            }
            return .success(outcome.row.id)
        case .itemCode:
            guard let item = context.items[text] else { return .failure(.init("本机关没有编码为 \(text) 的事项")) }
            return .success(item.id)
        case .applicationReference:
            guard context.applications.contains(text) else { return .failure(.init("本机关没有受理编号为 \(text) 的申请")) }
            return .success(text)
        }
    }
}
