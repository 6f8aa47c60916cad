// kb report: timeline, who-met-whom and filters, drawn from the JSON in #kb-data.
// Plain JavaScript and hand-written SVG; no library, no network.
"use strict";

(function () {
  const DATA = JSON.parse(document.getElementById("kb-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const RTL = new Set(["ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"]);
  const STANCE_ORDER = ["affirms", "supports", "welcomes", "hopes", "offers", "proposes",
    "calls-for", "warns", "opposes", "rejects"];
  const PALETTE = ["#2f6690", "#c8553d", "#3a7d44", "#8e5c9e", "#b08836", "#5f6b7a", "#a23b72"];
  const NO_COUNTRY = "(none)";

  // ---- small helpers -------------------------------------------------------
  function el(tag, attrs, parent) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.setAttribute("class", value);
      else node.setAttribute(key, value);
    }
    if (parent) parent.appendChild(node);
    return node;
  }
  function dayNumber(iso) {
    if (!iso) return null;
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, (m || 1) - 1, d || 1) / 86400000;
  }
  function yearOf(day) { return new Date(day * 86400000).getUTCFullYear(); }
  function startOfYear(year) { return Date.UTC(year, 0, 1) / 86400000; }
  function dirOf(lang) { return RTL.has((lang || "").split("-")[0]) ? "rtl" : "ltr"; }
  function countryKey(code) { return code || NO_COUNTRY; }

  // ---- countries: one colour each, in every view ---------------------------
  const countryLabels = new Map();
  const countryWeight = new Map();
  function noteCountry(code, label) {
    const key = countryKey(code);
    if (!countryLabels.has(key)) countryLabels.set(key, label || "no country");
    countryWeight.set(key, (countryWeight.get(key) || 0) + 1);
  }
  DATA.statements.forEach((s) => noteCountry(s.country, s.countryLabel));
  DATA.meetings.forEach((m) => m.participants.forEach((p) => noteCountry(p.country, p.countryLabel)));
  const countries = [...countryLabels.keys()].sort((a, b) =>
    (countryWeight.get(b) - countryWeight.get(a)) || countryLabels.get(a).localeCompare(countryLabels.get(b)));
  const countryColor = new Map(countries.map((c, i) => [c, PALETTE[i % PALETTE.length]]));

  // ---- filters -------------------------------------------------------------
  const stances = STANCE_ORDER.filter((s) => DATA.statements.some((x) => x.stance === s));
  DATA.statements.forEach((s) => { if (!stances.includes(s.stance)) stances.push(s.stance); });
  const stanceLabel = new Map(DATA.statements.map((s) => [s.stance, s.stanceLabel]));
  const languages = Object.keys(DATA.languageNames).sort();
  const topics = [...new Map(DATA.statements.map((s) => [s.position, s.positionLabel])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1]));
  const state = { stances: new Set(stances), countries: new Set(countries), languages: new Set(languages),
    topic: "", meetings: true };

  function chipGroup(form, legend, name, values, label, swatch) {
    const set = el("fieldset", {}, form);
    el("legend", { text: legend }, set);
    values.forEach((value) => {
      const chip = el("label", { class: "chip" + (name === "stances" ? " st-" + value : "") }, set);
      const box = el("input", { type: "checkbox", name: name, value: value }, chip);
      box.checked = true;
      const mark = el("span", { class: "swatch" }, chip);
      if (swatch) mark.style.setProperty("--swatch", swatch(value));
      el("span", { text: label(value) }, chip);
      box.addEventListener("change", () => {
        if (box.checked) state[name].add(value); else state[name].delete(value);
        update();
      });
    });
  }

  function buildFilters() {
    const form = document.getElementById("filters");
    chipGroup(form, "stance", "stances", stances, (s) => stanceLabel.get(s) || s);
    chipGroup(form, "country", "countries", countries, (c) => countryLabels.get(c), (c) => countryColor.get(c));
    chipGroup(form, "source language", "languages", languages, (l) => DATA.languageNames[l] || l,
      () => "#94a3b8");
    const topicSet = el("fieldset", {}, form);
    el("legend", { text: "topic" }, topicSet);
    const select = el("select", { name: "topic", "aria-label": "topic" }, topicSet);
    el("option", { value: "", text: "all topics" }, select);
    topics.forEach(([id, label]) => el("option", { value: id, text: label }, select));
    select.addEventListener("change", () => { state.topic = select.value; update(); });
    const show = el("fieldset", {}, form);
    el("legend", { text: "show" }, show);
    const chip = el("label", { class: "chip" }, show);
    const box = el("input", { type: "checkbox", name: "meetings", value: "meetings" }, chip);
    box.checked = true;
    el("span", { class: "swatch" }, chip).style.setProperty("--swatch", "#334155");
    el("span", { text: "meetings" }, chip);
    box.addEventListener("change", () => { state.meetings = box.checked; update(); });
    const reset = el("button", { type: "button", text: "reset" }, form);
    reset.addEventListener("click", () => {
      form.querySelectorAll("input[type=checkbox]").forEach((input) => { input.checked = true; });
      select.value = "";
      Object.assign(state, { stances: new Set(stances), countries: new Set(countries),
        languages: new Set(languages), topic: "", meetings: true });
      update();
    });
    el("span", { class: "shown", id: "shown" }, form);
  }

  function statementShown(s) {
    return state.stances.has(s.stance) && state.countries.has(countryKey(s.country)) &&
      state.languages.has(s.language) && (!state.topic || s.position === state.topic);
  }
  function meetingShown(m) {
    return state.meetings && m.participants.some((p) => state.countries.has(countryKey(p.country))) &&
      m.languages.some((l) => state.languages.has(l));
  }

  // ---- tooltip -------------------------------------------------------------
  const tooltip = document.getElementById("tooltip");
  function showTip(event, build) {
    tooltip.replaceChildren();
    build(tooltip);
    tooltip.hidden = false;
    moveTip(event);
  }
  function moveTip(event) {
    const pad = 14;
    const w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    let x = event.clientX + pad, y = event.clientY + pad;
    if (x + w > window.innerWidth - 8) x = event.clientX - w - pad;
    if (y + h > window.innerHeight - 8) y = event.clientY - h - pad;
    tooltip.style.left = Math.max(4, x) + "px";
    tooltip.style.top = Math.max(4, y) + "px";
  }
  function hideTip() { tooltip.hidden = true; }
  function statementTip(s) {
    return (box) => {
      el("div", { class: "t-head", text: `${s.speakerLabel} ${s.stanceLabel} ${s.positionLabel}` }, box);
      el("div", { class: "t-when", text: s.when }, box);
      el("div", { class: "t-quote", lang: s.lang, dir: dirOf(s.lang), text: s.quote }, box);
      if (s.gloss) el("div", { class: "t-gloss", lang: "en", text: s.gloss }, box);
      el("div", { class: "t-src", text: s.sourceLabel + " · click for the quote" }, box);
    };
  }
  function meetingTip(m) {
    return (box) => {
      el("div", { class: "t-head", text: "Meeting: " + m.participants.map((p) => p.label).join(" · ") }, box);
      el("div", { class: "t-when", text: m.when + (m.places ? " · " + m.places : "") }, box);
      el("div", { class: "t-src", text: "reported by " + m.sourceLabels.join("; ") +
        (m.disputed ? " · the sources disagree: see Disagreements" : "") }, box);
    };
  }
  function hover(node, tip, onClick) {
    node.addEventListener("mouseenter", (event) => showTip(event, tip));
    node.addEventListener("mousemove", moveTip);
    node.addEventListener("mouseleave", hideTip);
    if (onClick) node.addEventListener("click", () => { hideTip(); onClick(); });
  }

  // ---- timeline ------------------------------------------------------------
  function buildAxis(items, x0, width) {
    const years = new Set();
    items.forEach((it) => {
      if (it.e !== null && it.l !== null) for (let y = yearOf(it.e); y <= yearOf(it.l); y++) years.add(y);
      else if (it.e !== null) years.add(yearOf(it.e));
      else if (it.l !== null) years.add(yearOf(it.l));
    });
    const sorted = [...years].sort((a, b) => a - b);
    const runs = [];
    sorted.forEach((y) => {
      const last = runs[runs.length - 1];
      if (last && y === last[1] + 1) last[1] = y; else runs.push([y, y]);
    });
    const hasUndated = items.some((it) => it.e === null && it.l === null);
    const gap = 26, undatedWidth = hasUndated ? 86 : 0;
    const usable = width - gap * Math.max(0, runs.length - 1) - undatedWidth - (hasUndated ? gap : 0);
    const totalYears = runs.reduce((n, r) => n + r[1] - r[0] + 1, 0) || 1;
    let cursor = x0;
    const segments = runs.map(([a, b]) => {
      const w = usable * (b - a + 1) / totalYears;
      const seg = { from: startOfYear(a), to: startOfYear(b + 1), x: cursor, w: w, years: [a, b] };
      cursor += w + gap;
      return seg;
    });
    const undated = hasUndated ? { x: cursor, w: undatedWidth } : null;
    function x(day) {
      for (const seg of segments) {
        if (day >= seg.from && day <= seg.to) return seg.x + seg.w * (day - seg.from) / (seg.to - seg.from);
      }
      return segments.length ? segments[segments.length - 1].x + segments[segments.length - 1].w : x0;
    }
    return { segments, undated, x, gap };
  }

  function timelineItems() {
    const items = [];
    DATA.statements.filter(statementShown).forEach((s) => items.push({
      kind: "statement", lane: s.speaker, laneLabel: s.speakerLabel, country: countryKey(s.country),
      e: dayNumber(s.earliest), l: dayNumber(s.latest), data: s, members: [s] }));
    DATA.meetings.filter(meetingShown).forEach((m) => m.participants.forEach((p) => items.push({
      kind: "meeting", lane: p.id, laneLabel: p.label, country: countryKey(p.country),
      e: dayNumber(m.earliest), l: dayNumber(m.latest), data: m, members: [] })));
    return items;
  }

  // Statements of one person whose dates look like one point at this scale share a small
  // grid of dots: filled for a known day, a ring for a date known within a few days.
  function clusterItems(items, axis) {
    const out = [], clusters = new Map();
    items.forEach((it) => {
      const point = it.kind === "statement" && it.e !== null && it.l !== null && axis.x(it.l + 1) - axis.x(it.e) < 12;
      if (!point) { out.push(it); return; }
      it.point = true;
      const key = `${it.lane}|${it.e}|${it.l}`;
      if (clusters.has(key)) { clusters.get(key).members.push(it.data); return; }
      clusters.set(key, it);
      out.push(it);
    });
    return out;
  }

  function drawTimeline() {
    const host = document.getElementById("timeline-chart");
    host.replaceChildren();
    let items = timelineItems();
    if (!items.length) {
      el("div", { class: "empty-chart", text: "Nothing matches the filters." }, host);
      return;
    }
    const width = Math.max(host.clientWidth || 1100, 860);
    const labelWidth = 200, right = 18, top = 34, rowH = 10, lanePad = 6, groupHead = 22;
    const axis = buildAxis(items, labelWidth + 12, width - labelWidth - 12 - right);
    items = clusterItems(items, axis);

    // lanes grouped by country, countries by weight, people by first appearance
    const lanes = new Map();
    items.forEach((it) => {
      if (!lanes.has(it.lane)) lanes.set(it.lane, { id: it.lane, label: it.laneLabel, country: it.country,
        items: [], first: Infinity });
      const lane = lanes.get(it.lane);
      lane.items.push(it);
      lane.first = Math.min(lane.first, it.e ?? it.l ?? Infinity);
    });
    // place each item: x extent, then the first rows of its lane where it fits
    const COLUMNS = 3, STEP = 9;
    items.forEach((it) => {
      it.span = 1;
      if (it.e === null && it.l === null) {
        it.x1 = axis.undated.x + 10; it.x2 = it.x1; it.cx = it.x1 + 6;
      } else {
        it.x1 = axis.x(it.e ?? it.l); it.x2 = axis.x(it.l ?? it.e);
        if (it.e === null) it.x1 = it.x2 - 40;
        if (it.l === null) it.x2 = it.x1 + 40;
        if (it.l !== null && it.e !== null) it.x2 = axis.x(it.l + 1);
        it.cx = it.e !== null && it.l !== null ? (it.x1 + it.x2) / 2 : (it.e === null ? it.x2 : it.x1);
      }
      if (it.members.length > 1) {
        it.columns = Math.min(COLUMNS, it.members.length);
        it.span = Math.ceil(it.members.length / COLUMNS);
      }
      const half = Math.max(5, ((it.columns || 1) * STEP) / 2);
      it.lo = Math.min(it.x1, it.cx - half);
      it.hi = Math.max(it.x2, it.cx + half);
    });
    const orderedLanes = [...lanes.values()];
    orderedLanes.forEach((lane) => {
      const rows = [];  // for each row, where its last item ends
      lane.items.sort((a, b) => a.lo - b.lo);
      lane.items.forEach((it) => {
        let row = 0;
        while (rows.slice(row, row + it.span).some((end) => end !== undefined && end + 2 > it.lo)) row++;
        for (let r = row; r < row + it.span; r++) rows[r] = it.hi;
        it.row = row;
      });
      lane.rows = Math.max(1, rows.length);
    });
    const groups = countries.filter((c) => orderedLanes.some((l) => l.country === c)).map((c) => ({
      country: c, lanes: orderedLanes.filter((l) => l.country === c).sort((a, b) => (a.first - b.first) ||
        a.label.localeCompare(b.label)) }));
    let y = top;
    groups.forEach((g) => {
      g.y = y; y += groupHead;
      g.lanes.forEach((lane) => { lane.y = y; lane.h = Math.max(24, lane.rows * rowH + lanePad * 2); y += lane.h; });
      g.h = y - g.y; y += 8;
    });
    const height = y + 6;
    const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, width: width, height: height,
      role: "img", "aria-label": `${items.length} marks on a timeline` }, host);
    const defs = el("svg:defs", {}, svg);
    [["fade-left", 0, 1], ["fade-right", 1, 0]].forEach(([id, a, b]) => {
      const grad = el("svg:linearGradient", { id: id + "-g" }, defs);
      el("svg:stop", { offset: 0, "stop-color": "white", "stop-opacity": a }, grad);
      el("svg:stop", { offset: 1, "stop-color": "white", "stop-opacity": b }, grad);
      const mask = el("svg:mask", { id: id, maskContentUnits: "objectBoundingBox" }, defs);
      el("svg:rect", { width: 1, height: 1, fill: `url(#${id}-g)` }, mask);
    });

    // axis: year lines and labels, breaks between runs of years
    const ax = el("svg:g", { class: "axis" }, svg);
    axis.segments.forEach((seg, i) => {
      const span = seg.years[1] - seg.years[0] + 1;
      const step = seg.w / span < 34 ? Math.ceil(34 / (seg.w / span)) : 1;
      for (let yr = seg.years[0]; yr <= seg.years[1] + 1; yr++) {
        const xx = axis.x(startOfYear(yr));
        if (yr <= seg.years[1] || i === axis.segments.length - 1) {
          el("svg:line", { class: "year-line", x1: xx, x2: xx, y1: top - 6, y2: height - 6 }, ax);
        }
        if (yr <= seg.years[1] && (yr - seg.years[0]) % step === 0) {
          el("svg:text", { x: xx + 3, y: top - 12, text: String(yr) }, ax);
        }
      }
      if (i > 0) {
        const bx = seg.x - axis.gap / 2;
        el("svg:text", { x: bx, y: top - 12, "text-anchor": "middle", text: "≈" }, ax);
      }
    });
    if (axis.undated) {
      el("svg:text", { class: "undated-label", x: axis.undated.x + 4, y: top - 12, text: "undated" }, ax);
      el("svg:line", { class: "year-line", x1: axis.undated.x - 4, x2: axis.undated.x - 4, y1: top - 6,
        y2: height - 6 }, ax);
    }

    // lanes
    const laneLayer = el("svg:g", {}, svg);
    groups.forEach((g) => {
      const color = countryColor.get(g.country);
      el("svg:rect", { class: "country-band", x: 0, y: g.y, width: 5, height: g.h, fill: color }, laneLayer);
      el("svg:text", { class: "country-label", x: 14, y: g.y + 15, fill: color,
        text: countryLabels.get(g.country) }, laneLayer);
      g.lanes.forEach((lane, i) => {
        if (i % 2 === 0) el("svg:rect", { class: "lane-bg", x: 6, y: lane.y, width: width - 6, height: lane.h }, laneLayer);
        el("svg:text", { class: "lane-label", x: 14, y: lane.y + 16, text: lane.label }, laneLayer);
      });
    });
    const rowY = (it) => lanes.get(it.lane).y + lanePad + it.row * rowH + rowH / 2;

    // meetings: a link through every participant, then the marks
    const linkLayer = el("svg:g", {}, svg);
    const markLayer = el("svg:g", {}, svg);
    const byMeeting = new Map();
    items.filter((it) => it.kind === "meeting").forEach((it) => {
      if (!byMeeting.has(it.data.id)) byMeeting.set(it.data.id, []);
      byMeeting.get(it.data.id).push(it);
    });
    byMeeting.forEach((marks) => {
      if (marks.length < 2) return;
      const ys = marks.map(rowY);
      const cx = marks[0].cx;
      el("svg:line", { class: "meeting-link", x1: cx, x2: cx, y1: Math.min(...ys), y2: Math.max(...ys) }, linkLayer);
    });
    items.forEach((it) => {
      const cy = rowY(it);
      const bounded = !(it.e !== null && it.e === it.l);
      if (it.kind === "statement") {
        it.members.forEach((s, i) => {
          const group = el("svg:g", { class: "item st-" + s.stance, "data-kind": "statement", "data-id": s.id }, markLayer);
          if (!it.point && (it.e !== null || it.l !== null)) {
            const attrs = { class: "range", x: it.x1, y: cy - 3, width: Math.max(8, it.x2 - it.x1), height: 6, rx: 3 };
            if (it.e === null) attrs.mask = "url(#fade-left)";
            if (it.l === null) attrs.mask = "url(#fade-right)";
            el("svg:rect", attrs, group);
          } else {
            const columns = it.columns || 1;
            const col = i % columns, row = Math.floor(i / columns);
            el("svg:circle", { class: bounded ? "dot ring" : "dot", cx: it.cx + (col - (columns - 1) / 2) * STEP,
              cy: cy + row * rowH, r: bounded ? 3.6 : 4.2 }, group);
          }
          hover(group, statementTip(s), () => { location.hash = "#q-" + s.id; });
        });
        return;
      }
      const group = el("svg:g", { class: "item meeting", "data-kind": "meeting", "data-id": it.data.id }, markLayer);
      if (bounded && (it.e === null || it.l === null || it.x2 - it.x1 >= 12)) {
        const attrs = { class: "meeting-range", x: it.x1, y: cy - 3.5, width: Math.max(8, it.x2 - it.x1), height: 7, rx: 3.5 };
        if (it.e === null) attrs.mask = "url(#fade-left)";
        if (it.l === null) attrs.mask = "url(#fade-right)";
        el("svg:rect", attrs, group);
      }
      el("svg:rect", { class: "meeting-mark" + (it.data.disputed ? " disputed" : ""), x: it.cx - 3.8, y: cy - 3.8,
        width: 7.6, height: 7.6, transform: `rotate(45 ${it.cx} ${cy})` }, group);
      hover(group, meetingTip(it.data), it.data.disputed ? () => { location.hash = "#d-" + it.data.id; } : null);
    });
  }

  // ---- who met whom --------------------------------------------------------
  function drawNetwork() {
    const host = document.getElementById("network-chart");
    const detail = document.getElementById("network-detail");
    host.replaceChildren();
    const people = new Map();
    DATA.meetings.forEach((m) => m.participants.forEach((p) => {
      if (!people.has(p.id)) people.set(p.id, { id: p.id, label: p.label, country: countryKey(p.country), meetings: [] });
      people.get(p.id).meetings.push(m);
    }));
    const groups = countries.map((c) => [...people.values()].filter((p) => p.country === c)
      .sort((a, b) => b.meetings.length - a.meetings.length || a.label.localeCompare(b.label))).filter((g) => g.length);
    const slots = [];
    groups.forEach((g, i) => { if (i) slots.push(null); g.forEach((p) => slots.push(p)); });
    if (groups.length > 1) slots.push(null);
    const width = Math.max(host.clientWidth || 720, 560), height = 500;
    const cx = width / 2, cy = height / 2, radius = Math.min(width / 2 - 175, height / 2 - 36);
    const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, width: width, height: height, role: "img",
      "aria-label": `${people.size} people, ${DATA.pairs.length} pairs who met` }, host);
    slots.forEach((p, i) => {
      if (!p) return;
      const angle = -Math.PI / 2 + 2 * Math.PI * i / slots.length;
      p.angle = angle; p.x = cx + radius * Math.cos(angle); p.y = cy + radius * Math.sin(angle);
    });
    const edges = el("svg:g", {}, svg);
    const nodes = el("svg:g", {}, svg);
    const edgeOf = new Map();
    DATA.pairs.forEach((pair) => {
      const a = people.get(pair.a), b = people.get(pair.b);
      if (!a || !b) return;
      const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      const qx = mx + (cx - mx) * 0.55, qy = my + (cy - my) * 0.55;
      const path = el("svg:path", { class: "edge", d: `M${a.x},${a.y} Q${qx},${qy} ${b.x},${b.y}`, fill: "none",
        "stroke-width": 1.6 + 2.2 * (pair.meetings - 1) }, edges);
      el("svg:title", { text: `${pair.aLabel} and ${pair.bLabel}: ${pair.meetings} meeting(s)` }, path);
      [pair.a, pair.b].forEach((id) => { if (!edgeOf.has(id)) edgeOf.set(id, []); edgeOf.get(id).push([path, pair]); });
    });
    people.forEach((p) => {
      const node = el("svg:g", { class: "node", tabindex: 0, "data-id": p.id }, nodes);
      p.node = node;
      el("svg:circle", { cx: p.x, cy: p.y, r: 5 + 2.2 * Math.sqrt(p.meetings.length),
        fill: countryColor.get(p.country) }, node);
      const right = Math.cos(p.angle) >= -0.01;
      const lx = p.x + (right ? 1 : -1) * (12 + 2 * Math.sqrt(p.meetings.length));
      el("svg:text", { x: lx, y: p.y + 4, "text-anchor": right ? "start" : "end", text: p.label }, node);
      const focus = () => {
        host.classList.add("focus");
        node.classList.add("on");
        (edgeOf.get(p.id) || []).forEach(([path, pair]) => {
          path.classList.add("on");
          people.get(pair.a === p.id ? pair.b : pair.a).node.classList.add("on");
        });
        personDetail(detail, p);
      };
      const blur = () => {
        host.classList.remove("focus");
        host.querySelectorAll(".on").forEach((n) => n.classList.remove("on"));
      };
      node.addEventListener("mouseenter", focus);
      node.addEventListener("focus", focus);
      node.addEventListener("mouseleave", blur);
      node.addEventListener("blur", blur);
    });
    // legend
    const legend = el("svg:g", {}, svg);
    groups.forEach((g, i) => {
      const c = g[0].country;
      el("svg:circle", { cx: 16, cy: 18 + i * 18, r: 5, fill: countryColor.get(c) }, legend);
      el("svg:text", { class: "group-label", x: 28, y: 22 + i * 18, fill: countryColor.get(c),
        text: countryLabels.get(c) }, legend);
    });
    pairsDetail(detail);
  }

  function pairsDetail(detail) {
    detail.replaceChildren();
    el("h3", { text: "Who met whom, and when" }, detail);
    const list = el("ul", {}, detail);
    DATA.pairs.forEach((pair) => {
      const together = DATA.meetings.filter((m) => m.participants.some((p) => p.id === pair.a) &&
        m.participants.some((p) => p.id === pair.b));
      const item = el("li", {}, list);
      el("span", { text: `${pair.aLabel} – ${pair.bLabel}` }, item);
      el("span", { class: "m-when", text: " · " + together.map((m) => m.when).join("; ") }, item);
    });
    el("p", { class: "muted", text: "Point at a person in the circle to list their meetings." }, detail);
  }

  function personDetail(detail, person) {
    detail.replaceChildren();
    el("h3", { text: `${person.label} (${countryLabels.get(person.country)})` }, detail);
    const list = el("ul", {}, detail);
    person.meetings.slice().sort((a, b) => (a.earliest || a.latest || "").localeCompare(b.earliest || b.latest || ""))
      .forEach((m) => {
        const item = el("li", {}, list);
        el("span", { text: "with " + m.participants.filter((p) => p.id !== person.id).map((p) => p.label).join(", ") }, item);
        el("span", { class: "m-when", text: ` · ${m.when}${m.places ? " · " + m.places : ""}` }, item);
      });
  }

  // ---- the quote list follows the filters ----------------------------------
  function filterQuotes() {
    const byId = new Map(DATA.statements.map((s) => [s.id, s]));
    let shown = 0;
    document.querySelectorAll("#quote-list .statement").forEach((card) => {
      const s = byId.get(card.id.slice(2));
      const visible = !s || statementShown(s);
      card.hidden = !visible;
      if (visible) shown++;
    });
    return shown;
  }

  function update() {
    drawTimeline();
    const statements = DATA.statements.filter(statementShown).length;
    const meetings = DATA.meetings.filter(meetingShown).length;
    const text = `${statements} of ${DATA.statements.length} stated positions, ${meetings} of ${DATA.meetings.length} meetings`;
    document.getElementById("shown").textContent = text;
    document.getElementById("timeline-count").textContent = text;
    const quotes = filterQuotes();
    document.getElementById("quote-count").textContent = quotes === DATA.statements.length
      ? `${quotes} stated positions` : `${quotes} of ${DATA.statements.length} stated positions (filtered)`;
  }

  // ---- links to a quote or a source span -----------------------------------
  function reveal(hash) {
    if (!hash || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    const details = target.closest("details");
    if (details && !details.open) details.open = true;
    document.querySelectorAll("mark.target").forEach((m) => m.classList.remove("target"));
    if (target.classList.contains("anchor")) {
      const marks = document.querySelectorAll(`mark[data-spans~="${CSS.escape(target.id)}"]`);
      marks.forEach((m) => m.classList.add("target"));
      (marks[0] || target).scrollIntoView({ block: "center" });
    } else {
      if (target.hidden) target.hidden = false;
      target.classList.remove("flash");
      void target.offsetWidth;
      target.classList.add("flash");
      target.scrollIntoView({ block: "start" });
    }
  }
  window.addEventListener("hashchange", () => reveal(location.hash));
  document.addEventListener("click", (event) => {
    if (!event.target.closest) return;
    const link = event.target.closest('a[href^="#"]');
    if (link) { reveal(link.getAttribute("href")); return; }  // also when the hash does not change
    const mark = event.target.closest("mark[data-claims]");
    if (!mark) return;
    const claim = mark.dataset.claims.split(" ").find((c) => document.getElementById("q-" + c));
    if (claim) location.hash = "#q-" + claim;
  });

  buildFilters();
  update();
  drawNetwork();
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { drawTimeline(); drawNetwork(); }, 150);
  });
  reveal(location.hash);
  document.body.dataset.ready = "true";
})();
