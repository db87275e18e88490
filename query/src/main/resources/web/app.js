// Partnership Tracker dashboard: plain browser JavaScript over the query API of docs/API.md, no libraries, so that it
// works offline. Data from the API is only ever inserted as text, never as HTML.
"use strict";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];
const FEED_LIMIT = 50;
const REFRESH_DELAY_MS = 500;

// A partial date as the API takes it (asOf), and a knownAt: a day or an instant.
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const state = {asOf: "", knownAt: "", includePossible: false, actor: "", instrument: "", selected: null,
  actors: new Set(), instruments: new Set(), names: new Map()};

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

/** Bounds in EDTF's "one of a set" notation, each end as the API writes it: "[2024-07-12..2025-08]", "[..2025-08]". */
function formatBoundsEdtf(notBefore, notAfter) {
  return "[" + (notBefore && notBefore.date ? notBefore.date : "") + ".."
      + (notAfter && notAfter.date ? notAfter.date : "") + "]";
}

/** Bounds in words: "between 12 July 2024 and August 2025", "by August 2025", "not before 12 July 2024". */
function formatBoundsWords(notBefore, notAfter) {
  const from = formatPartialDate(notBefore), to = formatPartialDate(notAfter);
  if (from && to) {
    return "between " + from + " and " + to;
  }
  return to ? "by " + to : from ? "not before " + from : "";
}

/** Both forms, or "" when there are no bounds. */
function formatBounds(notBefore, notAfter) {
  return notBefore || notAfter
      ? formatBoundsWords(notBefore, notAfter) + " " + formatBoundsEdtf(notBefore, notAfter) : "";
}

/** A date claim as its source states it: an exact date, else bounds. */
function formatClaimDate(date, bounds) {
  if (date) {
    return formatPartialDate(date);
  }
  return bounds ? formatBounds(bounds.notBefore, bounds.notAfter) : "";
}

function humanize(symbol) {
  return symbol ? symbol.toLowerCase().replace(/_/g, " ") : "";
}

/** An instrument by its codes: its type code without underscores, then its key if it has one. */
function instrumentName(type, key) {
  return type.replace(/_/g, " ") + (key ? " " + key : "");
}

/** An instrument as people call it: its name when the answer has one, else its codes. */
function instrumentLabel(instrument) {
  return instrument.name || instrumentName(instrument.type, instrument.key);
}

/**
 * The name of the instrument that an event, conflict or transition names by its codes, from the partnership answer's
 * instruments (which carry the names), else its codes.
 */
function instrumentLabelIn(instruments, type, key) {
  const instrument = (instruments || []).find(candidate => candidate.type === type
      && (candidate.key || null) === (key || null));
  return instrument ? instrumentLabel(instrument) : instrumentName(type, key);
}

/** A partnership as people call it, "EU \u2013 South Korea", falling back to the counterpart's code. */
function partnershipName(actor, counterpart, counterpartName) {
  return actor + " \u2013 " + (counterpartName || counterpart);
}

/** The partnership's name with its key in small type beside it when the name hides the code. */
function partnershipLabel(actor, counterpart, counterpartName) {
  const key = actor + ":" + counterpart;
  return el("span", {class: "key", title: key}, partnershipName(actor, counterpart, counterpartName),
      counterpartName ? [" ", el("small", {class: "code", "data-testid": "partnership-code"}, key)] : "");
}

