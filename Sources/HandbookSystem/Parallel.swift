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
///
/// The value moves into a box that only the background job empties. A
/// closure that captured the value itself would leave the caller a second
/// reference, and whichever thread dropped its reference last would do the
/// freeing: often the caller, when the job ran first.
package func releaseInBackground<T: Sendable>(_ value: consuming T?) {
    let handoff = Handoff(consume value)
    guard handoff.value != nil else { return }
    DispatchQueue.global(qos: .utility).async { handoff.value = nil }
}

/// Holds a value for `releaseInBackground` until its job drops it.
private final class Handoff<T>: @unchecked Sendable {
    var value: T?
    init(_ value: consuming T?) { self.value = value }
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
