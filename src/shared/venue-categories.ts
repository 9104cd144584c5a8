/**
 * Venue categories: the places named in seed 004 (Công văn 2278/BTTTT-THH) plus checkpoints,
 * public-service centres, events and public vehicles (PRODUCT.md F2). Codes are stable API values.
 */
export const VENUE_CATEGORIES = [
  { code: 'office', vi: 'Trụ sở làm việc, cơ quan', en: 'Office, government agency' },
  { code: 'industrial_zone', vi: 'Khu công nghiệp, nhà máy, xí nghiệp', en: 'Industrial zone, factory' },
  { code: 'business', vi: 'Cơ sở sản xuất, kinh doanh', en: 'Production or business premises' },
  { code: 'restaurant', vi: 'Cơ sở ăn uống tại chỗ', en: 'Restaurant, eatery' },
  { code: 'bar_karaoke', vi: 'Quán bar, vũ trường, karaoke', en: 'Bar, club, karaoke' },
  { code: 'beauty_massage', vi: 'Cơ sở xoa bóp (massage), làm đẹp', en: 'Massage, beauty salon' },
  { code: 'gym', vi: 'Phòng tập thể dục, thể hình', en: 'Gym, fitness centre' },
  { code: 'meeting', vi: 'Cuộc họp, hội nghị, hội thảo, tập huấn', en: 'Meeting, conference, training' },
  { code: 'hospital', vi: 'Bệnh viện, cơ sở y tế', en: 'Hospital, health facility' },
  { code: 'apartment', vi: 'Chung cư', en: 'Apartment building' },
  { code: 'school', vi: 'Trường học, cơ sở giáo dục', en: 'School, education facility' },
  { code: 'transport_station', vi: 'Nhà ga, bến xe, bến tàu, nhà chờ', en: 'Station, bus terminal, port' },
  { code: 'public_vehicle', vi: 'Phương tiện giao thông công cộng', en: 'Public vehicle' },
  { code: 'mall_supermarket', vi: 'Trung tâm thương mại, siêu thị', en: 'Shopping mall, supermarket' },
  { code: 'market', vi: 'Chợ đầu mối, chợ dân sinh', en: 'Market' },
  { code: 'essential_shop', vi: 'Cửa hàng dịch vụ thiết yếu', en: 'Essential-services shop' },
  { code: 'wedding_funeral', vi: 'Đám cưới, đám tang', en: 'Wedding, funeral' },
  { code: 'tourism', vi: 'Điểm tham quan, du lịch, vui chơi, giải trí', en: 'Tourist or leisure site' },
  { code: 'religious', vi: 'Khu tâm linh, cơ sở tôn giáo', en: 'Religious site' },
  { code: 'checkpoint', vi: 'Chốt kiểm soát dịch', en: 'Control checkpoint' },
  { code: 'public_service_centre', vi: 'Trung tâm phục vụ hành chính công', en: 'Public-service centre' },
  { code: 'event', vi: 'Sự kiện', en: 'Event' },
  { code: 'other', vi: 'Địa điểm khác', en: 'Other place' },
] as const;

export type VenueCategory = (typeof VENUE_CATEGORIES)[number]['code'];
export const VENUE_CATEGORY_CODES = VENUE_CATEGORIES.map((c) => c.code) as [
  VenueCategory,
  ...VenueCategory[],
];

export function venueCategoryName(code: string, lang: 'vi' | 'en'): string {
  const found = VENUE_CATEGORIES.find((c) => c.code === code);
  return found ? found[lang] : code;
}
