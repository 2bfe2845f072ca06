// Parses each .tf file named on the command line with HashiCorp's HCL parser (Go, compiled to
// WebAssembly in @cdktf/hcl2json) and prints {"file name": <the file as JSON>} on stdout.
// A syntax error exits with status 1 and the parser's message on stderr.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "@cdktf/hcl2json";

const result = {};
for (const file of process.argv.slice(2)) {
  try {
    result[basename(file)] = await parse(basename(file), readFileSync(file, "utf8"));
  } catch (error) {
    process.stderr.write(`${file}: ${error.message ?? error}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(result));
