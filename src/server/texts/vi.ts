/**
 * Every text the server writes in Vietnamese: error messages, the reports and exports, text messages.
 * `en.ts` has the same shape (the compiler checks it), so a text is never missing in one language.
 */
import { plainAscii } from './ascii.js';
import type { ErrorCode } from '../errors.js';
import type { SchemaRule } from '../../shared/contracts.js';
import { vietnameseDate } from '../domain/local-day.js';

const fmt = (n: number) => n.toLocaleString('vi-VN');

export const vi = {
  errors: {
    validation_failed: 'Dữ liệu gửi lên không hợp lệ.',
    invalid_json: 'Nội dung gửi lên không phải JSON hợp lệ.',
    payload_too_large: 'Nội dung gửi lên quá lớn.',
    unsupported_media_type: 'Định dạng nội dung không được hỗ trợ (hãy gửi JSON).',
    bad_request: 'Yêu cầu không hợp lệ.',
    not_logged_in: 'Bạn cần đăng nhập.',
    invalid_credentials: 'Sai tên đăng nhập hoặc mật khẩu.',
    forbidden_origin: 'Yêu cầu đến từ một trang web khác nên bị từ chối.',
    phone_has_account:
      'Số điện thoại này đã có tài khoản. Hãy đăng nhập bằng tài khoản đó rồi thêm địa điểm.',
    uri_too_long: 'Địa chỉ yêu cầu quá dài.',
    headers_too_large: 'Phần đầu yêu cầu quá lớn.',
    kiosk_not_found: 'Không tìm thấy thiết bị tự động.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    not_found: 'Không tìm thấy.',
    venue_not_found: 'Không tìm thấy địa điểm. Mã QR có thể bị sai hoặc giả mạo.',
    check_in_not_found: 'Không tìm thấy lượt ghi nhận.',
    unit_not_found: 'Không tìm thấy đơn vị hành chính trong phạm vi quản lý của bạn.',
    invalid_date_range: 'Khoảng ngày không hợp lệ: "từ ngày" không được sau hôm nay hay sau "đến ngày", và khoảng không quá 366 ngày.',
    export_not_found: 'Không tìm thấy tệp xuất.',
    export_not_ready: 'Tệp xuất chưa sẵn sàng, vui lòng chờ.',
    deadline_not_found: 'Không tìm thấy hạn đăng ký.',
    account_not_found: 'Không tìm thấy tài khoản trong phạm vi quản lý của bạn.',
    password_change_required:
      'Mật khẩu của bạn là mật khẩu tạm thời. Hãy đặt mật khẩu mới trước khi tiếp tục.',
    current_password_wrong: 'Mật khẩu hiện tại không đúng.',
    setup_link_invalid:
      'Đường dẫn thiết lập không đúng hoặc đã hết hạn. Khởi động lại máy chủ để có đường dẫn mới.',
    setup_done: 'Đã có tài khoản quản trị. Hãy đăng nhập.',
    admin_unit_not_found: 'Không tìm thấy đơn vị hành chính.',
    admin_unit_ambiguous:
      'Mã đơn vị cũ này nay thuộc nhiều đơn vị hành chính mới. Hãy chọn một trong các đơn vị được gợi ý.',
    admin_unit_not_lowest_level: 'Hãy chọn đến cấp xã/phường/thị trấn.',
    venue_suspended: 'Địa điểm này đang bị tạm dừng, không thể ghi nhận ra vào.',
    username_taken: 'Tên đăng nhập này đã được dùng. Hãy chọn tên khác.',
    manager_password_required: 'Cần đặt mật khẩu cho tài khoản quản lý địa điểm.',
    invalid_checkout_token: 'Mã xác nhận ra về không đúng.',
    rate_limited: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
    card_not_found: 'Thẻ không hợp lệ: mã QR sai hoặc giả mạo.',
    subject_ambiguous: 'Số này được dùng cho nhiều người. Hãy chọn họ tên người cần truy vết.',
    cccd_invalid:
      'Mã QR không phải của thẻ căn cước công dân gắn chip (hoặc bị hỏng). Hãy quét lại hoặc nhập tay.',
    card_revoked: 'Thẻ này đã bị thu hồi. Hãy dùng thẻ mới được cấp lại.',
    invalid_holder_token: 'Bạn không phải người giữ thẻ này.',
    at_in_future: 'Thời gian vào không được ở tương lai.',
    at_too_old: 'Thời gian vào quá cũ, đã quá thời hạn lưu trữ.',
    person_required: 'Cần quét thẻ hoặc nhập họ tên và số điện thoại.',
    hotspot_not_found: 'Không tìm thấy vùng dịch.',
    database_unavailable:
      'Cơ sở dữ liệu tạm thời không phản hồi. Dữ liệu chưa được lưu, vui lòng thử lại sau ít giây.',
    shutting_down: 'Máy chủ đang khởi động lại. Dữ liệu chưa được lưu, vui lòng thử lại sau ít giây.',
    storage_full:
      'Máy chủ tạm ngừng ghi dữ liệu vì sắp hết dung lượng lưu trữ. Dữ liệu chưa được lưu, vui lòng thử lại sau.',
    internal_error: 'Lỗi hệ thống, vui lòng thử lại.',
  } satisfies Record<ErrorCode, string>,
  /** A detail of validation_failed: the field is not there at all. */
  fieldMissing: 'Thiếu trường này.',
  /** A detail of validation_failed: a rule of the schema beyond types and sizes (SCHEMA_RULES). */
  schemaRules: {
    phone: 'Số điện thoại không hợp lệ: 10 chữ số, bắt đầu bằng 0, ví dụ 0912345678.',
    date_out_of_range: 'Ngày nằm ngoài khoảng cho phép (từ năm 2000 đến năm 2100).',
    subject_needed: 'Cần số điện thoại, số CCCD/hộ chiếu hoặc mã QR thẻ của ca bệnh.',
    nothing_to_change: 'Không có gì để thay đổi.',
    one_of_country_or_province:
      'Chọn nơi đi là một nước hoặc một tỉnh, không phải cả hai, và không bỏ trống.',
    arrival_facts_with_arrival_kind_only: 'Thông tin chuyến đi chỉ đi kèm tờ khai của người đến từ nơi khác.',
  } satisfies Record<SchemaRule, string>,
  report: {
    title: 'BÁO CÁO TÌNH HÌNH KHAI BÁO Y TẾ ĐIỆN TỬ VÀ QUÉT MÃ QR',
    unit: 'Đơn vị',
    period: (f: string, t: string) => `Từ ngày ${vietnameseDate(f)} đến ngày ${vietnameseDate(t)}`,
    summary: (total: number, electronic: number, paper: number) =>
      `Tổng số ${fmt(total)} lượt người (trong đó khai báo điện tử có quét mã QR ${fmt(electronic)} lượt người, khai báo giấy ${fmt(paper)} lượt người).`,
    venuesLine: (registered: number, active: number) =>
      `Địa điểm đã đăng ký mã QR: ${fmt(registered)}; địa điểm có quét mã: ${fmt(active)}.`,
    arrivalsLine: (arrivals: number) =>
      `Người đến địa phương có khai báo y tế khi đến (trong nước và nhập cảnh): ${fmt(arrivals)}.`,
    peopleLine: (people: string, decl: number, flagged: number) =>
      `Số người khác nhau: ${people}; tờ khai y tế: ${fmt(decl)} (cần theo dõi: ${fmt(flagged)}).`,
    estimated: (people: number) => `khoảng ${fmt(people)} (ước tính)`,
    sites: 'Theo địa điểm',
    units: 'Theo đơn vị',
    no: 'STT',
    site: 'Địa điểm',
    total: 'Tổng số lượt',
    electronic: 'Điện tử (quét mã QR)',
    paper: 'Khai báo giấy',
    totals: 'Tổng cộng',
    unitCol: 'Đơn vị',
    registered: 'Địa điểm đăng ký',
    active: 'Địa điểm có quét',
    scans: 'Lượt quét',
    cards: 'Thẻ đã cấp (lũy kế)',
    population: 'Dân số',
    rate: 'Tỷ lệ cấp thẻ',
    listTitle: 'DANH SÁCH NGƯỜI RA, VÀO',
    name: 'Họ và tên',
    phone: 'Số điện thoại',
    in: 'Giờ vào',
    out: 'Giờ ra',
    channel: 'Hình thức',
    flag: 'Cần theo dõi',
    yes: 'Có',
    /** The report as an official letter (seeds 000, 002): header, body in the letters' wording, closing. */
    letter: {
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      committee: 'ỦY BAN NHÂN DÂN',
      committeeName: (unit: string) => `Ủy ban nhân dân ${unit}`,
      national: 'BỘ Y TẾ',
      nationalName: 'Bộ Y tế',
      number: (n: string | null, national: boolean) =>
        `Số: ${n ?? `${' '.repeat(10)}/BC-${national ? 'BYT' : 'UBND'}`}`,
      placeDate: (place: string, y: number, m: number, d: number) =>
        `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? `0${m}` : m} năm ${y}`,
      kind: 'BÁO CÁO',
      subject: (f: string, t: string) =>
        `Tình hình khai báo y tế điện tử và quét mã QR từ ngày ${vietnameseDate(f)} đến ngày ${vietnameseDate(t)}`,
      opening: (issuer: string, f: string, t: string) =>
        `Thực hiện chỉ đạo về việc đẩy mạnh khai báo y tế điện tử phục vụ phòng, chống dịch bằng mã QR, ${issuer} báo cáo tình hình thực hiện từ ngày ${vietnameseDate(f)} đến ngày ${vietnameseDate(t)} như sau:`,
      entries: (total: number, electronic: number, paper: number, more: boolean) =>
        `1. Khai báo y tế khi ra, vào các địa điểm: tổng số ${fmt(total)} lượt người (trong đó khai báo điện tử có quét mã QR ${fmt(electronic)} lượt người, khai báo giấy ${fmt(paper)} lượt người)${more ? ', cụ thể:' : '.'}`,
      site: (name: string, total: number, electronic: number, paper: number) =>
        `+ Tại ${name}: tổng số ${fmt(total)} lượt người (trong đó, khai báo điện tử có quét mã QR ${fmt(electronic)} lượt người, khai báo giấy ${fmt(paper)} lượt người).`,
      otherSites: (count: number, total: number, electronic: number, paper: number) =>
        `+ Tại ${fmt(count)} địa điểm khác: tổng số ${fmt(total)} lượt người (trong đó, khai báo điện tử có quét mã QR ${fmt(electronic)} lượt người, khai báo giấy ${fmt(paper)} lượt người). Chi tiết tại Phụ lục I kèm theo.`,
      venues: (line: string) => `2. ${line}`,
      people: (line: string) => `3. ${line}`,
      arrivals: (line: string) => `4. ${line}`,
      units:
        '5. Tình hình cấp thẻ kiểm soát dịch bệnh và quét mã theo đơn vị trực thuộc: chi tiết tại Phụ lục II kèm theo.',
      closing: (issuer: string) => `${issuer} báo cáo để theo dõi, chỉ đạo./.`,
      recipientsHeading: 'Nơi nhận:',
      recipients: ['- Ban Chỉ đạo phòng, chống dịch cấp trên (b/c);', '- Như trên;', '- Lưu: VT.'],
      signCommittee: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      signNational: ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'],
      appendix: (n: string) => `PHỤ LỤC ${n}`,
      attached: (number: string | null, f: string, t: string) =>
        `(Kèm theo Báo cáo${number ? ` số ${number}` : ''} về tình hình khai báo y tế điện tử từ ngày ${vietnameseDate(f)} đến ngày ${vietnameseDate(t)})`,
      sitesTitle: 'SỐ LƯỢT KHAI BÁO Y TẾ THEO ĐỊA ĐIỂM',
      unitsTitle: 'CẤP THẺ VÀ QUÉT MÃ THEO ĐƠN VỊ TRỰC THUỘC',
    },
  },
  /** Text messages: plain ASCII so one SMS holds 160 characters (GSM-7), as carriers bill them. */
  sms: {
    contactNotice: (venueName: string, day: string, hotline: string) =>
      `Ban co the da tiep xuc voi ca benh tai ${plainAscii(venueName)} ngay ${day}. Hay theo doi suc khoe, han che tiep xuc va goi duong day nong ${hotline}.`,
    reminder: (venueName: string, message: string) => `[${venueName}] ${message}`,
  },
};

export type Texts = typeof vi;
