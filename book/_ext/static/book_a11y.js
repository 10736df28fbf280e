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
