import GongkaiCore

/// The bounds of report year Y as the queries compare them (ISO text, inclusive).
struct StoreYear: Sendable {
    let year: Int
    /// 1 January Y.
    var start: String { CivilDate.startOf(year: year).iso }
    /// 31 December Y.
    var end: String { CivilDate.endOf(year: year).iso }
    /// 31 December Y−1.
    var previousEnd: String { CivilDate.endOf(year: year - 1).iso }
}
