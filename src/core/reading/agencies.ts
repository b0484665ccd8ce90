/**
 * Vietnamese state agencies as plans name them, and the forms of a name: data a reviewer can read top to bottom.
 *
 * The directory holds the bodies appendices name besides a Department of Health's own units: ministries and
 * ministry-level bodies as named since the reorganisation of 1 March 2025 and before it (plans from both periods
 * coexist), Government bodies, Party and mass organisations, the provincial departments of Decree 45/2025/NĐ-CP and
 * the ones they replaced, other provincial bodies and a province's health units. A user's own directory (the settings
 * sheet) is read before it, so it extends and overrides this one.
 *
 * Abbreviations built from a name's initials ("Sở KH&CN", "Bộ GD&ĐT", "Sở LĐ-TB&XH") need not be listed: the resolver
 * derives them. Only irregular ones are.
 */
import type { UnitDirectory } from './units';

/** One line a body: `Name | alias; alias`. Lines starting with # are headings. */
const AGENCY_TABLE = `
# Ministries and ministry-level bodies since 1 March 2025
Bộ Quốc phòng | BQP
Bộ Công an | BCA
Bộ Ngoại giao | BNG
Bộ Nội vụ | BNV
Bộ Tư pháp | BTP
Bộ Tài chính | BTC
Bộ Công Thương | BCT
Bộ Nông nghiệp và Môi trường | BNNMT
Bộ Xây dựng | BXD
Bộ Văn hóa, Thể thao và Du lịch | BVHTTDL
Bộ Khoa học và Công nghệ | BKHCN
Bộ Giáo dục và Đào tạo | BGDĐT
Bộ Y tế | BYT
Bộ Dân tộc và Tôn giáo | BDTTG
Ngân hàng Nhà nước Việt Nam | Ngân hàng Nhà nước; NHNN
Thanh tra Chính phủ | TTCP
Văn phòng Chính phủ | VPCP
# Ministries and ministry-level bodies before 2025
Bộ Kế hoạch và Đầu tư | BKHĐT
Bộ Lao động - Thương binh và Xã hội | BLĐTBXH
Bộ Giao thông vận tải | BGTVT
Bộ Tài nguyên và Môi trường | BTNMT
Bộ Nông nghiệp và Phát triển nông thôn | BNNPTNT
Bộ Thông tin và Truyền thông | BTTTT
Ủy ban Dân tộc | UBDT
# Government bodies and other central bodies
Chính phủ
Thủ tướng Chính phủ
Bảo hiểm xã hội Việt Nam | BHXH Việt Nam
Đài Truyền hình Việt Nam | VTV
Đài Tiếng nói Việt Nam | VOV
Thông tấn xã Việt Nam | TTXVN
Viện Hàn lâm Khoa học và Công nghệ Việt Nam
Viện Hàn lâm Khoa học xã hội Việt Nam
Đại học Quốc gia Hà Nội
Đại học Quốc gia Thành phố Hồ Chí Minh | Đại học Quốc gia TP. Hồ Chí Minh
Ban Quản lý Lăng Chủ tịch Hồ Chí Minh
Ủy ban Quản lý vốn nhà nước tại doanh nghiệp
Quốc hội
Văn phòng Quốc hội
Văn phòng Chủ tịch nước
Tòa án nhân dân tối cao | TANDTC
Viện kiểm sát nhân dân tối cao | VKSNDTC
Kiểm toán nhà nước | KTNN
# Party and mass organisations, central
Văn phòng Trung ương Đảng
Ban Tổ chức Trung ương
Ban Tuyên giáo và Dân vận Trung ương
Ban Chính sách, chiến lược Trung ương
Ban Nội chính Trung ương
Ủy ban Kiểm tra Trung ương
Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam | Ủy ban Trung ương MTTQ Việt Nam
Tổng Liên đoàn Lao động Việt Nam
Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh | Trung ương Đoàn
Hội Liên hiệp Phụ nữ Việt Nam
Hội Nông dân Việt Nam
Hội Cựu chiến binh Việt Nam
Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam | VUSTA
Liên đoàn Thương mại và Công nghiệp Việt Nam | Phòng Thương mại và Công nghiệp Việt Nam; VCCI
Liên minh Hợp tác xã Việt Nam
Hội Chữ thập đỏ Việt Nam
# Bodies that exist at several levels, named without theirs: kept as written, never guessed to be the province's
Liên hiệp các Hội Khoa học và Kỹ thuật | Liên hiệp các Hội KH&KT
Hội Nông dân
Hội Cựu chiến binh
Hội Liên hiệp Phụ nữ | Hội LHPN; Hội Phụ nữ
Hội Chữ thập đỏ
Liên đoàn Lao động | LĐLĐ
Mặt trận Tổ quốc Việt Nam | Ủy ban Mặt trận Tổ quốc Việt Nam; Ủy ban MTTQ Việt Nam; MTTQ Việt Nam; MTTQ; Mặt trận Tổ quốc
Đoàn Thanh niên Cộng sản Hồ Chí Minh | Đoàn Thanh niên; Đoàn TNCS Hồ Chí Minh
Bảo hiểm xã hội | BHXH
Kho bạc Nhà nước | KBNN
# A province's People's Council, People's Committee and departments (Decree 45/2025/NĐ-CP)
Ủy ban nhân dân tỉnh | UBND tỉnh
Hội đồng nhân dân tỉnh | HĐND tỉnh
Văn phòng Ủy ban nhân dân tỉnh | Văn phòng UBND tỉnh; VP UBND tỉnh; VPUBND tỉnh
Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh | Văn phòng Đoàn ĐBQH và HĐND tỉnh
Sở Nội vụ | SNV
Sở Tư pháp | STP
Sở Tài chính | STC
Sở Công Thương | SCT
Sở Nông nghiệp và Môi trường
Sở Xây dựng | SXD
Sở Khoa học và Công nghệ
Sở Văn hóa, Thể thao và Du lịch | Sở VH,TT&DL
Sở Giáo dục và Đào tạo
Sở Y tế | SYT
Thanh tra tỉnh
Sở Ngoại vụ
Sở Dân tộc và Tôn giáo
Sở Du lịch
Sở Văn hóa và Thể thao
Sở Quy hoạch - Kiến trúc
# Provincial departments before 2025
Sở Kế hoạch và Đầu tư
Sở Lao động - Thương binh và Xã hội
Sở Giao thông vận tải
Sở Tài nguyên và Môi trường
Sở Nông nghiệp và Phát triển nông thôn
Sở Thông tin và Truyền thông
Ban Dân tộc tỉnh | Ban Dân tộc
# Other provincial bodies
Công an tỉnh
Bộ Chỉ huy Quân sự tỉnh | Bộ CHQS tỉnh
Bảo hiểm xã hội tỉnh | BHXH tỉnh
Kho bạc Nhà nước tỉnh | KBNN tỉnh
Thuế tỉnh | Cục Thuế tỉnh
Báo và Phát thanh, Truyền hình tỉnh
Đài Phát thanh và Truyền hình tỉnh | Đài PT-TH tỉnh; Đài PTTH tỉnh
Báo tỉnh
Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh | Ủy ban MTTQ Việt Nam tỉnh; Ủy ban MTTQ tỉnh; UBMTTQ tỉnh; MTTQ tỉnh
Liên đoàn Lao động tỉnh | LĐLĐ tỉnh
Tỉnh đoàn
Hội Liên hiệp Phụ nữ tỉnh | Hội LHPN tỉnh; Hội Phụ nữ tỉnh
Hội Nông dân tỉnh
Hội Cựu chiến binh tỉnh
Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh | Liên hiệp các Hội KH&KT tỉnh
Hội Chữ thập đỏ tỉnh
Trung tâm Phục vụ hành chính công tỉnh | Trung tâm PVHCC tỉnh; Trung tâm Hành chính công tỉnh
Tòa án nhân dân tỉnh | TAND tỉnh
Viện kiểm sát nhân dân tỉnh | VKSND tỉnh
Ngân hàng Nhà nước chi nhánh tỉnh
Ban Quản lý các khu công nghiệp
Ban Quản lý Khu kinh tế
Trường Chính trị tỉnh
Tỉnh ủy
Văn phòng Tỉnh ủy
Ban Tổ chức Tỉnh ủy
Ban Tuyên giáo và Dân vận Tỉnh ủy
Ban Tuyên giáo Tỉnh ủy
Ban Dân vận Tỉnh ủy
Ban Nội chính Tỉnh ủy
Ủy ban Kiểm tra Tỉnh ủy
# A province's health units besides the Department's own offices
Bệnh viện Y dược cổ truyền | Bệnh viện Y học cổ truyền; Bệnh viện YHCT
Bệnh viện Lao và Bệnh phổi
Bệnh viện Tâm thần
Bệnh viện Sản - Nhi
Bệnh viện Mắt
Bệnh viện Da liễu
Bệnh viện Phục hồi chức năng
Trung tâm Giám định y khoa
Trung tâm Pháp y
Trung tâm Kiểm nghiệm | Trung tâm Kiểm nghiệm Thuốc, Mỹ phẩm, Thực phẩm
Trung tâm Cấp cứu 115
Trung tâm Y tế khu vực | TTYT khu vực
Trạm Y tế xã | Trạm Y tế
Trung tâm Công tác xã hội
`;

