import Foundation

/// A `LimitExceeded` shown through `localizedDescription` (as any catch-all of the CLI or the server does) reads as
/// its Chinese description, never Foundation's "The operation could not be completed".
///
/// ```swift
/// LimitExceeded(limit: .maxNestingDepth, allowed: 512, place: "a.html 第 3 行").localizedDescription
/// // "a.html 第 3 行：超过元素嵌套层数上限（512；可用环境变量 GONGKAI_LIMIT_MAX_NESTING_DEPTH 调整）"
/// ```
extension LimitExceeded: LocalizedError {
    public var errorDescription: String? { description }
}
