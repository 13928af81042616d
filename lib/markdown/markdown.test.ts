import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";
import arena from "@/messages/en/arena.json";
import { safeUrl } from "./rules";

/** The answer as the arena renders it (server-side render of the same component). */
function render(text: string): string {
  return renderToStaticMarkup(
    // eslint-disable-next-line react/no-children-prop -- in a .ts file; the provider's props type requires children
    createElement(NextIntlClientProvider, { locale: "en", messages: { arena }, children: createElement(Markdown, { text }) }),
  );
}

describe("safeUrl", () => {
  it.each([
    ["https://example.com/a?b=1", "https://example.com/a?b=1"],
    ["http://example.com", "http://example.com/"],
    ["mailto:someone@example.com", "mailto:someone@example.com"],
    ["javascript:alert(1)", null],
    ["JaVaScRiPt:alert(1)", null],
    ["java\tscript:alert(1)", null],
    [" javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["vbscript:msgbox(1)", null],
    ["file:///etc/passwd", null],
    ["//evil.example/x", null],
    ["/admin", null],
    ["#top", null],
    ["not a url", null],
  ])("%j -> %j", (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});

describe("Markdown (hostile answers)", () => {
  it.each([
    ["a script tag", "Hi <script>window.pwned = 1</script> there", /<script/i],
    ["an img tag with onerror", '<img src="http://127.0.0.1:9/beacon" onerror="alert(1)">', /<img|onerror/i],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ["an inline event handler", '<a href="https://x.example" onclick="alert(1)">x</a>', /onclick/i],
    ["a style tag", "<style>body{display:none}</style>", /<style/i],
  ])("skips raw HTML: %s", (_name, text, forbidden) => {
    expect(render(text)).not.toMatch(forbidden);
  });

  it("never renders an <img>: a markdown image becomes a link to it, labelled with its text", () => {
    const html = render("![tracking pixel](http://127.0.0.1:9/beacon.png) and ![](https://cdn.example/x.png)");
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('href="http://127.0.0.1:9/beacon.png"');
    expect(html).toContain("Image (not loaded): tracking pixel");
    expect(html).toContain("Image (not loaded)<");
  });

  it("drops javascript: and data: links but keeps their text", () => {
    const html = render(
      "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(2)> [ok](https://ok.example)",
    );
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain("<span>click</span>");
    expect(html).toContain('href="https://ok.example/"');
  });

  it("opens links in a new tab as user-generated, nofollow, without an opener", () => {
    const html = render("See [the docs](https://docs.example/page) or https://auto.example");
    const links = html.match(/<a [^>]*>/g) ?? [];
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toContain('target="_blank"');
      expect(link).toContain('rel="noopener nofollow ugc"');
    }
  });

  it("keeps no ids from the answer (two answers on a page must not clash with it)", () => {
    const html = render("Text with a note[^1].\n\n[^1]: The note.");
    expect(html).not.toMatch(/\sid="/);
  });
});

describe("Markdown (what answers may use)", () => {
  it("renders GitHub tables and task lists", () => {
    const html = render("| Model | Score |\n| --- | ---: |\n| a | 1 |\n\n- [x] done\n- [ ] todo");
    expect(html).toMatch(/<table>[\s\S]*<th[^>]*>Model<\/th>[\s\S]*<td[^>]*>1<\/td>/);
    expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/>/);
    expect(html).toContain('role="region" aria-label="Table" tabindex="0"');
  });

  it("highlights fenced code in a registered language, in a named focusable block with a copy button", () => {
    const html = render("```python\ndef add(a, b):\n    return a + b\n```");
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-title function_">add</span>');
    expect(html).toMatch(/<pre tabindex="0" role="region" aria-label="Code: python" dir="ltr">/);
    expect(html).toContain(">Copy</button>");
  });

  it("shows code in other languages as plain text, never interpreted", () => {
    const html = render("```brainfudge\n<b>not bold</b>\n```\n\n`<i>inline</i>`");
    expect(html).not.toContain("hljs-");
    expect(html).toContain("&lt;b&gt;not bold&lt;/b&gt;");
    expect(html).toContain("<code>&lt;i&gt;inline&lt;/i&gt;</code>");
  });

  it("renders emphasis and headings instead of showing the markup", () => {
    const html = render("### Title\n\nSome **bold** text");
    expect(html).toContain("<h3>Title</h3>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toContain("**");
  });
});
