// Partnership Tracker dashboard: plain browser JavaScript over the query API of docs/API.md, no libraries, so that it
// works offline. Data from the API is only ever inserted as text, never as HTML.
"use strict";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];
const FEED_LIMIT = 50;
const REFRESH_DELAY_MS = 500;

const state = {asOf: "", actor: "", instrument: "", selected: null, actors: new Set(), instruments: new Set()};

/** A partial date as far as its precision goes: "2024", "May 2024", "21 May 2024". */
function formatPartialDate(partial) {
  if (!partial || !partial.date) {
    return "";
  }
  const [year, month, day] = partial.date.split("-");
  if (partial.precision === "YEAR" || !month) {
    return year;
  }
  const monthName = MONTHS[Number(month) - 1];
  if (partial.precision === "MONTH" || !day) {
    return monthName + " " + year;
  }
  return Number(day) + " " + monthName + " " + year;
}

function humanize(symbol) {
  return symbol ? symbol.toLowerCase().replace(/_/g, " ") : "";
}

/** An instrument as people write it: its type code without underscores, then its key if it has one. */
function instrumentName(type, key) {
  return type.replace(/_/g, " ") + (key ? " " + key : "");
}

/** An element with attributes and children (strings become text nodes). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== "") {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

async function getJson(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value) {
      query.set(name, value);
    }
  }
  const url = path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error || ("HTTP " + response.status + " for " + url));
    error.status = response.status;
    throw error;
  }
  return body;
}

function showStatus(message) {
  document.getElementById("status").textContent = message || "";
}

// ---- partnerships table ----

async function loadPartnerships() {
  try {
    const answer = await getJson("/api/partnerships",
        {asOf: state.asOf, actor: state.actor, instrument: state.instrument});
    rememberFilterOptions(answer.items);
    renderTable(answer);
    showStatus("");
  } catch (error) {
    showStatus("Cannot load partnerships: " + error.message);
  }
}

function renderTable(answer) {
  const body = document.getElementById("partnerships-body");
  body.replaceChildren(...answer.items.map(partnershipRow));
  if (answer.items.length === 0) {
    body.append(el("tr", {"data-testid": "no-partnerships"},
        el("td", {colspan: 3}, "No partnership had a recorded event by then.")));
  }
  document.getElementById("partnership-count").textContent =
      "(" + answer.count + (answer.asOf ? " as of " + answer.asOf : ", current") + ")";
  document.getElementById("partnerships").dataset.asOf = answer.asOf || "";
}

function partnershipRow(partnership) {
  const row = el("tr", {"data-testid": "partnership-row", "data-key": partnership.key,
      class: partnership.key === state.selected ? "selected" : null},
      el("td", {class: "key"}, partnership.actor + " \u2013 " + partnership.counterpart),
      el("td", {}, partnership.instruments.map(instrumentChip)),
      el("td", {class: partnership.conflicts.length ? "conflicts" : null},
          partnership.conflicts.length ? String(partnership.conflicts.length) : ""));
  row.addEventListener("click", () => selectPartnership(partnership.key));
  return row;
}

function instrumentChip(instrument) {
  const since = formatPartialDate(instrument.statusSince);
  return el("span", {class: "instrument", "data-testid": "instrument", "data-type": instrument.type,
      "data-status": instrument.status, title: instrument.title || null},
      instrumentName(instrument.type, instrument.key) + " ",
      el("span", {class: "status status-" + instrument.status}, humanize(instrument.status)),
      since ? " since " + since : "");
}

/** The filters offer every actor and instrument seen so far, so they never hide their own options. */
function rememberFilterOptions(items) {
  let changed = false;
  for (const partnership of items) {
    changed = addOption(state.actors, partnership.actor) || changed;
    for (const instrument of partnership.instruments) {
      changed = addOption(state.instruments, instrument.type) || changed;
    }
  }
  if (changed) {
    fillSelect("actor-filter", state.actors, state.actor, actor => actor);
    fillSelect("instrument-filter", state.instruments, state.instrument, type => instrumentName(type, null));
  }
}

function addOption(set, value) {
  if (set.has(value)) {
    return false;
  }
  set.add(value);
  return true;
}

function fillSelect(id, values, selected, label) {
  const select = document.getElementById(id);
  select.replaceChildren(el("option", {value: ""}, "all"),
      ...[...values].sort().map(value => el("option", {value: value, selected: value === selected}, label(value))));
}

