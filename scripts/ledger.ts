/**
 * The ledger of published addresses (`<vault>/.atlas/published.json`, see
 * src/lib/published-ledger.ts), by hand:
 *
 *     npm run ledger -- forget /old-note/ '/note/#old-heading'
 *
 * forgets addresses on purpose: links to them may break, and the strict build stops asking for
 * them. A page address forgets its anchors too. `ATLAS_VAULT` picks another vault.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ledgerPath } from '../src/integrations/ledger-store.ts';
import { isForgotten, parseLedger, serializeLedger } from '../src/lib/published-ledger.ts';

const [command, ...addresses] = process.argv.slice(2);
const vault = process.env.ATLAS_VAULT ?? 'content';
const file = ledgerPath(isAbsolute(vault) ? vault : resolve(process.cwd(), vault));

if (command !== 'forget' || addresses.length === 0) {
  process.stderr.write('Usage: npm run ledger -- forget <address> [<address> …]   e.g. forget /old-note/ "/note/#old-heading"\n');
  process.exit(2);
}
if (!existsSync(file)) {
  process.stderr.write(`No ledger at ${file}: build the site once first.\n`);
  process.exit(1);
}
const ledger = parseLedger(readFileSync(file, 'utf8'));
let missing = 0;
for (const address of addresses) {
  const dropped = [...ledger.keys()].filter((a) => isForgotten(a, [address]));
  if (dropped.length === 0) {
    process.stderr.write(`Not in the ledger: ${address}\n`);
    missing += 1;
  }
  for (const a of dropped) {
    ledger.delete(a);
    process.stdout.write(`Forgot ${a}\n`);
  }
}
writeFileSync(file, serializeLedger(ledger));
process.exit(missing ? 1 : 0);
