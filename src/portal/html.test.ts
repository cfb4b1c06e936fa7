import { describe, expect, it } from "vitest";
import { html, publicHref, publicLanguage, publicPage, raw } from "./html.ts";

describe("html", () => {
  it("escapes every interpolated text and joins arrays", () => {
    const name = `<script>alert("x")</script>&'`;
    expect(html`<p>${name}</p>`.value).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>",
    );
    expect(html`<ul>${["a", "<b>"].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe(
      "<ul><li>a</li><li>&lt;b&gt;</li></ul>",
    );
  });

  it("keeps trusted markup and drops null, undefined and false", () => {
    expect(html`${raw("<svg></svg>")}${null}${undefined}${false}${0}`.value).toBe("<svg></svg>0");
  });
});

describe("publicPage", () => {
  it("is a whole page in the visitor's language with a link to the other language and no script", () => {
    const page = publicPage({
      language: "id",
      title: "Program <1>",
      regencyName: "Kabupaten Paser",
      body: html`<h1>Halo</h1>`,
      path: "/publik/program/1",
    });
    expect(page.startsWith('<!doctype html><html lang="id">')).toBe(true);
    expect(page).toContain("Program &lt;1&gt; — Portal Transparansi Bansos");
    expect(page).toContain('href="/publik/program/1?lang=en"');
    expect(page).not.toMatch(/<script/i);
    expect(Buffer.byteLength(page)).toBeLessThan(4096);
  });

  it("keeps English links in English", () => {
    expect(publicHref("/publik/cek", "en")).toBe("/publik/cek?lang=en");
    expect(publicHref("/publik/data?program=2", "en")).toBe("/publik/data?program=2&lang=en");
    expect(publicLanguage({ lang: "en" })).toBe("en");
    expect(publicLanguage({ lang: "xx" })).toBe("id");
    expect(publicLanguage(undefined)).toBe("id");
  });
});
