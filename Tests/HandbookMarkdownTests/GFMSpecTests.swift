import Testing

@testable import HandbookMarkdown

/// Examples of the GFM spec's extensions (tables, task lists, strikethrough,
/// extended autolinks, tagfilter), each with the HTML the spec gives for it.
@Suite struct GFMSpecTests {
    func html(_ markdown: String) -> String {
        CommonMarkParityTests.withoutScrollBoxes(MarkdownParser.parse(markdown, options: MarkdownOptions(rawHTML: .filter, smartPunctuation: false)).html)
    }

    static let twoByTwo = "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n"

    /// Tables and code blocks scroll sideways in a box the keyboard can reach.
    @Test func tablesAndCodeBlocksScrollInAFocusableBox() {
        let html = MarkdownParser.parse("| a |\n|---|\n| b |\n\n```\ncode\n```\n", options: MarkdownOptions()).html
        #expect(html.hasPrefix(#"<div class="table-scroll" tabindex="0"><table>"#))
        #expect(html.contains("</table></div>\n"))
        #expect(html.hasSuffix(#"<div class="code-scroll" tabindex="0">"# + "\n<pre><code>code\n</code></pre>\n</div>\n"))
    }

    /// cmark-gfm's footnote example (its test/extensions.txt), as GitHub renders it.
    @Test func footnotes() {
        let source = """
            This is some text![^1]. Other text.[^footnote].

            Here's a thing[^other-note].

            And another thing[^codeblock-note].

            This doesn't have a referent[^nope].


            [^other-note]:       no code block here (spaces are stripped away)

            [^codeblock-note]:
                    this is now a code block (8 spaces indentation)

            [^1]: Some *bolded* footnote definition.

            Hi!

            [^footnote]:
                > Blockquotes can be in a footnote.

                    as well as code blocks

                or, naturally, simple paragraphs.

            [^unused]: This is unused.

            """
        let expected = """
            <p>This is some text!<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>. Other text.<sup class="footnote-ref"><a href="#fn-footnote" id="fnref-footnote" data-footnote-ref>2</a></sup>.</p>
            <p>Here's a thing<sup class="footnote-ref"><a href="#fn-other-note" id="fnref-other-note" data-footnote-ref>3</a></sup>.</p>
            <p>And another thing<sup class="footnote-ref"><a href="#fn-codeblock-note" id="fnref-codeblock-note" data-footnote-ref>4</a></sup>.</p>
            <p>This doesn't have a referent[^nope].</p>
            <p>Hi!</p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-1">
            <p>Some <em>bolded</em> footnote definition. <a href="#fnref-1" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to reference 1">↩</a></p>
            </li>
            <li id="fn-footnote">
            <blockquote>
            <p>Blockquotes can be in a footnote.</p>
            </blockquote>
            <pre><code>as well as code blocks
            </code></pre>
            <p>or, naturally, simple paragraphs. <a href="#fnref-footnote" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="2" aria-label="Back to reference 2">↩</a></p>
            </li>
            <li id="fn-other-note">
            <p>no code block here (spaces are stripped away) <a href="#fnref-other-note" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="3" aria-label="Back to reference 3">↩</a></p>
            </li>
            <li id="fn-codeblock-note">
            <pre><code>this is now a code block (8 spaces indentation)
            </code></pre>
            <p><a href="#fnref-codeblock-note" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="4" aria-label="Back to reference 4">↩</a></p>
            </li>
            </ol>
            </section>

            """
        #expect(html(source) == expected)
    }

    /// The byte search that lets pages without footnotes skip the pass.
    @Test func byteSearch() {
        #expect(MarkdownParser.contains("[^", in: "a [^1]"))
        #expect(MarkdownParser.contains("[^", in: "[^"))
        #expect(!MarkdownParser.contains("[^", in: "[ ^ [x] ^"))
        #expect(!MarkdownParser.contains("[^", in: "x["))
        #expect(!MarkdownParser.contains("[^", in: ""))
        #expect(MarkdownParser.contains("[^", in: "é[[^"))
    }

