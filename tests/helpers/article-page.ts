/**
 * A news-site page around a short essay: navigation, a header, a "related" sidebar, a newsletter box and a footer,
 * the chrome a web-page import must leave out. Shared by the HTML reader's tests and the fetch tests.
 */
export const ARTICLE_TITLE = "The Quiet Work of Libraries";
export const ARTICLE_PARAGRAPHS = [
  "Public libraries are among the few places left where nobody expects you to buy anything. You can sit for an afternoon, read a newspaper from a city you have never visited, and leave without being asked for a card or a reason.",
  "That openness is not an accident of architecture. It was argued for, budget by budget, by librarians who believed that a reader's curiosity was a public good and that the public should pay for it together.",
  "The argument has never been won for good. Each generation has to decide again whether a room full of books and chairs is worth the rent, and each time the case is made in the language of that moment.",
  "Today the case is made in the language of access: to the internet, to warmth in winter, to help with forms. These are real needs, but they risk hiding the older claim, that reading itself deserves a place.",
];
export const ARTICLE_HEADING = "An older claim";

export function articlePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${ARTICLE_TITLE} | The Daily Example</title></head>
<body>
  <header><a href="/">The Daily Example</a><nav><ul><li><a href="/world">World</a></li><li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
  <main>
    <article>
      <h1>${ARTICLE_TITLE}</h1>
      <p class="byline">By <span class="author">Ines Calder</span></p>
      <p>${ARTICLE_PARAGRAPHS[0]}</p>
      <p>${ARTICLE_PARAGRAPHS[1]}</p>
      <h2>${ARTICLE_HEADING}</h2>
      <p>${ARTICLE_PARAGRAPHS[2]}</p>
      <p>${ARTICLE_PARAGRAPHS[3]}</p>
    </article>
    <aside class="related"><h3>Most read</h3><ul><li><a href="/a">Ten gadgets for summer</a></li><li><a href="/b">Why cats ignore you</a></li></ul></aside>
  </main>
  <div class="newsletter"><form><label>Sign up for our newsletter</label><input type="email"><button>Subscribe</button></form></div>
  <footer><p>© 2026 The Daily Example. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body></html>`;
}
