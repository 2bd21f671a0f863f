import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// `doctor` on a tenant whose every request is answered 429 must not look clean to a script.
@Suite struct DoctorVerdictEndToEndTests {
    @Test func everyRequestRateLimitedExitsNonZeroWithAnInconclusiveVerdict() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        // Record a tenant that answers every request 429 (virtual waits), then replay it through the binary.
        let simulator = try await startSimulator { $0.rateLimitPerMinute = 0 }
        let file = home.appendingPathComponent("limited.har")
        let endpoint = try VitallyEndpoint.custom(simulator.baseURL, subdomain: "acme")
        let recorder = HARRecorder(
            url: file, info: RecordingInfo(recordedAt: e2eAnchor, subdomain: "acme", region: "us", baseURL: endpoint.baseURL),
            redactor: Redactor(token: e2eToken))
        let recording = RecordingTransport(base: LiveTransport(endpoint: endpoint, token: e2eToken), recorder: recorder, baseURL: endpoint.baseURL)
        let client = VitallyClient(transport: RetryingTransport(base: recording, limiter: RateLimiter(), clock: VirtualRetryClock()))
        await #expect(throws: VitallyError.self) { _ = try await client.firstPage("/resources/accounts", limit: 1, as: Account.self) }
        await simulator.stop()
        #expect(await recorder.count > 0)

        let run = try await runShell(["--replay", file.path, "-c", "doctor"], environment: env)
        #expect(run.status == 1, "\(run.out)\(run.err)")
        #expect(run.out.contains("Verdict: INCONCLUSIVE: 'token' could not be checked"), "\(run.out)")
        #expect(!run.out.contains("No failures"))
    }
}
