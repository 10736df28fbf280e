// Accessibility fixes for every page (book/_ext/book_a11y.py): the primary
// sidebar (the book's title and table of contents) becomes a labelled
// navigation landmark, so no content sits outside a landmark.
document.addEventListener("DOMContentLoaded", () => {
  const sidebar = document.querySelector(".bd-sidebar-primary");
  if (sidebar && !sidebar.getAttribute("role")) {
    sidebar.setAttribute("role", "navigation");
    sidebar.setAttribute("aria-label", "Book navigation");
  }
});
