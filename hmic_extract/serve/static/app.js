/* The review page: plain JavaScript, no build step. Text from PDFs is only ever set as textContent. */
"use strict";

const meta = document.querySelector('meta[name="hmic-token"]');
const TOKEN = meta.content;
const TOKEN_HEADER = meta.dataset.header;
const POLL_MS = 700;
const CONTEXT_LABELS = { theme: "Theme", cause: "Cause", addressee: "Addressee" };

const state = {
  jobs: [],
  trackers: [],
  current: null, // the job under review, with rows
  selected: "", // uid of the selected row
  filter: "check",
  page: null, // PDF page index shown
  zoom: 0, // 0: fit the row; else the picture's width as a share of the frame
  pictures: new Map(), // "job:page" -> promise of {url, width, height} or {error}
  polling: 0,
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "style") node.style.cssText = value; // CSSOM, allowed by the page's content policy
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

async function api(method, url, body) {
  const options = { method, headers: {} };
  if (method !== "GET") options.headers[TOKEN_HEADER] = TOKEN;
  if (body instanceof FormData) options.body = body;
  else if (body !== undefined) {
    options.headers["content-type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json() : { error: (await response.text()).trim() };
  return { ok: response.ok, status: response.status, data };
}

function show(id, text, kind = "error") {
  const box = $(id);
  box.hidden = !text;
  box.textContent = text || "";
  box.dataset.kind = kind;
}

/* --- files ---------------------------------------------------------------------------------- */

async function upload(files) {
  const pdfs = [...files];
  if (!pdfs.length) return;
  const form = new FormData();
  for (const file of pdfs) form.append("files", file, file.name);
  show("upload-message", `Sending ${pdfs.length} file${pdfs.length === 1 ? "" : "s"}…`, "info");
  const { data } = await api("POST", "/api/files", form);
  const refused = (data.refused || []).map((r) => r.reason);
  if (data.error) refused.push(data.error);
  show("upload-message", refused.join("\n"));
  await refresh();
  const first = (data.jobs || [])[0];
  if (first && !state.current) state.pendingOpen = first.id;
}

function statusText(job) {
  if (job.state === "queued") return "Waiting to be read…";
  if (job.state === "reading") {
    if (job.ocr_total) return `Reading the scan: ${job.ocr_done} of ${job.ocr_total} pages OCR-ed`;
    return job.pages ? `Reading ${job.pages} pages…` : "Reading…";
  }
  if (job.state === "done") {
    const check = job.flagged ? `${job.flagged} to check` : "none to check";
    return `${job.rows_count} rows (${job.counts}); ${check}. ${job.pages} pages read in ${job.seconds} s.`;
  }
  if (job.state === "password") return job.password === "wrong" ? "That password is wrong. Try again:" :
    "This PDF is protected by a password. Type it to open the file:";
  return job.reason;
}

function progressBar(job) {
  if (job.state !== "reading" && job.state !== "queued") return null;
  const bar = el("progress", { class: "progress", "aria-label": `Progress of ${job.name}` });
  if (job.ocr_total) {
    bar.max = job.ocr_total;
    bar.value = job.ocr_done;
  }
  return bar;
}

function passwordForm(job) {
  const id = `password-${job.id}`;
  const input = el("input", { id, type: "password", autocomplete: "off", required: true });
  const form = el("form", { class: "password-form" },
    el("label", { for: id, text: "Password" }), input,
    el("button", { type: "submit", class: "primary", text: "Open" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await api("POST", `/api/jobs/${job.id}/password`, { password: input.value });
    input.value = "";
    await refresh();
  });
  return form;
}

function fileCard(job) {
  const current = state.current && state.current.id === job.id;
  const card = el("li", { class: `file state-${job.state}${current ? " current" : ""}` });
  const status = el("p", { class: "file-status", text: statusText(job) });
  const head = el("div", { class: "file-head" }, el("span", { class: "file-name", text: job.name }));
  const actions = el("div", { class: "file-actions" });
  if (job.state === "done") {
    actions.append(el("button", { type: "button", class: current ? "" : "primary",
      text: current ? "Under review" : (job.flagged ? "Check rows" : "Review rows"),
      "aria-pressed": current ? "true" : "false", onclick: () => openJob(job.id) }));
    actions.append(el("a", { href: `/api/jobs/${job.id}/download/xlsx`, download: true, text: "Template (.xlsx)" }));
  }
  actions.append(el("button", { type: "button", class: "link", text: "Remove",
    "aria-label": `Remove ${job.name}`, onclick: () => removeJob(job) }));
  head.append(actions);
  card.append(head, status);
  const bar = progressBar(job);
  if (bar) card.append(bar);
  if (job.state === "password") card.append(passwordForm(job));
  return card;
}

function renderFiles() {
  const list = $("files");
  const focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.id : "";
  list.replaceChildren(...state.jobs.map(fileCard));
  if (focused && $(focused)) $(focused).focus();
  $("all-downloads").hidden = state.jobs.filter((j) => j.state === "done").length < 2;
  renderTemplateChoices();
}

async function refresh() {
  const { ok, data } = await api("GET", "/api/jobs");
  if (!ok) return;
  const before = new Map(state.jobs.map((j) => [j.id, j.state]));
  state.jobs = data.jobs;
  state.trackers = data.trackers;
  const typing = document.activeElement && document.activeElement.type === "password";
  if (!typing) renderFiles();
  const firstLoad = !state.loaded;
  state.loaded = true;
  for (const job of state.jobs) {
    if (job.state === "done" && before.get(job.id) !== "done" && (state.pendingOpen === job.id || !state.current)) {
      state.pendingOpen = "";
      await openJob(job.id, !firstLoad); // a reloaded page reopens a file without jumping away from the top
    }
  }
  const busy = state.jobs.some((j) => j.state === "queued" || j.state === "reading");
  clearTimeout(state.polling);
  if (busy) state.polling = setTimeout(refresh, POLL_MS);
}

async function removeJob(job) {
  if (!confirm(`Remove ${job.name} and its corrections from this page?`)) return;
  await api("DELETE", `/api/jobs/${job.id}`);
  if (state.current && state.current.id === job.id) {
    state.current = null;
    $("review").hidden = true;
  }
  await refresh();
}

/* --- review --------------------------------------------------------------------------------- */

async function openJob(id, scroll = true) {
  const { ok, data } = await api("GET", `/api/jobs/${id}`);
  if (!ok) return;
  state.current = data;
  state.filter = data.flagged ? "check" : "all";
  $(state.filter === "check" ? "filter-check" : "filter-all").checked = true;
  state.selected = "";
  $("review").hidden = false;
  renderFiles();
  renderReview();
  const first = visibleRows()[0];
  if (first) select(first.uid, false);
  if (scroll) $("review-heading").scrollIntoView({ behavior: "smooth", block: "start" });
}

function visibleRows() {
  const rows = state.current ? state.current.rows : [];
  if (state.filter === "all") return rows;
  return rows.filter((r) => r.flags.length || r.checked.length);
}

function renderReview() {
  const job = state.current;
  $("review-name").textContent = job.name;
  $("review-summary").textContent = `${job.rows_count} rows (${job.counts}). ` + (job.flagged ?
    `${job.flagged} row${job.flagged === 1 ? " is" : "s are"} marked to check: compare each with its page, correct ` +
    `it if needed, then mark it checked.` : "No row is marked to check.");
  $("count-check").textContent = job.flagged;
  $("count-all").textContent = job.rows_count;
  for (const fmt of ["xlsx", "csv", "json"]) $(`dl-${fmt}`).href = `/api/jobs/${job.id}/download/${fmt}`;
  const head = $("rows-head");
  const columns = ["", "Section", "Ref", "Page Ref", "Issue of Concern", ...job.columns.map((c) => CONTEXT_LABELS[c])];
  head.replaceChildren(...columns.map((c, i) => el("th", { scope: "col", text: c,
    class: i === 0 ? "mark-col" : "" }, i === 0 ? el("span", { class: "visually-hidden", text: "To check" }) : null)));
  renderRows();
}

function rowLabel(row) {
  return `${row.code || row.section} ${row.ref || "(no ref)"}`;
}

function renderRows() {
  const rows = visibleRows();
  const body = $("rows-body");
  body.replaceChildren(...rows.map((row) => {
    const flagged = row.flags.length > 0;
    const mark = flagged ? el("span", { class: "badge to-check", text: "To check" }) :
      (row.checked.length ? el("span", { class: "badge checked", text: "Checked" }) : "");
    const tr = el("tr", { "data-uid": row.uid, tabindex: row.uid === state.selected ? "0" : "-1",
      "aria-current": row.uid === state.selected ? "true" : "false",
      class: `${flagged ? "flagged" : ""}${row.uid === state.selected ? " selected" : ""}` },
      el("td", { class: "mark-col" }, mark),
      el("td", { text: row.section }),
      el("td", { class: "num", text: row.ref }),
      el("td", { text: row.page_ref }),
      el("td", { class: "issue" }, el("span", { class: "clamp", text: row.issue })),
      ...state.current.columns.map((c) => el("td", { text: row[c] || "" })));
    tr.addEventListener("click", () => select(row.uid, true));
    tr.addEventListener("keydown", rowKeys);
    return tr;
  }));
  $("rows-empty").hidden = rows.length > 0;
  if (!rows.some((r) => r.uid === state.selected) && body.firstElementChild) {
    body.firstElementChild.tabIndex = 0;
  }
}

function rowKeys(event) {
  const rows = [...$("rows-body").children];
  const i = rows.indexOf(event.currentTarget);
  let next = null;
  if (event.key === "ArrowDown") next = rows[i + 1];
  else if (event.key === "ArrowUp") next = rows[i - 1];
  else if (event.key === "Home") next = rows[0];
  else if (event.key === "End") next = rows[rows.length - 1];
  else if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    select(event.currentTarget.dataset.uid, false);
    $("edit-issue").focus();
    return;
  }
  if (next) {
    event.preventDefault();
    select(next.dataset.uid, true);
  }
}

function currentRow() {
  return state.current.rows.find((r) => r.uid === state.selected);
}

function select(uid, focusRow) {
  state.selected = uid;
  for (const tr of $("rows-body").children) {
    const on = tr.dataset.uid === uid;
    tr.classList.toggle("selected", on);
    tr.setAttribute("aria-current", on ? "true" : "false");
    tr.tabIndex = on ? 0 : -1;
    if (on && focusRow) tr.focus();
  }
  renderDetail();
}

function renderDetail() {
  const row = currentRow();
  $("detail").hidden = !row;
  show("editor-message", "");
  if (!row) return;
  $("detail-heading").textContent = `${row.section} ${row.ref || "(no ref)"}` + (row.page_ref ? `, ${row.page_ref}` : "");
  const flags = $("flags");
  flags.replaceChildren(
    ...row.flags.map((flag) => el("li", { class: "flag" },
      el("span", { text: flag }),
      el("button", { type: "button", class: "check", text: "Mark as checked",
        "aria-label": `Mark as checked: ${flag}`, onclick: () => correct("POST", "check", { flag }) }))),
    ...row.checked.map((flag) => el("li", { class: "flag done" }, el("span", { text: `Checked: ${flag}` }))));
  const sections = $("edit-section");
  sections.replaceChildren(...state.current.sections.map((s) => el("option", { value: s, text: s })));
  sections.value = row.section;
  $("edit-ref").value = row.ref;
  $("edit-page-ref").value = row.page_ref;
  $("edit-issue").value = row.issue;
  $("merge").disabled = state.current.rows[0].uid === row.uid;
  $("history").replaceChildren(...(row.repairs.length ? row.repairs : ["nothing: the row is as the extractor read it"])
    .map((line) => el("li", { text: line })));
  const pages = [...new Set(row.regions.map((r) => r[0]))];
  if (!pages.includes(state.page)) state.page = pages[0];
  $("page-tabs").replaceChildren(...(pages.length > 1 ? pages.map((p) => el("button", { type: "button",
    text: `PDF page ${p + 1}`, "aria-pressed": p === state.page ? "true" : "false",
    onclick: () => { state.page = p; renderDetail(); } })) : []));
  showPicture(row, state.page);
}

async function loadPicture(jobId, page) {
  /* Each page is fetched once per job: its picture stays as an object URL, its size in points beside it. */
  const key = `${jobId}:${page}`;
  if (!state.pictures.has(key)) {
    state.pictures.set(key, (async () => {
      const response = await fetch(`/api/jobs/${jobId}/pages/${page}`);
      if (!response.ok) {
        state.pictures.delete(key);
        const data = await response.json().catch(() => ({}));
        return { error: data.error || "The page could not be shown." };
      }
      const [width, height] = (response.headers.get("x-page-size") || "0 0").split(" ").map(Number);
      return { url: URL.createObjectURL(await response.blob()), width, height };
    })());
  }
  return state.pictures.get(key);
}

async function showPicture(row, page) {
  const caption = $("page-caption");
  const img = $("page-img");
  const outlines = $("outlines");
  if (page === undefined) {
    img.hidden = true;
    outlines.replaceChildren();
    caption.textContent = "This row has no page to show (it was not read from the PDF's pages).";
    return;
  }
  caption.textContent = `Loading PDF page ${page + 1}…`;
  const picture = await loadPicture(state.current.id, page);
  if (state.selected !== row.uid) return; // another row was chosen meanwhile
  if (picture.error) {
    caption.textContent = picture.error;
    img.hidden = true;
    outlines.replaceChildren();
    return;
  }
  const { width, height } = picture;
  img.hidden = false;
  const regions = row.whole_page ? [] : row.regions.filter((r) => r[0] === page);
  img.alt = `PDF page ${page + 1} of ${state.current.name}` + (regions.length ? ", with this row outlined" : "");
  outlines.replaceChildren(...regions.map(([, x0, top, x1, bottom]) => {
    const whole = x1 <= x0;
    const pad = 3;
    const box = el("div", { class: "outline" });
    box.style.left = `${whole ? 1 : Math.max(0, (x0 - pad) / width * 100)}%`;
    box.style.width = `${whole ? 98 : Math.min(100, (x1 - x0 + 2 * pad) / width * 100)}%`;
    box.style.top = `${Math.max(0, (top - pad) / height * 100)}%`;
    box.style.height = `${(bottom - top + 2 * pad) / height * 100}%`;
    return box;
  }));
  const where = `Page ${page + 1} of the PDF file (the printed page number may differ)`;
  caption.textContent = regions.length ? `${where}: the row is outlined.` :
    `${where}: where on the page is not known, so compare the whole page.`;
  const scroll = () => placePicture(regions, width);
  if (img.src === picture.url && img.complete) scroll();
  else {
    img.onload = scroll;
    img.src = picture.url;
  }
}

const MIN_ZOOM = 1;
const MAX_ZOOM = 4;
const READABLE = 1.15; // screen pixels per PDF point: 9 pt text is then about 10 px high

function rowZoom(regions, width) {
  /* The zoom that shows the row readably: its width across the frame, or a readable size for a band. */
  const frameWidth = $("page-frame").clientWidth || 1;
  const known = regions.filter(([, x0, , x1]) => x1 > x0);
  if (!known.length) return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, READABLE * width / frameWidth));
  const span = Math.max(...known.map((r) => r[3])) - Math.min(...known.map((r) => r[1])) + 24;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, 0.95 * width / span));
}

