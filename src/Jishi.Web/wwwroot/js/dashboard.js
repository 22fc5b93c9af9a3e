// Draws the dashboard's panels with ECharts (served by Vizor.ECharts, no CDN). Each chart element carries its figures as
// JSON in data-chart: { chart, categories, series: [{ name, data }] }, the same table the panel shows and exports.
const bundle = "_content/Vizor.ECharts/js/vizor-echarts-bundle-min.js";

function loadEcharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = bundle;
    script.onload = () => resolve(window.echarts);
    script.onerror = reject;
    document.head.appendChild(script);
  });
}

// A status keeps its colour on every chart and legend (Panel.Tones): 逾期 is always red, 已完成 green.
const tones = { Idle: "#8c8c8c", Working: "#1677ff", Waiting: "#fa8c16", Done: "#52c41a", Late: "#f5222d" };

// Readable for a 60-year-old at a desk, and from the back of a meeting room on the screen.
function option(spec, dark, el) {
  // On the screen the type grows with the chart: a whole-stage panel reads from the back row, a grid cell still fits.
  const fs = dark ? Math.round(Math.max(13, Math.min(26, el.clientWidth / 70, el.clientHeight / 16))) : 14;
  const ink = dark ? "#f0f0f0" : "#262626";
  const grid = dark ? "rgba(255,255,255,.18)" : "#e8e8e8";
  const n = spec.categories.length;
  const longLabels = n > 6 && Math.max(...spec.categories.map((c) => (c || "").length)) > 3;
  // Long names (nine communities) read best beside horizontal bars, one line each; a chart too low for that (a cell of the
  // screen's 全部 view) keeps upright bars and wraps every name within its own column, so no two names overlap.
  const horizontal = spec.chart !== "Line" && longLabels && el.clientHeight >= fs * (3 + 1.8 * n);
  const slot = Math.max(fs * 2, Math.floor((el.clientWidth - fs * 5) / Math.max(1, n)) - 4);
  // Under upright bars a name goes without its kind (七里墩 for 七里墩社区党委), so it takes two short lines at most and
  // leaves the bars their height; the tooltip and the table keep the full name.
  const names = longLabels && !horizontal ? shortNames(spec.categories) : null;
  const category = {
    type: "category", data: spec.categories, inverse: horizontal,
    axisLabel: horizontal
      ? { fontSize: fs, color: ink, interval: 0 }
      : longLabels
        ? { fontSize: fs, color: ink, interval: 0, width: slot, overflow: "breakAll", lineHeight: Math.round(fs * 1.2), formatter: (c) => names.get(c) ?? c }
        // Short names (months) are never broken: when twelve do not fit, every other one is left out.
        : { fontSize: fs, color: ink, interval: "auto", hideOverlap: true },
    axisLine: { lineStyle: { color: grid } },
  };
  // A low chart (a cell of the screen's 全部 view on a laptop) has room for three numbers up its value axis, not six.
  const low = el.clientHeight < fs * 12;
  // Scores of a trend sit between 70 and 100: an axis from zero would flatten every line into one.
  const value = {
    type: "value", minInterval: 1, scale: spec.chart === "Line", splitNumber: low ? 2 : 5,
    axisLabel: { fontSize: fs, color: ink, hideOverlap: true }, splitLine: { lineStyle: { color: grid } },
  };
  const stacked = spec.chart === "StackedBar";
  // Two series of very different size (redemptions and the points they took) get an axis each, or the smaller vanishes.
  const peak = (s) => Math.max(0, ...s.data.filter((v) => typeof v === "number"));
  const twoAxes = !horizontal && !stacked && spec.series.length === 2 && peak(spec.series[1]) > 5 * Math.max(1, peak(spec.series[0]));
  return {
    animation: !dark,
    backgroundColor: "transparent",
    textStyle: { fontSize: fs, color: ink },
    color: ["#c41d1d", "#fa8c16", "#1677ff", "#52c41a", "#722ed1", "#13c2c2", "#eb2f96", "#faad14", "#2f54eb", "#8c8c8c"],
    tooltip: { trigger: "axis", textStyle: { fontSize: fs } },
    // One series is named by the panel's title: its legend would only take the height of the bars.
    legend: { show: spec.series.length > 1, top: 0, type: "scroll", textStyle: { fontSize: fs, color: ink }, pageTextStyle: { color: ink }, itemWidth: fs * 1.4, itemHeight: fs * 0.9 },
    grid: { left: 8, right: 24, top: fs * (spec.series.length > 1 ? 2.6 : 1.6), bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : twoAxes ? [value, { ...value, splitLine: { show: false } }] : value,
    series: spec.series.map((s, i) => ({
      name: s.name,
      yAxisIndex: twoAxes ? i : 0,
      type: spec.chart === "Line" ? "line" : "bar",
      stack: stacked ? "all" : undefined,
      connectNulls: true,
      symbolSize: fs * 0.6,
      lineStyle: { width: dark ? 4 : 2 },
      barMaxWidth: dark ? 64 : 36,
      labelLayout: { hideOverlap: true },
      label: {
        show: !stacked && spec.series.length <= 3 && spec.categories.length <= 12,
        position: horizontal ? "right" : "top", fontSize: fs * 0.85, color: ink,
        formatter: (p) => (p.value ? p.value : ""),
      },
      itemStyle: s.tone ? { color: tones[s.tone] } : undefined,
      data: s.data,
    })),
  };
}

// The part of each name that tells it apart: 中共 and the kind of organization (社区党委, 党总支, 党支部 …) left out, when what
// remains is still one distinct name each.
const kind = /^(?:中共)?(.+?)(?:社区)?(?:党委|党总支|党支部|总支部委员会|支部委员会|委员会)$/;
function shortNames(categories) {
  const names = new Map(categories.map((c) => [c, (c || "").replace(kind, "$1")]));
  return new Set(names.values()).size === names.size ? names : new Map();
}

/** Draws (or redraws with new figures) every chart under root. */
export async function render(root, dark) {
  const echarts = await loadEcharts();
  for (const el of root.querySelectorAll(".dash-chart[data-chart]")) {
    const json = el.dataset.chart;
    if (el.dataset.drawn === json || el.clientWidth === 0) continue;
    const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option(JSON.parse(json), dark, el), true);
    el.dataset.drawn = json;
  }
}

