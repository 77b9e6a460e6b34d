import Foundation
import RapportCore
import Testing
@testable import RapportUI

/// The forms of the acting keys: how they look (empty, filled, refused),
/// what every acting key does on every pane, and what saving writes.
@Suite struct FormTests {
    /// Every form, empty, as its key opens it (the funnel's first deal, its customer).
    static let forms: [(name: String, keys: [Key])] = [
        ("new-customer", [.char("n")]), ("new-deal", [.char("d")]), ("win", [.char("W")]), ("lose", [.char("L")]),
        ("call", [.char("c")]), ("followup", [.char("f")]), ("mood", [.char("m")]), ("personality", [.char("p")]),
        ("edit-deal", [.char("e")]), ("edit-menu", [.char("2"), .char("e")]), ("add-menu", [.char("a")]),
        ("edit-customer", [.char("2"), .char("e"), .enter]), ("new-contact", [.char("a"), .enter]),
        ("complaint", [.char("a"), .char("4"), .enter]), ("purchase", [.char("a"), .char("5"), .enter]),
        ("note", [.char("a"), .char("6"), .enter]), ("done", [.char("4"), .char("x")]), ("snooze", [.char("4"), .char("z")]),
        ("value", [.char("2"), .char("e"), .char("2"), .enter]), ("survey", [.char("a"), .char("8"), .enter]),
        ("product", [.char("a"), .char("9"), .enter]),
        ("complete-deal", [.char("1")] + Array(repeating: Key.right, count: 6) + [.char("W")]),
    ]

    @Test(arguments: forms.map(\.name))
    func eachFormAt80x24And160x48(name: String) throws {
        let keys = try #require(Self.forms.first { $0.name == name }).keys
        for (w, h) in [(80, 24), (160, 48)] {
            let f = try ScreenFixture(width: w, height: h)
            for k in keys { f.press(k) }
            guard case .form = f.app.overlay else {
                Issue.record("\(name): no form open; status: \(f.app.status?.text ?? "")")
                return
            }
            expectSnapshot(f.canvas, "form-\(name)-\(w)x\(h)")
        }
    }

