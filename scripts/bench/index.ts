/**
 * `npm run bench [name…]`: benchmarks, separate from the tests. Each prints a
 * table and writes it to bench/results/ with the machine's core count and the commit,
 * and a full run rewrites its section of BENCHMARKS.md. `--list` names them.
 */
import { benchBignote } from "./bignote";
import { benchCapacity } from "./capacity";
import { benchCitations } from "./citations";
import { benchDurability } from "./durability";
import { benchImports } from "./imports";
import { benchLatency } from "./latency";
import { benchMail } from "./mail";
import { benchReading } from "./reading";
import { benchSearch } from "./search";
import { benchStorage } from "./storage";
import { benchSuggestions } from "./suggestions";
import { benchTradecraft } from "./tradecraft";

const BENCHES: Record<string, () => Promise<void>> = { search: benchSearch, reading: benchReading, bignote: benchBignote, latency: benchLatency, capacity: benchCapacity, durability: benchDurability, mail: benchMail, citations: benchCitations, tradecraft: benchTradecraft, suggestions: benchSuggestions, imports: benchImports, storage: benchStorage };

if (process.argv.includes("--list")) {
  console.log(Object.keys(BENCHES).join("\n"));
  process.exit(0);
}

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`No bench named "${name}". Known: ${Object.keys(BENCHES).join(", ")}.`);
    process.exit(2);
  }
  await bench();
}
process.exit(0);
