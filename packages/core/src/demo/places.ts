/**
 * Places of the demo city: the 16 districts (区) with their population weights, their streets and towns
 * (街道/镇) from the jurisdiction tree, real road names per district (and for the busiest streets and the
 * industrial towns), and addresses built from them.
 *
 * Population weights are the 2020 census (第七次全国人口普查) resident populations in 10,000s, rounded.
 * Road lists are real roads of each district; pairing a road with a street is only plausible, not surveyed.
 */
import { SHANGHAI_DISTRICTS, SHANGHAI_STREETS, type JurisdictionNode } from '@shian/domain';
import { itemAt, weightedPicker, type Random } from './random.ts';

export interface DistrictProfile {
  node: JurisdictionNode;
  /** Name without 区/新区, as used inside shop names: 浦东, 黄浦. */
  short: string;
  /** Pinyin for user names: `pudong-supervisor`. */
  pinyin: string;
  /** Resident population, 10,000s (2020 census). */
  population: number;
  /**
   * A retired division code that credit codes registered here can still carry: only 崇明县 (310230), retired
   * in 2016, is recent enough to appear in the post-2015 `MA…` codes the generator makes.
   */
  historicalCode: string | null;
  roads: readonly string[];
  streets: readonly JurisdictionNode[];
}

const PROFILE_DATA: Readonly<Record<string, { short: string; pinyin: string; population: number; historicalCode: string | null; roads: string }>> = {
  '310101': { short: '黄浦', pinyin: 'huangpu', population: 66, historicalCode: null, roads: '南京东路 西藏中路 淮海中路 复兴中路 河南南路 中华路 人民路 陆家浜路 建国中路 丽园路 局门路 打浦路 金陵东路 福州路 九江路 蒙自路' },
  '310104': { short: '徐汇', pinyin: 'xuhui', population: 111, historicalCode: null, roads: '漕溪北路 肇嘉浜路 天钥桥路 衡山路 宜山路 虹漕路 田林路 龙华中路 龙吴路 华泾路 钦州路 康健路 斜土路 零陵路 桂林路 中山南二路' },
  '310105': { short: '长宁', pinyin: 'changning', population: 69, historicalCode: null, roads: '长宁路 延安西路 天山路 仙霞路 虹桥路 愚园路 定西路 遵义路 古北路 娄山关路 茅台路 哈密路 新华路 番禺路 凯旋路 北虹路' },
  '310106': { short: '静安', pinyin: 'jingan', population: 98, historicalCode: null, roads: '南京西路 延安中路 威海路 江宁路 常德路 共和新路 大统路 天目西路 西藏北路 汶水路 广中西路 灵石路 平型关路 万荣路 北京西路 胶州路' },
  '310107': { short: '普陀', pinyin: 'putuo', population: 124, historicalCode: null, roads: '曹杨路 中山北路 真北路 金沙江路 大渡河路 桃浦路 武宁路 长寿路 枣阳路 兰溪路 光复西路 铜川路 宜昌路 岚皋路 真光路 常德路' },
  '310109': { short: '虹口', pinyin: 'hongkou', population: 76, historicalCode: null, roads: '四川北路 多伦路 曲阳路 中山北一路 邯郸路 大连西路 广中路 四平路 东大名路 海伦路 天宝路 欧阳路 凉城路 水电路 东江湾路 新市路' },
  '310110': { short: '杨浦', pinyin: 'yangpu', population: 124, historicalCode: null, roads: '国定路 黄兴路 控江路 长阳路 殷行路 淞沪路 政立路 平凉路 杨树浦路 延吉中路 翔殷路 隆昌路 大连路 军工路 政通路 营口路' },
  '310112': { short: '闵行', pinyin: 'minhang', population: 265, historicalCode: null, roads: '莘松路 沪闵路 七莘路 虹井路 吴中路 古美路 顾戴路 莲花南路 都市路 江川路 剑川路 紫星路 光华路 浦锦路 申昆路 华漕路' },
  '310113': { short: '宝山', pinyin: 'baoshan', population: 223, historicalCode: null, roads: '牡丹江路 友谊路 共和新路 泰和路 淞宝路 长江西路 呼兰路 殷高西路 沪太路 罗店路 美兰湖路 月浦路 蕰川路 新二路 场中路 锦秋路' },
  '310114': { short: '嘉定', pinyin: 'jiading', population: 183, historicalCode: null, roads: '城中路 博乐路 塔城路 胜辛路 嘉松北路 曹安公路 沪宜公路 叶城路 墨玉路 安亭路 外冈路 宝安公路 陈家山路 裕民南路 嘉戬公路 澄浏公路' },
  '310115': { short: '浦东', pinyin: 'pudong', population: 568, historicalCode: null, roads: '张杨路 世纪大道 浦东南路 东方路 杨高中路 金桥路 川沙路 华夏东路 周祝公路 康桥路 秀浦路 沪南公路 张江路 科苑路 龙阳路 锦绣路 浦建路 上南路 高科西路 金海路' },
  '310116': { short: '金山', pinyin: 'jinshan', population: 82, historicalCode: null, roads: '卫零路 龙胜路 蒙山路 金一东路 亭卫公路 金山大道 漕廊公路 朱平公路 板桥西路 沪杭公路 林慧路 卫清西路 杭州湾大道 亭枫公路' },
  '310117': { short: '松江', pinyin: 'songjiang', population: 191, historicalCode: null, roads: '人民北路 中山中路 荣乐东路 谷阳北路 新松江路 沪亭北路 泗砖公路 九新公路 广富林路 文翔路 思贤路 北松公路 莘砖公路 茸梅路 新格路 车墩南路' },
  '310118': { short: '青浦', pinyin: 'qingpu', population: 127, historicalCode: null, roads: '公园路 城中北路 华浦路 淀山湖大道 赵重公路 崧泽大道 诸光路 华腾路 外青松公路 盈港东路 青赵公路 沪青平公路 祥凝浜路 徐泾中路' },
  '310120': { short: '奉贤', pinyin: 'fengxian', population: 114, historicalCode: null, roads: '解放东路 百齐路 环城东路 望园路 金海公路 沪杭公路 大叶公路 奉浦大道 航南公路 浦星公路 川南奉公路 南奉公路 八字桥路 新四平公路' },
  '310151': { short: '崇明', pinyin: 'chongming', population: 64, historicalCode: '310230', roads: '八一路 人民路 北门路 崇明大道 陈海公路 草港公路 东门路 翠竹路 凤滨路 中津桥路 鼓浪屿路 南门路 富民路 长江大道' },
};