/** Fits every chart to its box again (after a chart was hidden behind its table, or the window changed). */
export function resize(root) {
  if (!window.echarts) return;
  for (const el of root.querySelectorAll(".dash-chart")) {
    window.echarts.getInstanceByDom(el)?.resize();
  }
}

/** The meeting-room screen: panels one at a time (rotate) or all at once (grid); arrows step, Escape leaves. */
export async function screen(root) {
  const dark = true;
  const panels = [...root.querySelectorAll(".dash-panel")];
  const rotate = root.dataset.mode === "rotate" && panels.length > 1;
  let current = 0;
  const show = (i) => {
    current = (i + panels.length) % panels.length;
    panels.forEach((p, n) => p.classList.toggle("dash-current", n === current));
    const counter = root.querySelector(".dash-counter");
    if (counter) counter.textContent = `${current + 1} / ${panels.length}`;
    resize(root);
  };
  if (rotate) show(0);
  await render(root, dark);
  resize(root);
  let timer = rotate ? setInterval(() => show(current + 1), (+root.dataset.seconds || 20) * 1000) : null;
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") location.href = root.dataset.back;
    if (rotate && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
      clearInterval(timer);
      show(current + (e.key === "ArrowRight" ? 1 : -1));
      timer = setInterval(() => show(current + 1), (+root.dataset.seconds || 20) * 1000);
    }
  });
  window.addEventListener("resize", () => resize(root));
}
