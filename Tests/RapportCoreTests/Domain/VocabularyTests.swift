import Testing
@testable import RapportCore

@Suite struct VocabularyTests {
    @Test func termsParseFromRawEnglishChineseAndPrefixes() throws {
        #expect(Stage.parse("presentation") == .presentation)
        #expect(Stage.parse("Follow-through") == .followThrough)
        #expect(Stage.parse("follow through") == .followThrough)
        #expect(Stage.parse("展示产品") == .presentation)
        #expect(Stage.parse("obj") == .objections)
        #expect(Stage.parseStage("4") == .presentation)
        #expect(Stage.parse("p") == nil)   // prospecting, preparation, presentation
        #expect(Mood.parse("上升") == .rising)
        #expect(BuyingRole.parse("decision maker") == .decisionMaker)
        #expect(ObjectionTechnique.parse("acknowledge and convert") == .acknowledgeConvert)
        #expect(throws: InputError("unknown mood \"happy\"; use one of: rising, falling, calm, complacent")) {
            try Mood.parsing("happy")
        }
    }

    @Test func stagesHaveOrderDefaultsAndLimits() {
        #expect(Stage.allCases.map(\.number) == Array(1...7))
        #expect(Stage.closing.next == .followThrough && Stage.followThrough.next == nil && Stage.prospecting.previous == nil)
        #expect(Stage.allCases.map(\.defaultProbability) == Stage.allCases.map(\.defaultProbability).sorted())
        #expect(Stage.allCases.allSatisfy { $0.staleAfterDays > 0 })
    }

    @Test func tiersFollowTheSeedsBoundaries() {
        #expect(FunnelTier(probability: 0) == .top)
        #expect(FunnelTier(probability: 24) == .top)
        #expect(FunnelTier(probability: 25) == .middle)
        #expect(FunnelTier(probability: 75) == .middle)
        #expect(FunnelTier(probability: 76) == .bottom)
        #expect(FunnelTier(probability: 100) == .bottom)
    }

    @Test func everyPersonalityTypeHasGuidanceUnderTheSixHeadings() {
        for type in PersonalityType.allCases {
            let g = PersonalityGuidance.of(type)
            #expect(g.points.map(\.heading.english) == ["pace", "language", "interests", "praise", "business vs feeling", "negotiation"])
            #expect(g.points.allSatisfy { !$0.advice.english.isEmpty && !$0.advice.chinese.isEmpty })
        }
        #expect(Mood.allCases.allSatisfy { !$0.approach.english.isEmpty })
        #expect(Mood.rising.approach.english.contains("best moment to ask"))
    }

    @Test func moneyParsesAndPrintsExactly() {
        #expect(Money("12000")?.cents == 1_200_000)
        #expect(Money("12,000.5")?.cents == 1_200_050)
        #expect(Money("0.05 eur") == Money(cents: 5, currency: "EUR"))
        #expect(Money("-3")?.cents == -300)
        #expect(Money("1.234") == nil && Money("abc") == nil && Money("12 EURO") == nil && Money("1.") == nil)
        #expect(Money(cents: 1_200_050).description == "12000.50 CNY")
        #expect(Money(cents: 1_200_000).display == "12,000 CNY")
        #expect(Money.compact(125_000_000) == "1.3M" && Money.compact(1_250_000) == "13k")
    }
}
