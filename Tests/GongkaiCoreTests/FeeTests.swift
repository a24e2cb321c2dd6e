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

/// The fee tiers as a 指南 publishes them name the same boundaries and prices `unitPrice` charges.
@Suite struct FeeScheduleTextTests {
    // | standard        | unit | price (元) | words in the schedule                    |
    static let rows: [(FeeStandard, Int, Int64, String)] = [
        (.perApplication, 10, 0, "10件以下（含10件）的，不收费"),
        (.perApplication, 11, 100, "11—30件（含30件）的部分，每件收费100元"),
        (.perApplication, 30, 100, "11—30件（含30件）的部分，每件收费100元"),
        (.perApplication, 31, 200, "以10件为一档，每增加一档，收费标准提高100元/件"),
        (.perApplication, 41, 300, "以10件为一档，每增加一档，收费标准提高100元/件"),
        (.perVolume, 30, 0, "30页以下（含30页）的，不收费"),
        (.perVolume, 31, 10, "31—100页（含100页）的部分，每页收费10元"),
        (.perVolume, 101, 20, "101—200页（含200页）的部分，每页收费20元"),
        (.perVolume, 201, 40, "200页以上的部分，每页收费40元"),
    ]

    @Test func theWordsMatchThePrices() {
        for (standard, unit, yuan, words) in Self.rows {
            #expect(standard.unitPrice(unit) == .yuan(yuan), "\(standard) \(unit)")
            #expect(standard.scheduleText.contains(words), "\(standard): \(words)")
        }
    }
}
