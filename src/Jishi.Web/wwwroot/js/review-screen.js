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
    const colors = ["#cf1322", "#d46b08", "#1677ff", "#595959"];
    // Smaller projectors get the smaller type of screen.css's narrow layout.
    const px = (n) => (window.innerWidth > 1400 ? n : Math.round(n * 0.75));
    window.echarts.init(document.getElementById("chart")).setOption({
      animation: false,
      // Type sized for the back of the hall; a grade nobody chose gets no "0" label squeezed into a bar of no width.
      textStyle: { fontSize: px(24) },
      legend: { data: grades, top: 0, itemWidth: px(36), itemHeight: px(24), textStyle: { fontSize: px(26) } },
      grid: { left: 8, right: 24, top: px(56), bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: px(20) } },
      yAxis: { type: "category", inverse: true, data: rows.map((r) => r.name), axisLabel: { fontSize: px(28), color: "#1f1f1f" } },
      series: grades.map((g, i) => ({
        name: g, type: "bar", stack: "n", color: colors[i], barWidth: "70%",
        label: { show: true, fontSize: px(22), fontWeight: "bold", color: "#fff", formatter: (p) => (p.value ? p.value : "") },
        data: rows.map((r) => r.counts[i]),
      })),
    });
  }
})();
