/*
 * Shared by the app's pages: the FHIR client (SMART or same-origin), the product's codes, and small formatters.
 * Everything the pages show is read from /fhir with the searches the README documents.
 */
"use strict";

const MCDS = {
  product: "https://fhir.microcytic.dev/CodeSystem/microcytic-cds",
  causeSystem: "https://fhir.microcytic.dev/CodeSystem/microcytic-cause",
  testSystem: "https://fhir.microcytic.dev/CodeSystem/microcytic-test",
  module: "https://fhir.microcytic.dev/knowledge/microcytic",
  pageSize: 500,

  /**
   * The FHIR client: after a SMART launch (EHR or standalone) fhirclient's ready() gives a client with the access
   * token and the launch context; without a launch the same-origin /fhir is read directly, without a token (a
   * server whose /fhir is open, such as the demo).
   */
  async client() {
    const params = new URLSearchParams(location.search);
    const launched = params.has("code") || params.has("state") || sessionStorage.getItem("SMART_KEY");
    if (launched) {
      try {
        return await FHIR.oauth2.ready();
      } catch (e) {
        console.warn("No SMART session; reading the server's own /fhir", e.message);
      }
    }
    return FHIR.client(new URL("/fhir", location.origin).href);
  },

  /** Every resource of a search, following the next links (fhirclient's pageLimit 0 = all pages). */
  async searchAll(client, url) {
    const pages = await client.request(url, { pageLimit: 0 });
    const list = Array.isArray(pages) ? pages : [pages];
    return list.flatMap(bundle => (bundle.entry || []).map(e => e.resource).filter(Boolean));
  },

  patientName(patient) {
    const name = (patient && patient.name && patient.name[0]) || {};
    if (name.text) return name.text;
    const given = (name.given || []).join(" ");
    return [given, name.family].filter(Boolean).join(" ") || (patient ? "Patient " + patient.id : "Unknown patient");
  },

  age(birthDate, at) {
    if (!birthDate) return null;
    const b = new Date(birthDate), d = at || new Date();
    let years = d.getUTCFullYear() - b.getUTCFullYear();
    if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())) years--;
    if (years >= 2) return years + " y";
    const months = Math.max(0, Math.floor((d - b) / (30.44 * 24 * 3600 * 1000)));
    return months + " mo";
  },

  /** Dates as the ward reads them: 7 Dec 2026 (and 14:05 where the time matters). */
  date(value, withTime) {
    if (!value) return "";
    const d = new Date(value);
    const opts = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
    if (withTime) Object.assign(opts, { hour: "2-digit", minute: "2-digit" });
    return d.toLocaleString("en-GB", opts);
  },

  causeCoding(concept) {
    return ((concept && concept.coding) || []).find(c => c.system === MCDS.causeSystem) || {};
  },

  testCoding(concept) {
    return ((concept && concept.coding) || []).find(c => c.system === MCDS.testSystem) || {};
  },

  likelihoodWord(value) {
    return value === "consider" ? "to consider" : (value || "");
  },

  /** An element with text content only (no HTML from the server is ever parsed). */
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  badge(likelihood) {
    return MCDS.el("span", { class: "badge " + (likelihood || "consider") }, MCDS.likelihoodWord(likelihood));
  },

  status(target, message, isError) {
    target.replaceChildren(MCDS.el("p", { class: "status" + (isError ? " error" : ""), role: isError ? "alert" : "status" }, message));
  },

  /** The open proposals of the service, grouped by patient reference. */
  groupBySubject(resources) {
    const map = new Map();
    for (const r of resources) {
      const ref = r.subject && r.subject.reference;
      if (!ref) continue;
      if (!map.has(ref)) map.set(ref, []);
      map.get(ref).push(r);
    }
    return map;
  },
};
