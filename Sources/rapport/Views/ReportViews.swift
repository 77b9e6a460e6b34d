import RapportCore
import RapportExchange

/// The funnel board and the follow-up queue as text or JSON.
enum FunnelView {
    static func text(_ f: FunnelReport, _ time: LocalTime) -> String {
        var rows = [["stage", "deals", "total", "weighted", "stale"]]
        for col in f.columns {
            rows.append(["\(col.stage.number) \(col.stage.english) \(col.stage.chinese)", String(col.count), col.total.display,
                         col.weighted.display, col.stale > 0 ? String(col.stale) : ""])
        }
        var tiers = [["tier", "deals", "total", "weighted"]]
        for t in f.tiers { tiers.append(["\(t.tier.rawValue) (\(t.tier.chinese))", String(t.count), t.total.display, t.weighted.display]) }
        return Output.table(rows, rightAligned: [1, 2, 3, 4]) + "\n\n" + Output.table(tiers, rightAligned: [1, 2, 3])
            + "\n\nwon \(f.won) · lost \(f.lost)"
    }

    static func json(_ f: FunnelReport, _ state: CRMState, _ time: LocalTime, withDeals: Bool) -> JSON {
        .object([
            "stages": .array(f.columns.map { col in
                var o: JSONObject = ["stage": .string(col.stage.rawValue), "number": .int(Int64(col.stage.number)),
                                     "count": .int(Int64(col.count)), "total": col.total.json, "weighted": col.weighted.json,
                                     "stale": .int(Int64(col.stale))]
                if withDeals { o["deals"] = .array(col.deals.map { JSONView.deal($0, state, time) }) }
                return .object(o)
            }),
            "tiers": .array(f.tiers.map { t in
                .object(["tier": .string(t.tier.rawValue), "count": .int(Int64(t.count)), "total": t.total.json, "weighted": t.weighted.json])
            }),
            "won": .int(Int64(f.won)), "lost": .int(Int64(f.lost)),
        ])
    }
}

enum QueueView {
    static func subject(_ s: FollowUpQueue.Subject) -> (kind: String, id: String) {
        switch s {
        case .followUp(let id): ("followup", id.description)
        case .staleDeal(let id): ("stale-deal", id.description)
        case .complaint(let id): ("complaint", id.description)
        case .cooling(let id): ("cooling", id.description)
        case .afterSales(let id): ("after-sales", id.description)
        case .followThrough(let id): ("follow-through", id.description)
        case .askCoach(let id, _): ("ask-coach", id.description)
        case .satisfaction(let id): ("satisfaction", id.description)
        case .confirmComplaint(let id): ("confirm-complaint", id.description)
        }
    }

    static func text(_ q: FollowUpQueue, _ items: ArraySlice<FollowUpQueue.Item>, _ state: CRMState, _ time: LocalTime) -> String {
        let header = "\(q.overdue) overdue · \(q.dueToday) today · \(q.items.count) in the queue"
        guard !items.isEmpty else { return header + "\nnothing to do" }
        let rows = items.enumerated().map { n, item -> [String] in
            let c = state.customer(item.customer)
            return [String(n + 1), item.bucket == .overdue ? "!" : "", subject(item.subject).id,
                    item.due.map { time.format($0) } ?? "now", c?.name ?? "", item.tactic?.english ?? "", item.text, item.explanation(time)]
        }
        return header + "\n" + Output.table(rows, rightAligned: [0], maxWidths: [4: 20, 6: 36])
    }

    static func json(_ items: ArraySlice<FollowUpQueue.Item>, _ state: CRMState, _ time: LocalTime) -> JSON {
        .array(items.enumerated().map { n, item in
            let (kind, id) = subject(item.subject)
            return .object([
                "rank": .int(Int64(n + 1)), "kind": .string(kind), "id": .string(id),
                "customer": .string(item.customer.description), "customerName": JSONView.text(state.customer(item.customer)?.name),
                "deal": JSONView.id(item.deal), "due": JSONView.moment(item.due, time), "tactic": JSONView.term(item.tactic),
                "text": .string(item.text), "bucket": .string(item.bucket.label), "reasons": .array(item.reasons(time).map(JSON.string)),
                "explanation": .string(item.explanation(time)),
            ])
        })
    }
}
