// Accessibility fixes for every page (book/_ext/book_a11y.py).
document.addEventListener("DOMContentLoaded", () => {
  // The primary sidebar (the book's title and table of contents) becomes a
  // labelled navigation landmark, so no content sits outside a landmark.
  const sidebar = document.querySelector(".bd-sidebar-primary");
  if (sidebar && !sidebar.getAttribute("role")) {
    sidebar.setAttribute("role", "navigation");
    sidebar.setAttribute("aria-label", "Book navigation");
  }
  // The table of contents folds a chapter's sections with a <summary> that
  // holds only an icon (axe: summary-name): name it after its chapter.
  document.querySelectorAll("details > summary").forEach((summary) => {
    if (summary.textContent.trim() || summary.getAttribute("aria-label")) return;
    const link = summary.parentElement.parentElement &&
      summary.parentElement.parentElement.querySelector(":scope > a");
    const name = link ? link.textContent.trim() : "";
    summary.setAttribute("aria-label", name ? `Sections of ${name}` : "Show or hide sections");
  });
});

// pandas tables (DataFrame.to_html): a column whose cells are all numbers
// is right-aligned, header included; any other column is left-aligned,
// header included, so each header sits over its cells.
const NUMBER = /^[-+−]?(\d[\d,_ ]*)?(\.\d+)?([eE][-+]?\d+)?\s*%?$|^(nan|NaN|inf|-inf|None|NaT)$/;
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".cell_output table").forEach((table) => {
    const rows = [...table.querySelectorAll("tbody tr")];
    if (!rows.length) return;
    const width = Math.max(...rows.map((row) => row.children.length));
    for (let col = 0; col < width; col++) {
      const cells = rows.map((row) => row.children[col]).filter(Boolean);
      const texts = cells.map((cell) => cell.textContent.trim()).filter((t) => t);
      const numeric = texts.length > 0 && texts.every((t) => NUMBER.test(t) && /\d|nan|inf/i.test(t));
      const kind = numeric ? "book-number" : "book-text";
      cells.forEach((cell) => cell.classList.add(kind));
      table.querySelectorAll("thead tr").forEach((row) => {
        const header = row.children[col];
        if (header && row.children.length === width) header.classList.add(kind);
      });
    }
  });
});

// Search results quote the page's body text. Sphinx reads the text of
// [role="main"], which in this theme also holds the page's header bar and
// its "Contents" outline, so every result used to quote the outline. Read
// the article itself, without its permalink signs and scripts.
if (typeof Search !== "undefined" && Search.htmlToText) {
  const sphinxHtmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    const article = page.querySelector("article.bd-article");
    if (!article) return sphinxHtmlToText(htmlString, anchor);
    article.querySelectorAll(".headerlink, script, style, .toggle-details")
      .forEach((el) => el.remove());
    const section = anchor && article.querySelector(anchor);
    return (section || article).textContent;
  };
}
