/// How one assignee answered a directive (R9), from the `directive.*` records.
public struct AssigneeProgress: Sendable, Codable, Hashable {
    /// The first `directive.acknowledged`.
    public var acknowledged: EventMark?
    /// Every `directive.progress_reported`.
    public var progress: [EventMark] = []
    /// Every `directive.difficulty_reported`.
    public var difficulties: [EventMark] = []
    /// The first `directive.completed`.
    public var completed: EventMark?

    public init() {}

    /// The first answer of any kind (acknowledgement, progress, difficulty or completion).
    public var firstAnswer: EventMark? {
        ([acknowledged, completed].compactMap { $0 } + progress + difficulties).min()
    }

    /// The first answer that shows work on it: progress, a difficulty or completion.
    public var firstProgress: EventMark? {
        ([completed].compactMap { $0 } + progress + difficulties).min()
    }

    /// The latest step reached: `completed`, else whichever of `difficulty`, `progress`, `acknowledged` came
    /// last, else `issued`.
    public var status: DirectiveStatus {
        if completed != nil { return .completed }
        let steps: [(EventMark?, DirectiveStatus)] = [
            (acknowledged, .acknowledged), (progress.last, .progress), (difficulties.last, .difficulty),
        ]
        return steps.compactMap { mark, status in mark.map { ($0, status) } }.max { $0.0 < $1.0 }?.1 ?? .issued
    }
}