function parseTable(table: string): UnitDirectory {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [name, aliases = ''] = line.split('|').map((s) => s.trim());
      return { name, aliases: aliases.split(';').map((a) => a.trim()).filter(Boolean) };
    });
}

export const AGENCY_DIRECTORY: UnitDirectory = parseTable(AGENCY_TABLE);

/**
 * Words that begin an agency's name, folded, longest first where one contains another. A piece of a cell that starts
 * with one of these (and names something after it) is an agency even when the directory does not know it.
 */
export const AGENCY_HEADS: readonly string[] = [
  'uy ban nhan dan', 'hoi dong nhan dan', 'bo chi huy', 'tong cong ty', 'tong lien doan', 'tong cuc', 'chi cuc', 'cuc',
  'bo', 'so', 'phong', 'ban', 'vu', 'vien', 'hoc vien', 'dai hoc', 'truong', 'trung tam', 'benh vien', 'van phong',
  'thanh tra', 'uy ban', 'lien hiep', 'lien doan', 'lien minh', 'hoi', 'tinh doan', 'doan', 'dai', 'bao', 'thong tan xa',
  'cong an', 'kho bac', 'bao hiem xa hoi', 'ngan hang', 'toa an', 'kiem toan', 'cong doan', 'tram', 'khoa', 'to',
  'lanh dao', 'thu truong', 'giam doc', 'tinh uy', 'thanh uy', 'dang uy', 'mat tran', 'cong ty', 'tap doan', 'hiep hoi',
  'quy', 'buu dien', 'chi nhanh', 'doi', 'hat', 'ubnd', 'hdnd', 'mttq', 'bhxh', 'kbnn', 'ttyt', 'thue', 'chinh phu',
  'thu tuong', 'quoc hoi', 'co quan', 'don vi', 'bo phan',
];

