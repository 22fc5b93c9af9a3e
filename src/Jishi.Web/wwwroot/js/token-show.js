// Tokens one by one (/reviews/{id}/tokens/show): one card visible at a time; buttons and arrow keys step through.
(function () {
  const cards = Array.from(document.querySelectorAll("#token-show .show-card"));
  if (cards.length === 0) return;
  let current = 0;
  const show = (n) => {
    current = Math.max(0, Math.min(cards.length - 1, n));
    cards.forEach((card, i) => { card.hidden = i !== current; });
  };
  document.addEventListener("click", (e) => {
    const button = e.target.closest("#token-show [data-step]");
    if (button) show(current + Number(button.dataset.step));
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") { e.preventDefault(); show(current + 1); }
    if (e.key === "ArrowLeft" || e.key === "PageUp") { e.preventDefault(); show(current - 1); }
  });
  document.getElementById("token-show").scrollIntoView();
})();
