import Foundation
import GongkaiCore
import Testing
import ZIPFoundation

@testable import GongkaiDocuments

/// Given DOCX files damaged or built to hurt — flipped bytes in the ZIP directory, corrupted deflate data,
/// decompression bombs, too many entries — when they are read, then each is refused in Chinese naming the file
/// and part, and never traps, hangs or fills memory.
@Suite struct DOCXArchiveDamageTests {
    typealias H = HostileDOCX

    static func read(_ data: Data, limits: InputLimits = .standard) throws -> ReadResult {
        try DOCXReportReader.read(data: data, source: "damaged.docx", limits: limits)
    }

    /// Opens a damaged package and reads every part the good one has: each error is ours (Chinese, naming the
    /// file), never Foundation's or ZIPFoundation's, nothing traps, and a part that is read at all is read intact.
    static func expectIntactOrOwnError(_ data: Data, good: [String: Data], _ comment: Comment) {
        do {
            var package = try ZIPPackage(data: data, source: "damaged.docx", limits: .standard)
            for (name, original) in good {
                if let part = try package.part(name) { #expect(part == original, comment) }
            }
        } catch let error as ReportReadError {
            #expect(error.description.hasPrefix("damaged.docx："), comment)
        } catch let error as LimitExceeded {
            #expect(error.place.hasPrefix("damaged.docx"), comment)
        } catch {
            Issue.record("\(comment): foreign error \(error)")
        }
    }

    /// The parts of an undamaged package by name.
    static func parts(_ data: Data) throws -> [String: Data] {
        var package = try ZIPPackage(data: data, source: "good.docx", limits: .standard)
        var parts: [String: Data] = [:]
        for entry in package.entries { parts[entry.name] = try package.part(entry.name) }
        return parts
    }

    /// ZIPFoundation's in-memory archive trapped on a range for some of these.
    @Test func everyFlippedByteOfTheCentralDirectoryIsRefusedOrRead() throws {
        let good = try DOCXReportWriter.render(TestReports.national2022)
        #expect(try Self.read(good).report.agency == TestReports.national2022.agency)
        let parts = try Self.parts(good)
        #expect(parts["word/document.xml"] != nil)
        for offset in H.directoryOffset(good)..<good.count {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var bad = good
                bad[offset] ^= mask
                Self.expectIntactOrOwnError(bad, good: parts, "byte \(offset) ^ \(mask)")
            }
        }
    }

    @Test func bytesFlippedAcrossTheWholeFileAreRefusedOrRead() throws {
        let good = try DOCXReportWriter.render(TestReports.beijing2020)
        let parts = try Self.parts(good)
        for offset in stride(from: 0, to: good.count, by: 5) {
            var bad = good
            bad[offset] ^= 0x55
            Self.expectIntactOrOwnError(bad, good: parts, "byte \(offset) ^ 0x55")
        }
    }

    @Test func truncatedFilesAreRefused() throws {
        let good = try DOCXReportWriter.render(TestReports.national2022)
        for length in [0, 21, 22, good.count / 2, good.count - 1] {
            let error = #expect(throws: ReportReadError.self) { try Self.read(good.prefix(length)) }
            #expect(error?.description.hasPrefix("damaged.docx：") == true)
        }
    }

    @Test func corruptedDeflateDataIsCaughtByItsCRC() throws {
        let xml = H.document(String(repeating: "<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>", count: 50))
        var data = try H.docx(xml)
        let entry = try #require(H.directoryEntry(data, "word/document.xml"))
        let local = Int(H.u32(data, entry + 42))
        let start = local + 30 + Int(H.u16(data, local + 26)) + Int(H.u16(data, local + 28))
        let size = Int(H.u32(data, entry + 20))
        data[start + size / 2] ^= 0x10
        let error = #expect(throws: ReportReadError.self) { try Self.read(data) }
        let message = try #require(error?.description)
        #expect(message.hasPrefix("damaged.docx：部件 word/document.xml 的"), "\(message)")
        #expect(message.contains("CRC-32") || message.contains("压缩数据已损坏") || message.contains("解压后"), "\(message)")
    }