/**
 * Long forms that plans also write as a fixed abbreviation; both fold to the abbreviation so either spelling matches.
 * Order matters: the longer phrase first.
 */
export const NAME_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['uy ban mat tran to quoc viet nam', 'ubmttq'],
  ['uy ban mat tran to quoc', 'ubmttq'],
  ['mat tran to quoc viet nam', 'mttq'],
  ['mat tran to quoc', 'mttq'],
  ['uy ban nhan dan', 'ubnd'],
  ['hoi dong nhan dan', 'hdnd'],
  ['bao hiem xa hoi', 'bhxh'],
  ['kho bac nha nuoc', 'kbnn'],
  ['thanh pho', 'tp'],
];

/**
 * Groups that leave no one accountable, recognised by their form, not listed one by one: a plural or collective head
 * ("Các …", "Lãnh đạo các …", "… liên quan"), or a name made only of generic words ("Sở, ban, ngành", "UBND xã, phường,
 * đặc khu", "tổ chức chính trị - xã hội"). Each is tested against the folded group.
 */
export const VAGUE_FORMS: readonly RegExp[] = [
  /^(cac|nhung|tat ca|toan bo|toan the|moi|mot so|toan nganh)\b/,
  /^(lanh dao|thu truong|nguoi dung dau|truong|giam doc|can bo|chu tich) (cac|nhung)\b/,
  /\blien quan$/,
  /^(nganh y te|nganh|don vi|phong chuyen mon|bo phan chuyen mon)$/,
];

/** Syllables of generic nouns: a group made only of these names a kind of body, not a body. */
export const GENERIC_SYLLABLES: ReadonlySet<string> = new Set(
  (
    'so ban nganh bo co quan don vi dia phuong to chuc doan the doanh nghiep phong khoa xa huyen thi tran tp dac khu tinh ' +
    'chinh tri hoi cap truc thuoc chuyen mon nang ngang phu ubnd hdnd trung uong cac nhung tham muu nghiep vu ca nhan ' +
    'nguoi dan lien quan'
  ).split(' '),
);

/** A single body of a level, not a kind: "UBND tỉnh", "UBND Thành phố", "HĐND tỉnh". */
export const SINGLE_BODY_LEVELS: readonly string[] = ['tinh', 'tp', 'trung uong'];

/** Notes in brackets that say a unit's role, not its name: "Sở Y tế (chủ trì)". */
export const ROLE_NOTES = /\((?:[^()]*\b(?:chu tri|phoi hop|thuc hien|tham muu|dau moi|neu co)\b[^()]*)\)/g;
