import SQLKit

/// After a bulk import of applications, writes each new application's `received` event (seq 1) and, when it is
/// already answered, its `answered` event (seq 2); payloads are the core `ApplicationEvent.Kind` as JSON — set-based, in the import's transaction.
struct ApplicationEventBackfill {
    let sql: any SQLDatabase

    func run(agencyID: Int) async throws {
        try await sql.raw(
            """
            INSERT INTO application_events (application_id, seq, kind, occurred_on, payload)
            SELECT a.id, 1, 'received', a.received_on, '{"received":{}}' FROM applications a
            WHERE a.agency_id = \(bind: agencyID)
              AND NOT EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id)
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO application_events (application_id, seq, kind, occurred_on, payload)
            SELECT a.id, 2, 'answered', a.closed_on, '{"answered":{"_0":"' || a.outcome || '"}}' FROM applications a
            WHERE a.agency_id = \(bind: agencyID) AND a.closed_on IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id AND e.seq > 1)
            """
        ).run()
    }
}
