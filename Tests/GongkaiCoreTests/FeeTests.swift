import Testing

@testable import GongkaiCore

@Suite("信息处理费 — 国办函〔2020〕109号, exact in fen")
struct FeeTests {
    @Test(
        "按件计收: per applicant per calendar month, progressive",
        arguments: [
            (0, 0), (10, 0), (11, 10_000), (30, 200_000), (31, 220_000), (40, 400_000), (41, 430_000),
            (45, 550_000), (50, 700_000), (51, 740_000),
        ] as [(Int, Int64)])
    func perApplication(count: Int, fen: Int64) {
        #expect(FeeStandard.perApplication.fee(units: count) == Fen(fen))
    }

    @Test(
        "按量计收: pages, progressive",
        arguments: [
            (0, 0), (30, 0), (31, 1_000), (100, 70_000), (101, 72_000), (150, 170_000), (200, 270_000),
            (201, 274_000), (250, 470_000),
        ] as [(Int, Int64)])
    func perVolume(pages: Int, fen: Int64) {
        #expect(FeeStandard.perVolume.fee(units: pages) == Fen(fen))
    }

    @Test("Unit prices by tier")
    func unitPrices() {
        #expect(FeeStandard.perApplication.unitPrice(10) == .zero)
        #expect(FeeStandard.perApplication.unitPrice(11) == .yuan(100))
        #expect(FeeStandard.perApplication.unitPrice(31) == .yuan(200))
        #expect(FeeStandard.perApplication.unitPrice(61) == .yuan(500))
        #expect(FeeStandard.perVolume.unitPrice(201) == .yuan(40))
    }

    @Test("The monthly ledger restarts each calendar month and per applicant; split applications take several positions")
    func ledger() {
        var ledger = MonthlyApplicationLedger()
        for day in 1...10 { #expect(ledger.register(applicant: "甲", on: CivilDate(2024, 1, day)) == .zero) }
        #expect(ledger.register(applicant: "甲", on: CivilDate(2024, 1, 31)) == .yuan(100))
        #expect(ledger.register(applicant: "乙", on: CivilDate(2024, 1, 31)) == .zero)
        #expect(ledger.register(applicant: "甲", on: CivilDate(2024, 2, 1)) == .zero)
        #expect(ledger.register(applicant: "甲", on: CivilDate(2024, 1, 31), units: 20) == .yuan(1_900 + 200))
    }

    @Test("Amounts print in yuan with two decimals")
    func printing() {
        #expect(Fen(550_000).description == "5500.00元")
        #expect(Fen(5).description == "0.05元")
    }
}
