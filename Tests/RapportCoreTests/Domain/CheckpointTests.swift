import Foundation
import Testing
@testable import RapportCore

@Suite struct CheckpointTests {
    /// A small demo business in a fresh log.
    static func demo(customers: Int = 200) throws -> TestBusiness {
        let b = try TestBusiness()
        _ = try DemoBusiness.write(into: b.workspace, customers: customers, seed: 7)
        return b
    }

    /// The state read back from the bytes of each section.
    static func state(from sections: [[UInt8]]) throws -> CRMState {
        let all = sections.flatMap { $0 }
        return try all.withUnsafeBytes { raw in
            var at = 0
            let parts = sections.map { s in
                defer { at += s.count }
                return UnsafeRawBufferPointer(rebasing: raw[at..<at + s.count])
            }
            return try CRMState(sections: parts)
        }
    }

    @Test func theArchivedStateReadsBackEqual() throws {
        let b = try Self.demo()
        defer { b.remove() }
        try FoldTests.everyKindOfEvent(b)   // undone batches, withdrawn entities, anomalies-free
        let sections = (0..<CRMState.archiveSections).map { k in
            var w = ArchiveWriter()
            b.state.archive(section: k, into: &w)
            return w.bytes
        }
        #expect(try Self.state(from: sections) == b.state)
    }

