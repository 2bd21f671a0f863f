import VitallyKit

/// The text of `status`, from a `SessionStatus`: one field per fact, then the token's reminder.
struct StatusRenderer: ResultRenderer {
    func blocks(_ status: SessionStatus) -> [OutputBlock] {
        var fields = [Field("Mode", status.mode.rawValue + (status.recordMissing ? " (recording what is missing)" : ""))]
        fields.append(Field("Tenant", status.tenant.ifEmpty("— (not connected)")))
        if let host = status.host { fields.append(Field("Host", host)) }
        var reminder: String?
        if let token = status.token {
            if let profile = status.profile { fields.append(Field("Profile", profile)) }
            if let region = status.region { fields.append(Field("Region", region.rawValue)) }
            if let source = status.credentialsFrom {
                fields.append(Field("Credentials from", source == .command ? "connect arguments" : source.rawValue))
            }
            reminder = TokenWording.reminder(token.age, profile: status.profile)
            fields.append(Field("Token", TokenWording.source(token, profile: status.profile), reminder == nil ? .plain : .warn))
        }
        if let recording = status.recording { fields.append(Field("Recording", recording)) }
        if let recorded = status.exchangesRecorded { fields.append(Field("Exchanges recorded", String(recorded))) }
        if let stop = status.recordingStopped {
            fields.append(Field("Recording stopped", "\(stop.reason); answers since are not recorded (at \(stop.request))", .warn))
        }
        if let replayed = status.replayed {
            fields.append(Field("Exchanges in file", String(replayed.exchanges)))
            fields.append(Field("Not yet replayed", String(replayed.notReplayed)))
        }
        if let time = status.recordingTime { fields.append(Field("Now (recording time)", VitallyDate.format(time))) }
        fields.append(Field("Requests this session", String(status.requests)))
        if let brief = status.lastBrief { fields.append(Field("Last brief", brief.summary)) }
        let headroom = status.rateLimit.map {
            "\($0.remaining.map(String.init) ?? "?") of \($0.limit.map(String.init) ?? "?") left, resets in \(Format.score($0.resetSeconds))s"
        }
        fields.append(Field("Rate limit", headroom ?? "not seen yet"))
        if let completion = status.listCompletion { fields.append(Field("Completing lists", ListCompletionWording.summary(completion))) }
        var blocks: [OutputBlock] = [.fields(fields)]
        if let reminder { blocks.append(.text(reminder, .warn)) }
        return blocks
    }
}