function placePicture(regions, width) {
  const frame = $("page-frame");
  const zoom = state.zoom || rowZoom(regions, width);
  $("page-canvas").style.width = `${zoom * 100}%`;
  const first = $("outlines").firstElementChild;
  if (!first) {
    frame.scrollTop = 0;
    frame.scrollLeft = 0;
    return;
  }
  frame.scrollTop = Math.max(0, first.offsetTop - frame.clientHeight / 4);
  frame.scrollLeft = Math.max(0, first.offsetLeft - 12);
}

function wireZoom() {
  const current = () => state.zoom || parseFloat($("page-canvas").style.width) / 100 || 1;
  const set = (zoom) => {
    state.zoom = zoom && Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    const row = currentRow();
    if (row) showPicture(row, state.page);
  };
  $("zoom-in").addEventListener("click", () => set(current() * 1.25));
  $("zoom-out").addEventListener("click", () => set(current() / 1.25));
  $("zoom-page").addEventListener("click", () => set(MIN_ZOOM));
  $("zoom-row").addEventListener("click", () => set(0));
}

async function correct(method, action, body) {
  const job = state.current;
  const url = `/api/jobs/${job.id}/rows/${state.selected}` + (action ? `/${action}` : "");
  const { ok, data } = await api(method, url, body);
  if (!ok) {
    show("editor-message", data.error || "The change could not be made.");
    return false;
  }
  const selectedBefore = state.selected;
  const index = visibleRows().findIndex((r) => r.uid === selectedBefore);
  state.current = data;
  renderReview();
  let next = data.selected;
  if (!next || !data.rows.some((r) => r.uid === next)) {
    const rows = visibleRows();
    next = (rows[Math.min(index, rows.length - 1)] || {}).uid || "";
  }
  select(next, false);
  await refresh();
  return true;
}

