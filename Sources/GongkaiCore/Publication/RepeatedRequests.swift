import Foundation

/// 第四十四条 — 多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入
/// 主动公开的范围. Which answered applications ask for the same information:
/// - only those answered 予以公开 or 部分公开 (the information "属于可以公开的");
/// - the same 文号 or 索引号 as a request of the group; or words alike those of the group's first request
///   (`similarity` ≥ `threshold` on the description, with spaces, punctuation, width and an applicant's stock
///   phrases — 请公开, 申请获取, 相关信息 … — ignored) that name the same numbers (2023年 is not 2022年). A request is
///   compared with each group's first request, not with every member, so that alike wordings never chain different
///   information into one group;
/// - from at least `minimumApplicants` different applicants (one applicant asking twice is not 多个申请人).
///
/// ```swift
/// RepeatedRequests.similarity("2023年区财政预算执行情况", "区2023年财政预算执行情况报告") // ≈ 0.8
/// ```
public enum RepeatedRequests {
    /// One answered application as the rule sees it.
    public struct Request: Hashable, Sendable {
        public var reference: String
        /// Who applied, as one key (name and kind): different keys are different applicants.
        public var applicant: String
        public var text: String
        public var documentNumber: String?
        public var indexNumber: String?
        public var outcome: Outcome?

        public init(reference: String, applicant: String, text: String, documentNumber: String? = nil, indexNumber: String? = nil, outcome: Outcome?) {
            (self.reference, self.applicant, self.text, self.outcome) = (reference, applicant, text, outcome)
            (self.documentNumber, self.indexNumber) = (documentNumber, indexNumber)
        }
    }

    public static let minimumApplicants = 2
    public static let threshold = 0.75

    /// Whether the request's information may be published: answered 予以公开 or 部分公开.
    public static func isDisclosable(_ outcome: Outcome?) -> Bool { outcome == .granted || outcome == .partiallyGranted }

    /// The groups of disclosable requests for the same information from `minimumApplicants` or more applicants, each
    /// in the order given; groups in the order of their first request.
    public static func groups(_ requests: [Request]) -> [[Request]] {
        var groups: [[Request]] = []
        var leaders: [[Int]: [(group: Int, words: Words)]] = [:]  // by the numbers the words name
        var byKey: [String: Int] = [:]  // 文号 and 索引号, to their group
        for request in requests where isDisclosable(request.outcome) {
            let keys = [("文号", request.documentNumber), ("索引号", request.indexNumber)].compactMap { kind, value in
                value.map(normalized).flatMap { $0.isEmpty ? nil : kind + $0 }
            }
            let words = Words(request.text)
            let group = keys.lazy.compactMap { byKey[$0] }.first
                ?? leaders[words.numbers]?.first { alike(words, $0.words) }?.group
            if let group {
                groups[group].append(request)
                for key in keys where byKey[key] == nil { byKey[key] = group }
            } else {
                groups.append([request])
                leaders[words.numbers, default: []].append((groups.count - 1, words))
                for key in keys { byKey[key] = groups.count - 1 }
            }
        }
        return groups.filter { Set($0.map(\.applicant)).count >= minimumApplicants }
    }

    /// Dice's coefficient of the two texts' character pairs, after `normalized` and without the stock phrases: 1 for
    /// the same words, 0 for none shared.
    public static func similarity(_ a: String, _ b: String) -> Double { dice(Words(a), Words(b)) }

    /// What a request's words are compared by: its character pairs (sorted, as numbers) and the numbers it names.
    struct Words {
        var pairs: [UInt64]
        var numbers: [Int]

        init(_ text: String) {
            var s = normalized(text)
            for phrase in stockPhrases { s = s.replacingOccurrences(of: phrase, with: "") }
            let scalars = Array(s.unicodeScalars)
            pairs = scalars.count < 2
                ? scalars.map { UInt64($0.value) }
                : (0..<(scalars.count - 1)).map { UInt64(scalars[$0].value) << 32 | UInt64(scalars[$0 + 1].value) }.sorted()
            numbers = s.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0.prefix(9)) }.sorted()
        }
    }

    /// What applicants write around the information they want; it says nothing of which information.
    static let stockPhrases = ["申请公开", "请求公开", "要求公开", "请公开", "申请获取", "请提供", "的相关信息", "相关信息", "相关文件", "的信息", "的全文", "全文", "关于"]

    /// `dice` ≥ `threshold`. Dice ≥ t needs the shorter to hold at least t / (2 − t) of the longer's pairs: most
    /// pairs of requests stop at that count.
    static func alike(_ a: Words, _ b: Words) -> Bool {
        let (short, long) = (Double(min(a.pairs.count, b.pairs.count)), Double(max(a.pairs.count, b.pairs.count)))
        return short >= long * threshold / (2 - threshold) && dice(a, b) >= threshold
    }

    static func dice(_ a: Words, _ b: Words) -> Double {
        let total = a.pairs.count + b.pairs.count
        guard total > 0 else { return 0 }
        var (i, j, shared) = (0, 0, 0)
        while i < a.pairs.count && j < b.pairs.count {
            if a.pairs[i] == b.pairs[j] { shared += 1; i += 1; j += 1 } else if a.pairs[i] < b.pairs[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(shared) / Double(total)
    }

    /// Letters and digits only, full-width folded to half-width, lower case.
    static func normalized(_ text: String) -> String {
        let folded = text.unicodeScalars.map { u in
            (0xFF01...0xFF5E).contains(u.value) ? Unicode.Scalar(u.value - 0xFEE0)! : u
        }
        return String(String.UnicodeScalarView(folded).filter { CharacterSet.alphanumerics.contains($0) }).lowercased()
    }
}