    @Test func openingFromACheckpointGivesTheSameStateAsFoldingEverything() throws {
        let b = try Self.demo()
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        #expect(b.workspace.store.baseRecordCount == b.state.recordCount && b.workspace.store.records.isEmpty)
        // More happens after the checkpoint: the tail is folded on top of it.
        let c = try b.customer("After the checkpoint")
        try b.call(CustomerID(1), mood: .rising)
        let fromCheckpoint = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock)
        #expect(fromCheckpoint.store.baseRecordCount > 0 && fromCheckpoint.store.records.count == 2)
        let fromScratch = try b.reopened()
        #expect(fromCheckpoint.state == fromScratch.state)
        #expect(fromCheckpoint.state.customer(c)?.name == "After the checkpoint")
        // Records before the checkpoint are read one by one when asked for.
        let first = try #require(fromCheckpoint.state.customer(CustomerID(1)))
        #expect(try fromCheckpoint.timeline(of: first).map(\.text) == (try fromScratch.timeline(of: first)).map(\.text))
        #expect(try fromCheckpoint.state(asOf: b.time.now) == fromScratch.state)
    }

    @Test func undoReachesActionsOlderThanTheCheckpoint() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        let d = try b.deal(c, "X", stage: .approach)
        try b.perform(.moveDeal(d, to: .closing))
        try b.workspace.saveCheckpoint()
        let again = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock)
        #expect(again.store.records.isEmpty)
        #expect(try again.undoLast().summary.hasPrefix("undid moved d1 X: Approach → Closing"))
        #expect(again.state.deal(d)?.stage == .approach)
    }

    @Test func aChangedPrefixIsNotTrustedAndItsDamageIsReported() throws {
        let b = try Self.demo(customers: 50)
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        var bytes = readBytes(b.path)
        bytes[bytes.count / 2] ^= 0x08
        writeBytes(bytes, to: b.path)
        #expect(throws: LogError.self) { try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock) }
    }

    @Test func aDamagedOrForeignCheckpointIsIgnored() throws {
        let b = try Self.demo(customers: 50)
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        let path = Checkpoint.path(for: b.path)
        var bytes = readBytes(path)
        bytes[bytes.count / 3] ^= 0x01
        writeBytes(bytes, to: path)
        #expect(Checkpoint.read(for: b.path) == nil)
        let w = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock)
        #expect(w.store.baseRecordCount == 0 && w.state == b.state)
        writeBytes(Array("not a checkpoint".utf8), to: path)
        #expect(Checkpoint.read(for: b.path) == nil)
    }

    /// A checkpoint that verifies but was written by an older layout, or
    /// for another vocabulary, is ignored and the log folded again.
    @Test func aCheckpointOfAnotherLayoutOrVocabularyIsIgnored() throws {
        let b = try Self.demo(customers: 40)
        defer { b.remove() }
        let seal = try b.workspace.store.seal()
        for (layout, vocabulary) in [(Checkpoint.format - 1, CRMState.archiveFingerprint),
                                     (Checkpoint.format, CRMState.archiveFingerprint ^ 1)] {
            let bytes = Checkpoint.encode(b.state, sealed: seal, layout: layout, vocabulary: vocabulary)
            writeBytes(bytes, to: Checkpoint.path(for: b.path))
            #expect(Checkpoint.read(for: b.path) == nil)
            let w = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock, checkpoints: true)
            #expect(w.store.baseRecordCount == 0 && w.state == b.state)
        }
        let sound = Checkpoint.encode(b.state, sealed: seal)
        writeBytes(sound, to: Checkpoint.path(for: b.path))
        #expect(Checkpoint.read(for: b.path) != nil)   // the same bytes with this layout are used
    }

    /// A checkpoint cut short at any length, or with any byte changed, is
    /// ignored: never trusted, never fatal (a cut once trapped in the reader).
    @Test func aCheckpointCutOrChangedAnywhereIsIgnoredNeverFatal() throws {
        let b = try Self.demo(customers: 40)
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        let good = readBytes(Checkpoint.path(for: b.path))
        var random = SplitMix(seed: 8)
        let cuts = Array(0..<min(600, good.count)) + (0..<400).map { _ in Int(random.next() % UInt64(good.count)) }
        for cut in cuts {
            #expect(good.withUnsafeBytes { Checkpoint.decode(UnsafeRawBufferPointer(rebasing: $0[0..<cut])) } == nil, "cut at \(cut)")
        }
        for _ in 0..<400 {
            var bytes = good
            bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(1 + random.next() % 255)
            #expect(bytes.withUnsafeBytes { Checkpoint.decode($0) } == nil)
        }
        writeBytes(Array(good[0..<good.count / 2]), to: Checkpoint.path(for: b.path))
        let w = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock)
        #expect(w.store.baseRecordCount == 0 && w.state == b.state)
    }

    /// The sections of a state are read with every bound checked: random
    /// bytes, or a sound archive with any byte changed, fail with an error
    /// (or read to a state whose links are checked), and never trap.
    @Test func theArchiveReaderNeverTrapsOnAnyBytes() throws {
        let b = try Self.demo(customers: 30)
        defer { b.remove() }
        let sections = (0..<CRMState.archiveSections).map { k in
            var w = ArchiveWriter()
            b.state.archive(section: k, into: &w)
            return w.bytes
        }
        var random = SplitMix(seed: 3)
        for round in 0..<600 {
            var mutated = sections
            let k = round % sections.count
            if round % 5 == 0 {
                mutated[k] = (0..<Int(random.next() % 200)).map { _ in UInt8(random.next() & 0xFF) }
            } else if !mutated[k].isEmpty {
                for _ in 0..<(1 + random.next() % 4) {
                    mutated[k][Int(random.next() % UInt64(mutated[k].count))] = UInt8(random.next() & 0xFF)
                }
            }
            let state = try? Self.state(from: mutated)
            if let state, state.linksAreSound {
                // A state that passed every check must be safe to query.
                _ = FollowUpQueue(state, at: b.time)
                _ = FunnelReport(state, at: b.time)
                for c in state.customers.prefix(20) { _ = Dossier(c, in: state, at: b.time) }
            }
        }
    }

    /// In a folder others can write to, a link planted under the name of
    /// the checkpoint's temporary file must not redirect the write.
    @Test func aPlantedLinkDoesNotRedirectTheCheckpoint() throws {
        let b = try Self.demo(customers: 20)
        defer { b.remove() }
        let victim = b.dir.file("victim")
        writeBytes(Array("precious".utf8), to: victim)
        // Every name the old code could use, and a link at the final name too.
        symlink(victim, Checkpoint.path(for: b.path) + ".\(getpid()).tmp")
        symlink(victim, Checkpoint.path(for: b.path))
        try b.workspace.saveCheckpoint()
        #expect(readBytes(victim) == Array("precious".utf8))
        var st = stat()
        #expect(lstat(Checkpoint.path(for: b.path), &st) == 0 && st.st_mode & S_IFMT == S_IFREG && st.st_mode & 0o777 == 0o600)
        #expect(Checkpoint.read(for: b.path) != nil)
        // A checkpoint that is a link, or writable by others, is not read.
        try FileManager.default.moveItem(atPath: Checkpoint.path(for: b.path), toPath: b.dir.file("real"))
        symlink(b.dir.file("real"), Checkpoint.path(for: b.path))
        #expect(Checkpoint.read(for: b.path) == nil)
        unlink(Checkpoint.path(for: b.path))
        try FileManager.default.moveItem(atPath: b.dir.file("real"), toPath: Checkpoint.path(for: b.path))
        chmod(Checkpoint.path(for: b.path), 0o666)
        #expect(Checkpoint.read(for: b.path) == nil)
    }

    @Test func aLargeFoldWritesItsOwnCheckpoint() throws {
        let b = try Self.demo(customers: 6000)
        defer { b.remove() }
        #expect(b.state.recordCount >= Workspace.checkpointEvery)
        #expect(Checkpoint.read(for: b.path) == nil)
        let opened = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock)
        #expect(opened.store.records.isEmpty)   // folded, checkpointed and let go
        let (seal, state) = try #require(Checkpoint.read(for: b.path))
        #expect(seal.recordCount == b.state.recordCount && state == b.state)
    }
}

