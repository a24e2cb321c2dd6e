import Foundation

/// 第四十四条 — 多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入
/// 主动公开的范围. Which answered applications ask for the same information:
/// - only those answered 予以公开 or 部分公开 (the information "属于可以公开的");
/// - the same 文号 or 索引号, or requests whose words are alike (`similarity` ≥ `threshold`, on the description and
///   the 文件名称 with spaces, punctuation and width ignored); a group is every request linked to another so;
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
    public static let threshold = 0.6

    /// Whether the request's information may be published: answered 予以公开 or 部分公开.
    public static func isDisclosable(_ outcome: Outcome?) -> Bool { outcome == .granted || outcome == .partiallyGranted }

    /// The groups of disclosable requests for the same information from `minimumApplicants` or more applicants, each
    /// in the order given; groups in the order of their first request.
    public static func groups(_ requests: [Request]) -> [[Request]] {
        let candidates = requests.filter { isDisclosable($0.outcome) }
        let keys = candidates.map { bigrams(normalized($0.text)) }
        var parent = Array(candidates.indices)
        func root(_ i: Int) -> Int { parent[i] == i ? i : root(parent[i]) }
        for i in candidates.indices {
            for j in candidates.indices where j > i && same(candidates[i], keys[i], candidates[j], keys[j]) {
                let (a, b) = (root(i), root(j))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var byRoot: [Int: [Request]] = [:]
        var order: [Int] = []
        for i in candidates.indices {
            let r = root(i)
            if byRoot[r] == nil { order.append(r) }
            byRoot[r, default: []].append(candidates[i])
        }
        return order.compactMap { byRoot[$0] }.filter { Set($0.map(\.applicant)).count >= minimumApplicants }
    }

    /// Dice's coefficient of the two texts' character pairs, after `normalized`: 1 for the same words, 0 for none
    /// shared.
    public static func similarity(_ a: String, _ b: String) -> Double {
        dice(bigrams(normalized(a)), bigrams(normalized(b)))
    }

    static func same(_ a: Request, _ ka: [String: Int], _ b: Request, _ kb: [String: Int]) -> Bool {
        func filled(_ s: String?) -> String? { s.flatMap { normalized($0).isEmpty ? nil : normalized($0) } }
        if let x = filled(a.documentNumber), x == filled(b.documentNumber) { return true }
        if let x = filled(a.indexNumber), x == filled(b.indexNumber) { return true }
        return dice(ka, kb) >= threshold
    }

    /// Letters and digits only, full-width folded to half-width, lower case.
    static func normalized(_ text: String) -> String {
        let folded = text.unicodeScalars.map { u in
            (0xFF01...0xFF5E).contains(u.value) ? Unicode.Scalar(u.value - 0xFEE0)! : u
        }
        return String(String.UnicodeScalarView(folded).filter { CharacterSet.alphanumerics.contains($0) }).lowercased()
    }

    static func bigrams(_ s: String) -> [String: Int] {
        let c = Array(s)
        guard c.count > 1 else { return c.isEmpty ? [:] : [String(c): 1] }
        var out: [String: Int] = [:]
        for i in 0..<(c.count - 1) { out[String(c[i...i + 1]), default: 0] += 1 }
        return out
    }

    static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let shared = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        return 2 * Double(shared) / Double(total)
    }
}
