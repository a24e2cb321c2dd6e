import Foundation

/// What can go wrong in the store, each with a message safe to show a user (in Chinese).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case badDatabaseURL(String, reason: String)
    case agencyNotFound(Int)
    case unknownRegister(String)
    case notPermitted(user: String, action: String)
    case invalidValue(field: String, value: String, reason: String)
    /// Several fields at once (each an `invalidValue`), so that a form can mark them all.
    case invalidValues([StoreError])
    case importRejected(file: String, errorCount: Int)
    case backupFailed(String)
    case notFound(String)
    /// The database (named with any password hidden) could not do what was asked, and why in Chinese
    /// (`StoreError(_:database:)` maps the drivers' errors).
    case database(String, reason: String)
    /// The first-run set-up was asked for, but the database already holds an agency.
    case alreadySetUp
    /// A record changed between the reading of a form and its saving; nothing was written.
    case changedMeanwhile(String)

    public var description: String {
        switch self {
        case .badDatabaseURL(let url, let reason): return "数据库地址无效：\(url)（\(reason)）"
        case .agencyNotFound(let id): return "找不到编号为 \(id) 的机关"
        case .unknownRegister(let name):
            return "没有名为 \(name) 的台账；可用：\(RegisterCatalog.all.map(\.name).joined(separator: "、"))"
        case .notPermitted(let user, let action): return "用户 \(user) 的角色无权\(action)"
        case .invalidValue(let field, let value, let reason): return "字段 \(field) 的值「\(value)」无效：\(reason)"
        case .invalidValues(let all): return all.map(\.description).joined(separator: "\n")
        case .importRejected(let file, let count):
            return "\(file)：发现 \(count) 处错误，未导入任何记录（可加 --skip-invalid 跳过错误行）"
        case .backupFailed(let reason): return "备份或恢复失败：\(reason)"
        case .notFound(let what): return "找不到\(what)"
        case .database(let name, let reason): return "数据库 \(name)：\(reason)"
        case .alreadySetUp: return "系统已经设置过（已有机关），不能再次初始化"
        case .changedMeanwhile(let what): return "\(what)已被他人修改，请重新打开后再操作"
        }
    }

    public var errorDescription: String? { description }
}
