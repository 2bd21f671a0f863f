import Foundation
import VitallyKit

extension Shell {
    /// Switches to a freshly connected tenant. A recording in progress goes on when the tenant is
    /// the same (with the new token scrubbed too); otherwise it is stopped, and the notice says so.
    func handOver(to candidate: Connection) async -> [OutputBlock] {
        let previous = connection
        guard let recorder = previous.recorder, let url = previous.recordingURL,
            previous.mode == .record || previous.recordMissing
        else {
            connection = candidate
            return []
        }
        let file = url.lastPathComponent
        if previous.mode == .record, let credentials = candidate.credentials, previous.isSameTenant(as: candidate) {
            do {
                connection = try await previous.continuing(with: credentials, recorder: recorder)
                return [.text("Still recording to \(file) (same tenant).", .dim)]
            } catch {
                // Fall through: stop rather than record with a stack that could not be built.
            }
        }
        let count = await recorder.count
        connection = candidate
        let what = previous.mode == .record ? "recording" : "adding what it lacks to"
        return [.text(
            "Stopped \(what) \(file) (\(count) exchanges kept): the new connection is another tenant. "
                + "'record NAME.har' starts a new recording.", .warn)]
    }
}

extension Connection {
    /// Same host, subdomain and region: answers from the new connection belong in the same recording.
    func isSameTenant(as other: Connection) -> Bool {
        guard let mine = endpoint, let theirs = other.endpoint else { return false }
        return mine.baseURL == theirs.baseURL && credentials?.subdomain == other.credentials?.subdomain
            && credentials?.region == other.credentials?.region
    }

    /// This recording connection, going on with new credentials for the same tenant.
    func continuing(with credentials: Credentials, recorder: HARRecorder) async throws(VitallyError) -> Connection {
        let endpoint = try credentials.endpoint()
        await recorder.addSecrets(Redactor.forms(of: credentials.token))
        let recording = RecordingTransport(
            base: LiveTransport(endpoint: endpoint, token: credentials.token), recorder: recorder, baseURL: endpoint.baseURL)
        let client = VitallyClient(transport: RetryingTransport(base: recording, limiter: limiter))
        var next = self
        next.credentials = credentials
        next.endpoint = endpoint
        next.client = client
        next.directory = AccountDirectory(client: client, tenant: credentials.tenantLabel)
        next.team = TeamDirectory(client: client)
        return next
    }
}
