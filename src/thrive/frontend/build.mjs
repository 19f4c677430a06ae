// Builds Thrive's front end into src/thrive/static/ (git-ignored): one CSS file, one JS bundle
// and the GOV.UK Frontend assets. Run by `npm run build` (and so by `make install`).
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const out = join(here, "..", "static");
const modules = join(root, "node_modules");

mkdirSync(join(out, "thrive"), { recursive: true });

const css = sass.compile(join(here, "scss", "main.scss"), {
  loadPaths: [root, modules],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "thrive", "app.css"), css.css);

await esbuild.build({
  entryPoints: [join(here, "js", "app.mjs")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  outfile: join(out, "thrive", "app.js"),
  logLevel: "warning",
});

cpSync(join(modules, "govuk-frontend", "dist", "govuk", "assets"), join(out, "assets"), { recursive: true });
cpSync(join(modules, "@ministryofjustice", "frontend", "moj", "assets"), join(out, "assets"), { recursive: true });
writeFileSync(join(out, ".built"), new Date().toISOString());
console.log("Built front end into", out);
