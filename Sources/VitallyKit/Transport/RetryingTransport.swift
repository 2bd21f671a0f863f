import Foundation

/// Wraps a transport with the retry policy and the rate limiter; all waits go through the clock.
public struct RetryingTransport: HTTPTransport {
    public let base: any HTTPTransport
    let policy: RetryPolicy
    public let limiter: RateLimiter
    public let clock: any RetryClock

    public init(
        base: any HTTPTransport, policy: RetryPolicy = RetryPolicy(), limiter: RateLimiter = RateLimiter(),
        clock: any RetryClock = SystemRetryClock()
    ) {
        self.base = base
        self.policy = policy
        self.limiter = limiter
        self.clock = clock
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var attempt = 0
        var rateLimitedAttempts = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let pace = await limiter.pacingDelay()
            if pace > 0 { try await clock.sleep(seconds: pace) }
            let outcome: Result<HTTPResponse, any Error>
            try await limiter.acquire()
            do {
                outcome = .success(try await base.send(request))
            } catch {
                outcome = .failure(error)
            }
            await limiter.release()

            switch outcome {
            case .success(let response):
                await limiter.observe(response)
                if response.status == 429 {
                    rateLimitedAttempts += 1
                    attempt -= 1
                    guard rateLimitedAttempts < policy.maxRateLimitedAttempts else { return response }
                    try await clock.sleep(seconds: policy.rateLimitWait(for: response))
                    continue
                }
                guard policy.isRetryable(status: response.status), attempt < policy.maxAttempts else {
                    return response
                }
                try await clock.sleep(seconds: policy.backoff(afterAttempt: attempt, jitter: Double.random(in: 0...1)))
            case .failure(let error):
                await limiter.countFailure()
                guard let vitally = error as? VitallyError, vitally.code == .connection || vitally.code == .timeout,
                    attempt < policy.maxAttempts
                else { throw error }
                try await clock.sleep(seconds: policy.backoff(afterAttempt: attempt, jitter: Double.random(in: 0...1)))
            }
        }
    }
}
