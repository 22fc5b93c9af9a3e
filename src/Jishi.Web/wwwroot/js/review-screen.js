// Big screen of a review: live turnout while voting is open (server-sent events), the results chart once closed.
(function () {
  const screen = document.querySelector(".screen[data-review]");
  if (!screen) return;
  const status = screen.dataset.status;
  if (status === "Draft" || status === "Open") {
    const source = new EventSource(`api/reviews/${screen.dataset.review}/turnout/stream`);
    source.addEventListener("turnout", (e) => {
      const live = JSON.parse(e.data);
      if (live.status !== status) { source.close(); location.reload(); return; }
      screen.querySelector("[data-testid=cast]").textContent = live.turnout.cast;
      screen.querySelector("[data-testid=issued]").textContent = live.turnout.issued;
      for (const g of live.turnout.groups) {
        const row = screen.querySelector(`[data-group="${g.voterGroupId}"]`);
        if (!row) continue;
        row.querySelector(".count").innerHTML = `<b>${g.cast}</b> / ${g.issued}`;
        row.querySelector(".bar i").style.width = (g.issued ? (100 * g.cast / g.issued) : 0) + "%";
      }
    });
  }
  const data = document.getElementById("chart-data");
  if (data && window.echarts) {
    const rows = JSON.parse(data.textContent);
    const grades = ["好", "较好", "一般", "差"];
    const colors = ["#cf1322", "#fa8c16", "#1677ff", "#8c8c8c"];
    window.echarts.init(document.getElementById("chart")).setOption({
      animation: false,
      textStyle: { fontSize: 18 },
      legend: { data: grades, textStyle: { fontSize: 18 } },
      grid: { left: 110, right: 30, top: 40, bottom: 20 },
      xAxis: { type: "value" },
      yAxis: { type: "category", inverse: true, data: rows.map((r) => r.name), axisLabel: { fontSize: 18 } },
      series: grades.map((g, i) => ({ name: g, type: "bar", stack: "n", color: colors[i], label: { show: true }, data: rows.map((r) => r.counts[i]) })),
    });
  }
})();
