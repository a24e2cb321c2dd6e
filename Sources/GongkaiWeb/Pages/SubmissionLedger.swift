import Foundation

/// A double click submits once: each form carries a random `submission` token, and a second POST with the same
/// token gets the first one's answer (waiting for it if it is still running) instead of a second application.
/// A submission that failed (a bad field) is forgotten, so the corrected form can be sent under the same token.
/// Answers are kept for an hour, at most `capacity` of them.
actor SubmissionLedger<Answer: Sendable> {
    private var entries: [String: (task: Task<Answer, any Error>, at: Double)] = [:]
    private let now: @Sendable () -> Double
    private let capacity: Int
    private let keepFor: Double = 3600

    init(capacity: Int = 10_000, now: @escaping @Sendable () -> Double) {
        self.capacity = capacity
        self.now = now
    }

    func submit(_ token: String, _ work: @escaping @Sendable () async throws -> Answer) async throws -> Answer {
        let t = now()
        entries = entries.filter { t - $0.value.at < keepFor }
        if let existing = entries[token] { return try await existing.task.value }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.at < $1.value.at }) {
            entries[oldest.key] = nil
        }
        let task = Task { try await work() }
        entries[token] = (task, t)
        do {
            return try await task.value
        } catch {
            entries[token] = nil
            throw error
        }
    }
}
