/// The findings of one check as the rules give them, errors and warnings kept apart: the report's list (errors
/// first, each kind in the order found) is then one append, not a sort or two filtered copies.
struct FindingList {
    private var errors: [Finding] = []
    private var warnings: [Finding] = []

    mutating func append(_ finding: Finding) {
        if finding.severity == .error { errors.append(finding) } else { warnings.append(finding) }
    }

    /// Errors first, then warnings, each in the order appended.
    consuming func ordered() -> [Finding] {
        guard !errors.isEmpty else { return warnings }
        errors.append(contentsOf: warnings)
        return errors
    }
}
