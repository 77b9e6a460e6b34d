import Foundation
import Testing
@testable import RapportCore

@Suite struct DataLocationTests {
    @Test func theLogPathFollowsOptionThenEnvironmentThenXDG() throws {
        let env = ["RAPPORT_DATA": "/env/r.log", "XDG_DATA_HOME": "/xdg", "HOME": "/home/li"]
        #expect(try DataLocation.logPath(option: "/opt/x.log", environment: env, home: nil) == "/opt/x.log")
        #expect(try DataLocation.logPath(option: nil, environment: env, home: nil) == "/env/r.log")
        #expect(try DataLocation.logPath(option: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/li"], home: nil)
            == "/xdg/rapport/rapport.log")
        #expect(try DataLocation.logPath(option: nil, environment: ["HOME": "/home/li"], home: "/ignored")
            == "/home/li/.local/share/rapport/rapport.log")
        // A relative XDG_DATA_HOME is ignored, as the spec says.
        #expect(try DataLocation.logPath(option: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"], home: nil)
            == "/h/.local/share/rapport/rapport.log")
        #expect(try DataLocation.logPath(option: nil, environment: [:], home: "/pw") == "/pw/.local/share/rapport/rapport.log")
        #expect(try DataLocation.logPath(option: nil, environment: [:], home: nil) == nil)
    }

    /// A script with an unset variable must not write into the user's real log.
    @Test func anEmptyPathIsRefusedNotTakenAsTheDefault() {
        #expect(throws: InputError.self) { try DataLocation.logPath(option: "", environment: ["HOME": "/h"], home: nil) }
        #expect(throws: InputError.self) { try DataLocation.logPath(option: nil, environment: ["RAPPORT_DATA": "", "HOME": "/h"], home: nil) }
    }

    @Test func theActorFollowsOptionThenEnvironmentThenLogin() throws {
        #expect(try DataLocation.actor(option: "li", environment: ["RAPPORT_USER": "wang"], loginName: "root") == "li")
        #expect(try DataLocation.actor(option: nil, environment: ["RAPPORT_USER": " wang "], loginName: "root") == "wang")
        #expect(try DataLocation.actor(option: nil, environment: [:], loginName: "zhao") == "zhao")
        #expect(try DataLocation.actor(option: nil, environment: [:], loginName: nil) == nil)
        #expect(throws: InputError.self) { try DataLocation.actor(option: "  ", environment: [:], loginName: "root") }
        #expect(throws: InputError.self) { try DataLocation.actor(option: "li\u{1B}[2J", environment: [:], loginName: nil) }
    }

    @Test func aFolderOthersCanWriteToIsWarnedAbout() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        #expect(DataLocation.exposure(ofLog: dir.file("r.log")) == nil)
        chmod(dir.path, 0o777)
        #expect(DataLocation.exposure(ofLog: dir.file("r.log"))?.contains("writable by every user") == true)
        chmod(dir.path, 0o700)
        FileManager.default.createFile(atPath: dir.file("r.log"), contents: nil, attributes: [.posixPermissions: 0o620])
        #expect(DataLocation.exposure(ofLog: dir.file("r.log"))?.contains("chmod 600") == true)
    }

    /// POSIX TZ strings count the offset west of UTC: UTC+5 is five hours behind.
    @Test(arguments: [("UTC+5", -18_000), ("UTC-8", 28_800), ("<+0530>-5:30", 19_800), ("Asia/Shanghai", 28_800),
                      (":Asia/Tokyo", 32_400), ("Etc/GMT+5", -18_000), ("", 0)])
    func timeZonesFromTZAreReadAsTheCLibraryReadsThem(tz: String, secondsEast: Int) {
        let (zone, warning) = ZoneSetting.resolve(tz)
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_795_395_600)) == secondsEast)
        #expect(warning == nil)
    }

    @Test func anUnknownTimeZoneIsSaidOutLoud() {
        let (zone, warning) = ZoneSetting.resolve("Mars/Olympus")
        #expect(zone.secondsFromGMT() == 0)
        #expect(warning?.contains("not a time zone this system knows") == true)
    }
}
