/** Error messages in the caller's language (Accept-Language: vi default, en). */
import type { ErrorCode } from '../errors.js';

export type Lang = 'vi' | 'en';

const MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  validation_failed: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  invalid_json: { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  payload_too_large: { vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
  unsupported_media_type: {
    vi: 'Định dạng nội dung không được hỗ trợ (hãy gửi JSON).',
    en: 'Unsupported content type (send JSON).',
  },
  bad_request: { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' },
  not_logged_in: { vi: 'Bạn cần đăng nhập.', en: 'You need to log in.' },
  invalid_credentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  forbidden_origin: {
    vi: 'Yêu cầu đến từ một trang web khác nên bị từ chối.',
    en: 'The request came from another web site and was refused.',
  },
  phone_has_account: {
    vi: 'Số điện thoại này đã có tài khoản. Hãy đăng nhập bằng tài khoản đó rồi thêm địa điểm.',
    en: 'This phone number already has an account. Log in with it, then add the venue.',
  },
  uri_too_long: { vi: 'Địa chỉ yêu cầu quá dài.', en: 'The request address is too long.' },
  headers_too_large: { vi: 'Phần đầu yêu cầu quá lớn.', en: 'The request headers are too large.' },
  kiosk_not_found: { vi: 'Không tìm thấy thiết bị tự động.', en: 'Kiosk not found.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  venue_not_found: {
    vi: 'Không tìm thấy địa điểm. Mã QR có thể bị sai hoặc giả mạo.',
    en: 'Venue not found. The QR code may be mistyped or forged.',
  },
  check_in_not_found: { vi: 'Không tìm thấy lượt ghi nhận.', en: 'Check-in not found.' },
  unit_not_found: {
    vi: 'Không tìm thấy đơn vị hành chính trong phạm vi quản lý của bạn.',
    en: 'Administrative unit not found within your area.',
  },
  invalid_date_range: {
    vi: 'Khoảng ngày không hợp lệ: "từ ngày" phải trước "đến ngày" và không quá 366 ngày.',
    en: 'Invalid date range: "from" must not be after "to" and the range may span at most 366 days.',
  },
  export_not_found: { vi: 'Không tìm thấy tệp xuất.', en: 'Export not found.' },
  export_not_ready: { vi: 'Tệp xuất chưa sẵn sàng, vui lòng chờ.', en: 'The export is not ready yet.' },
  deadline_not_found: { vi: 'Không tìm thấy hạn đăng ký.', en: 'Registration deadline not found.' },
  admin_unit_not_found: { vi: 'Không tìm thấy đơn vị hành chính.', en: 'Administrative unit not found.' },
  admin_unit_not_lowest_level: {
    vi: 'Hãy chọn đến cấp xã/phường/thị trấn.',
    en: 'Choose a commune-level unit (xã/phường/thị trấn).',
  },
  venue_suspended: {
    vi: 'Địa điểm này đang bị tạm dừng, không thể ghi nhận ra vào.',
    en: 'This venue is suspended and cannot take check-ins.',
  },
  username_taken: {
    vi: 'Tên đăng nhập này đã được dùng. Hãy chọn tên khác.',
    en: 'This username is already taken. Choose another one.',
  },
  manager_password_required: {
    vi: 'Cần đặt mật khẩu cho tài khoản quản lý địa điểm.',
    en: 'A password for the venue manager account is required.',
  },
  invalid_checkout_token: { vi: 'Mã xác nhận ra về không đúng.', en: 'The check-out token is not valid.' },
  rate_limited: {
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
    en: 'Too many requests, try again shortly.',
  },
  card_not_found: {
    vi: 'Thẻ không hợp lệ: mã QR sai hoặc giả mạo.',
    en: 'Invalid card: the QR code is wrong or forged.',
  },
  card_revoked: {
    vi: 'Thẻ này đã bị thu hồi. Hãy dùng thẻ mới được cấp lại.',
    en: 'This card has been revoked. Use the reissued card.',
  },
  invalid_holder_token: {
    vi: 'Bạn không phải người giữ thẻ này.',
    en: 'You are not the holder of this card.',
  },
  at_in_future: {
    vi: 'Thời gian vào không được ở tương lai.',
    en: 'The entry time cannot be in the future.',
  },
  at_too_old: {
    vi: 'Thời gian vào quá cũ, đã quá thời hạn lưu trữ.',
    en: 'The entry time is older than the retention period.',
  },
  person_required: {
    vi: 'Cần quét thẻ hoặc nhập họ tên và số điện thoại.',
    en: 'Scan a card or enter a full name and phone number.',
  },
  hotspot_not_found: { vi: 'Không tìm thấy vùng dịch.', en: 'Hotspot not found.' },
  database_unavailable: {
    vi: 'Cơ sở dữ liệu tạm thời không phản hồi. Dữ liệu chưa được lưu, vui lòng thử lại sau ít giây.',
    en: 'The database is not answering right now. Nothing was saved; try again in a few seconds.',
  },
  shutting_down: {
    vi: 'Máy chủ đang khởi động lại. Dữ liệu chưa được lưu, vui lòng thử lại sau ít giây.',
    en: 'The server is restarting. Nothing was saved; try again in a few seconds.',
  },
  storage_full: {
    vi: 'Máy chủ tạm ngừng ghi dữ liệu vì sắp hết dung lượng lưu trữ. Dữ liệu chưa được lưu, vui lòng thử lại sau.',
    en: 'The server has paused writing because it is nearly out of disk space. Nothing was saved; try again later.',
  },
  internal_error: { vi: 'Lỗi hệ thống, vui lòng thử lại.', en: 'Something went wrong, please try again.' },
};

export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export function messageFor(code: ErrorCode, lang: Lang): string {
  return MESSAGES[code][lang];
}
