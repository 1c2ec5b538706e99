/**
 * Chinese personal names (姓名) and phone numbers for the demo city. Surnames follow the common-surname
 * ranking loosely (the first ones are drawn far more often); given names come mostly from a list of common
 * ones, the rest from characters typical of names of people born 1960–2000.
 */
import { weightedPicker, type Random } from './random.ts';

/** Common surnames (百家姓, by frequency), Shanghai-flavoured ones (陆, 顾, 沈, 钱, 蔡) included. */
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙', '史',
  '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '武', '戴', '孔', '汤', '倪', '施', '俞', '殷', '葛',
] as const;

const pickSurname = weightedPicker(
  SURNAMES,
  SURNAMES.map((_, i) => 1 / (i + 8)),
);

/** Common given names (名), one or two characters, men's and women's, of people born 1960–2000. */
const GIVEN_NAMES = (
  '建国 建华 建军 志强 志明 志刚 国强 国华 海涛 海峰 晓东 晓明 伟民 卫东 文杰 俊杰 浩然 子豪 宇航 振华 立新 永强 ' +
  '永刚 明辉 家豪 嘉伟 天宇 博文 鹏飞 建平 红兵 德明 金龙 正阳 思远 一鸣 泽宇 俊峰 军 伟 强 磊 勇 杰 涛 斌 超 刚 ' +
  '平 辉 鹏 华 飞 峰 波 亮 宁 秀英 桂英 秀兰 玉兰 丽华 丽娟 海燕 红梅 晓燕 婷婷 静怡 佳怡 欣怡 雪梅 美玲 慧敏 晓红 ' +
  '丽萍 春梅 玉梅 雅琴 文静 思琪 梦婷 诗涵 雨欣 佳琪 晓丽 凤英 美华 丹丹 敏 静 丽 艳 娟 芳 霞 燕 玲 婷 洁 颖 琳 倩 ' +
  '蓉 莉 萍 红 梅 琴 慧 雯 蕾 晶'
).split(' ');

/** Characters that also make given names in free combination, for variety beyond the list above. */
const GIVEN_CHARS = [...'伟强磊军勇杰涛明超刚平辉鹏华飞斌波宇浩俊峰建国志文东海林晨亮嘉毅晓春力永健荣新宏敏静丽艳娟霞芳燕玲婷雪慧颖琳倩洁萍红梅琴云莉蓉佳欣怡悦琦雯璐蕾晶菁瑾岚君瑛秀英'];

/** A plausible full name: a surname and a common given name, sometimes a freer two-character one. */
export function personName(random: Random): string {
  const surname = pickSurname(random);
  if (random.chance(0.75)) return `${surname}${random.pick(GIVEN_NAMES)}`;
  const first = random.pick(GIVEN_CHARS);
  let second = random.pick(GIVEN_CHARS);
  while (second === first) second = random.pick(GIVEN_CHARS);
  return `${surname}${first}${second}`;
}

const MOBILE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '158', '159', '177', '180', '181', '186', '187', '189', '199'] as const;

const digits = (random: Random, count: number): string => {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
};

/** A mainland mobile number (11 digits). */
export function mobilePhone(random: Random): string {
  return `${random.pick(MOBILE_PREFIXES)}${digits(random, 8)}`;
}

/** A Shanghai landline (区号 021, 8 digits, first digit 3–6). */
export function landlinePhone(random: Random): string {
  return `021-${random.int(3, 6)}${digits(random, 7)}`;
}

/** A business's listed phone: mostly a landline, sometimes the owner's mobile. */
export function businessPhone(random: Random): string {
  return random.chance(0.75) ? landlinePhone(random) : mobilePhone(random);
}