/** Roads of particular streets and towns: the busiest retail areas and the industrial towns. */
const STREET_ROADS: Readonly<Record<string, string>> = {
  '310115005': '陆家嘴环路 银城中路 东昌路 浦东南路 崂山路',
  '310115120': '金桥路 新金桥路 金穗路 金海路 宁桥路 云桥路',
  '310115125': '郭守敬路 蔡伦路 哈雷路 李冰路 张衡路 祖冲之路 高斯路 晨晖路',
  '310115136': '康桥东路 秀沿路 康士路 沪南公路 康新公路 秀浦路',
  '310115132': '年家浜路 周康路 沪南公路 康沈路 周邓公路',
  '310115103': '川沙路 华夏东路 妙境路 川环南路 新德路',
  '310115139': '祝桥镇东方路 亭中路 施新路 金闻路 空港三路',
  '310115130': '上南路 杨思路 永泰路 三林路 海阳西路',
  '310112101': '莘松路 莘建路 沁春路 春申路 庙泾路',
  '310112112': '元江路 银都路 北松公路 马桥路 昆阳路',
  '310112114': '浦星公路 江月路 浦锦路 联航路 恒南路',
  '310112108': '梅陇路 曹建路 莲花南路 景联路 南华路',
  '310120101': '解放东路 南桥路 江海路 立新路 运河北路',
  '310120106': '金汇港路 汇丰西路 金齐路 金斗路',
  '310120111': '青村镇光明中路 南奉公路 钱桥路 青伟路',
  '310117104': '车墩南路 北松公路 联营路 影业路 车亭公路',
  '310117105': '新格路 新南路 新潮路 新腾路 明兴路',
  '310117107': '沪亭北路 九亭大街 涞寅路 易富路 伴亭路',
  '310116101': '朱泾镇人民路 新农路 珠泾路 临源街 亭枫公路',
  '310116112': '漕泾镇兴工路 合展路 月工路 漕廊公路',
  '310116113': '山阳镇卫清东路 浦卫公路 夏宁路 亭卫南路',
  '310114103': '安亭路 墨玉路 博园路 于田南路 泰顺路',
  '310114106': '马陆镇宝安公路 嘉新公路 思诚路 丰功路',
  '310114102': '德华路 沪宜公路 嘉美路 真南路 芳林路',
  '310118107': '华腾路 华徐公路 华志路 纪鹤公路',
  '310118105': '赵重公路 沪青平公路 业辉路 嘉松中路',
  '310101002': '南京东路 九江路 福州路 河南中路 天津路',
  '310104014': '漕溪北路 天钥桥路 虹桥路 肇嘉浜路 宜山路',
};

/** Road names inside a street's name (南京东路街道 → 南京东路). */
const roadInStreetName = (street: JurisdictionNode): string | null => {
  const match = /^(.+路)街道$/.exec(street.nameZh);
  return match?.[1] ?? null;
};

