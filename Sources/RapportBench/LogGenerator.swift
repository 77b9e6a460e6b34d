import RapportCore

/// Writes a deterministic log: about 190 bytes a record (an envelope of about
/// 150 bytes and a short payload), with
/// Chinese and Latin text, in large batches.
enum LogGenerator {
    static let types = ["call.logged", "note.added", "deal.moved", "followup.scheduled", "mood.noted"]
    static let actors = ["li", "wang", "zhang.wei", "chen", "ana", "sam"]
    static let phrases = [
        "回访客户", "报价单已发", "price ok", "call back", "客户满意", "needs demo", "决策人出差",
        "送样品", "sent proposal", "预算不足", "付款方式", "trial ok", "约下周见面", "follow up",
    ]

    /// Appends `count` records to `store`, `group` records per durable write.
    /// Like user actions, most batches hold one record, some two or three.
    static func fill(_ store: LogStore, count: Int, group: Int = 10_000, seed: UInt64 = 1) throws {
        var rng = SplitMix(seed: seed)
        var time = Timestamp(milliseconds: 1_764_000_000_000)   // late 2025
        var written = 0
        while written < count {
            let n = min(group, count - written)
            var batches: [[NewRecord]] = []
            for _ in 0..<n {
                time = time.adding(seconds: Int64(rng.next() % 60))
                let payload: JSON = .object([
                    "c": .string("c\(rng.next() % 100_000)"),
                    "text": .string(phrases[Int(rng.next() % UInt64(phrases.count))]),
                ])
                let record = NewRecord(type: types[Int(rng.next() % UInt64(types.count))], version: 1,
                                       payload: payload, time: time)
                if rng.next() % 10 == 0, let last = batches.indices.last, batches[last].count < 3 {
                    batches[last].append(record)
                } else {
                    batches.append([record])
                }
            }
            store.actor = actors[Int(rng.next() % UInt64(actors.count))]
            try store.append(batches: batches)
            written += n
        }
    }
}
