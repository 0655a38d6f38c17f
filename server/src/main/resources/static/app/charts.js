/*
 * Charts of haemoglobin, MCV, ferritin and TSAT over time (Chart.js with its annotation plugin): dated points on a
 * time axis, the lab's reference interval of the newest result shaded, iron and transfusion events as vertical lines.
 * Values in another unit are shown in the chart's unit (display only; the engine has its own UCUM conversion).
 */
"use strict";

const Charts = {
  analytes: [
    { key: "hb", title: "Haemoglobin", unit: "g/dL", codes: ["718-7", "59260-0"],
      factors: { "g/dL": 1, "g/L": 0.1, "mmol/L": 1.611, "mmol{Hb}/L": 1.611 } },
    { key: "mcv", title: "MCV", unit: "fL", codes: ["787-2"], factors: { "fL": 1, "um3": 1 } },
    { key: "ferritin", title: "Ferritin", unit: "ng/mL", codes: ["2276-4", "24373-3"],
      factors: { "ng/mL": 1, "ug/L": 1, "µg/L": 1, "pmol/L": 0.445 } },
    { key: "tsat", title: "Transferrin saturation (TSAT)", unit: "%", codes: ["2502-3"], factors: { "%": 1 } },
  ],

  allCodes() {
    return Charts.analytes.flatMap(a => a.codes);
  },

  convert(quantity, analyte) {
    if (!quantity || typeof quantity.value !== "number") return null;
    const unit = quantity.code || quantity.unit || analyte.unit;
    const factor = analyte.factors[unit];
    return factor === undefined ? null : Math.round(quantity.value * factor * 100) / 100;
  },

  series(observations, analyte) {
    return observations
      .filter(o => !["entered-in-error", "cancelled"].includes(o.status))
      .filter(o => ((o.code && o.code.coding) || []).some(c => c.system === "http://loinc.org" && analyte.codes.includes(c.code)))
      .map(o => ({ o, x: Date.parse(o.effectiveDateTime || (o.effectivePeriod && o.effectivePeriod.start) || o.issued),
        y: Charts.convert(o.valueQuantity, analyte) }))
      .filter(p => !Number.isNaN(p.x) && p.y !== null)
      .sort((a, b) => a.x - b.x);
  },

  /** The newest result's reference interval, in the chart's unit. */
  interval(points, analyte) {
    for (let i = points.length - 1; i >= 0; i--) {
      const range = (points[i].o.referenceRange || [])[0];
      if (range && (range.low || range.high)) {
        return { low: Charts.convert(range.low, analyte), high: Charts.convert(range.high, analyte) };
      }
    }
    return null;
  },

  render(container, observations, events) {
    container.replaceChildren();
    const xs = observations.map(o => Date.parse(o.effectiveDateTime || o.issued)).filter(x => !Number.isNaN(x))
      .concat(events.map(e => e.x));
    const day = 24 * 3600 * 1000;
    const min = Math.min(...xs) - 7 * day, max = Math.max(...xs) + 7 * day;
    for (const analyte of Charts.analytes) {
      const points = Charts.series(observations, analyte);
      const figure = MCDS.el("figure", { class: "chart", "data-analyte": analyte.key });
      const caption = MCDS.el("figcaption", { id: "chart-" + analyte.key + "-title" }, analyte.title + " (" + analyte.unit + ")");
      figure.append(caption);
      container.append(figure);
      if (points.length === 0) {
        figure.append(MCDS.el("p", { class: "none" }, "No " + analyte.title.toLowerCase() + " results"));
        continue;
      }
      const interval = Charts.interval(points, analyte);
      const latest = points[points.length - 1];
      const label = analyte.title + ": " + points.length + " result" + (points.length > 1 ? "s" : "")
        + ", latest " + latest.y + " " + analyte.unit + " on " + MCDS.date(latest.x)
        + (interval ? ", reference interval " + interval.low + " to " + interval.high + " " + analyte.unit : "");
      const canvas = MCDS.el("canvas", { role: "img", "aria-label": label, id: "chart-" + analyte.key });
      figure.append(MCDS.el("div", { class: "canvas-box" }, canvas), Charts.table(points, analyte));
      const annotations = {};
      if (interval && interval.low !== null && interval.high !== null) {
        annotations.range = { type: "box", yMin: interval.low, yMax: interval.high, backgroundColor: "rgba(46,125,50,0.12)",
          borderColor: "rgba(46,125,50,0.55)", borderWidth: 1, drawTime: "beforeDatasetsDraw" };
      }
      events.forEach((e, i) => {
        annotations["event" + i] = { type: "line", xMin: e.x, xMax: e.x, borderColor: e.color, borderWidth: 2,
          borderDash: [6, 4], label: { display: true, content: e.label, position: i % 2 ? "center" : "end",
            backgroundColor: e.color, color: "#fff", font: { size: 11 } } };
      });
      const ys = points.map(p => p.y).concat(interval ? [interval.low, interval.high].filter(v => v !== null) : []);
      const pad = (Math.max(...ys) - Math.min(...ys)) * 0.15 || 1;
      new Chart(canvas, {
        type: "line",
        data: { datasets: [{ label: analyte.title, data: points.map(p => ({ x: p.x, y: p.y })), borderColor: "#0b4f8a",
          backgroundColor: "#0b4f8a", pointRadius: 4, pointHoverRadius: 6, tension: 0, borderWidth: 2 }] },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: {
            x: { type: "linear", min, max, ticks: { maxTicksLimit: 6, callback: v => MCDS.date(v) }, grid: { color: "#eef1f5" } },
            y: { suggestedMin: Math.max(0, Math.min(...ys) - pad), suggestedMax: Math.max(...ys) + pad,
              title: { display: true, text: analyte.unit }, grid: { color: "#eef1f5" } },
          },
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { title: items => MCDS.date(items[0].parsed.x), label: item => item.parsed.y + " " + analyte.unit } },
            annotation: { annotations },
          },
        },
      });
    }
  },

  /** The values as a table, for screen readers and for reading exact numbers. */
  table(points, analyte) {
    return MCDS.el("details", {},
      MCDS.el("summary", {}, "Values as a table"),
      MCDS.el("table", {},
        MCDS.el("thead", {}, MCDS.el("tr", {}, MCDS.el("th", { scope: "col" }, "Date"), MCDS.el("th", { scope: "col" }, analyte.title + " (" + analyte.unit + ")"))),
        MCDS.el("tbody", {}, points.map(p => MCDS.el("tr", {}, MCDS.el("td", {}, MCDS.date(p.x)), MCDS.el("td", {}, String(p.y)))))));
  },
};
