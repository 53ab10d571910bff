import Foundation
import HandbookDiagnostics

/// The few lines of JavaScript the preview server adds to every HTML page it
/// serves (never to the built files): reload on a successful rebuild, an
/// overlay with the errors when a build fails, and a dismissible bar with the
/// warnings of a good build.
enum LiveReload {
    static func script(eventsURL: String) -> String {
        """
        <script>/* handbook serve: live reload */(function () {
          var dark = matchMedia("(prefers-color-scheme: dark)").matches;
          var overlay = null, bar = null;
          function remove(e) { if (e) e.remove(); return null; }
          function hide() { overlay = remove(overlay); }
          function pre(text) {
            var p = document.createElement("pre");
            p.style.cssText = "white-space:pre-wrap;margin:0 0 .8rem;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace";
            p.textContent = text;
            return p;
          }
          /* A failed build: the errors over the whole page. */
          function show(items) {
            hide();
            bar = remove(bar);
            overlay = document.createElement("div");
            overlay.id = "handbook-overlay";
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;padding:2rem;" +
              (dark ? "background:#1b1d22;color:#eef0f3" : "background:#ffffff;color:#1d2329");
            var title = document.createElement("h2");
            title.textContent = "The handbook did not build";
            title.style.cssText = "font:600 1.3rem system-ui,sans-serif;margin:0 0 1rem;color:" + (dark ? "#ff9b9b" : "#b3161f");
            overlay.appendChild(title);
            items.forEach(function (d) { overlay.appendChild(pre(d)); });
            document.body.appendChild(overlay);
          }
          /* A good build with warnings: a bar at the bottom, until dismissed
             (for as long as the same warnings come back). */
          function warn(items, key) {
            bar = remove(bar);
            try { if (sessionStorage.getItem("handbook-dismissed") === key) return; } catch (e) {}
            bar = document.createElement("div");
            bar.id = "handbook-warnings";
            bar.setAttribute("role", "status");
            bar.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:99998;max-height:50vh;overflow:auto;" +
              "padding:.6rem 1rem;font:14px/1.5 system-ui,sans-serif;border-top:3px solid " +
              (dark ? "#d29922;background:#24200f;color:#f3ead2" : "#9a6700;background:#fff8c5;color:#1d2329");
            var details = document.createElement("details");
            var summary = document.createElement("summary");
            summary.textContent = items.length === 1 ? "1 warning in this build" : items.length + " warnings in this build";
            summary.style.cssText = "cursor:pointer;font-weight:600;display:inline";
            details.appendChild(summary);
            items.forEach(function (d) { details.appendChild(pre(d)); });
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "Dismiss";
            close.style.cssText = "float:right;font:inherit;padding:.1rem .6rem;border:1px solid currentColor;border-radius:4px;background:transparent;color:inherit;cursor:pointer";
            close.addEventListener("click", function () {
              try { sessionStorage.setItem("handbook-dismissed", key); } catch (e) {}
              bar = remove(bar);
            });
            bar.appendChild(close);
            bar.appendChild(details);
            document.body.appendChild(bar);
          }
          var source = new EventSource("\(eventsURL)");
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("failed", function (e) { show(JSON.parse(e.data)); });
          source.addEventListener("warnings", function (e) { warn(JSON.parse(e.data), e.data); });
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
        return shown.isEmpty ? #"["The build failed."]"# : lines(shown)
    }

    /// Diagnostics as a JSON array of the text formatter's lines: at most
    /// `limit`, then one line saying how many more the terminal shows.
    static func lines(_ diagnostics: [Diagnostic], limit: Int = 50) -> String {
        var lines = diagnostics.prefix(limit).map { DiagnosticFormatter.text.format($0) }
        if diagnostics.count > limit { lines.append("… and \(diagnostics.count - limit) more (the terminal lists them all)") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(lines)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