    /// Filled, and refused field by field: the core's message beside the field.
    @Test func aCallFormFilledAndItsErrors() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        f.press(.char("c"))
        f.type("r")
        f.press(.tab)
        f.type("ri")
        f.press(.tab)
        f.type("pri")
        f.press(.tab)
        f.type("agree")
        f.press(.tab)
        f.type("wants a volume discount")
        f.press(.tab)
        f.type("tomorrow 10:00")
        expectSnapshot(f.canvas, "form-call-filled-80x24")
        #expect(f.text.contains("→ Tue 2026-11-24 10:00"))
        #expect(f.text.contains("why: the value is not seen"))
        f.press(.tab, .tab, .tab, .tab, .tab, .tab, .tab)   // past the next step, the amount and satisfaction, to When
        f.press(.ctrl("u"))
        f.type("someday")
        f.press(.tab)
        #expect(f.text.contains("? not a date"))
        f.press(.ctrl("s"))
        guard case .form(let form) = f.app.overlay else { Issue.record("the form closed"); return }
        #expect(form.errors["at"]?.contains("bad date \"someday\"") == true)
        expectSnapshot(f.canvas, "form-call-error-80x24")
    }

    @Test func theCoresRulesShowBesideTheirField() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char("n"))
        f.press(.ctrl("s"))
        guard case .form(var form) = f.app.overlay else { Issue.record("no form"); return }
        #expect(form.errors["name"] == "this must not be empty")
        f.type("New Co")
        f.press(.tab, .tab)
        f.type("call me")
        f.press(.tab)   // leaving the phone: the core's check
        guard case .form(let after) = f.app.overlay else { Issue.record("no form"); return }
        form = after
        #expect(form.errors["phones"]?.contains("is not a phone number") == true)
        expectSnapshot(f.canvas, "form-new-customer-error-160x48")
        let before = f.workspace.store.recordCount
        f.press(.ctrl("s"))
        #expect(f.workspace.store.recordCount == before)   // an invalid form writes nothing
    }

    @Test func savingWritesTheSameEventsAsTheCommandLine() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        let c = try #require(f.app.shownCustomer)
        f.press(.char("c"))
        f.type("reached")
        f.press(.tab)
        f.type("calm")
        f.press(.tab, .tab, .tab)
        f.type("asked for a demo")
        f.press(.tab)
        f.type("fri 10:00")
        f.press(.ctrl("s"))
        #expect(f.app.overlay == nil)
        let x = try #require(f.workspace.state.interactions(of: f.workspace.state.customer(c.id)!).first)
        #expect(x.outcome == .reached && x.mood == .calm && x.note == "asked for a demo" && x.direction == .outbound)
        let types = f.workspace.store.records.suffix(2).map(\.type)
        #expect(types == ["interaction.logged", "followup.scheduled"])
        #expect(f.workspace.store.records.suffix(2).map(\.batchCount) == [2, 2])   // one save, one batch
        #expect(f.app.status?.text.hasPrefix("logged call") == true)
    }

    @Test func escapeAsksBeforeThrowingAwayWhatWasTyped() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        let before = f.workspace.store.recordCount
        f.press(.char("n"))
        f.press(.escape)
        #expect(f.app.overlay == nil)   // nothing typed: closes at once
        f.press(.char("n"))
        f.type("Half")
        f.press(.escape)
        #expect(f.text.contains("Discard what you typed?"))
        f.press(.char("n"))
        guard case .form(let form) = f.app.overlay else { Issue.record("the form closed"); return }
        #expect(form.text("name") == "Half")
        f.press(.escape, .char("y"))
        #expect(f.app.overlay == nil)
        #expect(f.workspace.store.recordCount == before)
    }

    /// Another process changed the deal while its form was open: saving is
    /// refused, naming the change and who made it; the typed values stay.
    @Test func aChangeFromAnotherProcessIsNotSavedOver() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        let deal = try #require(f.app.selectedDeal)
        f.press(.char("e"))
        f.type(" (renewal)")
        let other = try Workspace.open(path: f.workspace.store.path, actor: "wang", clock: f.workspace.clock)
        try other.perform(.editDeal(deal.id, fields: [.value: "99999.00 CNY"]))
        f.press(.ctrl("s"))
        guard case .form(let form) = f.app.overlay else { Issue.record("the form closed"); return }
        #expect(form.conflict && form.errors[""]?.contains("\(deal.id) was changed since the form was opened") == true)
        #expect(form.errors[""]?.contains("(wang,") == true)
        #expect(form.text("title") == deal.title + " (renewal)")
        #expect(f.workspace.state.deal(deal.id)?.title == deal.title)
        #expect(f.text.contains("Ctrl-R reloads"))
        f.press(.ctrl("r"))
        guard case .form(let fresh) = f.app.overlay else { Issue.record("no form after reload"); return }
        #expect(fresh.text("value") == "99999")
    }

    /// Every acting key on every pane opens its form, acts, or says why not.
    @Test func everyActingKeyOnEveryPane() throws {
        let keys: [Character] = ["n", "d", ">", "<", "W", "L", "c", "f", "x", "z", "m", "p", "e", "a", "u", "o"]
        for pane in ["1", "2", "3", "4"] {
            for key in keys {
                let f = try ScreenFixture(width: 160, height: 48)
                f.press(.char(Character(pane)), .char(key))
                let outcome: String
                switch f.app.overlay {
                case .form(let form): outcome = "form \(form.title)"
                case .confirm(let q): outcome = "asks \(q.question)"
                default: outcome = f.app.status?.text ?? ""
                }
                #expect(!outcome.isEmpty && !outcome.contains("later version"), "pane \(pane), key \(key): \(outcome)")
            }
        }
    }

    /// In the queue, done, snoozed and called items hand the selection to the next.
    @Test func workingTheQueueTopToBottom() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char("o"))   // everyone's
        f.press(.char("4"))
        let first = try #require(f.app.selectedQueueItem), second = f.app.data.queue.items[1]
        guard case .followUp(let fid) = first.subject else { Issue.record("the first item is a suggestion"); return }
        f.press(.char("x"))
        f.type("reached")
        f.press(.ctrl("s"))
        #expect(f.workspace.state.followUp(fid)?.status == .done)
        #expect(f.app.selectedQueueItem?.customer == second.customer)
        guard case .followUp(let next) = f.app.selectedQueueItem!.subject else { return }
        f.press(.char("z"))
        f.type("tomorrow")
        f.press(.ctrl("s"))
        #expect(f.workspace.state.followUp(next)?.due == f.workspace.time.moment(Day(number: f.workspace.time.today.number + 1), hour: 9))
        let row = f.app.queue.row
        f.press(.char("c"))
        f.type("no")
        f.press(.ctrl("s"))
        #expect(f.app.queue.row == row + 1)
    }

    @Test func undoAsksFirstAndSaysWhat() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        let deal = try #require(f.app.selectedDeal)
        f.press(.char(">"))
        #expect(f.workspace.state.deal(deal.id)?.stage == deal.stage.next)
        f.press(.char("u"))
        #expect(f.screen.last?.contains("Undo moved \(deal.id)") == true)
        f.press(.char("n"))
        #expect(f.workspace.state.deal(deal.id)?.stage == deal.stage.next)
        f.press(.char("u"), .char("y"))
        #expect(f.workspace.state.deal(deal.id)?.stage == deal.stage)
    }

    @Test func actingAsAnotherRepAndTheirQueue() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        #expect(f.app.data.queueOwner == "li")
        f.press(.char(":"))
        f.type("user wang")
        f.press(.enter)
        #expect(f.app.actor == "wang" && f.workspace.actor == "wang" && f.app.data.queueOwner == "wang")
        f.press(.char("o"))
        #expect(f.app.data.queueOwner == nil && f.text.contains("everyone's (o)"))
    }

    /// An unknown caller: the search offers a new customer with the number typed.
    @Test func anUnknownNumberOffersANewCustomer() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char("/"))
        f.type("0755 8888 1234")
        #expect(f.text.contains("new customer with this number 0755 8888 1234"))
        f.press(.enter)
        guard case .form(let form) = f.app.overlay else { Issue.record("no form"); return }
        #expect(form.text("phones") == "0755 8888 1234" && form.fields[form.focus].key == "name")
    }

    /// A complaint worked from the screen: a step, the resolution, the customer's confirmation.
    @Test func aComplaintIsWorkedToAConfirmedResolution() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        let c = try #require(f.app.shownCustomer)
        f.press(.char("a"), .char("4"), .enter)
        f.type("invoice wrong")
        f.press(.ctrl("s"))
        let k = try #require(f.workspace.state.complaints(of: f.workspace.state.customer(c.id)!).first)
        f.press(.char("2"), .char("e"))
        f.type("step")
        f.press(.enter)
        expectSnapshot(f.canvas, "form-complaint-step-80x24")
        f.type("called accounting")
        f.press(.ctrl("s"))
        f.press(.char("e"))
        f.type("resolve")
        f.press(.enter, .ctrl("s"))
        f.press(.char("e"))
        f.type("confirm")
        f.press(.enter)
        expectSnapshot(f.canvas, "form-complaint-confirm-80x24")
        f.type("yes")
        f.press(.ctrl("s"))
        let done = try #require(f.workspace.state.complaint(k.id))
        #expect(done.steps.map(\.text) == ["called accounting"] && done.resolvedAt != nil && done.satisfied == true)
    }

    /// A survey rated from the screen, one statement at a time, the statement shown as it is rated.
    @Test func aSurveyIsRatedStatementByStatement() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        let c = try #require(f.app.shownCustomer)
        f.press(.char("a"), .char("8"), .enter)
        #expect(f.text.contains("1. The company cares about me"))
        for n in 1...15 {
            f.type(n == 13 ? "2" : "4")   // 13 counts reversed: 2 means 4
            f.press(.tab)
        }
        #expect(f.text.contains("Answered on"))
        f.press(.ctrl("s"))
        let s = try #require(f.workspace.state.surveys(of: f.workspace.state.customer(c.id)!).first)
        #expect(s.score == 4 && f.app.status?.text == "recorded survey \(s.id) for \(c.id) \(c.name): 4.0 of 5")
        #expect(MoodPane.lines(f.app, width: 60).contains { $0.map(\.text).joined().hasPrefix("Satisfaction 4.0 of 5") })
    }

    /// Customer value from the edit menu: checklists tick with Space or the choice's number.
    @Test func valueAndLockInAreTickedInChecklists() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        let c = try #require(f.app.shownCustomer)
        f.press(.char("2"), .char("e"), .char("2"), .enter)
        f.press(.char("2"), .char("3"))   // contributes profit and opportunity
        f.press(.tab)
        f.type("pri")
        f.press(.tab, .tab, .tab, .tab, .tab)   // to Locked in by
        f.press(.char(" "))   // prepayment
        f.press(.ctrl("s"))
        let v = try #require(f.workspace.state.customer(c.id))
        #expect(v.contributions == [.profit, .opportunity] && v.sensitiveTo == .price && v.lockIns.contains(.prepayment))
        let dossier = DossierPane.lines(f.app, width: 200).map { $0.map(\.text).joined() }
        #expect(dossier.contains { $0.contains("most sensitive to price: beware the price-sensitivity trap") })
    }
}
