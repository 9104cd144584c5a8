/**
 * A schema's finding about a field, worded for a Vietnamese reader: zod's Vietnamese locale names types
 * in English ("mong đợi string") and shows regular expressions; these say what to type instead. Kinds
 * not worded here are left to the locale (the caller falls back to it).
 */

/** The parts of a zod issue these words read (the issue as the error plugin rebuilt it). */
export interface SchemaIssue {
  code: string;
  expected?: string;
  origin?: string;
  format?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'một chuỗi ký tự',
  number: 'một số',
  int: 'một số nguyên',
  bigint: 'một số nguyên',
  boolean: 'đúng hoặc sai (true/false)',
  array: 'một danh sách',
  object: 'một đối tượng',
  date: 'một ngày',
};

const FORMATS: Record<string, string> = {
  date: 'Ngày không hợp lệ: viết theo dạng NNNN-TT-NN, ví dụ 2026-12-03.',
  datetime: 'Thời điểm không hợp lệ: viết theo ISO 8601, ví dụ 2026-12-03T08:30:00+07:00.',
  uuid: 'Mã không hợp lệ.',
  email: 'Địa chỉ thư điện tử không hợp lệ.',
  url: 'Địa chỉ web không hợp lệ.',
  regex: 'Không đúng định dạng.',
};

function sizeWords(issue: SchemaIssue, bound: number | bigint, big: boolean): string {
  const n = Number(bound).toLocaleString('vi-VN');
  const strict = issue.inclusive === false;
  if (issue.origin === 'string')
    return big ? `Quá dài: tối đa ${n} ký tự.` : `Quá ngắn: cần ít nhất ${n} ký tự.`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return big ? `Quá nhiều: tối đa ${n} mục.` : `Cần ít nhất ${n} mục.`;
  if (big) return strict ? `Quá lớn: phải nhỏ hơn ${n}.` : `Quá lớn: tối đa ${n}.`;
  return strict ? `Quá nhỏ: phải lớn hơn ${n}.` : `Quá nhỏ: ít nhất ${n}.`;
}

export function vietnameseIssue(issue: SchemaIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const name = issue.expected && TYPE_NAMES[issue.expected];
      return name ? `Sai kiểu: cần ${name}.` : undefined;
    }
    case 'too_big':
      return issue.maximum === undefined ? undefined : sizeWords(issue, issue.maximum, true);
    case 'too_small':
      return issue.minimum === undefined ? undefined : sizeWords(issue, issue.minimum, false);
    case 'invalid_format':
      return FORMATS[issue.format ?? ''] ?? 'Không đúng định dạng.';
    default:
      return undefined;
  }
}
