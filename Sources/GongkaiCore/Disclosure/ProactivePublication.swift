/// 主动公开的时限 — Art. 26: information within the scope of proactive disclosure is published within 20 working
/// days of the day it is made or changed (a law or regulation may set another period).
///
/// ```swift
/// ProactivePublication.period // 20
/// ```
public enum ProactivePublication {
    /// 第二十六条 — 20 working days.
    public static let period = 20

    /// The rule in the words a 指南 states it.
    public static var periodText: String {
        "属于主动公开范围的政府信息，自该政府信息形成或者变更之日起\(period)个工作日内予以公开（条例第二十六条）"
    }
}
