import Foundation
import HandbookDiagnostics

/// The few lines of JavaScript the preview server adds to every HTML page it
/// serves (never to the built files): reload on a successful rebuild, and an
/// overlay with the diagnostics when a build fails.
enum LiveReload {
    static func script(eventsURL: String) -> String {
        """
        <script>/* handbook serve: live reload */(function () {
          var overlay = null;
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(items) {
            hide();
            overlay = document.createElement("div");
            overlay.id = "handbook-overlay";
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,24,.94);color:#f3f3f3;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem";
            var title = document.createElement("h2");
            title.textContent = "The handbook did not build";
            title.style.cssText = "font:600 1.3rem system-ui,sans-serif;margin:0 0 1rem;color:#ff8f8f";
            overlay.appendChild(title);
            items.forEach(function (d) {
              var p = document.createElement("pre");
              p.style.cssText = "white-space:pre-wrap;margin:0 0 .8rem";
              p.textContent = d;
              overlay.appendChild(p);
            });
            document.body.appendChild(overlay);
          }
          var source = new EventSource("\(eventsURL)");
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("failed", function (e) { show(JSON.parse(e.data)); });
          source.addEventListener("ok", hide);
        })();</script>
        """
    }

    /// Inserts the script before `</body>`, or at the end.
    static func inject(into html: Data, eventsURL: String) -> Data {
        let script = Data(script(eventsURL: eventsURL).utf8)
        if let range = html.range(of: Data("</body>".utf8), options: .backwards) {
            var out = html
            out.replaceSubrange(range.lowerBound..<range.lowerBound, with: script)
            return out
        }
        return html + script
    }

    /// A Server-Sent Event.
    static func event(_ name: String, data: String) -> String {
        "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }

    /// The `failed` event's data: each diagnostic as the text formatter prints it.
    static func failure(_ diagnostics: [Diagnostic]) -> String {
        // The errors are why the build failed; warnings would only bury them.
        let errors = diagnostics.filter { $0.severity == .error }
        let shown = errors.isEmpty ? diagnostics.filter { $0.severity == .warning } : errors
        let lines = shown.map { DiagnosticFormatter.text.format($0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(lines.isEmpty ? ["The build failed."] : lines)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