const words = (list: string): string[] => list.split(' ').filter((w) => w.length > 0);

/** Every district with its streets, in code order. */
export const DISTRICT_PROFILES: readonly DistrictProfile[] = SHANGHAI_DISTRICTS.map((node) => {
  const data = PROFILE_DATA[node.code];
  if (!data) throw new Error(`no demo profile for district ${node.code}`);
  return { node, ...data, roads: words(data.roads), streets: SHANGHAI_STREETS.filter((street) => street.parentCode === node.code) };
});

const PROFILE_BY_CODE = new Map(DISTRICT_PROFILES.map((profile) => [profile.node.code, profile]));

export function districtProfile(code: string): DistrictProfile {
  const profile = PROFILE_BY_CODE.get(code);
  if (!profile) throw new RangeError(`not a district: ${code}`);
  return profile;
}

/** Draws a district with probability proportional to its population. */
export const pickDistrictByPopulation = weightedPicker(
  DISTRICT_PROFILES,
  DISTRICT_PROFILES.map((profile) => profile.population),
);

/** Whether a township is a town (镇, codes 1xx) rather than a subdistrict (街道, 0xx). */
export const isTown = (street: JurisdictionNode): boolean => street.code.charAt(6) === '1';

/** A street of the district; `preferTowns` draws towns (where the factories are) when the district has any. */
export function pickStreet(random: Random, profile: DistrictProfile, preferTowns = false): JurisdictionNode {
  if (preferTowns) {
    const towns = profile.streets.filter(isTown);
    if (towns.length > 0) return random.pick(towns);
  }
  return random.pick(profile.streets);
}

/** A road of the street (when known) or of its district. */
export function pickRoad(random: Random, profile: DistrictProfile, street: JurisdictionNode): string {
  const own = STREET_ROADS[street.code];
  if (own && random.chance(0.8)) return stripTownPrefix(random.pick(words(own)), street);
  const inName = roadInStreetName(street);
  if (inName && random.chance(0.4)) return inName;
  return random.pick(profile.roads);
}

/** Some street roads are listed with their town (朱泾镇人民路): the town is printed once, by the address. */
const stripTownPrefix = (road: string, street: JurisdictionNode): string =>
  road.startsWith(street.nameZh) ? road.slice(street.nameZh.length) : road;

export type AddressStyle = 'shop' | 'office' | 'plant';

/**
 * A full address: 上海市 + district + town (towns only; subdistricts are not written) + road + number, and for
 * plants a building (幢), for offices a room, for shops sometimes a floor or unit.
 */
export function makeAddress(
  random: Random,
  profile: DistrictProfile,
  street: JurisdictionNode,
  style: AddressStyle,
  road: string = pickRoad(random, profile, street),
): string {
  const town = isTown(street) ? street.nameZh : '';
  const prefix = `上海市${profile.node.nameZh}${town}${road}`;
  switch (style) {
    case 'plant':
      return `${prefix}${random.int(1, 1999)}号${random.int(1, 12)}幢`;
    case 'office': {
      // Office towers downtown, low buildings in the towns.
      const floor = town === '' ? random.int(2, 28) : random.int(1, 5);
      return `${prefix}${random.int(1, 2999)}号${floor}${String(random.int(1, 20)).padStart(2, '0')}室`;
    }
    case 'shop': {
      const number = random.int(1, 2999);
      const tail = random.next();
      if (tail < 0.15) return `${prefix}${number}号${random.int(1, 3)}楼`;
      if (tail < 0.3) return `${prefix}${random.int(1, 1500)}弄${random.int(1, 60)}号`;
      if (tail < 0.4) return `${prefix}${number}号${itemAt(['一', '二', '三'], random.int(0, 2))}层${random.int(101, 130)}室`;
      return `${prefix}${number}号`;
    }
  }
}

/**
 * A short place name for a branch (分店) name: the street (张江镇 → 张江, 陆家嘴街道 → 陆家嘴, 南京东路街道 →
 * 南京东路) or the road the shop is on.
 */
export function branchArea(random: Random, street: JurisdictionNode, road: string): string {
  if (random.chance(0.55)) {
    const short = street.nameZh.replace(/(新村街道|镇街道|街道|新镇|镇)$/, '');
    if (short.length >= 2) return short;
  }
  return road;
}

/**
 * The division code inside a credit code: the registering authority's at issuance. Larger and
 * foreign-invested firms are often registered with the city bureau (310000); some 崇明 firms still carry the
 * retired county code.
 */
export function registrationDivision(random: Random, profile: DistrictProfile, cityShare: number): string {
  if (random.chance(cityShare)) return '310000';
  return profile.historicalCode !== null && random.chance(0.3) ? profile.historicalCode : profile.node.code;
}
