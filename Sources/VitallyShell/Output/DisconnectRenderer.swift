/// What `disconnect [PROFILE]` reports, as one value: whether a saved profile was removed (and
/// which), whether the session went offline, and whether `VITALLY_TOKEN` is still set.
/// `--json` is this value encoded; `DisconnectRenderer` draws the text.
struct DisconnectResult: Encodable {
    var removed: Bool
    /// The profile removed; nil when none was.
    var profile: String?
    /// A token was saved for the profile and is deleted with it (false for a token command's profile).
    var tokenRemoved: Bool
    /// The live connection was closed: the session is offline now.
    var disconnected: Bool
    /// `VITALLY_TOKEN` is set, so a later session would use it again.
    var environmentToken: Bool
}

/// The text of `disconnect`, from a `DisconnectResult`.
struct DisconnectRenderer: ResultRenderer {
    func blocks(_ result: DisconnectResult) -> [OutputBlock] {
        var blocks: [OutputBlock]
        if let name = result.profile, result.removed {
            let token = result.tokenRemoved ? ", with its saved token." : " (no token was saved for it)."
            blocks = [.text("Profile '\(name)' removed" + token + (result.disconnected ? " Now offline." : ""))]
        } else {
            blocks = [.text(result.disconnected ? "Disconnected; nothing was saved for this connection." : "No saved profile to remove.")]
        }
        if result.environmentToken {
            blocks.append(.text("VITALLY_TOKEN is still set in the environment; unset it to stop using it.", .warn))
        }
        return blocks
    }
}