    /// A note's links are the page's links, at their place in the source; its
    /// ids are anchors; a definition inside a code block, or with the
    /// extension off, is text.
    @Test func footnoteLinksAnchorsAndCode() {
        let doc = MarkdownParser.parse("Note[^a].\n\n[^a]: See [the guide](guide.md).\n")
        #expect(doc.links.map { "\($0.line):\($0.column) \($0.destination)" } == ["3:11 guide.md"])
        #expect(Set(doc.htmlAnchors).isSuperset(of: ["fn-a", "fnref-a"]))
        let fenced = html("Note[^a].\n\n```\n[^a]: in code\n```\n")
        #expect(fenced == "<p>Note[^a].</p>\n<pre><code>[^a]: in code\n</code></pre>\n")
        // Off, plain CommonMark reads the definition as a link reference definition.
        var options = MarkdownOptions()
        options.extensions.footnotes = false
        #expect(MarkdownParser.parse("Note[^a].\n\n[^a]: text\n", options: options).html == "<p>Note<a href=\"text\">^a</a>.</p>\n")
    }

    @Test func basicTable() {
        #expect(
            html("| foo | bar |\n| --- | --- |\n| baz | bim |\n")
                == "<table>\n<thead>\n<tr>\n<th>foo</th>\n<th>bar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>baz</td>\n<td>bim</td>\n</tr>\n</tbody>\n</table>\n"
        )
    }

    @Test func alignmentAndRaggedPipes() {
        #expect(
            html("| abc | defghi |\n:-: | -----------:\nbar | baz\n")
                == "<table>\n<thead>\n<tr>\n<th align=\"center\">abc</th>\n<th align=\"right\">defghi</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\">bar</td>\n<td align=\"right\">baz</td>\n</tr>\n</tbody>\n</table>\n"
        )
    }

    @Test func escapedPipesEvenInCodeSpans() {
        #expect(
            html("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n")
                == "<table>\n<thead>\n<tr>\n<th>f|oo</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b <code>|</code> az</td>\n</tr>\n<tr>\n<td>b <strong>|</strong> im</td>\n</tr>\n</tbody>\n</table>\n"
        )
    }

    @Test func tableEndsAtAnotherBlock() {
        #expect(
            html("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n")
                == Self.twoByTwo + "</tbody>\n</table>\n<blockquote>\n<p>bar</p>\n</blockquote>\n")
    }

    @Test func lineWithoutPipeIsARowUntilABlankLine() {
        #expect(
            html("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n")
                == Self.twoByTwo + "<tr>\n<td>bar</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n<p>bar</p>\n")
    }

    @Test func setextUnderlineDoesNotBreakATable() {
        #expect(
            html("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n===\n")
                == Self.twoByTwo
                + "<tr>\n<td>bar</td>\n<td></td>\n</tr>\n<tr>\n<td>===</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test func headerAndDelimiterMustHaveTheSameNumberOfCells() {
        #expect(html("| abc | def |\n| --- |\n| bar |\n") == "<p>| abc | def |\n| --- |\n| bar |</p>\n")
    }

    @Test func shortRowsArePaddedLongRowsCut() {
        #expect(
            html("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n")
                == "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n"
        )
    }

    @Test func noBodyNoTbody() {
        #expect(
            html("| abc | def |\n| --- | --- |\n")
                == "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test func taskLists() {
        #expect(
            html("- [ ] foo\n- [x] bar\n")
                == "<ul>\n<li><input disabled=\"\" type=\"checkbox\"> foo</li>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> bar</li>\n</ul>\n"
        )
        #expect(
            html("- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim\n")
                == "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> foo\n<ul>\n<li><input disabled=\"\" type=\"checkbox\"> bar</li>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> baz</li>\n</ul>\n</li>\n<li><input disabled=\"\" type=\"checkbox\"> bim</li>\n</ul>\n"
        )
    }

    @Test func strikethrough() {
        #expect(html("~~Hi~~ Hello, world!\n") == "<p><del>Hi</del> Hello, world!</p>\n")
        #expect(html("This ~~has a\n\nnew paragraph~~.\n") == "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n")
        #expect(html("~one~ and ~~two~~ but ~~~three~~~\n") == "<p><del>one</del> and <del>two</del> but ~~~three~~~</p>\n")
        #expect(html("~~a *b* c~~\n") == "<p><del>a <em>b</em> c</del></p>\n")
        #expect(html("x ~~ y ~~ z\n") == "<p>x ~~ y ~~ z</p>\n")
    }

    @Test func wwwAutolinks() {
        #expect(html("www.commonmark.org\n") == "<p><a href=\"http://www.commonmark.org\">www.commonmark.org</a></p>\n")
        #expect(
            html("Visit www.commonmark.org/help for more information.\n")
                == "<p>Visit <a href=\"http://www.commonmark.org/help\">www.commonmark.org/help</a> for more information.</p>\n"
        )
        #expect(
            html("Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.\n")
                == "<p>Visit <a href=\"http://www.commonmark.org\">www.commonmark.org</a>.</p>\n<p>Visit <a href=\"http://www.commonmark.org/a.b\">www.commonmark.org/a.b</a>.</p>\n"
        )
    }

    @Test func autolinkParentheses() {
        let link = "<a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>"
        #expect(
            html("www.google.com/search?q=Markup+(business)\n\nwww.google.com/search?q=Markup+(business)))\n\n(www.google.com/search?q=Markup+(business))\n\n(www.google.com/search?q=Markup+(business)\n")
                == "<p>\(link)</p>\n<p>\(link)))</p>\n<p>(\(link))</p>\n<p>(\(link)</p>\n")
        #expect(
            html("www.google.com/search?q=(business))+ok\n")
                == "<p><a href=\"http://www.google.com/search?q=(business))+ok\">www.google.com/search?q=(business))+ok</a></p>\n"
        )
    }

    @Test func autolinkEntitiesAndAngleBracket() {
        #expect(
            html("www.google.com/search?q=commonmark&hl=en\n\nwww.google.com/search?q=commonmark&hl;\n")
                == "<p><a href=\"http://www.google.com/search?q=commonmark&amp;hl=en\">www.google.com/search?q=commonmark&amp;hl=en</a></p>\n<p><a href=\"http://www.google.com/search?q=commonmark\">www.google.com/search?q=commonmark</a>&amp;hl;</p>\n"
        )
        #expect(html("www.commonmark.org/he<lp\n") == "<p><a href=\"http://www.commonmark.org/he\">www.commonmark.org/he</a>&lt;lp</p>\n")
    }

    @Test func schemeAutolinks() {
        #expect(
            html("http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))\n\nAnonymous FTP is available at ftp://foo.bar.baz.\n")
                == "<p><a href=\"http://commonmark.org\">http://commonmark.org</a></p>\n<p>(Visit <a href=\"https://encrypted.google.com/search?q=Markup+(business)\">https://encrypted.google.com/search?q=Markup+(business)</a>)</p>\n<p>Anonymous FTP is available at <a href=\"ftp://foo.bar.baz\">ftp://foo.bar.baz</a>.</p>\n"
        )
    }

    @Test func emailAutolinks() {
        #expect(html("foo@bar.baz\n") == "<p><a href=\"mailto:foo@bar.baz\">foo@bar.baz</a></p>\n")
        #expect(
            html("hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.\n")
                == "<p>hello@mail+xyz.example isn't valid, but <a href=\"mailto:hello+xyz@mail.example\">hello+xyz@mail.example</a> is.</p>\n"
        )
        #expect(
            html("a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_\n")
                == "<p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a></p>\n<p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a>.</p>\n<p>a.b-c_d@a.b-</p>\n<p>a.b-c_d@a.b_</p>\n"
        )
    }

    @Test func noAutolinkInsideLinksOrCode() {
        #expect(html("[www.example.com](/x) `www.example.com`\n") == "<p><a href=\"/x\">www.example.com</a> <code>www.example.com</code></p>\n")
    }

    @Test func tagfilter() {
        #expect(
            html("<strong> <title> <style> <em>\n\n<blockquote>\n  <xmp> is disallowed.  <XMP> is also disallowed.\n</blockquote>\n")
                == "<p><strong> &lt;title> &lt;style> <em></p>\n<blockquote>\n  &lt;xmp> is disallowed.  &lt;XMP> is also disallowed.\n</blockquote>\n"
        )
    }
}

@Suite struct AutolinkPrefilterTests {
    @Test func prefilterFindsEveryCandidate() {
        #expect(InlineExtensions.mayHoldAutolink("mail me@x.org"))
        #expect(InlineExtensions.mayHoldAutolink("see https://x.org"))
        #expect(InlineExtensions.mayHoldAutolink("WWW.x.org"))
        #expect(!InlineExtensions.mayHoldAutolink("plain words: nothing here."))
        #expect(!InlineExtensions.mayHoldAutolink("ww"))
    }
}
