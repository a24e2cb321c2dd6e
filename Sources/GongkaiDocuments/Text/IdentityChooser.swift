import GongkaiCore

/// Chooses, for each row of section III, one of its candidate splits so that the table's column identities
/// hold (format reference §6.1 rules 1–2, stated once in `ApplicationIdentity` for the checker and this chooser):
/// the outcome rows sum to （七）总计, and 一＋二＝三（七）＋四.
///
/// Rows with one candidate are fixed. The combinations of the others are tried exhaustively when there are
/// few, else improved row by row. The fewest violated identities win; nothing is corrected.
enum IdentityChooser {
    struct RowOptions: Sendable {
        var candidates: [DigitSplitter.Candidate]
        /// Whether the candidates break their row's own identity (总计 = the six columns): all of them do or
        /// none does, since a row's candidates are either all the splits that keep it or all the others.
        var breaksRow: Bool
    }

    struct Choice: Sendable {
        var picked: [Int]
        /// Rows (indices) where another choice fits exactly as well.
        var ambiguousRows: [Int]
    }

    static func choose(_ options: [RowOptions], rows: [ApplicationRow]) -> Choice {
        var picked = Array(repeating: 0, count: options.count)
        let open = options.indices.filter { options[$0].candidates.count > 1 }
        guard !open.isEmpty else { return Choice(picked: picked, ambiguousRows: []) }
        let roles = Roles(rows)
        var product = 1
        for i in open {
            product = product.multipliedReportingOverflow(by: options[i].candidates.count).partialValue
            if product > 20_000 || product <= 0 { break }
        }
        if product > 0 && product <= 20_000 {
            return exhaustive(options, open: open, roles: roles)
        }
        for _ in 0..<4 {
            var changed = false
            for i in open {
                var best = (score: Int.max, k: picked[i])
                for k in options[i].candidates.indices {
                    picked[i] = k
                    let s = score(options, picked, roles)
                    if s < best.score { best = (s, k) }
                }
                if picked[i] != best.k { changed = true }
                picked[i] = best.k
            }
            if !changed { break }
        }
        return Choice(picked: picked, ambiguousRows: open)
    }

    private static func exhaustive(_ options: [RowOptions], open: [Int], roles: Roles) -> Choice {
        var picked = Array(repeating: 0, count: options.count)
        var best = Int.max
        var bestPick = picked
        var differing: Set<Int> = []
        while true {
            let s = score(options, picked, roles)
            if s < best {
                best = s
                bestPick = picked
                differing = []
            } else if s == best {
                for i in open
                where picked[i] != bestPick[i]
                    && options[i].candidates[picked[i]].cells != options[i].candidates[bestPick[i]].cells
                {
                    differing.insert(i)
                }
            }
            // Odometer over the open rows.
            var k = 0
            while k < open.count {
                let i = open[k]
                picked[i] += 1
                if picked[i] < options[i].candidates.count { break }
                picked[i] = 0
                k += 1
            }
            if k == open.count { break }
        }
        return Choice(picked: bestPick, ambiguousRows: differing.sorted())
    }

    /// Which rows play which part in the identities.
    private struct Roles {
        var outcome: [Int] = []
        var total: Int?
        var new: Int?
        var carriedOver: Int?
        var carriedForward: Int?

        init(_ rows: [ApplicationRow]) {
            for (i, r) in rows.enumerated() {
                switch r {
                case .total: total = i
                case .new: new = i
                case .carriedOver: carriedOver = i
                case .carriedForward: carriedForward = i
                default: if r.isOutcome { outcome.append(i) }
                }
            }
        }
    }

    private static func score(_ options: [RowOptions], _ picked: [Int], _ roles: Roles) -> Int {
        var violations = 0
        for i in options.indices where options[i].breaksRow { violations += 1 }
        func value(_ row: Int?, _ c: Int) -> Int {
            guard let row else { return 0 }
            let cells = options[row].candidates[picked[row]].cells
            return c < cells.count ? cells[c].countOrZero : 0
        }
        for c in 0..<7 {
            // the identities of the checker (`ApplicationIdentity`), an unrepresentable sum counted as broken
            let total = value(roles.total, c)
            if ApplicationIdentity.sum(roles.outcome.lazy.map { value($0, c) }) != total { violations += 1 }
            let balance = ApplicationIdentity.balance(
                new: value(roles.new, c), carriedOver: value(roles.carriedOver, c), answered: total,
                carriedForward: value(roles.carriedForward, c))
            if balance?.holds != true { violations += 1 }
        }
        return violations
    }
}