function changedFields() {
  const row = currentRow();
  const out = {};
  const fields = { section: "edit-section", ref: "edit-ref", page_ref: "edit-page-ref", issue: "edit-issue" };
  for (const [name, id] of Object.entries(fields)) if ($(id).value !== row[name]) out[name] = $(id).value;
  return out;
}

function wireEditor() {
  $("editor").addEventListener("submit", async (event) => {
    event.preventDefault();
    const changes = changedFields();
    if (!Object.keys(changes).length) {
      show("editor-message", "Nothing to save: no field was changed.", "info");
      return;
    }
    if (!(await correct("PATCH", "", changes))) return;
    const flagged = (currentRow() || {}).flags || [];
    show("editor-message", flagged.length ? "Saved. The row stays under “To check” until you choose “Mark as "
      + "checked” beside its flag above." : "Saved.", "info");
  });
  $("split").addEventListener("click", async () => {
    const area = $("edit-issue");
    if (Object.keys(changedFields()).length) {
      show("editor-message", "Save your changes first, then split.");
      return;
    }
    if (await correct("POST", "split", { at: area.selectionStart })) {
      show("editor-message", "Split: the new row is selected; give it its Report Ref.", "info");
      $("edit-ref").focus();
    }
  });
  $("merge").addEventListener("click", () => correct("POST", "merge", {}));
  $("delete").addEventListener("click", () => {
    const row = currentRow();
    if (confirm(`Delete ${rowLabel(row)}? The Document sheet will record that you deleted it.`)) correct("DELETE", "");
  });
  for (const radio of document.querySelectorAll('input[name="filter"]')) {
    radio.addEventListener("change", () => {
      state.filter = radio.value;
      renderRows();
      if (!visibleRows().some((r) => r.uid === state.selected)) {
        const first = visibleRows()[0];
        select(first ? first.uid : "", false);
      }
    });
  }
}