// ---- one partnership ----

async function selectPartnership(key) {
  state.selected = key;
  for (const row of document.querySelectorAll("#partnerships-body tr")) {
    row.classList.toggle("selected", row.dataset.key === key);
  }
  const [actor, counterpart] = key.split(":");
  const detail = document.getElementById("detail");
  detail.hidden = false;
  document.getElementById("detail-title").textContent = actor + " \u2013 " + counterpart
      + (state.asOf ? " as of " + state.asOf : "");
  try {
    const partnership = await getJson("/api/partnerships/" + encodeURIComponent(actor) + "/"
        + encodeURIComponent(counterpart), {asOf: state.asOf});
    renderConflicts(partnership.conflicts);
    renderEvents(partnership.events || []);
  } catch (error) {
    renderConflicts([]);
    document.getElementById("detail-events").replaceChildren(el("li", {class: "superseded"},
        error.status === 404 ? "No recorded event by then." : "Cannot load: " + error.message));
  }
}

function renderConflicts(conflicts) {
  const list = document.getElementById("detail-conflicts");
  list.replaceChildren(...conflicts.map(conflict => el("li", {"data-testid": "conflict"},
      instrumentName(conflict.instrument, conflict.instrumentKey) + ", "
      + humanize(conflict.kind) + ": ",
      conflict.claims.map((claim, index) => [index ? "; " : "",
        el("span", {class: claim.eventId === conflict.chosenEventId ? "when" : null},
            formatPartialDate(claim.eventDate) + " (" + claim.source + ")")]),
      conflict.rule ? el("div", {class: "source"}, "chosen by rule: " + conflict.rule) : "")));
  if (conflicts.length === 0) {
    list.append(el("li", {class: "source"}, "none"));
  }
}

function renderEvents(events) {
  document.getElementById("detail-events").replaceChildren(...events.map(event => {
    const provenance = event.provenance || {};
    return el("li", {"data-testid": "timeline-event", "data-event-id": event.eventId,
        class: event.status && event.status !== "EFFECTIVE" ? "superseded" : null},
        el("span", {class: "when"}, formatPartialDate(event.eventDate)), " ",
        instrumentName(event.instrument, event.instrumentKey) + " " + humanize(event.kind),
        event.title ? ": " + event.title : "",
        event.status && event.status !== "EFFECTIVE" ? " [" + humanize(event.status) + "]" : "",
        provenance.quote ? el("blockquote", {class: "quote"}, "\u201c" + provenance.quote + "\u201d") : "",
        el("div", {class: "source"}, "source: " + (provenance.source || "unknown")
            + (provenance.locator ? ", " + provenance.locator : "")));
  }));
}

// ---- live feed ----

function connectFeed() {
  const status = document.getElementById("feed-status");
  const feed = document.getElementById("live-feed");
  feed.replaceChildren(el("li", {class: "empty"}, "Waiting for changes\u2026"));
  const source = new EventSource("/api/changes/stream");
  source.onopen = () => {
    status.textContent = "live";
    status.className = "live";
  };
  // EventSource reconnects by itself and resumes after the last event id it saw.
  source.onerror = () => {
    status.textContent = "reconnecting";
    status.className = "";
  };
  source.addEventListener("change", message => {
    const change = JSON.parse(message.data);
    feed.querySelector(".empty")?.remove();
    feed.prepend(changeItem(change));
    while (feed.children.length > FEED_LIMIT) {
      feed.lastElementChild.remove();
    }
    scheduleRefresh();
  });
}

function changeItem(change) {
  const transitions = (change.transitions || []).map(transition =>
      instrumentName(transition.instrument, transition.instrumentKey) + ": "
      + (transition.from ? humanize(transition.from) : "new") + " \u2192 "
      + (transition.to ? humanize(transition.to) : "gone"));
  return el("li", {"data-testid": "feed-item", "data-change-id": change.changeId,
      "data-cause-event-id": change.causeEventId},
      el("span", {class: "key"}, change.actor + " \u2013 " + change.counterpart), " ",
      humanize(change.operation), transitions.length ? " (" + transitions.join(", ") + ")" : "",
      ", effective " + formatPartialDate(change.effectiveDate),
      change.retroactive ? " \u2014 retroactive" : "",
      el("div", {class: "source"}, "event " + change.causeEventId));
}