/// Opening from a checkpoint costs the same whatever the log's size.
@Suite struct SealTests {
    @Test func openingHashesTheEndsAndASampleNotTheWholePrefix() throws {
        let b = try CheckpointTests.demo(customers: 3000)
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        let (seal, _) = try #require(Checkpoint.read(for: b.path))
        #expect(seal.blockHashes.count >= 8, "a log of \(seal.length) bytes")
        let io = FaultyFileIO()
        _ = try LogStore.open(path: b.path, actor: "li", io: io, create: false, trusting: seal)
        // The first and last blocks, the sample, and a little of the tail's end.
        #expect(io.bytesRead <= (PrefixSeal.sampledBlocks + 3) * PrefixSeal.blockSize, "read \(io.bytesRead) of \(seal.length)")
        #expect(try LogStore.prefixMatches(seal, path: b.path))
    }

    @Test func aChangeAtTheEndIsCaughtOnOpeningAnywhereByTheFullCheck() throws {
        let b = try CheckpointTests.demo(customers: 3000)
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        let seal = try #require(Checkpoint.Saved(for: b.path)?.seal)
        #expect(seal == Checkpoint.read(for: b.path)?.seal)
        let original = readBytes(b.path)
        var end = original
        end[Int(seal.length) - 10] ^= 0x01
        writeBytes(end, to: b.path)
        #expect(throws: LogError.self) { try LogStore.open(path: b.path, actor: "li", create: false, trusting: seal) }
        var middle = original
        middle[Int(seal.length) / 2 + 3] ^= 0x01
        writeBytes(middle, to: b.path)
        #expect(try !LogStore.prefixMatches(seal, path: b.path))
    }

    @Test func aStreamingOpenVerifiesEveryRecordAndKeepsOneWindow() throws {
        let b = try CheckpointTests.demo(customers: 1000)
        defer { b.remove() }
        let all = try LogStore.open(path: b.path, actor: "li", create: false)
        let streamed = try LogStore.open(path: b.path, actor: "li", create: false, scanWindow: 64 << 10, streaming: true)
        #expect(streamed.seen.records == all.records.count && streamed.recordCount == all.records.count)
        #expect(streamed.records.count < all.records.count / 10 && !streamed.records.isEmpty)
        #expect(streamed.seen.earliest == all.records.map(\.time).min() && streamed.seen.latest == all.records.map(\.time).max())
        #expect(streamed.byteCount == all.byteCount)
        // It goes on like any store: an append continues the chain.
        try streamed.append([Event.customerCreated(Customer(id: CustomerID(99_999), name: "After")).record()])
        #expect(try LogStore.open(path: b.path, actor: "li", create: false).records.count == all.records.count + 1)
    }
}

/// Commands that only read open with some of the state's lists.
@Suite struct PartialOpeningTests {
    @Test func readersOfSomeListsAnswerAsFromTheWholeState() throws {
        let b = try CheckpointTests.demo(customers: 1500)
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        let whole = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock)
        #expect(whole.state.leftOut.isEmpty)
        func opened(_ reads: StateLists) throws -> Workspace {
            let w = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock, reads: reads)
            #expect(w.state.leftOut == StateLists.all.subtracting(reads))
            return w
        }
        let owners = Set(whole.state.deals.compactMap(\.owner)).sorted()
        let queue = try opened(FollowUpQueue.reads)
        for owner in [nil] + owners {
            let expected = FollowUpQueue(whole.state, at: whole.time, owner: owner).items
            let got = FollowUpQueue(queue.state, at: queue.time, owner: owner).items
            #expect(got.count == expected.count && !expected.isEmpty)
            #expect(got.map { "\($0)" } == expected.map { "\($0)" }, "owner \(owner ?? "-")")
        }
        let funnel = try opened([.deals, .customers])
        for owner in [nil] + owners {
            #expect("\(FunnelReport(funnel.state, at: funnel.time, owner: owner))" == "\(FunnelReport(whole.state, at: whole.time, owner: owner))")
        }
        let search = try opened(SearchIndex.reads)
        for q in ["张", "li", "138", "example", "科技", "zzz"] {
            #expect(search.searchIndex.search(q, limit: 50).map { "\($0)" } == whole.searchIndex.search(q, limit: 50).map { "\($0)" })
        }
    }

    @Test func aSearchReadsTheIndexAndTheCustomersHitFromTheCheckpointAlone() throws {
        let b = try CheckpointTests.demo(customers: 4000)
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        let whole = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock)
        let bare = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock, reads: [])
        #expect(bare.state.leftOut == .all && bare.state.customers.isEmpty)
        for q in ["张", "li", "138", "8707", "example", "科技", "zzz"] {
            let hits = bare.searchIndex.search(q, limit: 20)
            #expect(hits.map { "\($0)" } == SearchIndex(whole.state).search(q, limit: 20).map { "\($0)" }, "\(q)")
            #expect(try bare.customers(hits.map(\.customer)) == hits.compactMap { whole.state.customer($0.customer) })
        }
        // Only the chunks that hold the index and the customers hit are read.
        let io = FaultyFileIO()
        let saved = try #require(Checkpoint.Saved(for: b.path, io: io))
        let size = try #require(FileManager.default.attributesOfItem(atPath: Checkpoint.path(for: b.path))[.size] as? Int)
        let hits = try #require(saved.searchIndex()).search("李", limit: 3)
        #expect(saved.customers(hits.map(\.customer))?.map(\.id) == hits.map(\.customer))
        #expect(io.bytesRead < size / 2, "read \(io.bytesRead) of \(size) bytes")
    }

    @Test func aLogThatGrewIsFoldedWholeAndCheckpointedAgain() throws {
        let b = try CheckpointTests.demo(customers: 200)
        defer { b.remove() }
        try b.workspace.saveCheckpoint()
        _ = try b.customer("After the checkpoint")
        let grown = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock, reads: SearchIndex.reads)
        #expect(grown.state.leftOut.isEmpty && grown.state == b.state)
        #expect(Checkpoint.read(for: b.path)?.seal.recordCount == b.state.recordCount)
        let next = try Workspace.open(path: b.path, actor: "li", clock: b.workspace.clock, reads: SearchIndex.reads)
        #expect(next.state.leftOut == [.deals, .interactions, .followUps, .recordLinks, .otherLists])
        #expect(next.searchIndex.search("After the checkpoint").count == 1)
    }
}

