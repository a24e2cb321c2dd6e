/// 统计口径 — the period rules that place an application (and an appeal) in a report year: the one place the
/// builder, the store and the web cite (format reference §5.2 items 3–5, product decisions where marked).
///
/// For report year Y (1 January – 31 December, Art. 50):
/// - **本年新收** (`new`): the Art. 31 receipt date is in Y.
/// - **上年结转** (`carriedOver`): received before Y and not closed before 1 January Y.
/// - **本年度办理结果** (the outcome rows): closed in Y — the date of the answer or closing decision
///   (`ApplicationCase.closedOn`) — counted once, in the row of its one outcome, whenever it was received.
/// - **结转下年度继续办理** (`carriedForward`): received by 31 December Y and not closed by then.
///
/// Hence for every applicant column: new + carriedOver = outcomes + carriedForward, and Y's carriedForward equals
/// Y+1's carriedOver. Cases received after Y, or closed before Y, are not in Y's report.
///
/// Appeals (section IV; the format names no rule, product decision): a 复议/诉讼 case counts in Y when filed by
/// 31 December Y and not decided before 1 January Y, with its result as of 31 December Y (尚未审结 if undecided).
///
/// ```swift
/// let p = ReportPeriod(year: 2024)
/// p.row(for: c) // [.new, .granted] for a case received and answered in 2024
/// ```
public struct ReportPeriod: Hashable, Sendable, Codable {
    public var year: Int

    public init(year: Int) { self.year = year }

    public var firstDay: CivilDate { CivilDate(year, 1, 1) }
    public var lastDay: CivilDate { CivilDate(year, 12, 31) }

    public func contains(_ date: CivilDate) -> Bool { date.year == year }

    /// 本年新收 — received (Art. 31) in the year.
    public func isReceived(receivedOn: CivilDate) -> Bool { contains(receivedOn) }

    /// 上年结转 — received before the year, still open on 1 January.
    public func isCarriedOver(receivedOn: CivilDate, closedOn: CivilDate?) -> Bool {
        receivedOn < firstDay && !(closedOn.map { $0 < firstDay } ?? false)
    }

    /// 本年度办理结果 — counted in the year's outcome rows when closed (answered or decided) in the year.
    public func isClosed(closedOn: CivilDate?) -> Bool { closedOn.map(contains) ?? false }

    /// 结转下年度继续办理 — received by 31 December and not closed by then.
    public func isCarriedForward(receivedOn: CivilDate, closedOn: CivilDate?) -> Bool {
        receivedOn <= lastDay && !(closedOn.map { $0 <= lastDay } ?? false)
    }

    /// The section III rows an application adds 1 to in `format`, from its dates and outcome alone — the form
    /// a store can evaluate on denormalised columns (received_on, closed_on, outcome).
    public func rows(receivedOn: CivilDate, closedOn: CivilDate?, outcome: Outcome?, format: ReportFormat)
        -> [ApplicationRow]
    {
        var rows: [ApplicationRow] = []
        if isReceived(receivedOn: receivedOn) { rows.append(.new) }
        if isCarriedOver(receivedOn: receivedOn, closedOn: closedOn) { rows.append(.carriedOver) }
        if isClosed(closedOn: closedOn), let outcome { rows.append(outcome.row(in: format)) }
        if isCarriedForward(receivedOn: receivedOn, closedOn: closedOn) { rows.append(.carriedForward) }
        return rows
    }

    /// 本年新收 for a case.
    public func isReceived(_ c: ApplicationCase) -> Bool { isReceived(receivedOn: c.receivedOn) }

    /// 上年结转 for a case.
    public func isCarriedOver(_ c: ApplicationCase) -> Bool {
        isCarriedOver(receivedOn: c.receivedOn, closedOn: c.closedOn)
    }

    /// 本年度办理结果 — the case's outcome when it was closed in the year.
    public func outcome(of c: ApplicationCase) -> Outcome? { isClosed(closedOn: c.closedOn) ? c.outcome : nil }

    /// 结转下年度继续办理 for a case.
    public func isCarriedForward(_ c: ApplicationCase) -> Bool {
        isCarriedForward(receivedOn: c.receivedOn, closedOn: c.closedOn)
    }

    /// The section III rows a case adds 1 to in `format` (empty when the case is not in the year).
    public func rows(for c: ApplicationCase, format: ReportFormat) -> [ApplicationRow] {
        rows(receivedOn: c.receivedOn, closedOn: c.closedOn, outcome: c.outcome, format: format)
    }

    /// Section IV: the appeal counts in the year (filed by 31 December, not decided before 1 January).
    public func includes(_ a: AppealCase) -> Bool {
        a.filedOn <= lastDay && !(a.decidedOn.map { $0 < firstDay } ?? false)
    }

    /// Section IV: the result column as of 31 December (尚未审结 when not decided by then).
    public func result(of a: AppealCase) -> AppealsResult {
        guard let decided = a.decidedOn, decided <= lastDay, let r = a.result else { return .pending }
        return r.column
    }
}