let refreshTimer = null;

/** Changes arrive in bursts; one reload of the table and chart after the burst is enough. */
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    loadPartnerships();
    loadChart();
    if (state.selected) {
      selectPartnership(state.selected);
    }
  }, REFRESH_DELAY_MS);
}

// ---- chart ----

async function loadChart() {
  try {
    const answer = await getJson("/api/stats/timeline", {actor: state.actor, instrument: state.instrument});
    renderChart(answer.points);
  } catch (error) {
    document.getElementById("chart").replaceChildren(el("p", {class: "source"},
        "Cannot load the chart: " + error.message));
  }
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function renderChart(points) {
  const chart = document.getElementById("chart");
  if (!points || points.length === 0) {
    chart.replaceChildren(el("p", {class: "source"}, "No instruments yet."));
    return;
  }
  const width = 800, height = 240, left = 40, right = 110, top = 10, bottom = 30;
  const firstYear = points[0].year, lastYear = points[points.length - 1].year;
  const maxCount = Math.max(1, ...points.map(point => Math.max(point.signed, point.inForce)));
  const x = year => left + (lastYear === firstYear ? 0 : (year - firstYear) / (lastYear - firstYear))
      * (width - left - right);
  const y = count => top + (1 - count / maxCount) * (height - top - bottom);
  const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "Instruments signed and in force by year", "data-testid": "chart-svg"});
  for (const tick of [0, Math.round(maxCount / 2), maxCount]) {
    root.append(svg("line", {class: "grid", x1: left, x2: width - right, y1: y(tick), y2: y(tick)}));
    root.append(svg("text", {x: left - 6, y: y(tick) + 4, "text-anchor": "end"}, String(tick)));
  }
  root.append(svg("line", {class: "axis", x1: left, x2: width - right, y1: y(0), y2: y(0)}));
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  for (let year = firstYear; year <= lastYear; year += step) {
    root.append(svg("text", {x: x(year), y: height - 10, "text-anchor": "middle"}, String(year)));
  }
  const line = field => points.map((point, index) =>
      (index ? "L" : "M") + x(point.year).toFixed(1) + "," + y(point[field]).toFixed(1)).join(" ");
  root.append(svg("path", {class: "signed", d: line("signed"), "data-testid": "chart-signed"}));
  root.append(svg("path", {class: "in-force", d: line("inForce"), "data-testid": "chart-in-force"}));
  const last = points[points.length - 1];
  root.append(svg("rect", {class: "legend-signed", x: width - right + 10, y: top, width: 10, height: 10}));
  root.append(svg("text", {x: width - right + 25, y: top + 9}, "signed (" + last.signed + ")"));
  root.append(svg("rect", {class: "legend-in-force", x: width - right + 10, y: top + 20, width: 10, height: 10}));
  root.append(svg("text", {x: width - right + 25, y: top + 29}, "in force (" + last.inForce + ")"));
  chart.replaceChildren(root);
}

// ---- controls ----

function setAsOf(date) {
  state.asOf = date;
  document.getElementById("as-of").value = date;
  const year = date ? Number(date.slice(0, 4)) : new Date().getFullYear();
  document.getElementById("as-of-slider").value = String(year);
  document.getElementById("as-of-year").textContent = date ? String(year) : "now";
  loadPartnerships();
  if (state.selected) {
    selectPartnership(state.selected);
  }
}

function wireControls() {
  const slider = document.getElementById("as-of-slider");
  slider.max = String(new Date().getFullYear());
  slider.addEventListener("input", () => {
    document.getElementById("as-of-year").textContent = slider.value;
  });
  // The slider means "the state at the end of that year".
  slider.addEventListener("change", () => setAsOf(slider.value + "-12-31"));
  document.getElementById("as-of").addEventListener("change", event => setAsOf(event.target.value));
  document.getElementById("as-of-today").addEventListener("click", () => setAsOf(""));
  for (const [id, field] of [["actor-filter", "actor"], ["instrument-filter", "instrument"]]) {
    document.getElementById(id).addEventListener("change", event => {
      state[field] = event.target.value;
      loadPartnerships();
      loadChart();
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  wireControls();
  setAsOf("");
  loadChart();
  connectFeed();
});