@Suite struct DemoTests {
    @Test func theDemoIsRealisticAndDeterministic() throws {
        let a = try CheckpointTests.demo(customers: 300)
        defer { a.remove() }
        let b = try CheckpointTests.demo(customers: 300)
        defer { b.remove() }
        let pa = a.workspace.store.records.map { a.workspace.store.payloadText(of: $0) }
        let pb = b.workspace.store.records.map { b.workspace.store.payloadText(of: $0) }
        #expect(pa == pb)
        #expect(a.workspace.store.records.map(\.actor) == b.workspace.store.records.map(\.actor))

        let s = a.state
        #expect(s.anomalies.isEmpty)
        #expect((8...15).contains(s.recordCount / 300), "about a dozen events per customer, got \(s.recordCount / 300)")
        let open = s.deals.filter(\.isOpen)
        #expect(Set(open.map(\.stage)) == Set(Stage.allCases.dropLast()), "open deals in every stage before follow-through")
        #expect(s.deals.contains { $0.outcome == .won } && s.deals.contains { $0.outcome == .lost && $0.closeReason != nil })
        #expect(!s.complaints.isEmpty && s.contacts.contains(where: \.isCoach))
        #expect(s.customers.contains { $0.name.unicodeScalars.contains { $0.value >= 0x4E00 } })
        #expect(s.customers.contains { $0.name.allSatisfy { $0.isASCII || $0.isLetter } && $0.name.contains(" ") })
        #expect(s.interactions.contains { $0.objection != nil && $0.technique != nil } && s.interactions.contains { $0.mood != nil })
        let q = FollowUpQueue(s, at: a.time)
        #expect(q.overdue > 0 && q.dueToday > 0 && q.items.contains { $0.bucket == .later }, "overdue, today and later")
        // Most overdue follow-ups are days late, a few long forgotten.
        let late = s.followUps.filter { $0.isOpen && s.isLive($0) && $0.due < a.time.now }.map { a.time.daysSince($0.due) }
        #expect(late.filter { $0 <= 14 }.count * 4 >= late.count * 3 && late.contains { $0 > 30 }, "\(late.sorted())")
        // The method: what stages recorded (and some skipped), follow-through, value, surveys, products, worked complaints.
        #expect(s.deals.contains { $0.approach != nil } && s.deals.contains { StageContent.flags(of: $0, in: s).gaps.count > 0 })
        #expect(s.deals.contains(where: \.followingThrough) && s.deals.contains { $0.completedAt != nil })
        #expect(s.customers.contains { $0.matrixPosition != nil } && s.customers.contains { !$0.lockIns.isEmpty })
        #expect(!s.surveys.isEmpty && s.products.contains { $0.serviceEvery != nil } && s.followUps.contains { $0.product != nil })
        #expect(s.complaints.contains { !$0.steps.isEmpty } && s.complaints.contains { $0.satisfied != nil })
        // Times run forward along the log, ending before now.
        let times = a.workspace.store.records.map(\.time)
        #expect(times == times.sorted() && times.last! <= a.time.now)
    }
}
