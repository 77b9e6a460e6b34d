import Foundation
import Testing
@testable import RapportCore

@Suite struct SchemaUpgradeTests {
    let upgrades = SchemaUpgrades(current: ["contact.added": 3, "deal.moved": 1], steps: [
        .init("contact.added", from: 1) { old in
            var new = old
            new["phones"] = .array(old["phone"].map { [$0] } ?? [])
            new["phone"] = nil
            return new
        },
        .init("contact.added", from: 2) { old in
            var new = old
            new["role"] = old["role"] ?? "user"
            return new
        },
    ])

    @Test func anOldRecordLoadsAtTheCurrentVersion() throws {
        let v1: JSONObject = ["name": "李雷", "phone": "+86 138 0000 0000"]
        let now = try upgrades.upgrade(type: "contact.added", version: 1, payload: v1)
        #expect(now == ["name": "李雷", "phones": ["+86 138 0000 0000"], "role": "user"])
        let v2: JSONObject = ["name": "Ann", "phones": [], "role": "purchaser"]
        #expect(try upgrades.upgrade(type: "contact.added", version: 2, payload: v2) == v2)
        #expect(try upgrades.upgrade(type: "deal.moved", version: 1, payload: ["to": "closing"]) == ["to": "closing"])
    }

    @Test func anUnknownOrNewerRecordIsATypedErrorNotACrash() {
        #expect(throws: SchemaUpgrades.Failure.unknownType("deal.teleported")) {
            try upgrades.upgrade(type: "deal.teleported", version: 1, payload: [:])
        }
        #expect(throws: SchemaUpgrades.Failure.newerVersion(type: "deal.moved", version: 2, known: 1)) {
            try upgrades.upgrade(type: "deal.moved", version: 2, payload: [:])
        }
    }

    @Test func theOldRecordStaysInTheLogAsWritten() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("v.log")
        let store = try LogStore.open(path: path, actor: "li")
        try store.append([NewRecord(type: "contact.added", version: 1, payload: .object(["name": "李雷", "phone": "123"]))])
        let reopened = try LogStore.open(path: path, actor: "li")
        let record = try #require(reopened.records.first)
        #expect(record.version == 1)
        let payload = try #require(try reopened.payload(of: record).object)
        #expect(try upgrades.upgrade(type: record.type, version: record.version, payload: payload)["phones"] == ["123"])
        #expect(String(decoding: readBytes(path), as: UTF8.self).contains(#""phone":"123""#))
    }
}
