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
        let meter = limiter.meter
        let number = await meter.began(request)
        do {
            let response = try await tries(request, meter: meter, number: number)
            // A last 429 is throttling (the rate-limit finding says it), not a lost request.
            let gaveUp = response.status != 429 && policy.isRetryable(status: response.status)
            await meter.finished(request, number: number, failure: gaveUp ? "HTTP \(response.status)" : nil)
            return response
        } catch {
            let vitally = error as? VitallyError
            let cancelled = error is CancellationError || vitally?.code == .cancelled || Task.isCancelled
            let lost = !cancelled && (vitally?.code == .connection || vitally?.code == .timeout)
            await meter.finished(request, number: number, failure: lost ? vitally?.code.rawValue : nil, cancelled: cancelled)
            throw error
        }
    }

    /// Sends until an answer is final: 429s wait for the server's word, 5xx and lost connections back off.
    func tries(_ request: HTTPRequest, meter: ConnectionMeter, number: Int) async throws -> HTTPResponse {
        var attempt = 0
        var rateLimitedAttempts = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let pace = await limiter.pacingDelay()
            if pace > 0 {
                await meter.pacing(pace, headers: await limiter.lastSeen, request: number)
                try await clock.sleep(seconds: pace)
                await meter.doneWaiting(request: number)
            }
            let outcome: Result<HTTPResponse, any Error>
            try await limiter.acquire(for: request)
            let started = Date()
            do {
                outcome = .success(try await base.send(request))
            } catch {
                outcome = .failure(error)
            }
            await limiter.release()

            switch outcome {
            case .success(let response):
                await limiter.observe(response)
                let measured = response.elapsedMilliseconds > 0 ? response.elapsedMilliseconds / 1000 : Date().timeIntervalSince(started)
                await meter.answered(seconds: measured)
                if response.status == 429 {
                    rateLimitedAttempts += 1
                    attempt -= 1
                    await meter.rateLimited(RateLimitHeaders(response: response))
                    guard rateLimitedAttempts < policy.maxRateLimitedAttempts else { return response }
                    try await wait(policy.rateLimitWait(for: response), nil, rateLimitedAttempts + 1, policy.maxRateLimitedAttempts, meter, number)
                    continue
                }
                guard policy.isRetryable(status: response.status), attempt < policy.maxAttempts else {
                    return response
                }
                let pause = policy.backoff(afterAttempt: attempt, jitter: Double.random(in: 0...1))
                try await wait(pause, .status(response.status), attempt + 1, policy.maxAttempts, meter, number)
            case .failure(let error):
                await limiter.countFailure()
                // A timeout or a lost connection took its time too: the worst latency shows it.
                if let code = (error as? VitallyError)?.code, code == .timeout || code == .connection {
                    await meter.answered(seconds: Date().timeIntervalSince(started))
                }
                guard let vitally = error as? VitallyError, vitally.code == .connection || vitally.code == .timeout,
                    attempt < policy.maxAttempts
                else { throw error }
                let pause = policy.backoff(afterAttempt: attempt, jitter: Double.random(in: 0...1))
                try await wait(pause, vitally.code == .timeout ? .timeout : .connection, attempt + 1, policy.maxAttempts, meter, number)
            }
        }
    }

    /// Waits through the clock, telling the meter why and for how long (the progress line counts it down).
    private func wait(_ seconds: Double, _ cause: RetryCause?, _ attempt: Int, _ total: Int, _ meter: ConnectionMeter, _ number: Int)
        async throws
    {
        await meter.waiting(seconds, cause: cause, attempt: attempt, of: total, request: number)
        try await clock.sleep(seconds: seconds)
        await meter.doneWaiting(request: number)
    }
}
