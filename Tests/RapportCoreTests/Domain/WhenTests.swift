import Testing
@testable import RapportCore

@Suite struct WhenTests {
    let time = LocalTime(now: TestBusiness.monday, zone: TestBusiness.zone)   // Monday 09:00 in Shanghai

    func moment(_ text: String, hour: Int = 9) throws -> String {
        time.format(try When.parse(text, at: time).moment(time, hour: hour))
    }

    @Test func peopleCanSayWhenInManyWays() throws {
        #expect(try moment("now") == "2026-11-23 09:00")
        #expect(try moment("today") == "2026-11-23 09:00")
        #expect(try moment("tomorrow") == "2026-11-24 09:00")
        #expect(try moment("tomorrow 14:30") == "2026-11-24 14:30")
        #expect(try moment("yesterday") == "2026-11-22 09:00")
        #expect(try moment("16:05") == "2026-11-23 16:05")
        #expect(try moment("fri") == "2026-11-27 09:00")
        #expect(try moment("monday") == "2026-11-30 09:00")   // the next one, not today
        #expect(try moment("+3d") == "2026-11-26 09:00")
        #expect(try moment("+2w") == "2026-12-07 09:00")
        #expect(try moment("+2h") == "2026-11-23 11:00")
        #expect(try moment("-30m") == "2026-11-23 08:30")
        #expect(try moment("2026-06-30") == "2026-06-30 09:00")
        #expect(try moment("2026-06-30 18:15") == "2026-06-30 18:15")
        #expect(try moment("2026-06-30T10:00:00Z") == "2026-06-30 18:00")
        #expect(try moment("2026-06-30T10:00+02:00") == "2026-06-30 16:00")
    }

    @Test func andInChinese() throws {
        #expect(try moment("现在") == "2026-11-23 09:00")
        #expect(try moment("明天") == "2026-11-24 09:00")
        #expect(try moment("明天 14:30") == "2026-11-24 14:30")
        #expect(try moment("后天") == "2026-11-25 09:00")
        #expect(try moment("周五") == "2026-11-27 09:00")
        #expect(try moment("星期一 10:00") == "2026-11-30 10:00")
        #expect(try moment("2026年6月30日") == "2026-06-30 09:00")
        #expect(try moment("2026年6月30日 18:15") == "2026-06-30 18:15")
        let wrong = Language.$override.withValue(.zh) { () -> String in
            do throws(InputError) { _ = try When.parse("下周", at: time); return "" } catch { return error.description }
        }
        #expect(wrong.hasPrefix("日期“下周”无法识别；可用：YYYY-MM-DD、2026年6月30日"))
    }

    @Test func asOfADayMeansTheEndOfIt() throws {
        let end = try When.parse("2026-06-30", at: time).endMoment(time)
        #expect(time.format(end) == "2026-06-30 23:59")
        #expect(time.day(of: end) == Day("2026-06-30") && time.day(of: end.adding(seconds: 1)) == Day("2026-07-01"))
    }

    @Test func badDatesSayWhatIsAccepted() {
        for bad in ["", "someday", "2026-02-30", "25:00", "+3x", "2026-13-01 10:00", "tomorrow 9"] {
            #expect(throws: InputError.self, "\(bad)") { try When.parse(bad, at: time) }
        }
        do {
            _ = try When.parse("someday", at: time)
        } catch {
            #expect(error.description.contains("YYYY-MM-DD") && error.description.contains("tomorrow"))
        }
    }

    @Test func durationsReadLikePeopleWriteThem() throws {
        #expect(try Duration.seconds("300") == 300)
        #expect(try Duration.seconds("90s") == 90)
        #expect(try Duration.seconds("5m") == 300)
        #expect(try Duration.seconds("1h30m") == 5400)
        #expect(throws: InputError.self) { try Duration.seconds("5 minutes") }
        #expect(throws: InputError.self) { try Duration.seconds("-5") }
    }

    @Test func offsetsFollowDaylightSavingTime() {
        let berlin = LocalTime(now: TestBusiness.monday, zone: TimeZone(identifier: "Europe/Berlin")!)
        // 2026-03-29 01:30 UTC is after the spring change (UTC+2), 00:30 UTC before it (UTC+1).
        #expect(berlin.offset(at: Timestamp(milliseconds: 1_774_747_800_000)) == 7200)
        #expect(berlin.offset(at: Timestamp(milliseconds: 1_774_744_200_000)) == 3600)
        #expect(berlin.format(Timestamp(milliseconds: 1_774_747_800_000)) == "2026-03-29 03:30")
    }
}

import Foundation
