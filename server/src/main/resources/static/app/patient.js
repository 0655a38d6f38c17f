/* A patient's page: the ranked differential with its evidence, the next tests, the caveats and the charts. */
"use strict";

(async () => {
  const $ = id => document.getElementById(id);
  let client, id;
  try {
    client = await MCDS.client();
    const fromPath = decodeURIComponent(location.pathname.replace(/^\/app\/patients\//, "").replace(/\/$/, ""));
    id = (client.patient && client.patient.id) || fromPath;
    $("context").textContent = client.state && client.state.tokenResponse && client.state.tokenResponse.access_token
      ? "SMART session" : "";
    const subject = "Patient/" + encodeURIComponent(id);
    const [patient, differentials, proposals, labs, statements, requests, procedures] = await Promise.all([
      client.request(subject),
      client.request("Observation?subject=" + subject + "&code=" + encodeURIComponent(MCDS.product + "|differential")
        + "&status=final&_sort=-date&_count=1", { flat: true }),
      MCDS.searchAll(client, "ServiceRequest?subject=" + subject + "&status=draft&intent=proposal&instantiates-uri:below="
        + encodeURIComponent(MCDS.module)),
      MCDS.searchAll(client, "Observation?subject=" + subject + "&code="
        + encodeURIComponent(Charts.allCodes().map(c => "http://loinc.org|" + c).join(",")) + "&_sort=date&_count=" + MCDS.pageSize),
      MCDS.searchAll(client, "MedicationStatement?subject=" + subject + "&_count=" + MCDS.pageSize),
      MCDS.searchAll(client, "MedicationRequest?subject=" + subject + "&_count=" + MCDS.pageSize),
      MCDS.searchAll(client, "Procedure?subject=" + subject + "&_count=" + MCDS.pageSize),
    ]);
    const differential = (differentials || []).find(r => r.resourceType === "Observation");
    renderPatient(patient, differential);
    renderDifferential(differential, proposals);
    renderTests(proposals, differential);
    Charts.render($("charts"), labs, events(statements.concat(requests), procedures));
  } catch (e) {
    const notFound = e.status === 404 || /404|not known|not found/i.test(e.message || "");
    MCDS.status($("patient"), notFound ? "No patient with the id " + id + " on this server."
      : "The patient could not be read from the FHIR server: " + e.message, true);
    for (const section of ["differential", "indices", "tests", "caveats", "charts"]) $(section).replaceChildren();
  }

  function renderPatient(patient, differential) {
    document.title = MCDS.patientName(patient) + " · microcytic anemia work-up";
    const demo = ((patient.meta && patient.meta.tag) || []).some(t => t.code === "demo");
    const facts = [
      ["Sex", patient.gender || "unknown"],
      ["Born", patient.birthDate ? MCDS.date(patient.birthDate) + " (" + MCDS.age(patient.birthDate) + ")" : "unknown"],
      ["Patient id", patient.id],
      ["Interpreted", differential ? MCDS.date(differential.effectiveDateTime, true) : "no current interpretation"],
    ];
    if (differential && differential.method && differential.method.text) facts.push(["Knowledge", differential.method.text]);
    $("patient").replaceChildren(
      MCDS.el("div", { class: "patient-head" },
        MCDS.el("h1", {}, MCDS.patientName(patient)), demo ? MCDS.el("span", { class: "badge demo" }, "demo patient") : null),
      MCDS.el("ul", { class: "facts" }, facts.map(([k, v]) => MCDS.el("li", {}, MCDS.el("strong", {}, k), v))));
  }

  function renderDifferential(differential, proposals) {
    if (!differential) {
      MCDS.status($("differential"), "No current interpretation: the latest results show nothing microcytic, or none were stored.");
      $("indices").replaceChildren();
      $("caveats").replaceChildren();
      return;
    }
    const evidence = Evidence.parse(differential);
    const byRank = new Map(evidence.causes.map(c => [c.display, c]));
    const list = MCDS.el("ol", { class: "differential", id: "differential-list" });
    (differential.component || []).forEach((component, i) => {
      const coding = MCDS.causeCoding(component.code);
      const display = component.code.text || coding.display || coding.code;
      const likelihood = component.valueString;
      const detail = byRank.get(display) || { for: [], against: [], caveats: [] };
      const tests = proposals.filter(p => (p.reasonCode || []).some(r => MCDS.causeCoding(r).code === coding.code))
        .map(p => p.code.text || MCDS.testCoding(p.code).display);
      const rows = [];
      if (detail.for.length) rows.push(["For", detail.for]);
      if (detail.against.length) rows.push(["Against", detail.against]);
      if (detail.caveats.length) rows.push(["Caveats", detail.caveats]);
      list.append(MCDS.el("li", { class: likelihood, "data-cause": coding.code },
        MCDS.el("div", { class: "cause-head" },
          MCDS.el("span", { class: "rank", "aria-label": "rank " + (i + 1) }, (i + 1) + "."),
          MCDS.el("h3", {}, display), MCDS.badge(likelihood), i < 4 ? null : MCDS.el("span", { class: "muted small" }, "(no card)")),
        rows.length ? MCDS.el("table", { class: "evidence" }, MCDS.el("tbody", {}, rows.map(([label, items]) =>
          MCDS.el("tr", {}, MCDS.el("th", { scope: "row" }, label), MCDS.el("td", {}, statementList(items)))))) : null,
        tests.length ? MCDS.el("p", { class: "small" }, MCDS.el("strong", {}, "Tests that settle it: "), tests.join(", ")) : null));
    });
    $("differential").replaceChildren(list,
      evidence.findings ? MCDS.el("p", { class: "small muted" }, "Findings: " + evidence.findings) : null);

    if (evidence.indices.length === 0) {
      $("indices").replaceChildren(MCDS.el("p", { class: "muted" }, "No index could be computed (needs MCV, RBC count, RDW or Hb)."));
    } else {
      $("indices").replaceChildren(MCDS.el("table", {},
        MCDS.el("thead", {}, MCDS.el("tr", {}, ["Index", "Formula", "Value", "Cut-off", "Points to", "Source"].map(h => MCDS.el("th", { scope: "col" }, h)))),
        MCDS.el("tbody", {}, evidence.indices.map(x => MCDS.el("tr", {},
          MCDS.el("td", {}, x.name), MCDS.el("td", {}, x.formula), MCDS.el("td", {}, x.value), MCDS.el("td", {}, x.cutoff),
          MCDS.el("td", {}, x.favours), MCDS.el("td", {}, x.source ? MCDS.el("span", { class: "src" }, x.source) : ""))))),
        MCDS.el("p", { class: "small muted" }, "Indices separate beta-thalassaemia trait from iron deficiency only in adults without combined deficiencies; they do not replace Hb fractionation."));
    }
    const caveats = [...evidence.caveats, ...evidence.dataNotes];
    $("caveats").replaceChildren(
      caveats.length ? statementList(caveats) : MCDS.el("p", { class: "muted" }, "None."),
      evidence.missing ? MCDS.el("p", {}, MCDS.el("strong", {}, "Missing to settle the differential: "), analyteNames(evidence.missing)) : null);
  }

  /** The engine names missing analytes in lower case ("mch, rdw cv"); abbreviations read better in capitals. */
  function analyteNames(text) {
    const upper = ["mch", "mchc", "mcv", "rdw cv", "rdw", "rbc", "hba2", "hbf", "crp", "stfr", "tsat", "tibc", "wbc"];
    return text.replace(/\.$/, "").split(/,\s*/).map(name => upper.includes(name) ? name.toUpperCase() : name).join(", ");
  }

  function statementList(items) {
    return MCDS.el("ul", {}, items.map(s => MCDS.el("li", {}, s.text, s.source ? MCDS.el("span", { class: "src", title: "source" }, s.source) : null)));
  }

  function renderTests(proposals, differential) {
    if (!proposals.length) {
      $("tests").replaceChildren(MCDS.el("p", { class: "muted" }, differential ? "No open proposals." : "None."));
      return;
    }
    $("tests").replaceChildren(MCDS.el("ul", { class: "tests", id: "test-list" }, proposals.map(p => {
      const reason = (p.note || []).map(n => n.text).join(" ");
      const causes = (p.reasonCode || []).map(r => r.text || MCDS.causeCoding(r).display).filter(Boolean);
      return MCDS.el("li", {}, MCDS.el("strong", {}, p.code.text || MCDS.testCoding(p.code).display),
        p.priority === "urgent" ? [" ", MCDS.el("span", { class: "badge critical" }, "urgent")] : null,
        reason ? MCDS.el("div", { class: "small" }, reason) : null,
        causes.length ? MCDS.el("div", { class: "small muted" }, "For: " + causes.join(", ")) : null);
    })));
  }

  /** Iron (ATC B03A) starts and red-cell transfusions (ICD-10-PCS 302*, or named so) as chart markers. */
  function events(medications, procedures) {
    const out = [];
    for (const m of medications) {
      const coding = ((m.medicationCodeableConcept && m.medicationCodeableConcept.coding) || []);
      const atc = coding.find(c => c.system === "http://www.whocc.no/atc" && /^B03A/.test(c.code || ""));
      const text = (m.medicationCodeableConcept && m.medicationCodeableConcept.text) || "";
      if (!atc && !/iron|ferr/i.test(text)) continue;
      const start = (m.effectivePeriod && m.effectivePeriod.start) || m.effectiveDateTime || m.authoredOn;
      if (start) out.push({ x: Date.parse(start), color: "#6a1b9a", label: atc && /^B03AC/.test(atc.code) ? "IV iron" : "Iron started" });
    }
    for (const p of procedures) {
      const coding = (p.code && p.code.coding) || [];
      const transfusion = coding.some(c => /^302/.test(c.code || "")) || /transfus/i.test((p.code && p.code.text) || "");
      const when = p.performedDateTime || (p.performedPeriod && (p.performedPeriod.end || p.performedPeriod.start));
      if (transfusion && when) out.push({ x: Date.parse(when), color: "#c62828", label: "Transfusion" });
    }
    return out.filter(e => !Number.isNaN(e.x));
  }
})();
