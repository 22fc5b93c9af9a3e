// Print buttons on the A4 sheets and posting pages: a data-print attribute instead of an inline onclick, so the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener("click", (e) => {
  if (e.target.closest("[data-print]")) window.print();
});
