import Foundation
import Testing
@testable import RapportCore

/// A child appends in a loop and acknowledges each durable append; it is
/// killed with SIGKILL at a random moment, many times. Every acknowledged
/// record must survive, in order, and the log must verify.
@Suite struct CrashTests {
    @Test func acknowledgedRecordsSurviveSIGKILL() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("crash.log")
        let acks = dir.file("acks")
        var rng = SplitMix(seed: 77)
        var tornTails = 0
        for round in 0..<60 {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: Products.path("log-stress"))
            // Odd rounds write through small pieces, so kills land inside batches.
            child.arguments = [path, "child", "0", acks, "\(round)"] + (round % 2 == 1 ? ["90"] : [])
            let acked = readBytes(acks).count
            try child.run()
            // Once the child is appending, kill it at a random moment.
            while readBytes(acks).count == acked && child.isRunning { usleep(500) }
            usleep(useconds_t(rng.next() % 25_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal, "round \(round): the child ended early")

            let store = try LogStore.open(path: path, actor: "check")
            tornTails += store.takeNotices().count
            var position = [RecordID: Int]()
            for (i, r) in store.records.enumerated() { position[r.id] = i }
            var last = -1
            for line in String(decoding: readBytes(acks), as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: " ")
                let id = try #require(RecordID(String(parts[0])))
                let count = Int(parts[1])!
                let at = try #require(position[id], "round \(round): acknowledged \(id) is missing")
                #expect(at > last, "round \(round): acknowledged records out of order")
                #expect(at + count <= store.records.count, "round \(round): acknowledged batch incomplete")
                last = at + count - 1
            }
            // The real `rapport check` passes and finds nothing more to recover.
            let check = Process()
            check.executableURL = URL(fileURLWithPath: Products.path("rapport"))
            check.arguments = ["check", "--data", path]
            let err = Pipe()
            check.standardError = err
            check.standardOutput = FileHandle.nullDevice
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "round \(round): rapport check failed")
            #expect(err.fileHandleForReading.readDataToEndOfFile().isEmpty)
        }
        // Piecewise writes make torn tails common; the recovery path must have run.
        #expect(tornTails > 0)
    }
}
