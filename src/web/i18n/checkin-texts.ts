/**
 * The texts of the check-in page (checkin.html), apart from the app's catalogues: a phone opening a
 * venue QR downloads these few, not every text of the officials' pages (vi.ts and en.ts include them).
 */
export const checkinVi = {
  history_notice_contact:
    'Bạn có thể đã tiếp xúc với ca bệnh tại đây. Hãy theo dõi sức khỏe, hạn chế tiếp xúc và gọi đường dây nóng y tế.',
  history_notice_venue:
    'Địa điểm này được cơ quan y tế xác định có nguy cơ trong khoảng thời gian bạn có mặt. Hãy theo dõi sức khỏe và gọi đường dây nóng y tế.',
  notice_hotline: 'Đường dây nóng:',
  notice_title: 'Thông báo của cơ quan y tế',
  notice_more: 'Xem lịch sử ra vào',
  colour_green: 'Xanh – bình thường',
  colour_yellow: 'Vàng – cần theo dõi',
  colour_red: 'Đỏ – nguy cơ cao',
  colour_grey: 'Xám – chưa có tờ khai y tế',
  language: 'English',
  phone_invalid: 'Số điện thoại không hợp lệ.',
  ci_title: 'Ghi nhận ra vào',
  ci_full_name: 'Họ và tên',
  ci_phone: 'Số điện thoại',
  ci_remember: 'Ghi nhớ trên thiết bị này',
  ci_submit: 'Ghi nhận vào',
  ci_sending: 'Đang gửi…',
  ci_done: 'Đã ghi nhận vào',
  ci_show_staff: 'Đưa màn hình này cho nhân viên kiểm tra',
  ci_check_out: 'Ra về',
  ci_checked_out: 'Đã ghi nhận ra về lúc',
  ci_edit: 'Sửa thông tin',
  ci_invalid_code: 'Mã QR không hợp lệ hoặc đã bị sửa. Hãy quét lại mã QR tại lối vào.',
  ci_suspended: 'Địa điểm đang tạm dừng hoạt động, không thể ghi nhận.',
  ci_offline: 'Không có kết nối mạng. Hãy thử lại khi có mạng.',
  ci_new: 'Ghi nhận lượt khác',
  ci_who: 'Ghi nhận cho:',
  ci_submit_group: 'Ghi nhận vào cho những người đã chọn',
  ci_privacy: 'Thông tin chỉ dùng cho phòng, chống dịch và tự động xoá sau {days} ngày.',
  ci_inside: 'Đang có {inside} người trong địa điểm.',
  ci_inside_of: 'Đang có {inside}/{capacity} người trong địa điểm.',
  ci_full:
    'Địa điểm đã đủ số người cho phép ({inside}/{capacity}). Bạn vẫn có thể ghi nhận vào; hãy làm theo hướng dẫn của nhân viên.',
  ci_over_capacity:
    'Địa điểm đã quá số người cho phép ({inside}/{capacity}). Lượt vào vẫn được ghi nhận; hãy làm theo hướng dẫn của nhân viên.',
  nav_history: 'Lịch sử của tôi',
};

export type CheckinMessages = typeof checkinVi;

export const checkinEn: CheckinMessages = {
  history_notice_contact:
    'You may have been in contact with a confirmed case here. Watch your health, limit contacts and call the health hotline.',
  history_notice_venue:
    'Health authorities marked this place as a risk while you were there. Watch your health and call the health hotline.',
  notice_hotline: 'Health hotline:',
  notice_title: 'Notice from the health authorities',
  notice_more: 'See my check-ins',
  colour_green: 'Green – normal',
  colour_yellow: 'Yellow – follow-up needed',
  colour_red: 'Red – high risk',
  colour_grey: 'Grey – no health declaration',
  language: 'Tiếng Việt',
  phone_invalid: 'This phone number is not valid.',
  ci_title: 'Check-in',
  ci_full_name: 'Full name',
  ci_phone: 'Phone number',
  ci_remember: 'Remember on this device',
  ci_submit: 'Check in',
  ci_sending: 'Sending…',
  ci_done: 'Checked in',
  ci_show_staff: 'Show this screen to the staff',
  ci_check_out: 'Check out',
  ci_checked_out: 'Checked out at',
  ci_edit: 'Edit my details',
  ci_invalid_code: 'This QR code is invalid or was altered. Scan the code at the entrance again.',
  ci_suspended: 'This venue is suspended and cannot take check-ins.',
  ci_offline: 'No network connection. Try again when you are online.',
  ci_new: 'Check in again',
  ci_who: 'Check in:',
  ci_submit_group: 'Check in everyone selected',
  ci_privacy: 'Used only for epidemic control and deleted automatically after {days} days.',
  ci_inside: '{inside} people inside now.',
  ci_inside_of: '{inside} of {capacity} people inside now.',
  ci_full:
    'This venue is at its capacity ({inside}/{capacity}). You can still check in; follow the staff’s instructions.',
  ci_over_capacity:
    'This venue is over its capacity ({inside}/{capacity}). The entry is recorded anyway; follow the staff’s instructions.',
  nav_history: 'My history',
};
