/* The worklist: every patient with a current interpretation, sortable and filterable. */
"use strict";

(async () => {
  const target = document.getElementById("worklist");
  const state = { rows: [], sort: { key: "date", dir: -1 } };
  const likelihoodOrder = { likely: 0, possible: 1, consider: 2 };
  const columns = [
    { key: "name", label: "Patient", value: r => r.name.toLowerCase() },
    { key: "cause", label: "Leading cause", value: r => r.cause.toLowerCase() },
    { key: "likelihood", label: "Likelihood", value: r => likelihoodOrder[r.likelihood] ?? 9 },
    { key: "date", label: "Interpreted", value: r => r.date },
    { key: "tests", label: "Open next tests", value: r => r.tests.length },
  ];

  let client;
  try {
    client = await MCDS.client();
    if (client.patient && client.patient.id) {
      // An EHR launch in a patient's context opens that patient's page.
      location.replace("/app/patients/" + encodeURIComponent(client.patient.id));
      return;
    }
    state.rows = await loadRows(client);
  } catch (e) {
    MCDS.status(target, "The worklist could not be read from the FHIR server: " + e.message, true);
    return;
  }
  fillCauseFilter(state.rows);
  for (const id of ["cause-filter", "name-filter", "open-filter"]) {
    document.getElementById(id).addEventListener("input", () => render(state));
  }
  render(state);

  async function loadRows(client) {
    const diffUrl = "Observation?code=" + encodeURIComponent(MCDS.product + "|differential")
      + "&status=final&_include=Observation:subject&_sort=-date&_count=" + MCDS.pageSize;
    const proposalUrl = "ServiceRequest?status=draft&intent=proposal&instantiates-uri:below="
      + encodeURIComponent(MCDS.module) + "&_elements=subject,code&_count=" + MCDS.pageSize;
    const [found, proposals] = await Promise.all([MCDS.searchAll(client, diffUrl), MCDS.searchAll(client, proposalUrl)]);
    const patients = new Map(found.filter(r => r.resourceType === "Patient").map(p => ["Patient/" + p.id, p]));
    const open = MCDS.groupBySubject(proposals);
    return found.filter(r => r.resourceType === "Observation").map(obs => {
      const ref = obs.subject && obs.subject.reference;
      const patient = patients.get(ref);
      const cause = MCDS.causeCoding(obs.valueCodeableConcept);
      const first = (obs.component || [])[0] || {};
      const tests = (open.get(ref) || []).map(sr => (sr.code && (sr.code.text || MCDS.testCoding(sr.code).display)) || "test");
      const critical = (obs.interpretation || []).some(i => (i.coding || []).some(c => c.code === "AA"));
      return {
        id: ref ? ref.split("/")[1] : "",
        name: MCDS.patientName(patient),
        patient,
        cause: (obs.valueCodeableConcept && obs.valueCodeableConcept.text) || cause.display || cause.code || "",
        causeCode: cause.code || "",
        likelihood: first.valueString || "",
        others: Math.max(0, (obs.component || []).length - 1),
        date: obs.effectiveDateTime || "",
        tests,
        critical,
      };
    });
  }

  function fillCauseFilter(rows) {
    const select = document.getElementById("cause-filter");
    const causes = new Map(rows.map(r => [r.causeCode, r.cause]));
    [...causes.entries()].sort((a, b) => a[1].localeCompare(b[1])).forEach(([code, text]) =>
      select.append(MCDS.el("option", { value: code }, text)));
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
    document.getElementById("count").textContent = rows.length + " of " + state.rows.length + " patients shown";
  }
})();
