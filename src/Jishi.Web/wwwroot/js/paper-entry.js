// Keying a paper ballot without the mouse: in a row, 1–4 picks 好/较好/一般/差 and moves on to the next row; after the
// last row the focus goes to the submit button, so Enter files the ballot. Tab and the arrow keys work as usual.
document.addEventListener("keydown", e => {
  const radio = e.target;
  if (!(radio instanceof HTMLInputElement) || radio.type !== "radio" || !/^[1-4]$/.test(e.key)) return;
  const row = radio.closest(".entry-row");
  if (!row) return;
  e.preventDefault();
  row.querySelectorAll("input[type=radio]")[Number(e.key) - 1].checked = true;
  const next = row.nextElementSibling;
  (next ? next.querySelector("input[type=radio]") : document.querySelector("[data-testid=paper-submit]")).focus();
});
// From the code field, Enter moves to the first row instead of submitting a half-keyed ballot.
document.querySelector("[data-testid=paper-token]")?.addEventListener("keydown", e => {
  if (e.key !== "Enter") return;
  e.preventDefault();
  document.querySelector(".entry-row input[type=radio]")?.focus();
});
