import FluentKit
import SQLKit

/// Every migration, in the order they run. Names are dated (`YYYY-MM-DD-NN-What`) and never change once shipped;
/// each reverts by dropping what it created.
public enum StoreMigrations {
    public static var all: [any Migration] {
        [
            CreateAgencies(), CreateRolesAndUsers(), CreateApplications(), CreateApplicationEvents(),
            CreateAppealCases(), CreateNormativeDocuments(), CreateAdministrativeItems(),
            CreateAdministrativeDecisions(), CreateProcurementProjects(), CreateFeeCollections(),
            CreateCatalogueItems(), CreateHolidayOverrides(), AddApplicationCaseFields(), AddReceiptRules(), CreateAgencyGuides(),
            AddStaffSignIn(), CreateLetters(), AddOnlineConfirmation(), AddAppealBody(), CreatePublishedReports(),
            AddCatalogueItemDetails(), AddNormativeDocumentExpiry(), CreateOutbox(),
            CreateLetterTemplates(), CreateRegisterAudit(), CreatePublications(), CreateReportDrafts(),
            CreatePublicationAttachments(), CreateNormativeDocumentEvents(), CreatePublicationSources(),
            AddPublicationDocumentKind(), AddDisclosureAttribute(),
            CreatePublicationDecisionBatches(),
        ]
    }
}

extension Database {
    /// Runs raw DDL (indexes), the same text on SQLite and PostgreSQL.
    func ddl(_ statements: String...) async throws {
        for s in statements { try await (self as! any SQLDatabase).raw(SQLQueryString(s)).run() }
    }
}