/** A status as of the state's date: "signed", or "possibly signed" when the step has only possibly happened. */
function statusWords(status, certainty) {
  return (certainty === "POSSIBLE" ? "possibly " : "") + humanize(status);
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

/** The parameters every state request shares; knownAt and certainty only when the user set them. */
function stateParams() {
  return {asOf: state.asOf, knownAt: state.knownAt};
}

/** Lists and counts also take the certainty to count: only when "include possible" is on. */
function countingParams() {
  return {certainty: state.includePossible ? "ANY" : ""};
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
    const answer = await getJson("/api/partnerships", {...stateParams(), ...countingParams(),
      actor: state.actor, instrument: state.instrument});
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
  document.getElementById("partnership-count").textContent = "(" + answer.count
      + (answer.asOf ? " as of " + answer.asOf : ", current")
      + (answer.knownAt ? ", as known at " + answer.knownAt : "") + ")";
  const table = document.getElementById("partnerships");
  table.dataset.asOf = answer.asOf || "";
  table.dataset.knownAt = state.knownAt;
  table.dataset.certainty = state.includePossible ? "ANY" : "";
}

function partnershipRow(partnership) {
  const conflicts = partnership.conflicts || [];
  const row = el("tr", {"data-testid": "partnership-row", "data-key": partnership.key,
      class: partnership.key === state.selected ? "selected" : null},
      el("td", {}, partnershipLabel(partnership.actor, partnership.counterpart, partnership.counterpartName)),
      el("td", {}, (partnership.instruments || []).map(instrumentChip)),
      el("td", {class: conflicts.length ? "conflicts" : null}, conflicts.length ? String(conflicts.length) : ""));
  row.addEventListener("click", () => selectPartnership(partnership.key));
  return row;
}

/** When the status step happened: "since May 2024", or its bounds when it is known only by them. */
function statusWhen(instrument) {
  const since = formatPartialDate(instrument.statusSince);
  if (since) {
    return "since " + since;
  }
  return formatBoundsWords(instrument.notBefore, instrument.notAfter);
}

/** Every line of what an instrument's tooltip says: its codes, its title, and the bounds of uncertain steps. */
function instrumentTooltip(instrument) {
  const lines = [];
  if (instrument.name) {
    lines.push(instrumentName(instrument.type, instrument.key));
  }
  if (instrument.title && instrument.title !== instrument.name) {
    lines.push(instrument.title);
  }
  if (instrument.notBefore || instrument.notAfter) {
    lines.push(statusWords(instrument.status, instrument.certainty) + " "
        + formatBounds(instrument.notBefore, instrument.notAfter));
  }
  if (instrument.possibleStatus) {
    const bounds = instrument.possibleBounds || {};
    lines.push(statusWords(instrument.possibleStatus, "POSSIBLE") + " "
        + formatBounds(bounds.notBefore, bounds.notAfter));
  }
  return lines.join("\n") || null;
}

/**
 * One instrument in the table. A step that has only possibly happened (certainty POSSIBLE) is drawn dashed and
 * labelled "possibly"; a certain status with a later possible step shows both. Answers of servers that predate
 * certainty have none of these fields, and are drawn as certain.
 */
function instrumentChip(instrument) {
  const certainty = instrument.certainty || "CERTAIN";
  const when = statusWhen(instrument);
  return el("span", {class: "instrument certainty-" + certainty, "data-testid": "instrument",
      "data-type": instrument.type, "data-key": instrument.key || null, "data-status": instrument.status,
      "data-certainty": certainty, "data-possible-status": instrument.possibleStatus || null,
      title: instrumentTooltip(instrument)},
      el("span", {class: "name", "data-testid": "instrument-name"}, instrumentLabel(instrument)), " ",
      el("span", {class: "status status-" + instrument.status, "data-testid": "instrument-status"},
          statusWords(instrument.status, certainty)),
      when ? " " + when : "",
      instrument.possibleStatus ? [" ", possibleStep(instrument)] : "");
}

/** The later step that has only possibly happened, beside a certain status. */
function possibleStep(instrument) {
  const bounds = instrument.possibleBounds || {};
  const when = formatBoundsWords(bounds.notBefore, bounds.notAfter);
  return el("span", {class: "possible-step certainty-POSSIBLE", "data-testid": "possible-step",
      title: formatBounds(bounds.notBefore, bounds.notAfter) || null},
      statusWords(instrument.possibleStatus, "POSSIBLE") + (when ? " " + when : ""));
}

/** The filters offer every actor and instrument seen so far, so they never hide their own options. */
function rememberFilterOptions(items) {
  let changed = false;
  for (const partnership of items) {
    state.names.set(partnership.key, partnership.counterpartName || null);
    changed = addOption(state.actors, partnership.actor) || changed;
    for (const instrument of partnership.instruments || []) {
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
  renderDetailTitle(actor, counterpart, state.names.get(key));
  try {
    const partnership = await getJson("/api/partnerships/" + encodeURIComponent(actor) + "/"
        + encodeURIComponent(counterpart), stateParams());
    renderDetailTitle(actor, counterpart, partnership.counterpartName);
    renderInstruments(partnership.instruments || []);
    renderConflicts(partnership.conflicts || [], partnership.instruments);
    renderEvents(partnership.events || [], partnership.instruments);
  } catch (error) {
    renderInstruments([]);
    renderConflicts([], []);
    document.getElementById("detail-events").replaceChildren(el("li", {class: "superseded"},
        error.status === 404 ? "No recorded event by then." : "Cannot load: " + error.message));
  }
}

function renderDetailTitle(actor, counterpart, counterpartName) {
  document.getElementById("detail-title").replaceChildren(partnershipLabel(actor, counterpart, counterpartName),
      (state.asOf ? " as of " + state.asOf : "") + (state.knownAt ? ", as known at " + state.knownAt : ""));
}

/** Each instrument with its status, certainty and, for steps known only by bounds, the bounds written out. */
function renderInstruments(instruments) {
  const list = document.getElementById("detail-instruments");
  list.replaceChildren(...instruments.map(instrument => {
    const certainty = instrument.certainty || "CERTAIN";
    const bounds = instrument.possibleBounds || {};
    return el("li", {"data-testid": "detail-instrument", "data-type": instrument.type,
        "data-key": instrument.key || null, "data-certainty": certainty, class: "certainty-" + certainty},
        el("span", {class: "when"}, instrumentLabel(instrument)),
        instrument.name ? el("small", {class: "code"}, " " + instrumentName(instrument.type, instrument.key)) : "",
        ": ", el("span", {class: "status status-" + instrument.status}, statusWords(instrument.status, certainty)),
        instrument.statusSince ? " since " + formatPartialDate(instrument.statusSince) : "",
        instrument.notBefore || instrument.notAfter
            ? el("span", {"data-testid": "status-bounds"},
                " " + formatBounds(instrument.notBefore, instrument.notAfter))
            : "",
        instrument.possibleStatus ? el("div", {"data-testid": "possible-status", class: "certainty-POSSIBLE"},
            "then " + statusWords(instrument.possibleStatus, "POSSIBLE") + " "
            + formatBounds(bounds.notBefore, bounds.notAfter)) : "");
  }));
  if (instruments.length === 0) {
    list.append(el("li", {class: "source"}, "none"));
  }
}

/** What one claim says: its date, its bounds, or a statement (an order stated without dates). */
function claimText(claim) {
  const date = formatClaimDate(claim.eventDate, claim.dateBounds);
  return [date, claim.statement ? "\u201c" + claim.statement + "\u201d" : ""].filter(Boolean).join(" ");
}

/** Every conflict of the partnership, at any as-of date: the fact, each claim with its source, and the rule. */
function renderConflicts(conflicts, instruments) {
  const list = document.getElementById("detail-conflicts");
  list.replaceChildren(...conflicts.map(conflict => {
    const type = conflict.type || "DATES";
    return el("li", {"data-testid": "conflict", "data-conflict-type": type},
        el("span", {class: "conflict-type conflict-" + type}, type === "ORDER" ? "order" : "dates"), " ",
        instrumentLabelIn(instruments, conflict.instrument, conflict.instrumentKey) + ", "
        + humanize(conflict.kind) + ":",
        el("ul", {class: "claims"}, (conflict.claims || []).map(claim => {
          const chosen = claim.eventId === conflict.chosenEventId;
          return el("li", {"data-testid": "claim", "data-event-id": claim.eventId, class: chosen ? "chosen" : null},
              claimText(claim) + " (" + claim.source + ")", chosen ? " \u2014 chosen" : "");
        })),
        conflict.rule ? el("div", {class: "source", "data-testid": "conflict-rule"}, "rule: " + conflict.rule) : "");
  }));
  if (conflicts.length === 0) {
    list.append(el("li", {class: "source"}, "none"));
  }
}

function renderEvents(events, instruments) {
  document.getElementById("detail-events").replaceChildren(...events.map(event => {
    const provenance = event.provenance || {};
    const narrowed = event.orderBounds;
    return el("li", {"data-testid": "timeline-event", "data-event-id": event.eventId,
        class: event.status && event.status !== "EFFECTIVE" ? "superseded" : null},
        el("span", {class: "when", "data-testid": "event-date"}, formatClaimDate(event.eventDate, event.dateBounds)),
        " ", instrumentLabelIn(instruments, event.instrument, event.instrumentKey) + " " + humanize(event.kind),
        narrowed ? el("div", {class: "source"}, "narrowed by a stated order to "
            + formatBounds(narrowed.notBefore, narrowed.notAfter)) : "",
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
  const instruments = (change.after || change.before || {}).instruments;
  const transitions = (change.transitions || []).map(transition =>
      instrumentLabelIn(instruments, transition.instrument, transition.instrumentKey) + ": "
      + (transition.from ? statusWords(transition.from, transition.fromCertainty) : "new") + " \u2192 "
      + (transition.to ? statusWords(transition.to, transition.toCertainty) : "gone"));
  const effective = formatClaimDate(change.effectiveDate, change.effectiveBounds);
  return el("li", {"data-testid": "feed-item", "data-change-id": change.changeId,
      "data-cause-event-id": change.causeEventId, "data-key": change.actor + ":" + change.counterpart},
      partnershipLabel(change.actor, change.counterpart, change.counterpartName), " ",
      humanize(change.operation), transitions.length ? " (" + transitions.join(", ") + ")" : "",
      effective ? ", effective " + effective : "",
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
    const answer = await getJson("/api/stats/timeline", {knownAt: state.knownAt, ...countingParams(),
      actor: state.actor, instrument: state.instrument});
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

/** Reloads what a changed as-of date, known-at instant or certainty changes. */
function reload(withChart) {
  loadPartnerships();
  if (withChart) {
    loadChart();
  }
  if (state.selected) {
    selectPartnership(state.selected);
  }
}

function setAsOf(text) {
  const date = text.trim();
  if (date && !PARTIAL_DATE.test(date)) {
    showStatus("As of: '" + date + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    return;
  }
  state.asOf = date;
  document.getElementById("as-of").value = date;
  const year = date ? Number(date.slice(0, 4)) : new Date().getFullYear();
  document.getElementById("as-of-slider").value = String(year);
  document.getElementById("as-of-year").textContent = date ? String(year) : "now";
  reload(false);
}

function setKnownAt(text) {
  const knownAt = text.trim();
  if (knownAt && !DATE_OR_INSTANT.test(knownAt)) {
    showStatus("Known at: '" + knownAt + "' is neither a date (YYYY-MM-DD) nor an instant (2025-01-31T12:00:00Z)");
    return;
  }
  state.knownAt = knownAt;
  reload(true);
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
  document.getElementById("known-at").addEventListener("change", event => setKnownAt(event.target.value));
  document.getElementById("include-possible").addEventListener("change", event => {
    state.includePossible = event.target.checked;
    reload(true);
  });
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
