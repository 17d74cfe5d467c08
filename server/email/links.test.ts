import { describe, expect, it } from "vitest";
import { extractLinks } from "./links";

describe("extractLinks", () => {
  it("finds http links once each, decoding &amp;", () => {
    const html = `<a href="http://x.test/a?b=1&amp;c=2">A</a><a class="k" href="http://x.test/a?b=1&amp;c=2">again</a>
      <a href="mailto:soc@x.test">mail</a><a href="javascript:alert(1)">bad</a><a href='https://y.test'>single</a>`;
    expect(extractLinks(html)).toEqual(["http://x.test/a?b=1&c=2"]);
  });
});
