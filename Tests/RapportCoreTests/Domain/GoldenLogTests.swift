import Foundation
import Testing
@testable import RapportCore

/// A log written by this version, kept in the repository: every later version
/// must read it to the same state, and write the same payloads. A format
/// change fails here; if it is intended, raise the event's version with an
/// upgrade step. `RECORD_GOLDEN=1 swift test --filter GoldenLog` rewrites it.
@Suite struct GoldenLogTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/golden-v1.log").path

    @Test func theGoldenLogStillReadsTheSame() throws {
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            let b = try TestBusiness()
            defer { b.remove() }
            try FoldTests.everyKindOfEvent(b)
            writeBytes(readBytes(b.path), to: Self.fixture)
        }
        let dir = TempDirectory()
        defer { dir.remove() }
        let copy = dir.file("golden.log")
        writeBytes(readBytes(Self.fixture), to: copy)
        let w = try Workspace.open(path: copy, actor: "li", clock: Clock(fixed: TestBusiness.monday, zone: TestBusiness.zone),
                                   checkpoints: false)
        #expect(w.state.anomalies.isEmpty)
        #expect(Set(w.store.records.map(\.type)) == Set(EventType.allCases.map(\.rawValue)))
        for index in 0..<w.store.records.count {
            let (record, event) = try w.event(ofRecord: index)
            #expect(JSONWriter.encode(.object(event.payload)) == Array(w.store.payloadText(of: record).utf8), "\(record.type)")
        }
        let c = try #require(w.state.customer(CustomerID(1)))
        #expect(c.name == "张伟" && c.company == "Lumen Co." && c.relationship == .familiar)
        #expect(w.state.contact(ContactID(1))?.role == .influencer)
        #expect(w.state.deal(DealID(1)).map { ($0.title, $0.stage, $0.outcome) } ?? ("", .closing, nil) == ("ERP rollout", .approach, nil))
        #expect(w.state.followUp(FollowUpID(1))?.status == .cancelled)
        #expect(w.state.complaint(ComplaintID(1))?.isOpen == true)
        #expect(w.state.purchase(PurchaseID(1))?.withdrawn == false)
        #expect(w.state.interactions.count == 2 && w.state.interactions[1].withdrawn)
    }
}
