/// Links that each name at most one next item (a role's manager, a page's
/// successor or previous version): the cycles they form, each found once.
enum Chains {
    /// Every cycle of `next` reached from `starts` (in that order), as the
    /// items in it in the order they link, starting where the walk entered it.
    static func cycles(_ next: [Int: Int], from starts: [Int]) -> [[Int]] {
        var cycles: [[Int]] = []
        var done: Set<Int> = []
        for start in starts where !done.contains(start) {
            var path: [Int] = []
            var position: [Int: Int] = [:]
            var current: Int? = start
            while let p = current, !done.contains(p) {
                if let k = position[p] {
                    cycles.append(Array(path[k...]))
                    break
                }
                position[p] = path.count
                path.append(p)
                current = next[p]
            }
            done.formUnion(path)
        }
        return cycles
    }
}
