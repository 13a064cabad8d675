// Compares the brotli size (quality 11) of app.wasm with the floor of the stack, a
// one-component go-app page built with the same Go and flags. Prints; asserts nothing.
import { readFileSync, statSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [app, floor] = process.argv.slice(2);
const sizes = (f) => {
  const data = readFileSync(f);
  return {
    raw: statSync(f).size,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length,
  };
};
const a = sizes(app), f = sizes(floor);
const mb = (n) => (n / 1e6).toFixed(2) + " MB";
console.log(`app.wasm:            raw ${mb(a.raw)}, gzip -9 ${mb(a.gzip)}, brotli -q 11 ${mb(a.brotli)}`);
console.log(`one-component floor: raw ${mb(f.raw)}, gzip -9 ${mb(f.gzip)}, brotli -q 11 ${mb(f.brotli)}`);
console.log(`ratio (brotli): ${(a.brotli / f.brotli).toFixed(3)}x`);
