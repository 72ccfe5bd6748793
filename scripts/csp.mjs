// Trunk post-build hook: puts a strict Content Security Policy into the built page.
//
// Trunk writes one inline module script (the loader that starts the wasm). Rather than allow
// inline scripts, the policy names that exact script by its SHA-256, so any other inline script,
// injected or not, is refused. 'wasm-unsafe-eval' is what compiling WebAssembly needs; nothing
// else is loosened. Headers a <meta> cannot carry (frame-ancestors and others) are listed in the
// README's hosting section.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("csp.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
const file = join(staging, "index.html");
let html = await readFile(file, "utf8");
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");

const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
  ([, attributes]) => !/\bsrc=/.test(attributes),
);
const hashes = inline.map(
  ([, , body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);

export const policy = [
  "default-src 'self'",
  ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(" "),
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) {
  console.error("csp.mjs: the page has no <meta charset> to put the policy after");
  process.exit(1);
}
// First in <head> after the charset, so the policy covers every resource the page loads.
html = html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
await writeFile(file, html);
console.log(`csp.mjs: policy added, ${hashes.length} inline script(s) hashed`);
