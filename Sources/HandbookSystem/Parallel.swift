import Dispatch

/// Maps `items` on all cores, keeping the input order in the result.
/// The work items are independent (one page each), so no locking is needed
/// beyond each iteration owning its own result slot.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    buffer.initialize(repeating: nil)
    defer {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }
    nonisolated(unsafe) let slots = buffer
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        slots[i] = transform(items[i])
    }
    return buffer.map { $0! }
}

/// Lets go of a large value on a background thread: freeing a whole site's
/// objects takes tens of milliseconds that a rebuild need not wait for.
package func releaseInBackground<T: Sendable>(_ value: consuming T?) {
    guard let value else { return }
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
}

/// Runs `a` and `b` at the same time (each may itself use `parallelMap`)
/// and returns both results.
package func concurrently<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    nonisolated(unsafe) var first: A?
    nonisolated(unsafe) var second: B?
    DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 { first = a() } else { second = b() }
    }
    guard let first, let second else { preconditionFailure("concurrentPerform runs every iteration") }
    return (first, second)
}
