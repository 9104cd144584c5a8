/**
 * The QR printed on a Vietnamese chip ID card (CCCD gắn chip, F20): seven `|`-separated fields,
 * `id12|id9|full name|ddmmyyyy birth|sex|address|ddmmyyyy issue` (the old 9-digit CMND number may be
 * empty). Read with nothing to issue, so people without a phone can be checked in.
 */
export interface CccdCard {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  birthDate: string;
  birthYear: number;
  sex: 'male' | 'female' | null;
  address: string;
  issuedOn: string;
}

/** `ddmmyyyy` as `yyyy-mm-dd` when it is a real calendar date, else null. */
function cardDate(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const iso = `${yyyy}-${mm}-${dd}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

function cardSex(text: string): CccdCard['sex'] {
  const word = text.normalize('NFC').trim().toLocaleLowerCase('vi');
  if (word === 'nam' || word === 'male') return 'male';
  if (word === 'nữ' || word === 'nu' || word === 'female') return 'female';
  return null;
}

/** The card's fields, or null when the text is not such a card (wrong field count, number or dates). */
export function parseCccdQr(text: string): CccdCard | null {
  const fields = text.normalize('NFC').trim().split('|');
  if (fields.length < 7) return null;
  const [id12, id9, name, birth, sex, address, issued] = fields.map((f) => f.trim()) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^\d{12}$/.test(id12) || (id9 !== '' && !/^\d{9}$/.test(id9))) return null;
  const birthDate = cardDate(birth);
  const issuedOn = cardDate(issued);
  if (!name || name.length > 100 || !birthDate || !issuedOn || issuedOn < birthDate) return null;
  return {
    idNumber: id12,
    oldIdNumber: id9 || null,
    fullName: name.replace(/\s+/g, ' '),
    birthDate,
    birthYear: Number(birthDate.slice(0, 4)),
    sex: cardSex(sex),
    address: address.slice(0, 300),
    issuedOn,
  };
}
