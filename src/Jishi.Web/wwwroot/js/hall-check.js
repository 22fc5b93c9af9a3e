// 会前检查 (/reviews/{id}/check): asks the server every two seconds whether a phone has opened the test page, and says
// 手机已连通 (with the number of phones) once one has.
(function () {
  const status = document.getElementById("check-status");
  if (!status) return;
  const poll = async () => {
    try {
      const answer = await fetch(status.dataset.check, { credentials: "same-origin", cache: "no-store" });
      if (answer.ok) {
        const check = await answer.json();
        if (check.reached) {
          status.textContent = status.dataset.reached + " " + status.dataset.phones.replace("{0}", check.phones);
          status.classList.add("reached");
        }
      }
    } finally {
      setTimeout(poll, 2000);
    }
  };
  poll();
})();
