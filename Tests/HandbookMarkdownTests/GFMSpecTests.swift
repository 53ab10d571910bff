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
