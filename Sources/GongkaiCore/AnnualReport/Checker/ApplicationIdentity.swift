/// The identities of report section III (format reference §6.1 rules 1–3), written once: the checker states
/// them as findings, and the text reader's split chooser scores candidate readings by how many hold.
///
/// Every sum is computed with overflow reported (`CheckedSum`): a sum a 64-bit integer cannot hold makes the
/// identity unknowable (`nil`), never a trap — the checker turns that into a `sumOverflow` finding.
///
/// ```swift
/// ApplicationIdentity.balance(new: 20, carriedOver: 1, answered: 19, carriedForward: 2)?.holds // true
/// ```
public enum ApplicationIdentity {
    /// Both sides of the format's note 一＋二＝三（七）＋四 for one column (§6.1 rule 1).
    public struct Balance: Equatable, Sendable {
        /// 一＋二
        public var received: Int
        /// 三（七）＋四
        public var settled: Int
        public var holds: Bool { received == settled }
    }

    /// 一＋二 and 三（七）＋四 for one column; nil when either sum cannot be represented.
    public static func balance(new: Int, carriedOver: Int, answered: Int, carriedForward: Int) -> Balance? {
        let (received, o1) = new.addingReportingOverflow(carriedOver)
        let (settled, o2) = answered.addingReportingOverflow(carriedForward)
        return o1 || o2 ? nil : Balance(received: received, settled: settled)
    }

    /// （七）总计 ＝ the sum of the outcome rows (§6.1 rule 2): the sum of `values`, nil on overflow.
    public static func sum<S: Sequence>(_ values: S) -> Int? where S.Element == Int {
        var s = CheckedSum()
        for v in values { s.add(v) }
        return s.value
    }
}

/// A running sum of `Int`s that notes an overflow instead of trapping.
///
/// ```swift
/// var s = CheckedSum(); s.add(.max); s.add(1); s.value // nil
/// ```
public struct CheckedSum: Sendable {
    private var total = 0
    private var overflowed = false

    public init() {}

    @inline(__always)
    public mutating func add(_ x: Int) {
        let (r, o) = total.addingReportingOverflow(x)
        total = r
        overflowed = overflowed || o
    }

    /// The sum, or nil when some addition overflowed.
    public var value: Int? { overflowed ? nil : total }
}
