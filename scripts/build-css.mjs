// Compiles style/main.scss (GOV.UK Frontend plus the tool's own rules) into build/app.css, which
// index.html hands to Trunk. Run by Trunk's pre_build hook.
import { mkdirSync, writeFileSync } from "node:fs";
import { compile } from "sass";

const result = compile("style/main.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  sourceMap: false,
  // GOV.UK Frontend's own deprecation notices are about its internals, not this project.
  quietDeps: true,
});
mkdirSync("build", { recursive: true });
writeFileSync("build/app.css", result.css);
