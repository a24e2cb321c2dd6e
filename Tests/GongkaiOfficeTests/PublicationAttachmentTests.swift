import Foundation
import GongkaiCore
import GongkaiStore
import Testing

@testable import GongkaiOffice

/// 附件 of items to publish: what may be attached (format by name and by content, size, name), who may attach while
/// the item may be edited, and that the portal serves a file only while its item is visible — on both databases.
@Suite struct PublicationAttachmentTests {
    static let pdf = Data("%PDF-1.7\n%âãÏÓ\n".utf8)
    static let limits = InputLimits(maxFileBytes: 64)

    @Test(
        "what may be attached",
        arguments: [
            ("计划.pdf", Data("%PDF-1.7\n".utf8), nil),
            ("计划.PDF", Data("%PDF-1.7\n".utf8), nil),
            ("表格.xlsx", Data([0x50, 0x4B, 0x03, 0x04, 0x14]), nil),
            ("通知.docx", Data([0x50, 0x4B, 0x03, 0x04, 0x14]), nil),
            ("旧表.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1]), nil),
            ("说明.txt", Data("第一条。".utf8), nil),
            ("照片.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0]), nil),
            ("计划.pdf", Data([0x89, 0x50, 0x4E, 0x47]), "文件内容不是 .pdf 格式"),
            ("通知.docx", Data("%PDF-1.7".utf8), "文件内容不是 .docx 格式"),
            ("说明.txt", Data([0xB5, 0xDA, 0xD2, 0xBB]), "文本文件须为 UTF-8 编码"),  // GBK bytes
            ("安装.exe", Data("MZ".utf8), "不支持的格式「.exe」"),
            ("无扩展名", Data("x".utf8), "不支持的格式「无扩展名」"),
            ("空.pdf", Data(), "文件是空的"),
            ("大.pdf", Data("%PDF".utf8) + Data(repeating: 0x20, count: 100), "文件超过"),
            ("../../etc/计划.pdf", Data("%PDF-1.7\n".utf8), "不含路径"),
            (String(repeating: "长", count: 101) + ".pdf", Data("%PDF-1.7\n".utf8), "1至100个字符"),
        ] as [(String, Data, String?)])
    func rules(name: String, bytes: Data, problem: String?) {
        do {
            let file = try AttachmentRules.file(name: name, bytes: bytes, limits: Self.limits)
            #expect(problem == nil, "accepted \(name)")
            #expect(file.sha256.count == 64 && file.bytes == bytes && !file.mediaType.isEmpty)
        } catch let e as IntakeProblems {
            #expect(problem.map { p in e.problems.contains { $0.reason.contains(p) } } == true, "\(name): \(e)")
            #expect(e.problems.allSatisfy { $0.key == "file" && $0.field == "附件" })
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aFileIsServedOnlyWhileItsItemIsVisible(_ backend: OfficeBackend) async throws {
        try await PublicationWorkflowTests.withDesk(backend, "pub_attach") { desk in
            let office = desk.office
            let (officer, reviewer) = (try await desk.scope("officer"), try await desk.scope("reviewer"))
            let at = PublicationWorkflowTests.at
            var p = try await office.draftPublication(
                PublicationWorkflowTests.form("检查计划", publishAt: "2024-03-06 09:00"), scope: officer, at: at("2024-03-04 10:00"))
            let binary = Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0xFE, 0x80])  // %PDF and bytes no text encoding holds
            let a = try await office.attachToPublication(p.id, name: "计划.pdf", bytes: binary, limits: .standard, scope: officer, at: at("2024-03-04 10:01"))
            #expect(a.size == 8 && a.mediaType == "application/pdf" && a.addedBy == "officer")
            // Only those who may edit it, and only while it may be edited; another agency finds nothing.
            await #expect(throws: CaseError.self) {
                try await office.attachToPublication(p.id, name: "b.pdf", bytes: Self.pdf, limits: .standard, scope: reviewer, at: at("2024-03-04 10:02"))
            }
            await #expect(throws: PublicationStoreError.self) {
                try await office.attachToPublication(p.id, name: "b.pdf", bytes: Self.pdf, limits: .standard, scope: desk.other, at: at("2024-03-04 10:02"))
            }
            await #expect(throws: StoreError.self) { try await office.publicationAttachment(p.id, attachmentID: a.id, scope: desk.other) }
            p = try await office.submitPublication(p.id, expectedVersion: p.version, scope: officer, at: at("2024-03-04 10:05"))
            await #expect(throws: PublicationError.self) {
                try await office.attachToPublication(p.id, name: "b.pdf", bytes: Self.pdf, limits: .standard, scope: officer, at: at("2024-03-04 10:06"))
            }
            await #expect(throws: PublicationError.self) { try await office.detachFromPublication(p.id, attachmentID: a.id, scope: officer) }
            p = try await office.reviewPublication(
                p.id, .pass(try await PublicationWorkflowTests.clear(office, reviewer)), expectedVersion: p.version, scope: reviewer,
                at: at("2024-03-05 15:00"))
            let itemID = try #require(p.catalogueItem?.id)
            // The bytes come back whole from the staff's download at any time…
            #expect(try await office.publicationAttachment(p.id, attachmentID: a.id, scope: reviewer).1 == binary)
            // …and from the portal only from the item's moment.
            await #expect(throws: StoreError.self) {
                try await office.catalogueAttachment(agencyID: desk.agencyID, itemID: itemID, attachmentID: a.id, at: at("2024-03-06 08:59"))
            }
            #expect(try await office.catalogueItem(agencyID: desk.agencyID, itemID: itemID, at: at("2024-03-06 09:00")).attachments.map(\.name) == ["计划.pdf"])
            #expect(try await office.catalogueAttachment(agencyID: desk.agencyID, itemID: itemID, attachmentID: a.id, at: at("2024-03-06 09:00")).1 == binary)
            _ = try await office.revokePublication(p.id, reason: "有误", expectedVersion: p.version, scope: try await desk.scope("head"), at: at("2024-03-07 09:00"))
            await #expect(throws: StoreError.self) {
                try await office.catalogueAttachment(agencyID: desk.agencyID, itemID: itemID, attachmentID: a.id, at: at("2024-03-07 09:01"))
            }
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aDraftHoldsAtMostTwentyFilesAndOneCanBeRemoved(_ backend: OfficeBackend) async throws {
        try await PublicationWorkflowTests.withDesk(backend, "pub_attach_many") { desk in
            let office = desk.office
            let officer = try await desk.scope("officer")
            let p = try await office.draftPublication(PublicationWorkflowTests.form("检查计划"), scope: officer, at: PublicationWorkflowTests.at("2024-03-04 10:00"))
            var ids: [Int] = []
            for i in 1...AttachmentRules.maxPerItem {
                ids.append(try await office.attachToPublication(
                    p.id, name: "\(i).pdf", bytes: Self.pdf, limits: .standard, scope: officer, at: PublicationWorkflowTests.at("2024-03-04 10:01")).id)
            }
            await #expect(throws: IntakeProblems.self) {
                try await office.attachToPublication(p.id, name: "21.pdf", bytes: Self.pdf, limits: .standard, scope: officer, at: PublicationWorkflowTests.at("2024-03-04 10:02"))
            }
            try await office.detachFromPublication(p.id, attachmentID: ids[0], scope: officer)
            let left = try await office.publicationAttachments(p.id, scope: officer)
            #expect(left.count == AttachmentRules.maxPerItem - 1 && left.first?.name == "2.pdf")
            await #expect(throws: StoreError.self) { try await office.detachFromPublication(p.id, attachmentID: ids[0], scope: officer) }
        }
    }
}
