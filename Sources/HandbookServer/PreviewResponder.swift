import Foundation
import Hummingbird

/// Answers the preview server's requests from the in-memory site: pages
/// (with the live-reload script), assets, the handbook's own 404 page, and
/// the event stream browsers listen to.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let hub: PreviewHub
    /// `/` or the path of `base_url` (`/handbook/`): the site is served under it.
    let basePath: String

    var eventsPath: String { basePath + "__handbook/events" }

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = request.uri.path
        if rawPath == eventsPath { return await events() }
        let site = await hub.site
        switch Self.lookUp(rawPath, basePath: basePath, in: site) {
        case .file(let path):
            guard let data = site.contents(of: path) else { return await notFound(site, head: request.method == .head) }
            return respond(with: data, path: path, status: .ok, head: request.method == .head)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query, .cacheControl: "no-store"])
        case .notFound:
            return await notFound(site, head: request.method == .head)
        case .refused:
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: "Bad request\n")))
        }
    }

    /// The handbook's own 404 page; before the first good build there is
    /// none, and a bare page (with the live-reload script, so the overlay shows
    /// the errors and the fix reloads it) stands in.
    private func notFound(_ site: ServedSite, head: Bool) async -> Response {
        let page = site.contents(of: "404.html")
            ?? Data("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>Nothing here yet: the handbook has not built.</p></body></html>\n".utf8)
        return respond(with: page, path: "404.html", status: .notFound, head: head)
    }

    private func respond(with data: Data, path: String, status: HTTPResponse.Status, head: Bool) -> Response {
        let type = Self.contentType(of: path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data, eventsURL: eventsPath) : data
        // Hummingbird's ETags have a one-second granularity: a preview must never be cached.
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", .contentLength: String(body.count)]
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: head ? .init() : .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// An endless `text/event-stream`; it ends when the browser goes away or
    /// the server shuts down (so Ctrl-C never waits for it).
    private func events() async -> Response {
        let stream = await hub.listen()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: .init { writer in
                for await event in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event))
                }
                try await writer.finish(nil)
            })
    }

    enum Lookup: Equatable {
        case file(String)
        case redirect(String)
        case notFound
        case refused
    }

    /// Maps a request path to a file of the site. Anything that could climb
    /// out (`..`, encoded dots or slashes, backslashes, NUL bytes) is refused
    /// before any lookup; the lookup itself only ever finds built files.
    static func lookUp(_ rawPath: String, basePath: String, in site: ServedSite) -> Lookup {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\"), !rawPath.contains("\0") else { return .refused }
        let lowered = rawPath.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") { return .refused }
        guard rawPath.hasPrefix(basePath) || rawPath + "/" == basePath else { return .notFound }
        if rawPath + "/" == basePath { return .redirect(basePath) }
        let relative = String(rawPath.dropFirst(basePath.count))
        var segments: [String] = []
        for segment in relative.split(separator: "/", omittingEmptySubsequences: false) {
            guard let decoded = String(segment).removingPercentEncoding else { return .refused }
            if decoded == "." || decoded == ".." || decoded.contains("/") || decoded.contains("\\") || decoded.contains("\0") {
                return .refused
            }
            segments.append(decoded)
        }
        let path = segments.joined(separator: "/")
        if path.isEmpty || path.hasSuffix("/") {
            return site.contains(path + "index.html") ? .file(path + "index.html") : .notFound
        }
        if site.contains(path) { return .file(path) }
        if site.contains(path + "/index.html") { return .redirect(rawPath + "/") }
        return .notFound
    }

    static func contentType(of path: String) -> String {
        let ext = path.split(separator: "/").last.flatMap { name in name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } }?.lowercased() ?? ""
        // Markdown files copied as assets read as text.
        guard let type = MediaType.getMediaType(forExtension: ext == "md" ? "txt" : ext) else { return "application/octet-stream" }
        let textual = type.type == .text || ["json", "xml", "javascript"].contains(type.subType)
        return textual ? "\(type); charset=utf-8" : "\(type)"
    }
}
