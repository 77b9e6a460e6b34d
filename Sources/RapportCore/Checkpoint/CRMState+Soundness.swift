/// Whether a state read from a checkpoint holds together: every reference
/// and link points inside the arrays it names. The checkpoint's hashes guard
/// against accidents; this guards against a file made to pass them, so
/// that no query can index out of bounds.
extension CRMState {
    var linksAreSound: Bool { linksAreSound(counting: nil) }

    /// The same for a state that left lists out: `counts` gives the length of
    /// each list of `StateLists` in order, as the checkpoint holds them.
    /// The other lists, when left out, are never read: links into them are not checked.
    func linksAreSound(counting counts: [Int]?) -> Bool {
        let records = recordCount
        let customerCount = counts?[0] ?? customers.count, contactCount = counts?[1] ?? contacts.count
        let dealCount = counts?[2] ?? deals.count, interactionCount = counts?[3] ?? interactions.count
        let followUpCount = counts?[4] ?? followUps.count
        let others = leftOut.contains(.otherLists) ? Int(Int32.max) : nil
        let complaintCount = others ?? complaints.count, purchaseCount = others ?? purchases.count
        let moodNoteCount = others ?? moodNotes.count, noteCount = others ?? notes.count
        let surveyCount = others ?? surveys.count, productCount = others ?? products.count
        func within(_ n: Int32, _ count: Int) -> Bool { n >= 0 && Int(n) <= count }
        func customer<E>(_ id: ID<E>) -> Bool { id.number >= 1 && Int(id.number) <= customerCount }
        func optional<E>(_ id: ID<E>?, _ count: Int) -> Bool { id.map { $0.number >= 1 && Int($0.number) <= count } ?? true }
        for c in customers {
            guard within(c.newestContact, contactCount), within(c.newestDeal, dealCount),
                  within(c.newestInteraction, interactionCount), within(c.newestFollowUp, followUpCount),
                  within(c.newestComplaint, complaintCount), within(c.newestPurchase, purchaseCount),
                  within(c.newestMoodNote, moodNoteCount), within(c.newestNote, noteCount),
                  within(c.newestSurvey, surveyCount), within(c.newestProduct, productCount),
                  c.newestRecord >= -1, Int(c.newestRecord) < records, c.mergedInto.map(customer) ?? true
            else { return false }
        }
        // Links only point to older entities, so that walking them always ends.
        func chain<E: Identified>(_ items: ChunkedArray<E>, _ older: (E) -> Int32, _ owner: (E) -> CustomerID) -> Bool {
            items.enumerated().allSatisfy { i, e in older(e) >= 0 && Int(older(e)) <= i && customer(owner(e)) }
        }
        guard chain(contacts, { $0.older }, { $0.customer }), chain(deals, { $0.older }, { $0.customer }),
              chain(interactions, { $0.older }, { $0.customer }), chain(followUps, { $0.older }, { $0.customer }),
              chain(complaints, { $0.older }, { $0.customer }), chain(purchases, { $0.older }, { $0.customer }),
              chain(moodNotes, { $0.older }, { $0.customer }), chain(notes, { $0.older }, { $0.customer }),
              chain(surveys, { $0.older }, { $0.customer }), chain(products, { $0.older }, { $0.customer })
        else { return false }
        guard interactions.allSatisfy({ optional($0.deal, dealCount) && optional($0.contact, contactCount) }),
              followUps.allSatisfy({ optional($0.deal, dealCount) && optional($0.interaction, interactionCount)
                  && optional($0.product, productCount) }),
              complaints.allSatisfy({ optional($0.deal, dealCount) })
        else { return false }
        for i in 0..<self.records.count {   // none when a state left the links out
            guard within(self.records.customer[i], customerCount), self.records.previous[i] >= -1,
                  Int(self.records.previous[i]) < i
            else { return false }
        }
        for batches in actions.values {
            guard batches.allSatisfy({ $0.firstRecord >= 0 && Int($0.firstRecord) < records && $0.count >= 1 }) else { return false }
        }
        return undone.allSatisfy { $0 >= 0 && Int($0) < records }
    }
}
