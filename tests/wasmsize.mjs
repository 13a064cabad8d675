// Size of a Go WebAssembly binary by package: the code of each function, from the code
// section, summed by the package its name (in the name section) gives, and the data
// section as one line. The binary must keep its names: build it without -ldflags=-s.
// Usage: node tests/wasmsize.mjs app.wasm [rows] (FUNCS=N: and the N largest
// functions). Prints; asserts nothing.
import { readFileSync } from "node:fs";

const [file, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg || 40);
const b = readFileSync(file);
let pos = 8; // magic and version
const uleb = () => {
  let n = 0, shift = 0, byte;
  do { byte = b[pos++]; n += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return n;
};
let imported = 0;
const bodies = []; // code size of each function defined in the module
const names = new Map(); // function index → name
let data = 0, total = b.length;
while (pos < b.length) {
  const id = b[pos++];
  const size = uleb();
  const end = pos + size;
  if (id === 2) { // imports: functions among them come first in the index space
    for (let n = uleb(); n > 0; n--) {
      pos += uleb(); pos += uleb(); // module, name
      const kind = b[pos++];
      if (kind === 0) { uleb(); imported++; }
      else if (kind === 1) { pos++; const f = b[pos++]; uleb(); if (f & 1) uleb(); }
      else if (kind === 2) { const f = b[pos++]; uleb(); if (f & 1) uleb(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    for (let n = uleb(); n > 0; n--) { const s = uleb(); bodies.push(s); pos += s; }
  } else if (id === 11) {
    data = size;
  } else if (id === 0) {
    const nameLen = uleb();
    const name = b.subarray(pos, pos + nameLen).toString();
    pos += nameLen;
    if (name === "name") {
      while (pos < end) {
        const sub = b[pos++];
        const subSize = uleb();
        const subEnd = pos + subSize;
        if (sub === 1) for (let n = uleb(); n > 0; n--) { const i = uleb(); const l = uleb(); names.set(i, b.subarray(pos, pos + l).toString()); pos += l; }
        pos = subEnd;
      }
    }
  }
  pos = end;
}
if (names.size === 0) {
  console.error(`${file} has no name section: build it without -ldflags=-s`);
  process.exit(1);
}
// pkg gives a symbol's package. The linker writes names with every character but
// letters, digits, "_" and "." as "_" ("net/http.(*Client).Do" is
// "net_http.__Client_.Do"), so the package is the name up to its first dot, or its
// second where the path starts with a domain ("github.com_shopspring_decimal.New").
const pkg = (sym) => {
  const m = sym.match(/^(?:go:\w+\.)?((?:vendor_)?(?:[a-z0-9-]+\.[a-z]+_)?[^.]*)/);
  return m ? m[1] : sym;
};
// The functions the name section names are the imported ones and then the defined
// ones: the defined ones start where the highest index, less their count, says (the
// import section's count can differ from it).
const firstDefined = Math.max(...names.keys()) + 1 - bodies.length;
if (firstDefined !== imported) imported = firstDefined;
const byPkg = new Map();
let code = 0;
bodies.forEach((s, i) => {
  const p = pkg(names.get(i + imported) || "?");
  byPkg.set(p, (byPkg.get(p) || 0) + s);
  code += s;
});
const kb = (n) => (n / 1024).toFixed(0).padStart(6) + " KiB";
console.log(`${file}: ${kb(total)} in all; function code ${kb(code)} in ${bodies.length} functions; data ${kb(data)}`);
const sorted = [...byPkg].sort((x, y) => y[1] - x[1]);
// FUNCS=N lists the N largest functions too.
if (process.env.FUNCS) {
  const fl = bodies.map((size, i) => [size, names.get(i + imported) || "?"]).sort((x, y) => y[0] - x[0]);
  for (const [size, name] of fl.slice(0, Number(process.env.FUNCS))) console.log(`${(size / 1024).toFixed(1).padStart(7)} KiB  ${name}`);
}
for (const [p, s] of sorted.slice(0, rows)) console.log(`${kb(s)}  ${p}`);
// Groups people ask about: the HTTP stack and TLS/crypto.
const group = (re) => sorted.filter(([p]) => re.test(p)).reduce((a, [, s]) => a + s, 0);
console.log("names as the linker writes them: / and - as _");
console.log(`${kb(group(/^(crypto|vendor_golang\.org_x_crypto)(_|$)/))}  crypto/... and x/crypto (TLS included)`);
console.log(`${kb(group(/^(net|vendor_golang\.org_x_net)(_|$)/))}  net/... and x/net (net/http included)`);
console.log(`${kb(group(/^(text|html)_template(_|$)/))}  text/template, html/template`);