    @Test func storedPartWithWrongCRCIsRefused() throws {
        var data = try H.docx(H.document("<w:p/>"), method: .none)
        let entry = try #require(H.directoryEntry(data, "word/document.xml"))
        H.patch(&data, entry + 16, u32: H.u32(data, entry + 16) ^ 1)
        let error = #expect(throws: ReportReadError.self) { try Self.read(data) }
        #expect(error?.description == "damaged.docx：部件 word/document.xml 的 CRC-32 校验和不符，文件已损坏")
    }

    /// The cap on decompressed bytes, tested with a small cap: a part declaring more is refused before inflating.
    @Test func partLargerThanTheCapIsRefusedBeforeInflating() throws {
        let spaces = Data(repeating: 0x20, count: 2 << 20)
        let data = try H.zip([("word/document.xml", spaces)])
        var limits = InputLimits.standard
        limits.maxDecompressedBytes = 1 << 20
        let error = H.limit { try Self.read(data, limits: limits) }
        #expect(error?.limit == .maxDecompressedBytes)
        #expect(error?.found == 2 << 20)
        #expect(error?.place == "damaged.docx word/document.xml")
    }

    /// A bomb whose directory lies about its size is stopped as soon as it inflates past the stated size.
    @Test func bombUnderstatingItsSizeIsStoppedAtTheStatedSize() throws {
        var data = try H.zip([("word/document.xml", Data(repeating: 0x20, count: 4 << 20))])
        let entry = try #require(H.directoryEntry(data, "word/document.xml"))
        H.patch(&data, entry + 24, u32: 1000)
        let error = #expect(throws: ReportReadError.self) { try Self.read(data) }
        #expect(error?.description == "damaged.docx：部件 word/document.xml 解压后超过 ZIP 目录所记的 1000 字节，文件已损坏")
    }

    /// The cap also counts all parts together.
    @Test func capCountsAllPartsTogether() throws {
        let half = Data(H.document(String(repeating: " ", count: 600 << 10)).utf8)
        let data = try H.zip([("word/document.xml", half), ("docProps/core.xml", half)])
        var limits = InputLimits.standard
        limits.maxDecompressedBytes = 1 << 20
        let error = H.limit { try Self.read(data, limits: limits) }
        #expect(error?.place == "damaged.docx docProps/core.xml")
        #expect(error?.found == Int64(2 * half.count))
    }

    /// The real-size case under the standard limits: 65 MiB of compressed spaces (a few hundred KB on disk).
    @Test func realSizeBombIsRefusedUnderStandardLimits() throws {
        let size = 65 << 20
        let archive = try ZIPFoundationArchive.spaces(size)
        let error = H.limit { try Self.read(archive) }
        #expect(error?.limit == .maxDecompressedBytes)
        #expect(error?.found == Int64(size))
        #expect(error?.description.contains("DOCX 解压后总大小上限") == true)
    }

    @Test func tooManyEntriesAreRefused() throws {
        let parts = (1...5).map { ("word/media/\($0).xml", Data("<a/>".utf8)) }
        var limits = InputLimits.standard
        limits.maxArchiveEntries = 5
        let error = H.limit { try Self.read(try H.zip(parts), limits: limits) }
        #expect(error?.limit == .maxArchiveEntries)
        #expect(error?.found == 6)
    }

    @Test func notAZIPIsRefusedInChinese() throws {
        let error = #expect(throws: ReportReadError.self) {
            try Self.read(Data("这不是压缩包".utf8 + Array(repeating: 0, count: 40)))
        }
        #expect(error?.description == "damaged.docx：不是有效的 DOCX 文件（找不到 ZIP 目录结尾记录）")
    }

    @Test func encryptedAndUnknownMethodPartsAreRefused() throws {
        var data = try H.docx(H.document("<w:p/>"))
        let entry = try #require(H.directoryEntry(data, "word/document.xml"))
        data[entry + 10] = 12  // bzip2
        #expect(H.message { try Self.read(data) } == "damaged.docx：部件 word/document.xml 使用了不支持的压缩方式（12）")
        data[entry + 8] |= 1
        #expect(H.message { try Self.read(data) } == "damaged.docx：部件 word/document.xml 已加密，无法读取")
    }
}

/// A DOCX whose document part is `size` spaces, deflated chunk by chunk (never held whole in memory).
enum ZIPFoundationArchive {
    static func spaces(_ size: Int) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate,
            bufferSize: 1 << 20
        ) { position, n in chunk.prefix(min(n, size - Int(position))) }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
