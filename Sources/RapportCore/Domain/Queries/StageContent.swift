// catalogue: not yet moved (issue 16)
/// What each stage of the sales process records (DOMAIN.md §1), and what a
/// deal passed without: such a deal is flagged, never refused.
public enum StageContent {
    /// What `stage` records that the deal (or, for prospecting, its customer) lacks, in words.
    public static func missing(_ stage: Stage, of d: Deal, customer c: Customer?) -> [String] {
        switch stage {
        case .prospecting: c?.source == nil ? ["how the customer was found"] : []
        case .preparation: [d.contactTime == nil ? "best contact time" : nil, d.plan == nil ? "plan" : nil].compactMap { $0 }
        case .approach: [d.appointmentAt == nil ? "appointment" : nil, d.approach == nil ? "approach method" : nil].compactMap { $0 }
        case .presentation: d.presentation == nil ? ["presentation mode"] : []
        case .closing: d.closing == nil ? ["closing strategy"] : []
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
        var out = flags.gaps.map { "passed \($0.english) without \(missing($0, of: d, customer: c).joined(separator: ", "))" }
        if flags.unqualified, let c {
            out.append("past Approach, but \(c.name) is not a qualified prospect (\(c.qualificationGaps.joined(separator: ", ")) not confirmed)")
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