/* --- tracker -------------------------------------------------------------------------------- */

function renderTemplateChoices() {
  const select = $("tracker-template");
  const value = select.value;
  const options = [el("option", { value: "", text: "A workbook on this computer (choose it below)" })];
  for (const job of state.jobs.filter((j) => j.state === "done")) {
    options.push(el("option", { value: job.id, text: `The template of ${job.name}` }));
  }
  for (const run of state.trackers) options.push(el("option", { value: run.id, text: `Tracker ${run.name} (merged here)` }));
  select.replaceChildren(...options);
  if ([...select.options].some((o) => o.value === value)) select.value = value;
  if (!state.templateChosen && options.length > 1) { // the file under review, else the first file read here
    const reviewed = state.current && options.find((o) => o.value === state.current.id);
    select.value = (reviewed || options[1]).value;
  }
  $("template-file-row").hidden = select.value !== "";
}

function statusChart(status) {
  const total = status.header.indexOf("Total");
  const sections = status.rows.slice(0, -1);
  const widest = Math.max(1, ...sections.map((r) => r[total]));
  const legend = el("ul", { class: "legend" }, ...status.statuses.map((s) => el("li", {},
    el("span", { class: "swatch", style: `background:${status.colours[s]}` }), s)));
  const bars = sections.map((row) => {
    const segments = status.statuses.map((s, i) => {
      const n = row[1 + i];
      if (!n) return null;
      return el("span", { class: "segment", style: `width:${n / widest * 100}%;background:${status.colours[s]}`,
        title: `${s}: ${n}` });
    });
    return el("div", { class: "bar-row" }, el("span", { class: "bar-label", text: row[0] }),
      el("span", { class: "bar", role: "img", "aria-label": `${row[0]}: ` +
        status.statuses.map((s, i) => `${row[1 + i]} ${s.toLowerCase()}`).join(", ") }, ...segments),
      el("span", { class: "bar-total", text: row[total] }));
  });
  return el("figure", { class: "chart" }, el("figcaption", { text: `Rows per section by status at ${status.as_of}` }),
    ...bars, legend);
}

