import type { ChecklistTemplate } from './types.ts';

const LAW = '食品安全法';
const REGULATION = '食品安全法实施条例';
const ORDER_49 = '食品生产经营监督检查管理办法（总局令第49号）';
const WARNING_GUIDE = '保健食品标注警示用语指南（总局公告2019年第29号）';

/**
 * 保健食品销售 (health food sales) checklist, version 1: the general food-sales points that matter for a
 * health-food seller plus the special-food additions of 49号令 第十八条 (专区专柜, no mixing with ordinary
 * food or drugs, label and insert checked against the registration or filing).
 */
export const HEALTH_FOOD_SALES_V1: ChecklistTemplate = {
  id: 'health-food-sales@1',
  code: 'health-food-sales',
  version: 1,
  title: { 'zh-CN': '保健食品销售监督检查表', 'en-US': 'Health food sales inspection checklist' },
  sector: 'sales',
  appliesTo: {
    'zh-CN': '从事保健食品销售的食品经营者（商场超市、药店、专营店等）',
    'en-US': 'Food businesses that sell health food (supermarkets, pharmacies, specialist shops and the like)',
  },
  source: `${LAW}；${REGULATION}；${ORDER_49}第十三条、第十八条；${WARNING_GUIDE}`,
  sections: [
    {
      id: 'hfs-1',
      title: { 'zh-CN': '经营资质与人员', 'en-US': 'Licences and staff' },
      items: [
        {
          id: 'hfs-1.1',
          key: 'sales.licence_valid',
          text: {
            'zh-CN': '持有有效的食品经营许可证，经营项目包含保健食品销售，实际经营场所与许可一致',
            'en-US': 'Holds a valid food business licence that covers health food sales, trading at the licensed premises',
          },
          severity: 'key',
          basis: `${LAW} 第三十五条`,
        },
        {
          id: 'hfs-1.2',
          key: 'sales.licence_displayed',
          text: {
            'zh-CN': '在经营场所显著位置悬挂或者摆放营业执照、食品经营许可证正本等主体资质',
            'en-US': 'The business licence, the original food business licence and other credentials are displayed prominently at the premises',
          },
          severity: 'general',
          basis: '食品经营许可和备案管理办法（总局令第78号）',
        },
        {
          id: 'hfs-1.3',
          key: 'sales.food_safety_staff',
          text: {
            'zh-CN': '配备食品安全员（按规定配备食品安全总监），落实日管控、周排查、月调度工作制度',
            'en-US': 'A food safety officer (and a food safety director where required) is appointed; daily control, weekly review and monthly dispatch are carried out',
          },
          severity: 'general',
          basis: `${LAW} 第四十四条；企业落实食品安全主体责任监督管理规定（总局令第60号）`,
        },
        {
          id: 'hfs-1.4',
          key: 'sales.staff_health',
          text: {
            'zh-CN': '从业人员每年进行健康检查，取得健康证明后上岗',
            'en-US': 'Staff have a health check every year and work only with a valid health certificate',
          },
          severity: 'general',
          basis: `${LAW} 第四十五条`,
        },
      ],
    },
    {
      id: 'hfs-2',
      title: { 'zh-CN': '场所与陈列', 'en-US': 'Premises and display' },
      items: [
        {
          id: 'hfs-2.1',
          key: 'sales.dedicated_area',
          text: {
            'zh-CN': '设立保健食品专区或者专柜销售，并在显著位置标明“保健食品专区（专柜）”字样',
            'en-US': 'Health food is sold from a dedicated area or counter, signposted prominently as such',
          },
          severity: 'general',
          basis: `${REGULATION} 第三十九条；${ORDER_49} 第十八条`,
        },
        {
          id: 'hfs-2.2',
          key: 'sales.no_mixing',
          text: {
            'zh-CN': '保健食品未与普通食品、药品混放销售',
            'en-US': 'Health food is not displayed for sale mixed with ordinary food or drugs',
          },
          severity: 'general',
          basis: `${REGULATION} 第三十九条；${ORDER_49} 第十八条`,
        },
        {
          id: 'hfs-2.3',
          key: 'sales.consumer_notice',
          text: {
            'zh-CN': '在专区或者专柜显著位置设置消费提示：“保健食品不是药物，不能代替药物治疗疾病”',
            'en-US': 'A consumer notice is posted prominently at the area or counter: "Health food is not medicine and cannot replace medicine in treating disease"',
          },
          severity: 'general',
          basis: WARNING_GUIDE,
        },
        {
          id: 'hfs-2.4',
          key: 'sales.storage',
          text: {
            'zh-CN': '按照标签标示的贮存条件贮存保健食品；库房整洁，离地离墙存放，与有毒、有害物品分开',
            'en-US': 'Health food is stored under the conditions on its label; the storeroom is clean, goods are kept off the floor and away from walls and apart from toxic or hazardous substances',
          },
          severity: 'general',
          basis: `${LAW} 第三十三条、第五十四条`,
        },
      ],
    },
    {
      id: 'hfs-3',
      title: { 'zh-CN': '产品与标签说明书', 'en-US': 'Products, labels and inserts' },
      items: [
        {
          id: 'hfs-3.1',
          key: 'sales.registered_products',
          text: {
            'zh-CN': '销售的保健食品均取得保健食品注册证书或者备案凭证，未销售未经注册或者备案的产品',
            'en-US': 'Every health food on sale is registered or filed; no unregistered or unfiled product is sold',
          },
          severity: 'key',
          basis: `${LAW} 第七十六条`,
        },
        {
          id: 'hfs-3.2',
          key: 'sales.label_matches_registration',
          text: {
            'zh-CN': '标签、说明书与注册或者备案内容一致（产品名称、原料、功效成分或标志性成分及含量、保健功能、适宜人群、不适宜人群、食用量等）',
            'en-US':
              'Label and insert match the registration or filing (product name, ingredients, functional or marker ingredient and amount, health functions, suitable and unsuitable groups, dosage)',
          },
          severity: 'key',
          basis: `${LAW} 第七十八条；${REGULATION} 第三十九条；${ORDER_49} 第十八条`,
        },
        {
          id: 'hfs-3.3',
          key: 'sales.mark_and_number',
          text: {
            'zh-CN': '标签标注保健食品标志（“蓝帽子”）和注册号或者备案号，并与注册证书或者备案凭证一致',
            'en-US': 'The label carries the health food mark (the "blue hat") and the registration or filing number, matching the certificate or filing record',
          },
          severity: 'general',
          basis: `${LAW} 第七十八条`,
        },
        {
          id: 'hfs-3.4',
          key: 'sales.claims_permitted',
          text: {
            'zh-CN': '声称的保健功能在允许保健食品声称的保健功能目录和注册或者备案范围内，未涉及疾病预防、治疗功能',
            'en-US': 'The health functions claimed are on the list of permitted functions and within the registration or filing; no claim to prevent or treat disease',
          },
          severity: 'key',
          basis: `${LAW} 第七十五条、第七十八条`,
        },
        {
          id: 'hfs-3.5',
          key: 'sales.label_warning',
          text: {
            'zh-CN': '最小销售包装主要展示版面设有警示用语区，标注“保健食品不是药物，不能代替药物治疗疾病”；生产日期和保质期标注清晰',
            'en-US':
              'The principal display panel of the smallest sales pack has the warning zone "Health food is not medicine and cannot replace medicine in treating disease"; production date and shelf life are clearly marked',
          },
          severity: 'general',
          basis: WARNING_GUIDE,
        },
      ],
    },
    {
      id: 'hfs-4',
      title: { 'zh-CN': '进货查验与追溯', 'en-US': 'Purchase checks and traceability' },
      items: [
        {
          id: 'hfs-4.1',
          key: 'sales.purchase_check',
          text: {
            'zh-CN': '进货时查验供货者的许可证和产品合格证明文件，留存保健食品注册证书或者备案凭证复印件及同批次产品检验报告',
            'en-US':
              "On purchase, the supplier's licence and the product's proof of conformity are checked, and copies of the registration certificate or filing record and the batch test report are kept",
          },
          severity: 'key',
          basis: `${LAW} 第五十三条`,
        },
        {
          id: 'hfs-4.2',
          key: 'sales.purchase_records',
          text: {
            'zh-CN':
              '如实记录进货查验信息（名称、规格、数量、生产日期或者生产批号、保质期、进货日期以及供货者名称、地址、联系方式），记录和凭证保存期限不得少于产品保质期满后六个月；没有明确保质期的，保存期限不得少于二年',
            'en-US':
              'Purchase records are truthful and complete (name, specification, quantity, production date or lot, shelf life, purchase date, supplier name, address and contact) and kept, with the vouchers, at least six months after the shelf life ends, or two years where there is no shelf life',
          },
          severity: 'general',
          basis: `${LAW} 第五十三条`,
        },
        {
          id: 'hfs-4.3',
          key: 'sales.traceability',
          text: {
            'zh-CN': '建立食品安全追溯体系，能够追溯产品来源；从事批发业务的，如实记录销售信息',
            'en-US': "A traceability system traces every product's source; a wholesaler also records its sales truthfully",
          },
          severity: 'general',
          basis: `${LAW} 第四十二条、第五十三条`,
        },
      ],
    },
    {
      id: 'hfs-5',
      title: { 'zh-CN': '经营过程控制', 'en-US': 'Trading practice' },
      items: [
        {
          id: 'hfs-5.1',
          key: 'sales.no_expired_goods',
          text: {
            'zh-CN': '未经营超过保质期、腐败变质、标签不符合规定或者其他不符合食品安全标准的保健食品',
            'en-US': 'No health food on sale is past its shelf life, spoiled, wrongly labelled or otherwise not up to food safety standards',
          },
          severity: 'key',
          basis: `${LAW} 第三十四条`,
        },
        {
          id: 'hfs-5.2',
          key: 'sales.stock_check',
          text: {
            'zh-CN': '定期检查库存，及时清理变质或者超过保质期的保健食品，并记录处置情况',
            'en-US': 'Stock is checked regularly; spoiled or expired health food is removed promptly and its disposal recorded',
          },
          severity: 'general',
          basis: `${LAW} 第五十四条`,
        },
        {
          id: 'hfs-5.3',
          key: 'sales.no_false_claims',
          text: {
            'zh-CN': '店内宣传及讲座、会议营销、健康咨询等活动未虚假宣传保健功能，未宣称具有疾病预防、治疗功能',
            'en-US': 'In-store promotion, lectures, sales meetings and "health consultations" make no false health claims and no claim to prevent or treat disease',
          },
          severity: 'key',
          basis: `${LAW} 第七十三条；${REGULATION} 第三十四条`,
        },
        {
          id: 'hfs-5.4',
          key: 'sales.advertising_approved',
          text: {
            'zh-CN': '店内发布的保健食品广告经审查批准，内容与批准内容一致，并显著标明“本品不能代替药物”',
            'en-US': 'Health food adverts shown in the shop are approved, match the approval and prominently state "this product cannot replace medicine"',
          },
          severity: 'general',
          basis: `${LAW} 第七十九条；广告法 第十八条、第四十六条`,
        },
        {
          id: 'hfs-5.5',
          key: 'sales.stop_nonconforming',
          text: {
            'zh-CN': '发现保健食品不符合食品安全标准或者有证据证明可能危害人体健康的，立即停止经营，通知相关生产经营者和消费者，并记录停止经营和通知情况',
            'en-US':
              'Health food found not up to standard or possibly harmful is withdrawn from sale at once, the producers and consumers concerned are notified, and the withdrawal and notices are recorded',
          },
          severity: 'general',
          basis: `${LAW} 第六十三条`,
        },
        {
          id: 'hfs-5.6',
          key: 'sales.self_inspection',
          text: {
            'zh-CN': '定期开展食品安全自查并记录，发现问题及时整改',
            'en-US': 'Food safety self-inspections are carried out regularly and recorded; problems found are corrected promptly',
          },
          severity: 'general',
          basis: `${LAW} 第四十七条`,
        },
      ],
    },
  ],
};
