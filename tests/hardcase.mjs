// A hard case for the recommendation's search, shared by the browser test and the
// browser benchmark: twenty made-up platforms (an imported dataset, carried inline)
// with tool costs and set-up hours, three roles and net value over two months, every
// platform a candidate. The search uses up its whole step budget on it (the same case
// as calc's search tests, "twenty platforms, tools and set-up, 2 months, net").
import { deflateRawSync } from "node:zlib";

export function hardScenario() {
  const platforms = [];
  for (let i = 0; i < 20; i++) {
    const penetration = {};
    ["18-29", "30-49", "50-64", "65+"].forEach((seg, j) => { penetration[seg] = ((i * 37 + j * 53) % 90 + 5) / 100; });
    platforms.push({
      id: "p" + String(i + 1).padStart(2, "0"), name: "Platform " + (i + 1), penetration,
      minHours: 0.5, fullHours: 20, reachRate: (5 + (i * 7) % 36) / 1000, setupHours: 4 + (i * 11) % 30,
      toolCost: String(40 * ((i * 7) % 5)), adCost: "0",
    });
  }
  return {
    format: "platform-roi-scenario", version: 1, name: "Twenty platforms, hard search", currency: "EUR", horizonMonths: 2,
    audience: { size: 1500000, weights: { "18-29": 21, "30-49": 33, "50-64": 24, "65+": 22 } },
    datasetInline: {
      format: "platform-roi-dataset", version: 1, id: "twenty", title: "Twenty platforms", source: "made up for the tests", year: 2024,
      measure: "Share of adults in each age band who use the platform",
      segments: ["18-29", "30-49", "50-64", "65+"].map((id) => ({ id, label: id })), platforms,
    },
    staff: [
      { role: "Digital officer", hourlyCost: "50", hoursPerWeek: "100" },
      { role: "Intern", hourlyCost: "18", hoursPerWeek: "40" },
      { role: "Head of section", hourlyCost: "95", hoursPerWeek: "20" },
    ],
    plan: [{ platform: "p01", role: "Digital officer", hoursPerWeek: "10" }],
    valuePer1000: "600", objective: "net", candidates: platforms.map((p) => p.id),
  };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// shareLink is the page's #s2= link of a scenario, as calc.EncodeShareJSON makes it:
// base64url of the raw DEFLATE stream of the JSON followed by the JSON's CRC-32 (most
// significant byte first), the checksum compressed with the JSON.
export function shareLink(base, scenario) {
  const json = Buffer.from(JSON.stringify(scenario));
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(json));
  return new URL("#s2=" + deflateRawSync(Buffer.concat([json, crc])).toString("base64url"), base).href;
}
