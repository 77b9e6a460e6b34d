import Testing
@testable import RapportCore

@Suite struct DataLocationTests {
    @Test func theLogPathFollowsOptionThenEnvironmentThenXDG() {
        let env = ["RAPPORT_DATA": "/env/r.log", "XDG_DATA_HOME": "/xdg", "HOME": "/home/li"]
        #expect(DataLocation.logPath(option: "/opt/x.log", environment: env, home: nil) == "/opt/x.log")
        #expect(DataLocation.logPath(option: nil, environment: env, home: nil) == "/env/r.log")
        #expect(DataLocation.logPath(option: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/li"], home: nil)
            == "/xdg/rapport/rapport.log")
        #expect(DataLocation.logPath(option: nil, environment: ["HOME": "/home/li"], home: "/ignored")
            == "/home/li/.local/share/rapport/rapport.log")
        // A relative XDG_DATA_HOME is ignored, as the spec says.
        #expect(DataLocation.logPath(option: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"], home: nil)
            == "/h/.local/share/rapport/rapport.log")
        #expect(DataLocation.logPath(option: nil, environment: [:], home: "/pw") == "/pw/.local/share/rapport/rapport.log")
        #expect(DataLocation.logPath(option: nil, environment: [:], home: nil) == nil)
    }

    @Test func theActorFollowsOptionThenEnvironmentThenLogin() {
        #expect(DataLocation.actor(option: "li", environment: ["RAPPORT_USER": "wang"], loginName: "root") == "li")
        #expect(DataLocation.actor(option: nil, environment: ["RAPPORT_USER": " wang "], loginName: "root") == "wang")
        #expect(DataLocation.actor(option: nil, environment: [:], loginName: "zhao") == "zhao")
        #expect(DataLocation.actor(option: "  ", environment: [:], loginName: nil) == nil)
    }
}
