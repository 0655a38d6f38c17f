/* The worklist: every patient with a current interpretation, sortable and filterable. */
"use strict";

(async () => {
  const target = document.getElementById("worklist");
  const state = { rows: [], total: 0, next: null, sort: { key: "date", dir: -1 } };
  const likelihoodOrder = { likely: 0, possible: 1, consider: 2 };
  const columns = [
    { key: "name", label: "Patient", value: r => r.name.toLowerCase() },
    { key: "cause", label: "Leading cause", value: r => r.cause.toLowerCase() },
    { key: "likelihood", label: "Likelihood", value: r => likelihoodOrder[r.likelihood] ?? 9 },
    { key: "date", label: "Interpreted", value: r => r.date },
    { key: "tests", label: "Open next tests", value: r => r.tests.length },
  ];

  const pageSize = 50;
  let client;
  try {
    client = await MCDS.client();
    if (client.patient && client.patient.id) {
      // An EHR launch in a patient's context opens that patient's page.
      location.replace("/app/patients/" + encodeURIComponent(client.patient.id));
      return;
    }
    await Promise.all([reload(), fillCauseFilter()]);
  } catch (e) {
    MCDS.status(target, "The worklist could not be read from the FHIR server: " + e.message, true);
    return;
  }
  document.getElementById("cause-filter").addEventListener("input", () => reload().catch(failed));
  for (const id of ["name-filter", "open-filter"]) {
    document.getElementById(id).addEventListener("input", () => render(state));
  }
  document.getElementById("more").addEventListener("click", () => more(false).catch(failed));
  document.getElementById("all").addEventListener("click", () => more(true).catch(failed));

  function failed(e) {
    MCDS.status(target, "The worklist could not be read from the FHIR server: " + e.message, true);
  }

  /**
   * The first page of current differentials (newest first, the leading-cause filter applied by the server) with
   * their Patients, the open proposals of those patients, and the total count; rows load a page at a time so that the
   * list answers quickly however many patients have an interpretation.
   */
  async function reload() {
    const cause = document.getElementById("cause-filter").value;
    const filter = "code=" + encodeURIComponent(MCDS.product + "|differential") + "&status=final"
      + (cause ? "&value-concept=" + encodeURIComponent(MCDS.causeSystem + "|" + cause) : "");
    const first = "Observation?" + filter + "&_include=Observation:subject&_sort=-date&_count=" + pageSize
      + "&_elements=subject,valueCodeableConcept,component,effective,interpretation";
    const [page, count] = await Promise.all([
      client.request(first),
      client.request("Observation?" + filter + "&_summary=count"),
    ]);
    state.rows = [];
    state.total = count.total || 0;
    await append(page);
    render(state);
  }

  async function more(all) {
    do {
      await append(await client.request(state.next));
    } while (all && state.next);
    render(state);
  }

  async function append(bundle) {
    const found = (bundle.entry || []).map(e => e.resource).filter(Boolean);
    const link = (bundle.link || []).find(l => l.relation === "next");
    state.next = link ? link.url : null;
    const patients = new Map(found.filter(r => r.resourceType === "Patient").map(p => ["Patient/" + p.id, p]));
    const observations = found.filter(r => r.resourceType === "Observation");
    const open = await openProposals(observations.map(o => o.subject && o.subject.reference).filter(Boolean));
    for (const obs of observations) {
      const ref = obs.subject.reference;
      const cause = MCDS.causeCoding(obs.valueCodeableConcept);
      const first = (obs.component || [])[0] || {};
      const tests = (open.get(ref) || []).map(sr => (sr.code && (sr.code.text || MCDS.testCoding(sr.code).display)) || "test");
      state.rows.push({
        id: ref.split("/")[1],
        name: MCDS.patientName(patients.get(ref)),
        patient: patients.get(ref),
        cause: (obs.valueCodeableConcept && obs.valueCodeableConcept.text) || cause.display || cause.code || "",
        causeCode: cause.code || "",
        likelihood: first.valueString || "",
        others: Math.max(0, (obs.component || []).length - 1),
        date: obs.effectiveDateTime || "",
        tests,
        critical: (obs.interpretation || []).some(i => (i.coding || []).some(c => c.code === "AA")),
      });
    }
  }

  /**
   * The service's open proposals of these patients: one search by subject, filtered here to draft proposals of the
   * knowledge module (the same selection as the documented per-patient search; with status and intent as search
   * conditions over many subjects the embedded database plans the query badly).
   */
  async function openProposals(subjects) {
    if (subjects.length === 0) return new Map();
    const found = await MCDS.searchAll(client, "ServiceRequest?subject=" + encodeURIComponent(subjects.join(","))
      + "&_elements=subject,code,status,intent,instantiatesUri&_count=" + MCDS.pageSize);
    return MCDS.groupBySubject(found.filter(sr => sr.status === "draft" && sr.intent === "proposal"
      && (sr.instantiatesUri || []).some(uri => uri.startsWith(MCDS.module + "/"))));
  }

  /** Every cause of the cause CodeSystem, so that the filter offers causes beyond the loaded rows. */
  async function fillCauseFilter() {
    const systems = await MCDS.searchAll(client, "CodeSystem?url=" + encodeURIComponent(MCDS.causeSystem));
    const concepts = (systems[0] && systems[0].concept) || [];
    const select = document.getElementById("cause-filter");
    concepts.slice().sort((a, b) => (a.display || a.code).localeCompare(b.display || b.code)).forEach(c =>
      select.append(MCDS.el("option", { value: c.code }, c.display || c.code)));
  }

  function render(state) {
    const cause = document.getElementById("cause-filter").value;
    const name = document.getElementById("name-filter").value.trim().toLowerCase();
    const onlyOpen = document.getElementById("open-filter").checked;
    const column = columns.find(c => c.key === state.sort.key);
    const rows = state.rows
      .filter(r => !cause || r.causeCode === cause)
      .filter(r => !name || r.name.toLowerCase().includes(name))
      .filter(r => !onlyOpen || r.tests.length > 0)
      .sort((a, b) => {
        const x = column.value(a), y = column.value(b);
        return (x < y ? -1 : x > y ? 1 : 0) * state.sort.dir;
      });
    if (state.rows.length === 0 && document.getElementById("cause-filter").value) {
      MCDS.status(target, "No patient has this leading cause in a current interpretation.");
      document.getElementById("count").textContent = "";
      return;
    }
    if (state.rows.length === 0) {
      MCDS.status(target, "No patient has a current interpretation yet. Store a blood count and iron studies, or start the server with --microcytic.demo.enabled=true.");
      document.getElementById("count").textContent = "";
      return;
    }
    const head = MCDS.el("tr", {}, columns.map(c => {
      const sorted = state.sort.key === c.key;
      const button = MCDS.el("button", { type: "button", class: "sort" }, c.label);
      button.addEventListener("click", () => {
        state.sort = { key: c.key, dir: sorted ? -state.sort.dir : (c.key === "date" || c.key === "tests" ? -1 : 1) };
        render(state);
        document.querySelector(`th[data-key="${c.key}"] button`).focus();
      });
      return MCDS.el("th", { scope: "col", "data-key": c.key,
        "aria-sort": sorted ? (state.sort.dir > 0 ? "ascending" : "descending") : "none" }, button);
    }));
    const body = MCDS.el("tbody", {}, rows.map(r => MCDS.el("tr", { "data-patient": r.id },
      MCDS.el("td", { class: "name" },
        MCDS.el("a", { href: "/app/patients/" + encodeURIComponent(r.id) }, r.name),
        MCDS.el("div", { class: "muted small" }, [r.patient && r.patient.gender, r.patient && MCDS.age(r.patient.birthDate)].filter(Boolean).join(", "))),
      MCDS.el("td", {}, r.cause, r.critical ? [" ", MCDS.el("span", { class: "badge critical" }, "urgent")] : null,
        r.others ? MCDS.el("div", { class: "muted small" }, "+ " + r.others + " other cause" + (r.others > 1 ? "s" : "") + " in the differential") : null),
      MCDS.el("td", {}, MCDS.badge(r.likelihood)),
      MCDS.el("td", {}, MCDS.el("time", { datetime: r.date }, MCDS.date(r.date))),
      MCDS.el("td", {}, r.tests.length ? r.tests.slice(0, 3).map(t => MCDS.el("span", { class: "tag" }, t)) : MCDS.el("span", { class: "muted" }, "none"),
        r.tests.length > 3 ? MCDS.el("span", { class: "muted small" }, " + " + (r.tests.length - 3) + " more") : null))));
    const table = MCDS.el("table", { id: "worklist-table" },
      MCDS.el("caption", { class: "skip" }, "Patients with a current interpretation; column buttons sort"),
      MCDS.el("thead", {}, head), body);
    target.replaceChildren(table);
    document.getElementById("count").textContent = rows.length + " shown; " + state.rows.length + " of "
      + state.total + " patients loaded" + (state.next ? "" : " (all)");
    document.getElementById("more").hidden = !state.next;
    document.getElementById("all").hidden = !state.next;
  }
})();
