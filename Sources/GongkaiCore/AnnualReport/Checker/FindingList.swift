/// The findings of one check as the rules give them, counting the errors: the report's list (errors first, each
/// kind in the order found) is then the list itself when it holds one kind only, not two filtered copies.
struct FindingList {
    private var findings: [Finding] = []
    private var errors = 0

    /// Takes `finding` over (consuming: it is moved into the list, not copied).
    mutating func append(_ finding: consuming Finding) {
        if finding.severity == .error { errors += 1 }
        findings.append(finding)
    }

    /// Errors first, then warnings, each in the order appended.
    consuming func ordered() -> [Finding] {
        guard errors > 0 && errors < findings.count else { return findings }
        var out: [Finding] = []
        out.reserveCapacity(findings.count)
        out += findings.lazy.filter { $0.severity == .error }
        out += findings.lazy.filter { $0.severity != .error }
        return out
    }
}