function statusTable(status) {
  return el("table", { class: "status-table" },
    el("caption", { text: "Progress by section" }),
    el("thead", {}, el("tr", {}, ...status.header.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...status.rows.map((row) => el("tr", {}, ...row.map((v, i) => i === 0 ?
      el("th", { scope: "row", text: v }) : el("td", { class: "num", text: v }))))));
}

function renderTracker(run) {
  const box = $("tracker-result");
  box.hidden = false;
  const conflicts = run.conflicts ? `${run.conflicts} cell(s) in conflict (both values kept, rows flagged)` : "no conflicts";
  const parts = [
    el("p", { class: "summary", text: `${run.name}: ${run.rows} rows; merged ${run.merged} of ${run.copies} ` +
      `cop${run.copies === 1 ? "y" : "ies"}; ${run.updated} cell(s) updated; ${conflicts}.` }),
    el("p", {}, el("a", { class: "button primary", href: `/api/tracker/${run.id}/download`, download: true,
      text: "Download the tracker (.xlsx)" })),
  ];
  if (run.problems.length) {
    parts.push(el("h3", { text: "Problems in the returned copies" }),
      el("ul", { class: "problems" }, ...run.problems.map((p) => el("li", { text: p }))));
  }
  parts.push(el("h3", { text: "Status" }), statusChart(run.status), statusTable(run.status));
  if (run.status.overdue.length) {
    parts.push(el("h3", { text: `Overdue (${run.status.overdue.length})` }),
      el("ul", { class: "overdue" }, ...run.status.overdue.map((o) =>
        el("li", { text: `${o.row}, due ${o.due}, ${o.status || "no status"}, ${o.owner || "no owner"}: ${o.issue}` }))));
  }
  box.replaceChildren(...parts);
}

function wireTracker() {
  $("tracker-template").addEventListener("change", () => {
    state.templateChosen = true;
    $("template-file-row").hidden = $("tracker-template").value !== "";
  });
  // Returned copies may be dropped anywhere on the tracker section, as PDFs are on the first.
  const section = $("tracker");
  section.addEventListener("dragover", (event) => {
    event.preventDefault();
    section.classList.add("over");
  });
  section.addEventListener("dragleave", () => section.classList.remove("over"));
  section.addEventListener("drop", (event) => {
    event.preventDefault();
    section.classList.remove("over");
    const copies = new DataTransfer();
    for (const file of event.dataTransfer.files) if (/\.xlsx$/i.test(file.name)) copies.items.add(file);
    $("tracker-copies").files = copies.files;
    show("tracker-message", `${copies.files.length} returned cop${copies.files.length === 1 ? "y" : "ies"} ` +
      "added: choose Merge.", "info");
  });
  $("merge-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData();
    const chosen = $("tracker-template").value;
    if (chosen) form.append("template_id", chosen);
    else if ($("tracker-template-file").files[0]) form.append("template", $("tracker-template-file").files[0]);
    for (const file of $("tracker-copies").files) form.append("copies", file, file.name);
    show("tracker-message", "Merging…", "info");
    const { ok, data } = await api("POST", "/api/tracker", form);
    if (!ok) {
      show("tracker-message", data.error);
      return;
    }
    show("tracker-message", "");
    renderTracker(data);
    await refresh();
  });
}

/* --- drag and drop -------------------------------------------------------------------------- */

function wireDrop() {
  const drop = $("drop");
  const input = $("pdf-input");
  input.addEventListener("change", () => {
    upload(input.files);
    input.value = "";
  });
  for (const name of ["dragenter", "dragover"]) {
    drop.addEventListener(name, (event) => {
      event.preventDefault();
      drop.classList.add("over");
    });
  }
  for (const name of ["dragleave", "drop"]) drop.addEventListener(name, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    upload(event.dataTransfer.files);
  });
  // A file dropped anywhere else must not make the browser leave the page to show it.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());
}

wireDrop();
wireZoom();
wireEditor();
wireTracker();
refresh();
