/*
 * Reads the rationale the service stores in the differential Observation's notes: one note for the findings, one
 * per cause ("2. Cause (possible). For: ... Against: ... Caveat: ..."), then indices, caveats, missing data and data
 * notes. Each statement ends with its source in brackets, e.g. "Ferritin 6 ng/mL < 15 ng/mL [who-2020]."
 */
"use strict";

const Evidence = {
  parse(observation) {
    const result = { findings: null, causes: [], indices: [], caveats: [], missing: null, dataNotes: [] };
    for (const note of observation.note || []) {
      const text = (note.text || "").trim();
      if (text.startsWith("Findings: ")) result.findings = text.slice(10);
      else if (text.startsWith("Indices: ")) result.indices = Evidence.indices(text.slice(9));
      else if (text.startsWith("Caveats: ")) result.caveats = Evidence.statements(text.slice(9));
      else if (text.startsWith("Missing to settle the differential: ")) result.missing = text.slice(36);
      else if (text.startsWith("Data notes: ")) result.dataNotes = Evidence.statements(text.slice(12));
      else {
        const cause = /^(\d+)\. (.+?) \((likely|possible|consider)\)\.\s*(.*)$/s.exec(text);
        if (cause) result.causes.push(Evidence.cause(cause));
      }
    }
    return result;
  },

  cause(match) {
    const body = match[4];
    const parts = { for: [], against: [], caveats: [] };
    // Split "For: a. b. Against: c. Caveat: d. Caveat: e." into its labelled parts.
    const re = /(For|Against|Caveat): /g;
    const marks = [];
    let m;
    while ((m = re.exec(body)) !== null) marks.push({ label: m[1], start: m.index, from: re.lastIndex });
    marks.forEach((mark, i) => {
      const text = body.slice(mark.from, i + 1 < marks.length ? marks[i + 1].start : body.length);
      const key = mark.label === "For" ? "for" : mark.label === "Against" ? "against" : "caveats";
      parts[key].push(...Evidence.statements(text));
    });
    return { rank: Number(match[1]), display: match[2], likelihood: match[3], ...parts };
  },

  /** Sentences with their source: a sentence ends with "." before a space and a capital letter (or the end). */
  statements(text) {
    return text.split(/(?<=\.)\s+(?=[A-Z(])/).map(s => s.trim()).filter(Boolean).map(s => {
      const src = /\s\[([^\]]+)\]\.?$/.exec(s);
      const statement = (src ? s.slice(0, src.index) : s).replace(/\.$/, "");
      return { text: statement, source: src ? src[1] : null };
    });
  },

  /** "Mentzer index (MCV / RBC) 16.2, cut-off 13, favours iron-deficiency [source]; ..." */
  indices(text) {
    return text.replace(/\.$/, "").split(/;\s+/).map(part => {
      const m = /^(.+?) \((.+)\) (-?[\d.]+), cut-off (-?[\d.]+), favours (\S+?)(?: \[([^\]]+)\])?$/.exec(part.trim());
      return m ? { name: m[1], formula: m[2], value: m[3], cutoff: m[4], favours: m[5].replace(/-/g, " "), source: m[6] || null }
               : { name: part, formula: "", value: "", cutoff: "", favours: "", source: null };
    });
  },
};
