// The analysts' page of `sitrep serve`: map, timeline, filters, table, and the event panel with
// the article text, each field's evidence highlighted, the review log and the review forms.
// It talks only to the API of the server that served it, and needs no internet.
"use strict";
(() => {
  const COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#8e44ad",
    "Protests": "#1f77b4",
    "Riots": "#e377c2",
    "Strategic developments": "#2ca02c",
  };
  const TABLE_PAGE = 100;
  const state = {
    config: null, token: sessionStorage.getItem("sitrep-token"), user: null, points: null,
    cursor: null, event: null, weeks: [], loads: 0, mapDrawnMs: null, drawSeq: 0,
  };
  window.sitrep = state; // for the browser tests and the benchmark

  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const esc = (value) => String(value ?? "").replace(/[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  async function api(path, options = {}) {
    const headers = {};
    if (state.token) headers.Authorization = "Bearer " + state.token;
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method: options.method || "GET", headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const data = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) {
      const error = new Error(data.error || response.statusText);
      error.status = response.status;
      error.field = data.field;
      throw error;
    }
    return data;
  }

  function status(text) { $("#status").textContent = text; }
  function busy(delta) {
    state.loads += delta;
    document.body.dataset.busy = state.loads > 0 ? "1" : "0";
  }

  // ---- filters ----------------------------------------------------------------------------

  function filterParams({ withDates = true } = {}) {
    const form = $("#filters");
    const params = new URLSearchParams();
    for (const name of ["from", "to", "country", "admin1", "event_type", "sub_event_type", "actor", "text",
      "min_fatalities"]) {
      if (!withDates && (name === "from" || name === "to")) continue;
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    if (form.elements.include_rejected.checked) params.set("include_rejected", "true");
    if (form.elements.in_view.checked && state.map) {
      const b = state.map.getBounds();
      const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
      params.set("bbox", [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
        clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(","));
    }
    return params;
  }

  function fillTypes() {
    const types = $("#filters").elements.event_type;
    const subs = $("#filters").elements.sub_event_type;
    for (const type of state.config.event_types) types.add(new Option(type, type));
    const fillSubs = () => {
      const chosen = types.value;
      subs.length = 1;
      for (const [type, list] of Object.entries(state.config.sub_event_types)) {
        if (chosen && type !== chosen) continue;
        for (const sub of list) subs.add(new Option(sub, sub));
      }
    };
    types.addEventListener("change", fillSubs);
    fillSubs();
    $("#legend").innerHTML = state.config.event_types.map((type) =>
      `<li><span class="swatch" style="background:${COLORS[type]}"></span>${esc(type)}</li>`).join("");
  }

  async function refresh() {
    $("#filter-error").textContent = "";
    busy(1);
    try {
      await Promise.all([drawMap(), loadTable(false), drawTimeline()]);
    } catch (error) {
      $("#filter-error").textContent = error.message;
    } finally {
      busy(-1);
    }
  }

  // ---- map --------------------------------------------------------------------------------

  function initMap() {
    const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 18 }).setView([15, 20], 2);
    state.map = map;
    if (state.config.tile_url) {
      L.tileLayer(state.config.tile_url, { maxZoom: 18, attribution: "map tiles: see the tile provider" }).addTo(map);
    }
    fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((topology) => {
      const land = topojson.feature(topology, topology.objects.countries);
      const layer = L.geoJSON(land, {
        renderer: L.canvas({ padding: 0.5 }), interactive: false,
        style: { color: "#90a4ae", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: state.config.tile_url ? 0 : 1 },
      }).addTo(map);
      layer.bringToBack();
    });
    state.cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50,
      chunkProgress: (processed, total) => { if (processed === total && state.onDrawn) state.onDrawn(); },
      iconCreateFunction: (cluster) => {
        const counts = {};
        for (const marker of cluster.getAllChildMarkers()) counts[marker.eventType] = (counts[marker.eventType] || 0) + 1;
        const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
        const n = cluster.getChildCount();
        const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
        return L.divIcon({
          html: `<div style="background:${COLORS[top] || "#555"}cc"><span>${n}</span></div>`,
          className: "marker-cluster sitrep-cluster", iconSize: L.point(size, size),
        });
      },
    });
    state.cluster.on("click", (e) => openEvent(e.layer.eventId));
    state.cluster.on("mouseover", (e) => {
      const p = state.points;
      const i = e.layer.index;
      e.layer.bindTooltip(`${esc(p.date[i] || "")} ${esc(p.type[i])}: ${p.fatalities[i]} killed`).openTooltip();
    });
    map.addLayer(state.cluster);
    state.grid = L.layerGroup().addTo(map);
    map.on("moveend", () => {
      if ($("#filters").elements.in_view.checked) refresh();
      else if (state.points && !state.points.complete) drawMap();
    });
  }

  function mapView() {
    const b = state.map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
  }

  function dominant(types) {
    return Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];
  }

  async function drawMap() {
    const seq = ++state.drawSeq;
    const started = performance.now();
    const params = filterParams();
    params.set("view", mapView());
    params.set("zoom", state.map.getZoom());
    const points = await api("/map?" + params);
    if (seq !== state.drawSeq) return; // a newer view or filter is being drawn
    state.points = points;
    document.body.dataset.mapReady = "0";
    state.cluster.clearLayers();
    state.grid.clearLayers();
    const done = () => {
      state.mapDrawnMs = performance.now() - started;
      document.body.dataset.mapReady = "1";
    };
    if (points.mode === "grid") {
      // many events: the server counted them by cell of the view; a click zooms in
      for (const cell of points.cells) {
        const top = dominant(cell.types);
        const size = cell.count < 10 ? 30 : cell.count < 100 ? 36 : cell.count < 1000 ? 42 : 50;
        const icon = L.divIcon({
          html: `<div style="background:${COLORS[top] || "#555"}cc"><span>${cell.count}</span></div>`,
          className: "marker-cluster sitrep-cluster sitrep-cell", iconSize: L.point(size, size),
        });
        const marker = L.marker([cell.lat, cell.lon], { icon, title: `${cell.count} events, ${cell.fatalities} killed` });
        marker.on("click", () => state.map.setView([cell.lat, cell.lon], Math.min(18, state.map.getZoom() + 2)));
        state.grid.addLayer(marker);
      }
      done();
    } else {
      const markers = new Array(points.count);
      for (let i = 0; i < points.count; i++) {
        const deaths = points.fatalities[i];
        const marker = L.circleMarker([points.lat[i], points.lon[i]], {
          radius: 5 + Math.min(14, Math.sqrt(deaths) * 1.6), color: "#263238", weight: 1,
          fillColor: COLORS[points.type[i]] || "#555", fillOpacity: 0.85,
        });
        marker.eventId = points.id[i];
        marker.eventType = points.type[i];
        marker.index = i;
        markers[i] = marker;
      }
      if (markers.length) {
        state.onDrawn = done;
        state.cluster.addLayers(markers);
      } else {
        done();
      }
    }
    const total = points.total.toLocaleString("en");
    $("#map-count").textContent = points.complete ? `${total} events on the map`
      : `${total} events; ${points.count.toLocaleString("en")} in view` +
        (points.mode === "grid" ? " (counted by area: zoom in for single events)" : "");
    $("#map-count").dataset.count = points.total;
  }

  // ---- table ------------------------------------------------------------------------------

  async function loadTable(more) {
    const params = filterParams();
    params.set("limit", TABLE_PAGE);
    if (more && state.cursor) params.set("cursor", state.cursor);
    const page = await api("/events?" + params);
    const body = $("#events-table tbody");
    if (!more) body.innerHTML = "";
    for (const e of page.events) {
      const row = document.createElement("tr");
      row.dataset.eventId = e.event_id;
      row.innerHTML = `<td>${esc(e.event_date)}</td><td>${esc(e.sub_event_type)}</td><td>${esc(e.actor1)}</td>` +
        `<td>${esc(e.actor2)}</td><td>${esc(e.location)}</td><td>${esc(e.country)}</td><td>${e.fatalities}</td>` +
        `<td>${e.extra.review ? `<span class="badge ${esc(e.extra.review)}">${esc(e.extra.review)}</span>` : ""}</td>`;
      row.addEventListener("click", () => openEvent(e.event_id));
      body.appendChild(row);
    }
    state.cursor = page.next;
    $("#more").hidden = !page.next;
  }

  // ---- timeline ---------------------------------------------------------------------------

  async function drawTimeline() {
    const stats = await api("/stats?by=week&" + filterParams({ withDates: false }));
    state.weeks = stats.week;
    const svg = $("#timeline");
    const n = Math.max(1, state.weeks.length);
    const top = Math.max(1, ...state.weeks.map((w) => w.events));
    svg.setAttribute("viewBox", `0 0 ${n * 10} 90`);
    const from = $("#filters").elements.from.value;
    const to = $("#filters").elements.to.value;
    const inRange = (week) => (!from || addDays(week, 6) >= from) && (!to || week <= to);
    svg.innerHTML = state.weeks.map((w, i) => {
      const h = Math.max(1, (w.events / top) * 86);
      return `<rect class="bar${inRange(w.key) ? "" : " out"}" x="${i * 10 + 1}" y="${90 - h}" width="8" height="${h}">` +
        `<title>week of ${esc(w.key)}: ${w.events} events, ${w.fatalities} killed</title></rect>`;
    }).join("");
    $("#clear-brush").hidden = !(from || to);
    $("#brush-label").textContent = from || to ? `(${from || "…"} to ${to || "…"})` : "(drag to choose weeks)";
  }

  function addDays(day, days) {
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function initBrush() {
    const svg = $("#timeline");
    let start = null;
    let rect = null;
    const weekAt = (event) => {
      const box = svg.getBoundingClientRect();
      const i = Math.floor(((event.clientX - box.left) / box.width) * state.weeks.length);
      return Math.max(0, Math.min(state.weeks.length - 1, i));
    };
    svg.addEventListener("mousedown", (event) => {
      if (!state.weeks.length) return;
      start = weekAt(event);
      rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      rect.setAttribute("class", "brush");
      rect.setAttribute("y", 0);
      rect.setAttribute("height", 90);
      svg.appendChild(rect);
      event.preventDefault();
    });
    window.addEventListener("mousemove", (event) => {
      if (start === null) return;
      const end = weekAt(event);
      rect.setAttribute("x", Math.min(start, end) * 10);
      rect.setAttribute("width", (Math.abs(end - start) + 1) * 10);
    });
    window.addEventListener("mouseup", (event) => {
      if (start === null) return;
      const end = weekAt(event);
      const first = state.weeks[Math.min(start, end)].key;
      const last = state.weeks[Math.max(start, end)].key;
      start = null;
      $("#filters").elements.from.value = first;
      $("#filters").elements.to.value = addDays(last, 6);
      refresh();
    });
    $("#clear-brush").addEventListener("click", () => {
      $("#filters").elements.from.value = "";
      $("#filters").elements.to.value = "";
      refresh();
    });
  }

  // ---- the event panel --------------------------------------------------------------------

  const SHOWN = ["event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "inter1",
    "assoc_actor_1", "actor2", "inter2", "assoc_actor_2", "country", "iso3", "admin1", "admin2", "location",
    "latitude", "longitude", "geonameid", "geo_precision", "fatalities", "sources", "notes", "confidence"];

  function highlight(text, spans) {
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    let html = "";
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const b = points[i + 1];
      const fields = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.field);
      const piece = esc(text.slice(a, b));
      html += fields.length ? `<mark class="ev" data-fields="${esc(fields.join(" "))}" title="${esc(fields.join(", "))}">${piece}</mark>` : piece;
    }
    return html;
  }

  function show(value) {
    if (Array.isArray(value)) return value.join("; ");
    return value === null || value === undefined ? "" : String(value);
  }

  async function openEvent(eventId) {
    busy(1);
    try {
      renderEvent(await api(`/events/${encodeURIComponent(eventId)}`));
    } catch (error) {
      status(error.message);
    } finally {
      busy(-1);
    }
  }

  function renderEvent(detail) {
    state.event = detail;
    const e = detail.event;
    const corrected = new Set(detail.corrected_fields);
    const review = e.extra.review;
    const rows = SHOWN.map((name) =>
      `<tr class="${corrected.has(name) ? "corrected" : ""}" data-field="${name}"><th>${name}</th>` +
      `<td>${esc(show(e[name]))}${corrected.has(name) ? ' <span class="badge">corrected</span>' : ""}</td></tr>`).join("");
    const claims = detail.claims.map((c) =>
      `<li>${c.count} (${c.low}-${c.high}) by ${esc(c.source || "unnamed")}, in ${esc(c.outlet || c.article_id)}</li>`).join("");
    const articles = Object.fromEntries(detail.articles.map((a) => [a.article_key, a]));
    const reports = detail.reports.map((r) => {
      const a = articles[r.article_key];
      return `<div class="article" data-report="${esc(r.report_id)}">
        <div class="meta"><b>${esc(a.outlet || a.article_id)}</b>${a.published ? ", " + esc(a.published) : ""}
          ${r.lead ? '<span class="badge">lead report</span>' : ""}<br>${esc(a.title || "")}
          ${a.url ? `<br><a href="${esc(a.url)}" rel="noreferrer noopener" target="_blank">${esc(a.url)}</a>` : ""}
          <br><i>${esc(r.merge_reason)}</i></div>
        <div class="text">${highlight(a.text, r.evidence)}</div></div>`;
    }).join("");
    const audit = detail.audit.map((c) => `<li><b>${esc(c.user)}</b> ${esc(c.at)}: ${esc(c.action)}` +
      (c.field ? ` ${esc(c.field)}` : "") + (c.action === "correct" ? `: ${esc(show(c.before))} → ${esc(show(c.after))}` : "") +
      (c.other_event_id ? ` (event ${esc(c.other_event_id)})` : "") + ` <i>because: ${esc(c.reason)}</i></li>`).join("");
    const fieldOptions = state.config.editable.map((f) => `<option value="${f}">${f}</option>`).join("");
    const splitBoxes = detail.reports.length > 1 ? detail.reports.map((r) =>
      `<label><input type="checkbox" name="report" value="${esc(r.report_id)}"> ${esc(articles[r.article_key].outlet || r.report_id)}</label>`).join(" ") : "";
    $("#panel-body").innerHTML = `
      <h2>${esc(e.sub_event_type)} at ${esc(e.location)}, ${esc(e.event_date || "date unknown")}
        ${review ? `<span class="badge ${esc(review)}" id="review-state">${esc(review)}</span>` : ""}</h2>
      <div class="meta">event <code>${esc(e.event_id)}</code>: ${e.extra.n_reports} reports from ${e.extra.n_articles} articles</div>
      <table class="fields">${rows}</table>
      ${claims ? `<h3>Fatality claims</h3><ul class="claims">${claims}</ul>` : ""}
      <h3>Articles, with the evidence of each field</h3>
      <div class="evidence-legend"><mark class="ev" data-fields="event">event</mark> <mark class="ev" data-fields="actor1">actors</mark>
        <mark class="ev" data-fields="location">place</mark> <mark class="ev" data-fields="event_date">date</mark>
        <mark class="ev" data-fields="fatalities">fatalities</mark></div>
      ${reports}
      <h3>Review log</h3>
      ${audit ? `<ul class="audit">${audit}</ul>` : '<p class="hint">No change yet.</p>'}
      <div class="review">
        <h3>Review ${state.user ? `as ${esc(state.user)}` : '<span class="hint">(sign in with an API token to make changes)</span>'}</h3>
        <form id="correct-form"><select name="field" aria-label="field">${fieldOptions}</select>
          <input name="value" aria-label="new value" placeholder="new value">
          <input name="reason" aria-label="reason" placeholder="why">
          <button type="submit">Correct</button></form>
        <form id="reject-form"><input name="reason" aria-label="reason" placeholder="why">
          <button type="submit">${review === "not_event" ? "It is an event" : "Not an event"}</button></form>
        <form id="merge-form"><input name="other" aria-label="event to merge in" placeholder="event id to merge into this one">
          <input name="reason" aria-label="reason" placeholder="why"><button type="submit">Merge</button></form>
        ${splitBoxes ? `<form id="split-form">${splitBoxes}<input name="reason" aria-label="reason" placeholder="why">
          <button type="submit">Split off</button></form>` : ""}
        <p class="error" id="review-error" role="alert"></p>
      </div>`;
    $("#panel").hidden = false;
    const form = $("#correct-form");
    const prefill = () => { form.elements.value.value = show(e[form.elements.field.value]); };
    form.elements.field.addEventListener("change", prefill);
    form.elements.field.value = "fatalities";
    prefill();
    form.addEventListener("submit", (ev) => write(ev, `/events/${e.event_id}/corrections`,
      { fields: { [form.elements.field.value]: form.elements.value.value }, reason: form.elements.reason.value }));
    const reject = $("#reject-form");
    reject.addEventListener("submit", (ev) => write(ev, `/events/${e.event_id}/${review === "not_event" ? "restore" : "not-event"}`,
      { reason: reject.elements.reason.value }));
    const merge = $("#merge-form");
    merge.addEventListener("submit", (ev) => write(ev, `/events/${e.event_id}/merge`,
      { other: merge.elements.other.value.trim(), reason: merge.elements.reason.value }));
    const split = $("#split-form");
    if (split) {
      split.addEventListener("submit", (ev) => write(ev, `/events/${e.event_id}/split`,
        { report_ids: $$("input[name=report]:checked", split).map((b) => b.value), reason: split.elements.reason.value }));
    }
    const first = $("#panel-body mark.ev");
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  async function write(event, path, body) {
    event.preventDefault();
    $("#review-error").textContent = "";
    busy(1);
    try {
      renderEvent(await api(path, { method: "POST", body }));
      status("saved");
      refresh();
    } catch (error) {
      $("#review-error").textContent = error.message;
    } finally {
      busy(-1);
    }
  }

  // ---- signing in -------------------------------------------------------------------------

  async function signIn(token) {
    state.token = token || null;
    try {
      if (!token) throw new Error("signed out");
      state.user = (await api("/me")).user;
      sessionStorage.setItem("sitrep-token", token);
    } catch (error) {
      state.token = null;
      state.user = null;
      sessionStorage.removeItem("sitrep-token");
      status(error.message);
    }
    $("#who").textContent = state.user ? `signed in as ${state.user}` : "";
    $("#token").hidden = !!state.user;
    $("#signin-button").hidden = !!state.user;
    $("#signout-button").hidden = !state.user;
    if (state.event) renderEvent(state.event);
  }

  // ---- start ------------------------------------------------------------------------------

  async function start() {
    state.config = await api("/config");
    fillTypes();
    // filters in the page's address (/?country=Kenya&from=2024-01-01) fill the form: a view can be shared
    const form = $("#filters");
    for (const [name, value] of new URLSearchParams(location.search)) {
      const field = form.elements[name];
      if (!field) continue;
      if (field.type === "checkbox") field.checked = value === "true" || value === "1";
      else field.value = value;
    }
    initMap();
    initBrush();
    $("#filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
    $("#filters").addEventListener("reset", () => setTimeout(refresh, 0));
    $("#more").addEventListener("click", () => loadTable(true));
    $("#close-panel").addEventListener("click", () => { $("#panel").hidden = true; });
    for (const tab of $$(".tabs button")) {
      tab.addEventListener("click", () => {
        $$(".tabs button").forEach((t) => t.classList.toggle("active", t === tab));
        $("#map").hidden = tab.dataset.view !== "map";
        $("#table-view").hidden = tab.dataset.view !== "table";
        if (tab.dataset.view === "map") state.map.invalidateSize();
      });
    }
    $("#signin").addEventListener("submit", (e) => { e.preventDefault(); signIn($("#token").value.trim()); });
    $("#signout-button").addEventListener("click", () => {
      sessionStorage.removeItem("sitrep-token");
      state.token = null;
      state.user = null;
      signIn("");
    });
    if (state.token) await signIn(state.token);
    status(`store: ${state.config.store}`);
    await refresh();
  }

  start().catch((error) => { console.error(error); status("cannot start: " + (error.message || error)); });
})();
