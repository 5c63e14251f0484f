// Writes README.md's role table from the role matrix (src/server/role-matrix.ts), between its
// markers. Run after `npm run build`; role-matrix.test.ts fails while the README differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderRoleTable, ROLE_TABLE_END, ROLE_TABLE_START } from '../dist/server/role-matrix.js';

const path = new URL('../README.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const start = text.indexOf(ROLE_TABLE_START);
const end = text.indexOf(ROLE_TABLE_END);
if (start < 0 || end < start) {
  console.error(`README.md has no role table markers (${ROLE_TABLE_START} ... ${ROLE_TABLE_END})`);
  process.exit(1);
}
writeFileSync(path, `${text.slice(0, start + ROLE_TABLE_START.length)}\n${renderRoleTable()}\n${text.slice(end)}`);
console.log('README.md: role table written');
