import Testing
import RapportCore
@testable import RapportUI

@Suite struct ChineseScreenThemeTests {
    private func problem(_ text: String) -> String {
        do { _ = try ThemeParser.parse(text, name: "t", file: "t.theme"); return "" } catch { return error.description }
    }

    @Test func themeProblemsInChinese() {
        Language.$override.withValue(.zh) {
            #expect(problem("nonsense red") == "t.theme:1: 未知样式“nonsense”；可用样式：" + Style.allCases.map(\.rawValue).joined(separator: ", "))
            #expect(problem("\(Style.allCases[0].rawValue) purple").contains("未知颜色“purple”"))
            let twice = "\(Style.allCases[0].rawValue) red\n\(Style.allCases[0].rawValue) red"
            #expect(problem(twice) == "t.theme:2: “\(Style.allCases[0].rawValue)”设置了两次")
            
        }
    }

    @Test func themeProblemsInEnglishUnchanged() {
        Language.$override.withValue(.en) {
            let twice = "\(Style.allCases[0].rawValue) red\n\(Style.allCases[0].rawValue) red"
            #expect(problem(twice) == "t.theme:2: \"\(Style.allCases[0].rawValue)\" is set twice")
            
        }
    }
}
