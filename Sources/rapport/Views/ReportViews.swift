import RapportCore
import RapportExchange

/// The funnel board and the follow-up queue as text or JSON.
enum FunnelView {
    static func text(_ f: FunnelReport, _ time: LocalTime, _ w: Catalogue) -> String {
        let zh = w.language == .zh
        var rows = [[w("cli.funnel.stage"), w("cli.funnel.deals"), w("cli.funnel.total"), w("cli.funnel.weighted"), w("cli.funnel.stale")]]
        for col in f.columns {
            rows.append(["\(col.stage.number) " + (zh ? col.stage.chinese : "\(col.stage.english) \(col.stage.chinese)"), String(col.count),
                         col.total.display, col.weighted.display, col.stale > 0 ? String(col.stale) : ""])
        }
        var tiers = [[w("cli.funnel.tier"), w("cli.funnel.deals"), w("cli.funnel.total"), w("cli.funnel.weighted")]]
        for t in f.tiers {
            tiers.append([zh ? t.tier.chinese : "\(t.tier.rawValue) (\(t.tier.chinese))", String(t.count), t.total.display, t.weighted.display])
        }
        return Output.table(rows, rightAligned: [1, 2, 3, 4]) + "\n\n" + Output.table(tiers, rightAligned: [1, 2, 3])
            + "\n\n" + w("cli.funnel.wonLost", f.won, f.lost)
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

    static func text(_ q: FollowUpQueue, _ items: ArraySlice<FollowUpQueue.Item>, _ state: CRMState, _ time: LocalTime, _ w: Catalogue) -> String {
        let header = w("cli.queue.header", q.overdue, q.dueToday, q.items.count)
        guard !items.isEmpty else { return header + "\n" + w("cli.queue.nothing") }
        let rows = items.enumerated().map { n, item -> [String] in
            let c = state.customer(item.customer)
            return [String(n + 1), item.bucket == .overdue ? "!" : "", subject(item.subject).id,
                    item.due.map { time.format($0) } ?? w("queue.now"), c?.name ?? "", item.tactic?.label(w.language) ?? "", item.text(w),
                    item.explanation(time, w)]
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
