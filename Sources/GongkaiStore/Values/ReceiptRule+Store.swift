import GongkaiCore

extension ReceiptRule {
    /// The stored form: `article31`, or `agency-guide 17:30` (the office's closing time).
    public var storeText: String {
        switch self {
        case .article31: return "article31"
        case .agencyGuide(let hours): return "agency-guide \(hours.closing)"
        }
    }

    /// Parses the stored form (also as an officer types it: `agency-guide` alone closes at 17:00).
    public init?(storeText text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        switch (parts.first, parts.count) {
        case ("article31", 1): self = .article31
        case ("agency-guide", 1): self = .agencyGuide(.standard)
        case ("agency-guide", 2):
            guard let closing = TimeOfDay(parsing: String(parts[1])) else { return nil }
            self = .agencyGuide(OfficeHours(closing: closing))
        default: return nil
        }
    }

    /// How the rule reads in a list or a case file.
    public var label: String {
        switch self {
        case .article31: return "第三十一条（提交渠道的法定日期）"
        case .agencyGuide(let hours): return "本机关指南：非工作时间（\(hours.closing) 下班后或非工作日）提交的以下一工作日为收到之日"
        }
    }
}
