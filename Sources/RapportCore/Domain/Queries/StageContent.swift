/// What each stage of the sales process records (DOMAIN.md §1), and what a
/// deal passed without: such a deal is flagged, never refused.
public enum StageContent {
    /// What `stage` records that the deal (or, for prospecting, its customer) lacks, in words.
    public static func missing(_ stage: Stage, of d: Deal, customer c: Customer?) -> [String] {
        switch stage {
        case .prospecting: c?.source == nil ? [say("model.content.source")] : []
        case .preparation: [d.contactTime == nil ? say("model.content.contactTime") : nil, d.plan == nil ? say("model.content.plan") : nil].compactMap { $0 }
        case .approach: [d.appointmentAt == nil ? say("model.content.appointment") : nil, d.approach == nil ? say("model.content.approach") : nil].compactMap { $0 }
        case .presentation: d.presentation == nil ? [say("model.content.presentation")] : []
        case .closing: d.closing == nil ? [say("model.content.closing")] : []
        case .objections, .followThrough: []
        }
    }

    /// The stages before the deal's own (it passed them) whose content is missing.
    public static func gaps(of d: Deal, customer c: Customer?) -> [Stage] {
        guard d.isOpen || d.followingThrough else { return [] }
        return Stage.allCases.filter { $0 < d.stage && !missing($0, of: d, customer: c).isEmpty }
    }

    /// What a deal is flagged for on the board and in the dossier.
    public static func flags(of d: Deal, in state: CRMState) -> DealFlags {
        let c = state.customer(d.customer)
        return DealFlags(gaps: gaps(of: d, customer: c),
                         unqualified: d.isOpen && d.stage > .approach && c.map { $0.qualification != .qualifiedProspect } ?? false)
    }

    /// Why the deal is flagged, in words: `passed Approach without appointment, approach method`.
    public static func explain(_ flags: DealFlags, of d: Deal, in state: CRMState) -> [String] {
        let c = state.customer(d.customer)
        var out = flags.gaps.map { say("model.flag.passedWithout", $0.word, Describe.list(missing($0, of: d, customer: c))) }
        if flags.unqualified, let c {
            out.append(say("model.flag.unqualified", c.name, Describe.list(c.qualificationGaps)))
        }
        return out
    }
}

/// Why a deal stands out: stages passed without their content, or a customer
/// not qualified though the deal is past approach.
public struct DealFlags: Equatable, Sendable {
    public let gaps: [Stage]
    public let unqualified: Bool
    public var isEmpty: Bool { gaps.isEmpty && !unqualified }
}
